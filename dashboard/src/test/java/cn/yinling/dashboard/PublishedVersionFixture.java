package cn.yinling.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** (Same as the warehouse serve tests' fixture.) Writes tiny published versions (hand-written rows, written to Parquet by DuckDB) under an AGING_HOME. */
public final class PublishedVersionFixture {

    private final Path home;

    public PublishedVersionFixture(Path home) {
        this.home = home;
    }

    /** A quoted SQL string literal: COPY TO takes no bind parameters. */
    private static String partFile(Path dir, String table) {
        return "'" + dir.resolve(table).resolve("part-00000.parquet").toString().replace("'", "''") + "'";
    }

    /** Writes version {@code number} with the given mart_kpi script, then points CURRENT at it (atomic rename). */
    public void publish(int number, String martScript) {
        Path dir = home.resolve("warehouse/versions/" + number);
        try {
            for (String table : new String[] {"dim_region", "dim_month", "mart_kpi"}) {
                Files.createDirectories(dir.resolve(table));
            }
            // Spark leaves such markers; the reader must ignore them.
            Files.writeString(dir.resolve("mart_kpi/_SUCCESS"), "");
            Jdbi jdbi = Jdbi.create("jdbc:duckdb:");
            ClasspathSqlLocator sql = ClasspathSqlLocator.removingComments();
            jdbi.useHandle(h -> {
                for (String script : new String[] {"dims.sql", martScript}) {
                    h.createScript(sql.getResource("cn/yinling/dashboard/" + script))
                            .define("dim_region_file", partFile(dir, "dim_region"))
                            .define("dim_month_file", partFile(dir, "dim_month"))
                            .define("mart_kpi_file", partFile(dir, "mart_kpi"))
                            .execute();
                }
            });
            Path pointer = home.resolve("warehouse/CURRENT");
            Path tmp = home.resolve("warehouse/.CURRENT.tmp");
            Files.writeString(tmp, number + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
