package cn.yinling.dashboard.appstate;

import cn.yinling.warehouse.store.AgingHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The dashboard's own state (users, sessions, API tokens, login attempts, audit log, ETL runs, marks of audit
 * findings and the identities a session revealed) in SQLite at
 * {@code $AGING_HOME/app/app.db}. WAL mode with a busy timeout, so {@code aging user add} can write while the server
 * runs. The schema is the migrations under resources {@code cn/yinling/dashboard/appstate/migrations/NNN-*.sql},
 * applied in order once each.
 */
public final class AppStore {

    private static final String MIGRATIONS = "cn/yinling/dashboard/appstate/migrations/";
    private static final String[] MIGRATION_FILES = {"001-accounts.sql", "002-audit-marks.sql"};

    private final Jdbi jdbi;
    private final Path file;

    private AppStore(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        this.jdbi = Jdbi.create(source).installPlugin(new SqlObjectPlugin());
    }

    /** Opens (creating when needed) the store of an AGING_HOME and brings its schema up to date. */
    public static AppStore open(AgingHome home) {
        Path dir = home.root().resolve("app");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        AppStore store = new AppStore(dir.resolve("app.db"));
        store.migrate();
        return store;
    }

    private void migrate() {
        jdbi.useTransaction(h -> {
            h.execute("create table if not exists schema_migrations (name text primary key, applied_at integer not null)");
            for (String name : MIGRATION_FILES) {
                boolean applied = h.createQuery("select count(*) from schema_migrations where name = :name")
                        .bind("name", name).mapTo(Integer.class).one() > 0;
                if (!applied) {
                    h.createScript(resource(MIGRATIONS + name)).execute();
                    h.createUpdate("insert into schema_migrations (name, applied_at) values (:name, :at)")
                            .bind("name", name).bind("at", System.currentTimeMillis()).execute();
                }
            }
        });
    }

    private static String resource(String path) {
        try (InputStream in = AppStore.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Users users() {
        return jdbi.onDemand(Users.class);
    }

    public Sessions sessions() {
        return jdbi.onDemand(Sessions.class);
    }

    public LoginAttempts loginAttempts() {
        return jdbi.onDemand(LoginAttempts.class);
    }

    public ApiTokens apiTokens() {
        return jdbi.onDemand(ApiTokens.class);
    }

    public AuditEntries audit() {
        return jdbi.onDemand(AuditEntries.class);
    }

    public EtlRuns etlRuns() {
        return jdbi.onDemand(EtlRuns.class);
    }

    public AuditMarks auditMarks() {
        return jdbi.onDemand(AuditMarks.class);
    }

    public AuditSightings auditSightings() {
        return jdbi.onDemand(AuditSightings.class);
    }

    public AuditReveals auditReveals() {
        return jdbi.onDemand(AuditReveals.class);
    }
}
