package cn.yinling.warehouse.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One published version opened in an in-memory DuckDB database, with a view per table folder. Reference counted:
 * the reader holds one reference while the version is live and every query holds one while it runs; the database
 * is closed when the last reference is released, so a version switch never pulls the database from under a query.
 */
final class OpenVersion {

    private static final Logger LOG = LoggerFactory.getLogger(OpenVersion.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    static final List<String> REQUIRED_TABLES = List.of("mart_kpi", "dim_region", "dim_month");

    private final PublishedVersion version;
    private final Set<String> tables;
    private final FeedDeliveries deliveries;
    private final DuckDBConnection database;
    private final Jdbi jdbi;
    private final AtomicInteger references = new AtomicInteger(1);

    private OpenVersion(PublishedVersion version, List<String> tables, DuckDBConnection database) {
        this.version = version;
        this.tables = Set.copyOf(tables);
        this.deliveries = readDeliveries(version.directory().resolve("lineage.json"));
        this.database = database;
        // Each handle gets its own connection to the same in-memory database, so queries run side by side.
        this.jdbi = Jdbi.create(database::duplicate).installPlugin(new SqlObjectPlugin());
    }

    static OpenVersion open(PublishedVersion version) {
        List<String> tables = tableFolders(version.directory());
        List<String> missing = REQUIRED_TABLES.stream().filter(t -> !tables.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("数仓版本 " + version.number() + " 缺少数据表 " + missing + "：" + version.directory());
        }
        DuckDBConnection database = connect();
        OpenVersion opened = new OpenVersion(version, tables, database);
        try {
            opened.jdbi.useExtension(VersionSetup.class, setup -> {
                for (String table : tables) {
                    setup.createParquetView(table, quoted(version.directory().resolve(table) + "/*.parquet"));
                }
            });
        } catch (RuntimeException e) {
            opened.closeDatabase();
            throw e;
        }
        LOG.info("opened warehouse version {} ({} tables)", version.number(), tables.size());
        return opened;
    }

    private static DuckDBConnection connect() {
        Properties config = new Properties();
        // Everything needed (Parquet) is linked in; a missing extension must fail, not try to download.
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", config);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory DuckDB database", e);
        }
    }

    /** Folders holding at least one Parquet file; names starting with '.' or '_' are not tables (Spark's markers). */
    private static List<String> tableFolders(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("数仓版本目录不存在：" + directory);
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> TABLE_NAME.matcher(name).matches())
                    .filter(name -> hasParquet(directory.resolve(name)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static boolean hasParquet(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The feeds and periods of the batches lineage.json lists; unknown when the file is missing or unreadable. */
    private static FeedDeliveries readDeliveries(Path lineage) {
        if (!Files.isRegularFile(lineage)) {
            return FeedDeliveries.unknown();
        }
        try {
            JsonNode batches = new ObjectMapper().readTree(lineage.toFile()).path("batches");
            Map<String, SortedSet<String>> periods = new TreeMap<>();
            for (JsonNode batch : batches) {
                periods.computeIfAbsent(batch.path("feed").asText(), f -> new TreeSet<>()).add(batch.path("period").asText());
            }
            return new FeedDeliveries(periods, batches.isArray());
        } catch (IOException e) {
            LOG.warn("cannot read {}; every feed counts as delivered", lineage, e);
            return FeedDeliveries.unknown();
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    int number() {
        return version.number();
    }

    Jdbi jdbi() {
        return jdbi;
    }

    boolean hasTable(String table) {
        return tables.contains(table);
    }

    FeedDeliveries deliveries() {
        return deliveries;
    }

    /** Takes a reference unless the version is already closed (then the caller must look for the live one again). */
    boolean retain() {
        while (true) {
            int count = references.get();
            if (count == 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            closeDatabase();
            LOG.info("closed warehouse version {}", version.number());
        } else if (left < 0) {
            throw new IllegalStateException("version " + version.number() + " released more often than retained");
        }
    }

    boolean isClosed() {
        return references.get() == 0;
    }

    PublishedVersion published() {
        return version;
    }

    private void closeDatabase() {
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("closing warehouse version {} failed", version.number(), e);
        }
    }
}
