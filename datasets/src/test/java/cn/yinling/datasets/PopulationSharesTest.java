package cn.yinling.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demographic targets at a moderate scale, read from the generated truth; quarterly snapshots. */
class PopulationSharesTest {

    @Test
    void sharesNearTheTargets(@TempDir Path out) throws IOException {
        GeneratorOptions options = new GeneratorOptions(0.01, YearMonth.of(2024, 11), YearMonth.of(2024, 12), 3, true, out);
        GenerationSummary summary = new CityGenerator(options).generate(ProgressListener.NONE);
        assertEquals(104_000, summary.initialPopulation());

        Map<String, String> dec = CityGeneratorTest.kpi(out, RegionRegistry.CITY_CODE, "2024-12");
        double total = Double.parseDouble(dec.get("pop_total"));
        double p60 = Double.parseDouble(dec.get("pop_60"));
        double p80 = Double.parseDouble(dec.get("pop_80"));
        assertTrue(total > 100_000 && total < 105_000, "total " + total);
        // the committee's report: 73万 insured = 40 % of the 60+ (17.5 % of 10.4 million); 23.28万 aged 80+
        assertEquals(17.5, 100 * p60 / total, 1.0, "60+ share");
        assertEquals(12.8, 100 * p80 / p60, 1.5, "80+ among 60+");
        assertEquals(dec.get("pop_60") + "," + dec.get("pop_total"), ratio(out, "aging_rate_60", "2024-12"));

        // quarterly: the range's first month has a snapshot too, so November counts its register
        Map<String, String> nov = CityGeneratorTest.kpi(out, RegionRegistry.CITY_CODE, "2024-11");
        assertTrue(Double.parseDouble(nov.get("pop_total")) > 100_000, "November " + nov.get("pop_total"));
        List<String[]> plan = TruthVerifier.csv(out.resolve("ingest-plan.csv"));
        assertEquals(List.of("2024-11", "2024-12"),
                plan.stream().filter(r -> r[1].equals("household")).map(r -> r[2]).toList());
        assertEquals(6, plan.stream().filter(r -> r[1].equals("death")).count());
        assertTrue(Files.exists(out.resolve("household/徐州市户籍人口信息表_202412.xlsx")));

        double deathsPerYear = summary.deaths() * 6.0;
        assertEquals(7.0, 1000 * deathsPerYear / total, 2.0, "crude death rate per thousand");
    }

    private static String ratio(Path out, String kpi, String month) throws IOException {
        for (String[] r : TruthVerifier.csv(out.resolve("truth/kpi.csv"))) {
            if (r[0].equals(kpi) && r[1].equals(RegionRegistry.CITY_CODE) && r[2].equals(month)) {
                return r[3] + "," + r[4];
            }
        }
        throw new AssertionError(kpi);
    }
}
