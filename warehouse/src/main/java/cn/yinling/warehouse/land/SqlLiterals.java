package cn.yinling.warehouse.land;

/** Quoting for the few values DuckDB takes only as literals (SET values, struct keys), never for user data. */
final class SqlLiterals {

    private SqlLiterals() {
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
