package cn.yinling.warehouse.serve;

import java.util.Properties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A Jdbi whose every handle is a fresh in-memory DuckDB database, for reading Parquet folders outside a version. */
final class InMemoryDuckDb {

    private InMemoryDuckDb() {
    }

    static Jdbi jdbi() {
        Properties config = new Properties();
        // Parquet is linked in; a missing extension must fail, not try to download.
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        return Jdbi.create("jdbc:duckdb:", config).installPlugin(new SqlObjectPlugin());
    }

    /** A quoted SQL string literal of a Parquet glob: table functions take no bind parameter for their path. */
    static String quotedGlob(java.nio.file.Path folder) {
        return "'" + folder.resolve("*.parquet").toString().replace("'", "''") + "'";
    }

    static boolean hasParquet(java.nio.file.Path folder) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return false;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + folder, e);
        }
    }
}
