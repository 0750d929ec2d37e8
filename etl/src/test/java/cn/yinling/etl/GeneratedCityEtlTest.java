package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.serve.CalibrationQueries;
import cn.yinling.warehouse.serve.WarehouseReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on the generated city ({@link GeneratedCity}: generator → real landing → ETL → published
 * mart_kpi), compared with the generator's own ground truth: every row of truth/kpi.csv (city and districts, every
 * month, the breakdown rows of allowance_amount too), computed from the people it simulated, not from the warehouse.
 * Numerators and denominators must agree exactly (amounts to the fen, hours to the 0.01 the truth is written to).
 */
class GeneratedCityEtlTest {

    @Test
    void publishedKpisEqualTheGeneratorsTruth() {
        GeneratedCity city = GeneratedCity.get();
        assertEquals(city.result.tests().size(), city.result.tests().stream().filter(DataTests.Result::passed).count());
        Map<String, Row> published = city.table("mart_kpi").where("region_level <= 3").collectAsList().stream()
                .collect(Collectors.toMap(r -> key(r.getAs("kpi_code"), r.getAs("breakdown"), r.getAs("region_code"),
                        r.getAs("month").toString().substring(0, 7)), r -> r));

        List<String[]> truth = city.truth("truth/kpi.csv");
        Map<String, Integer> comparedPerKpi = new TreeMap<>();
        for (String[] t : truth) {
            String key = key(t[0], t[5].isEmpty() ? null : t[5], t[1], t[2]);
            Row row = published.get(key);
            assertTrue(row != null, "mart_kpi has no row for " + key);
            assertEquals(new BigDecimal(t[3]).doubleValue(), (Double) row.getAs("numerator"), halfLastDigit(t[3]),
                    key + " numerator");
            if (t[4].isEmpty()) {
                assertNull(row.getAs("denominator"), key + " is a count");
            } else {
                assertEquals(new BigDecimal(t[4]).doubleValue(), (Double) row.getAs("denominator"), halfLastDigit(t[4]),
                        key + " denominator");
            }
            comparedPerKpi.merge(t[0], 1, Integer::sum);
        }
        Set<String> notInTruth = new TreeSet<>(published.values().stream().map(r -> r.<String>getAs("kpi_code")).toList());
        notInTruth.removeAll(comparedPerKpi.keySet());
        System.out.println("compared " + truth.size() + " rows of truth/kpi.csv (" + comparedPerKpi.size()
                + " KPIs, city and 11 districts, " + GeneratedCity.FROM + ".." + GeneratedCity.TO + ") with mart_kpi: "
                + comparedPerKpi);
        System.out.println("KPIs of mart_kpi the generator's truth does not determine: " + notInTruth);
        // 12 regions × 24 months per KPI; allowance_amount once per allowance type
        assertEquals(12 * 24, comparedPerKpi.get("pop_total"));
        assertEquals(12 * 24 * 6, comparedPerKpi.get("allowance_amount"));
        assertTrue(comparedPerKpi.keySet().containsAll(List.of("improper_amount", "flagged_order_rate",
                "auto_verified_rate", "longevity_missed", "visit_rate")), "the KPIs the audit cases change");
    }

    /**
     * The committee-report figures {@code aging bench} reads from a published version (the same query) equal the ones
     * the generator computed from its own people (truth/calibration.csv), planted audit orders included.
     */
    @Test
    void publishedCalibrationFiguresEqualTheGenerators() {
        GeneratedCity city = GeneratedCity.get();
        Map<String, Double> published;
        try (WarehouseReader reader = WarehouseReader.open(city.home)) {
            published = reader.withVersion(jdbi -> jdbi.withExtension(CalibrationQueries.class,
                    CalibrationQueries::cityFigures)).byCode();
        }
        List<String[]> generated = city.truth("truth/calibration.csv");
        assertEquals(published.keySet(), generated.stream().map(f -> f[0]).collect(Collectors.toSet()));
        for (String[] figure : generated) {
            assertEquals(Double.parseDouble(figure[2]), published.get(figure[0]), 1e-9, figure[0]);
        }
    }

    /**
     * The truth writes counts as integers, amounts to the fen and hours to 0.01 (rounded half up): the warehouse's
     * exact value must round to it, so it may differ by at most half the truth's last digit (0.005 h = 18 s).
     */
    private static double halfLastDigit(String truth) {
        return new BigDecimal(truth).ulp().doubleValue() / 2 + 1e-9;
    }

    private static String key(String kpi, String breakdown, String region, String month) {
        return kpi + "|" + breakdown + "|" + region + "|" + month;
    }
}
