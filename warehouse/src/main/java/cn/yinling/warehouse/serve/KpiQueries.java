package cn.yinling.warehouse.serve;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** mart_kpi queries; SQL in resources cn/yinling/warehouse/serve/KpiQueries/*.sql. Months are bound as YYYY-MM. */
@UseClasspathSqlLocator
public interface KpiQueries {

    @SqlQuery
    List<String> months();

    @SqlQuery
    List<String> publishedKpis();

    @SqlQuery
    @RegisterConstructorMapper(KpiMonthValue.class)
    List<KpiMonthValue> valuesWithPrevious(@Bind("regionCode") String regionCode, @Bind("month") String month);

    @SqlQuery
    @RegisterConstructorMapper(KpiRow.class)
    List<KpiRow> trend(@Bind("kpiCode") String kpiCode, @Bind("regionCode") String regionCode,
            @Bind("breakdown") String breakdown);

    @SqlQuery
    @RegisterConstructorMapper(KpiRow.class)
    List<KpiRow> children(@Bind("kpiCode") String kpiCode, @Bind("parentCode") String parentCode,
            @Bind("month") String month, @Bind("breakdown") String breakdown);

    @SqlQuery
    @RegisterConstructorMapper(KpiRow.class)
    List<KpiRow> rows(@Bind("fromMonth") String fromMonth, @Bind("toMonth") String toMonth,
            @Bind("regionCode") String regionCode, @Bind("level") Integer level, @Bind("kpiCode") String kpiCode);
}
