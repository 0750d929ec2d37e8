package cn.yinling.warehouse.serve;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** mart_population_pyramid queries; SQL in resources cn/yinling/warehouse/serve/PopulationQueries/*.sql. */
@UseClasspathSqlLocator
public interface PopulationQueries {

    @SqlQuery
    @RegisterConstructorMapper(PyramidRow.class)
    List<PyramidRow> pyramid(@Bind("regionCode") String regionCode, @Bind("month") String month,
            @Bind("previousMonth") String previousMonth);
}
