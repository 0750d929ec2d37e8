package cn.yinling.warehouse.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The calibration figures of a published version; SQL in resources cn/yinling/warehouse/serve/CalibrationQueries. */
@UseClasspathSqlLocator
public interface CalibrationQueries {

    /** A figure is null when the version has no rows for it. */
    record CityFigures(Double insuredPersons, Double insuredShare, Double longevityRecipients, Double longevityAmount,
                       Double govHomeCarePersons, Double ordersPer1000Served) {

        /** Keyed by the codes of the generator's truth/calibration.csv. */
        public Map<String, Double> byCode() {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("insured_persons", insuredPersons);
            figures.put("insured_share", insuredShare);
            figures.put("longevity_recipients", longevityRecipients);
            figures.put("longevity_amount", longevityAmount);
            figures.put("gov_home_care_persons", govHomeCarePersons);
            figures.put("orders_per_1000_served", ordersPer1000Served);
            return figures;
        }
    }

    @SqlQuery
    @RegisterConstructorMapper(CityFigures.class)
    CityFigures cityFigures();
}
