package cn.yinling.warehouse.serve;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The trend explorer's queries (several KPIs × several regions over a range of months, the breakdown values, the
 * region search); SQL in resources cn/yinling/warehouse/serve/ExplorerQueries/*.sql. Months are bound as YYYY-MM.
 */
@UseClasspathSqlLocator
public interface ExplorerQueries {

    /** Every row (totals and breakdowns) of the KPIs for the regions from {@code fromMonth} to {@code toMonth}. */
    @SqlQuery
    @RegisterConstructorMapper(KpiRow.class)
    List<KpiRow> seriesRows(@BindList("kpiCodes") List<String> kpiCodes,
            @BindList("regionCodes") List<String> regionCodes, @Bind("fromMonth") String fromMonth,
            @Bind("toMonth") String toMonth);

    @SqlQuery
    @RegisterConstructorMapper(KpiBreakdown.class)
    List<KpiBreakdown> breakdowns();

    /** Regions (city and below) whose name contains {@code text} or whose code starts with it, at most {@code limit}. */
    @SqlQuery
    @RegisterConstructorMapper(RegionMatch.class)
    List<RegionMatch> searchRegions(@Bind("text") String text, @Bind("limit") int limit);
}
