package cn.yinling.warehouse.serve;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** {@link AuditHistory}'s query; SQL in resources cn/yinling/warehouse/serve/AuditHistoryQueries. */
@UseClasspathSqlLocator
interface AuditHistoryQueries {

    @SqlQuery
    List<String> findingIds(@Define("glob") String quotedGlob);
}
