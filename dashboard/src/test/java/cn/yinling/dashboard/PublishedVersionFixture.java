package cn.yinling.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import cn.yinling.warehouse.store.FolderSwap;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * Writes tiny published versions under an AGING_HOME: hand-written rows (SQL scripts in test resources that create
 * in-memory DuckDB tables named like the published ones), written to Parquet by DuckDB, and a lineage.json naming
 * the feeds that came in.
 */
public final class PublishedVersionFixture {

    static final String RESOURCES = "cn/yinling/dashboard/";
    /** Tables a script may create; each one created is written as a table folder of the version. */
    static final List<String> TABLES = List.of("dim_region", "dim_month", "mart_kpi", "mart_population_pyramid",
            "audit_finding", "mart_audit_summary", "mart_proof_of_life");

    private final Path home;

    public PublishedVersionFixture(Path home) {
        this.home = home;
    }

    /** A quoted SQL string literal: COPY TO takes no bind parameters. */
    private static String partFile(Path dir, String table) {
        return "'" + dir.resolve(table).resolve("part-00000.parquet").toString().replace("'", "''") + "'";
    }

    /**
     * Writes version {@code number} from dims.sql, pyramid.sql and the given scripts (run in order: the first creates
     * mart_kpi, later ones may change it), with lineage_v1.json, then points CURRENT at it (atomic rename).
     */
    public void publish(int number, String... martScripts) {
        List<String> scripts = new ArrayList<>(List.of("dims.sql", "pyramid.sql"));
        scripts.addAll(List.of(martScripts));
        publishFrom(number, RESOURCES, "lineage_v1.json", scripts.toArray(String[]::new));
    }

    /**
     * Writes version {@code number} from the scripts of another fixture (resource folder {@code folder}, ending in
     * '/'; run in order) with its lineage file, then points CURRENT at it.
     */
    public void publishFrom(int number, String folder, String lineage, String... scripts) {
        Path dir = home.resolve("warehouse/versions/" + number);
        try {
            Files.createDirectories(dir);
            Jdbi jdbi = Jdbi.create("jdbc:duckdb:");
            ClasspathSqlLocator sql = ClasspathSqlLocator.removingComments();
            jdbi.useHandle(h -> {
                for (String script : scripts) {
                    h.createScript(sql.getResource(folder + script)).execute();
                }
                List<String> created = h.createQuery("SELECT table_name FROM information_schema.tables")
                        .mapTo(String.class).list();
                for (String table : TABLES) {
                    if (!created.contains(table)) {
                        continue;
                    }
                    Files.createDirectories(dir.resolve(table));
                    h.createUpdate(sql.getResource(RESOURCES + "copy_table.sql"))
                            .define("table", table).define("file", partFile(dir, table)).execute();
                }
            });
            // Spark leaves such markers; the reader must ignore them.
            Files.writeString(dir.resolve("mart_kpi/_SUCCESS"), "");
            try (InputStream in = PublishedVersionFixture.class.getResourceAsStream("/" + folder + lineage)) {
                Files.copy(in, dir.resolve("lineage.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path pointer = home.resolve("warehouse/CURRENT");
            Path tmp = home.resolve("warehouse/.CURRENT.tmp");
            Files.writeString(tmp, number + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the PII vault (vault/person) from a script creating the table {@code person} (person_key, id_number,
     * name), laid out as the ETL does it: a link to a hidden folder, switched by {@link FolderSwap}.
     */
    public void writeVault(String script) {
        Path name = home.resolve("vault/person");
        try {
            Files.createDirectories(name.getParent());
            Path staged = FolderSwap.stagingFor(name);
            Files.createDirectories(staged);
            ClasspathSqlLocator sql = ClasspathSqlLocator.removingComments();
            Jdbi.create("jdbc:duckdb:").useHandle(h -> {
                h.createScript(sql.getResource(RESOURCES + script)).execute();
                h.createUpdate(sql.getResource(RESOURCES + "copy_table.sql")).define("table", "person")
                        .define("file", "'" + staged.resolve("part-00000.parquet").toString().replace("'", "''") + "'")
                        .execute();
            });
            FolderSwap.replace(name, staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
