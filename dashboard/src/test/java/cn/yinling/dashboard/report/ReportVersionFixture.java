package cn.yinling.dashboard.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Writes the report's tiny published versions under an AGING_HOME, the way the dashboard's PublishedVersionFixture
 * does: hand-written rows (SQL scripts creating in-memory DuckDB tables named like the published ones) written to
 * Parquet by DuckDB, lineage.json beside them, then CURRENT switched by an atomic rename.
 */
public final class ReportVersionFixture {

    static final String RESOURCES = "cn/yinling/dashboard/report/";
    /** The usual version: dimensions, KPIs and the pyramid, without audit results. */
    public static final String[] WITHOUT_AUDIT = {"dims.sql", "mart_kpi.sql", "pyramid.sql"};
    public static final String[] WITH_AUDIT = {"dims.sql", "mart_kpi.sql", "pyramid.sql", "audit_summary.sql"};
    private static final List<String> TABLES =
            List.of("dim_region", "dim_month", "mart_kpi", "mart_population_pyramid", "mart_audit_summary");

    private final Path home;

    public ReportVersionFixture(Path home) {
        this.home = home;
    }

    public void publish(int number, String... scripts) {
        Path dir = home.resolve("warehouse/versions/" + number);
        try {
            Files.createDirectories(dir);
            ClasspathSqlLocator sql = ClasspathSqlLocator.removingComments();
            Jdbi.create("jdbc:duckdb:").useHandle(h -> {
                for (String script : scripts) {
                    h.createScript(sql.getResource(RESOURCES + script)).execute();
                }
                List<String> created = h.createQuery("SELECT table_name FROM information_schema.tables")
                        .mapTo(String.class).list();
                for (String table : TABLES) {
                    if (created.contains(table)) {
                        Files.createDirectories(dir.resolve(table));
                        String file = "'" + dir.resolve(table).resolve("part-00000.parquet").toString()
                                .replace("'", "''") + "'";
                        h.createUpdate(sql.getResource(RESOURCES + "copy_table.sql"))
                                .define("table", table).define("file", file).execute();
                    }
                }
            });
            try (InputStream lineage = getClass().getResourceAsStream("/" + RESOURCES + "lineage.json")) {
                Files.copy(lineage, dir.resolve("lineage.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path tmp = home.resolve("warehouse/.CURRENT.tmp");
            Files.writeString(tmp, number + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, home.resolve("warehouse/CURRENT"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
