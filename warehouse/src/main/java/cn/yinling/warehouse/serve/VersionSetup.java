package cn.yinling.warehouse.serve;

import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Statements run once when a version is opened. DDL cannot take bind parameters, so the table name (checked to be
 * a plain identifier) and the quoted glob are defined into the template.
 */
@UseClasspathSqlLocator
interface VersionSetup {

    @SqlUpdate
    void createParquetView(@Define("table") String table, @Define("glob") String quotedGlob);
}
