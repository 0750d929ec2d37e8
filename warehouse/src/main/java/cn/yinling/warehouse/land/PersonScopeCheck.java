package cn.yinling.warehouse.land;

import cn.yinling.warehouse.parse.IdNumber;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * OUT_OF_SCOPE for person feeds without a region column (spec/feeds.md §7), for a unit whose scope is narrower than
 * the city: a row is out of scope when its person is registered, in the household snapshot in force, only outside the
 * unit's scope. A person the registry does not know is not out of scope.
 *
 * <p>Streaming: while the rows pass, the row number, ID number and whether the row was loaded go to a small side file
 * in the batch's private temporary folder; after the pass DuckDB joins it with the snapshot's accepted.parquet files.
 * Neither the upload nor the register is held in memory.
 */
final class PersonScopeCheck implements AutoCloseable {

    static final String SIDE_FILE = "scope-ids.tmp.csv";

    /** A row whose person is registered outside the scope; {@code loaded} when the row had no other error. */
    record Hit(int line, boolean loaded, String region) {
    }

    private final Path sideFile;
    private final Path workDir;
    private final BufferedWriter out;
    private boolean closed;

    PersonScopeCheck(Path workDir) throws IOException {
        this.workDir = workDir;
        this.sideFile = workDir.resolve(SIDE_FILE);
        this.out = Files.newBufferedWriter(sideFile, StandardCharsets.UTF_8);
    }

    /** Records a data row whose ID number could be read. */
    void record(int row, IdNumber id, boolean loaded) throws IOException {
        out.write(Integer.toString(row));
        out.write(',');
        out.write(id.value());
        out.write(loaded ? ",true\n" : ",false\n");
    }

    /**
     * @param households the accepted.parquet files of the household snapshot in force; empty when none has landed
     * @param scopePrefix the leading digits of every 12-digit region code inside the unit's scope
     */
    List<Hit> outOfScope(List<Path> households, String scopePrefix) throws IOException {
        finishSideFile();
        if (households.isEmpty()) {
            return List.of();
        }
        String files = String.join("\n", households.stream().map(Path::toString).toList());
        try (Handle handle = DuckDb.open()) {
            LandingSql sql = handle.attach(LandingSql.class);
            sql.settings(SqlLiterals.quote(workDir.resolve("duckdb-spill").toString()), SqlLiterals.quote("512MB"));
            return sql.personsOutOfScope(sideFile.toString(), files, scopePrefix);
        } finally {
            Landing.deleteRecursively(workDir.resolve("duckdb-spill"));
        }
    }

    private void finishSideFile() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    @Override
    public void close() throws IOException {
        finishSideFile();
        Files.deleteIfExists(sideFile);
    }
}
