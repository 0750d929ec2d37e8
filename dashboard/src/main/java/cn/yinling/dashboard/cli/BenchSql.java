package cn.yinling.dashboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * DuckDB's COPY takes no bind parameters for file names, so the benchmark's statement gets its two paths as quoted
 * literals; nothing a user typed reaches it.
 */
final class BenchSql {

    private BenchSql() {
    }

    static String duckDbCopy(Path csv, int skip, Path parquet) {
        try (InputStream in = BenchSql.class.getResourceAsStream("duckdb_csv_to_parquet.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.replace(":csv", literal(csv.toString()))
                    .replace(":skip", Integer.toString(skip))
                    .replace(":parquet", literal(parquet.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
