package cn.yinling.warehouse.land;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A private in-memory DuckDB for one landing task; closing the handle closes the database. */
final class DuckDb {

    private static final Jdbi IN_MEMORY = Jdbi.create("jdbc:duckdb:").installPlugin(new SqlObjectPlugin());

    private DuckDb() {
    }

    static Handle open() {
        return IN_MEMORY.open();
    }
}
