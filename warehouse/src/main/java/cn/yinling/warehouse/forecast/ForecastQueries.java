package cn.yinling.warehouse.forecast;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the forecast marts; SQL in resources cn/yinling/warehouse/forecast/ForecastQueries/*.sql. */
@UseClasspathSqlLocator
public interface ForecastQueries {

    /** A count by district, month (YYYY-MM), single year of age and sex. */
    record AgeCount(String regionCode, String month, int age, String sex, double persons) {
    }

    /** A flow count (birth, move_in, move_out, transfer_in, transfer_out). */
    record FlowCount(String regionCode, String month, int age, String sex, String flow, double persons) {
    }

    @SqlQuery
    List<String> tables();

    @SqlQuery
    @RegisterConstructorMapper(AgeCount.class)
    List<AgeCount> population();

    @SqlQuery
    @RegisterConstructorMapper(AgeCount.class)
    List<AgeCount> deaths();

    @SqlQuery
    @RegisterConstructorMapper(FlowCount.class)
    List<FlowCount> flows();
}
