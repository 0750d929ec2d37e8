-- Audit findings in the app store (issue #5): marks, what a marked finding was, where each finding was first seen,
-- and which persons a session revealed. Findings live in the published versions; a finding_id is stable across
-- versions for the same case, so everything here is keyed by it and outlives the versions.

-- Every mark ever set, oldest first; the current mark of a finding is its newest row (history kept, never edited).
create table audit_marks (
    id         integer primary key,
    finding_id text    not null,
    status     text    not null check (status in ('confirmed', 'false_alarm', 'fixed')),
    comment    text,
    marked_by  text    not null,
    marked_at  integer not null,
    version    integer not null
);
create index audit_marks_finding on audit_marks (finding_id, id);

create trigger audit_marks_no_update before update on audit_marks
begin
    select raise(abort, 'audit_marks is append-only');
end;
create trigger audit_marks_no_delete before delete on audit_marks
begin
    select raise(abort, 'audit_marks is append-only');
end;

-- The facts of a marked finding as the version showed them when it was last marked, so that it can still be
-- listed (as 已消除) once no version holds it. person_key only: no name or ID number.
create table audit_marked_findings (
    finding_id   text    primary key,
    rule         text    not null,
    month        text    not null,
    person_key   text,
    order_id     text,
    region_code  text,
    amount       text,
    evidence     text,
    seen_version integer not null
);

-- The first version in which the dashboard saw each finding (versions are read in order, each once).
create table audit_first_seen (
    finding_id text    primary key,
    version    integer not null
) without rowid;

create table audit_seen_versions (
    version integer primary key,
    seen_at integer not null
);

-- Persons whose identity a session revealed: that session's exports show them unmasked. Ends with the session.
create table audit_reveals (
    session_sha256 text    not null references sessions (id_sha256) on delete cascade,
    person_key     text    not null,
    revealed_at    integer not null,
    primary key (session_sha256, person_key)
);
