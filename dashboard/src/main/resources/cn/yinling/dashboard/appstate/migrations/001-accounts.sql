-- Accounts, sessions, API tokens, login attempts, the audit log and ETL runs (issue #4).
-- Times are epoch milliseconds (UTC); the pages show them in Asia/Shanghai.

create table users (
    id                   integer primary key,
    name                 text    not null unique collate nocase,
    role                 text    not null check (role in ('leader', 'planner', 'uploader', 'admin')),
    unit                 text,
    password_hash        text    not null,
    must_change_password integer not null default 1,
    disabled             integer not null default 0,
    created_at           integer not null,
    password_changed_at  integer,
    check ((role = 'uploader') = (unit is not null))
);

-- The session id itself is only in the user's cookie; the table keeps its SHA-256.
create table sessions (
    id_sha256    text    primary key,
    user_id      integer not null references users (id),
    csrf_token   text    not null,
    created_at   integer not null,
    last_seen_at integer not null,
    expires_at   integer not null,
    ip           text
);
create index sessions_user on sessions (user_id);

create table login_attempts (
    id      integer primary key,
    name    text    not null collate nocase,
    ip      text,
    at      integer not null,
    success integer not null
);
create index login_attempts_name_at on login_attempts (name, at);
create index login_attempts_ip_at on login_attempts (ip, at);

create table api_tokens (
    id           integer primary key,
    unit         text    not null,
    token_sha256 text    not null unique,
    created_at   integer not null,
    created_by   text    not null,
    revoked_at   integer,
    revoked_by   text,
    last_used_at integer
);
create index api_tokens_unit on api_tokens (unit);

create table audit_log (
    id      integer primary key,
    at      integer not null,
    actor   text    not null,
    role    text,
    action  text    not null,
    target  text,
    detail  text,
    outcome text    not null,
    ip      text
);
create index audit_log_at on audit_log (at);

-- Append-only: not even a bug in the app can change or remove an entry.
create trigger audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;
create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;

create table etl_runs (
    id                integer primary key,
    started_at        integer not null,
    started_by        text    not null,
    finished_at       integer,
    status            text    not null check (status in ('running', 'succeeded', 'failed', 'interrupted')),
    exit_code         integer,
    published_version integer,
    last_line         text
);
