package cn.yinling.dashboard.report;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the annual report reads beyond the KPI and region queries of the serve package; SQL in resources
 * cn/yinling/dashboard/report/ReportQueries/*.sql. Months are bound as YYYY-MM.
 */
@UseClasspathSqlLocator
interface ReportQueries {

    /** One cell of the population pyramid (age band as in dim_age_band, sex M/F). */
    record PyramidCell(String ageBand, String sex, long population) {
    }

    /** mart_audit_summary summed over the months of a year, per rule and region (issue #5's table). */
    record AuditCount(String rule, String regionCode, int regionLevel, long findings, Double amount) {
    }

    /** The tables (views) of the pinned version, so that a section can tell "no table" from "no rows". */
    @SqlQuery
    List<String> tables();

    @SqlQuery
    @RegisterConstructorMapper(PyramidCell.class)
    List<PyramidCell> pyramid(@Bind("regionCode") String regionCode, @Bind("month") String month);

    @SqlQuery
    @RegisterConstructorMapper(AuditCount.class)
    List<AuditCount> auditSummary(@Bind("fromMonth") String fromMonth, @Bind("toMonth") String toMonth);
}
