package cn.yinling.warehouse.serve;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** dim_region queries; SQL in resources cn/yinling/warehouse/serve/RegionQueries/*.sql. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(Region.class)
public interface RegionQueries {

    @SqlQuery
    Optional<Region> region(@Bind("regionCode") String regionCode);

    @SqlQuery
    List<Region> ancestors(@Bind("regionCode") String regionCode);

    @SqlQuery
    List<Region> children(@Bind("regionCode") String regionCode);

    @SqlQuery
    List<Region> cities();
}
