package cn.yinling.warehouse.land;

import java.util.List;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlScript;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The DuckDB statements of the landing step; their text is in resources/cn/yinling/warehouse/land/LandingSql/. */
@UseClasspathSqlLocator
interface LandingSql {

    /** A region row of a landed region batch: code padded to 12 digits, level 1–5. */
    record RegionRow(String code, Integer level) {
    }

    /** No extension downloads; spill files go to the batch's temporary folder. */
    @SqlScript("settings")
    void settings(@Define("temp_directory") String quotedTempDirectory, @Define("memory_limit") String quotedMemoryLimit);

    /** @param files the accepted.parquet paths, separated by a newline */
    @SqlQuery("region_codes")
    @RegisterConstructorMapper(RegionRow.class)
    List<RegionRow> regionCodes(@Bind("files") String files);

    /** A service order id of a landed batch and the accepted.parquet it came from. */
    record OrderIdRow(String orderId, String filename) {
    }

    /** @param files the accepted.parquet paths of service_order batches, separated by a newline */
    @SqlQuery("order_ids")
    @RegisterConstructorMapper(OrderIdRow.class)
    ResultIterable<OrderIdRow> orderIds(@Bind("files") String files);

    /** @param files the accepted.parquet paths of facility batches, separated by a newline */
    @SqlQuery("facility_codes")
    List<String> facilityCodes(@Bind("files") String files);

    /**
     * @param ids        the side file of {@link PersonScopeCheck}: row number, ID number, loaded
     * @param households the accepted.parquet paths of the household snapshot in force, separated by a newline
     */
    @SqlQuery("persons_out_of_scope")
    @RegisterConstructorMapper(PersonScopeCheck.Hit.class)
    List<PersonScopeCheck.Hit> personsOutOfScope(@Bind("ids") String ids, @Bind("households") String households,
            @Bind("scope_prefix") String scopePrefix);

    /**
     * Reads the typed temporary CSV with explicit column types and writes accepted.parquet.
     *
     * @param columns a DuckDB struct literal {'name': 'TYPE', …} built from the feed contract
     */
    @SqlUpdate("csv_to_parquet")
    void csvToParquet(@Bind("csv") String csv, @Define("columns") String columns, @Bind("parquet") String parquet);

    /** As {@link #csvToParquet}, without the rows listed (one row number a line) in {@code excluded}. */
    @SqlUpdate("csv_to_parquet_excluding")
    void csvToParquetExcluding(@Bind("csv") String csv, @Define("columns") String columns,
            @Bind("excluded") String excluded, @Bind("parquet") String parquet);
}
