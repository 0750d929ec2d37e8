package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.forecast.ForecastVersionFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code aging forecast} as a script calls it: the csv of the brief, 12-digit regions, exit codes 0/2/1. */
class ForecastCommandTest {

    @RegisterExtension
    final CliRun cli = new CliRun();

    @Test
    void csvOfADistrictGivenBySixDigits() {
        ForecastVersionFixture.publish(cli.home(), true);

        assertEquals(0, cli.run("forecast", "--years", "2", "--region", "320302", "--format", "csv"));

        List<String> lines = cli.outLines();
        assertEquals("region_code,region_name,year,indicator,low,central,high", lines.get(0));
        assertEquals(1 + 2 * 7, lines.size(), "2 years × 7 indicators");
        assertTrue(lines.get(1).startsWith("320302000000,鼓楼区,2025,pop_total,"), lines.get(1));
        assertTrue(lines.get(14).startsWith("320302000000,鼓楼区,2026,aging_rate_65,"), lines.get(14));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double low = Double.parseDouble(cells[4]);
            double central = Double.parseDouble(cells[5]);
            double high = Double.parseDouble(cells[6]);
            assertTrue(low <= central && central <= high, line);
            if (cells[3].startsWith("aging_rate")) {
                assertTrue(cells[5].matches("\\d+\\.\\d{2}"), "rates to two decimals: " + line);
            } else {
                assertTrue(cells[5].matches("\\d+"), "whole persons: " + line);
            }
        }
    }

    @Test
    void withoutRegionTheCityAndEveryDistrictAndAJsonForm() {
        ForecastVersionFixture.publish(cli.home(), true);

        assertEquals(0, cli.run("forecast", "--years", "1", "--format", "csv"));
        List<String> lines = cli.outLines();
        assertEquals(1 + 3 * 7, lines.size());
        assertTrue(lines.get(1).startsWith("320300000000,徐州市,2025,pop_total,"), lines.get(1));

        assertEquals(0, cli.run("forecast", "--years", "1", "--format", "json", "--region", "320300000000"));
        String json = cli.out();
        assertTrue(json.contains("\"base_month\" : \"2024-12\"") && json.contains("\"indicator\" : \"pop_100\""), json);
    }

    @Test
    void tableShowsTheBaseYearTheBandAndTheCatalogNames() {
        ForecastVersionFixture.publish(cli.home(), true);

        assertEquals(0, cli.run("forecast", "--years", "3", "--region", "320303"));

        String table = cli.out();
        assertTrue(table.contains("基期 2024-12") && table.contains("云龙区（320303000000）"), table);
        assertTrue(table.contains("60岁及以上老年人口") && table.contains("老龄化率(65岁+)"), table);
        // 云龙区 at the base: Σ 2·(1000 − 9·age) over 0..100 = 111,100 persons, observed (no band)
        assertTrue(table.lines().anyMatch(l -> l.startsWith("2024实际") && l.contains("111100")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("2027") && l.matches(".*\\d+ \\[\\d+–\\d+].*")), table);
        assertTrue(table.contains("注：出生和迁移按 10 个月"), table);
    }

    @Test
    void backtestCsvAndTable() {
        ForecastVersionFixture.publish(cli.home(), true);

        assertEquals(0, cli.run("forecast", "--backtest", "--format", "csv", "--region", "320303"));
        List<String> lines = cli.outLines();
        assertEquals("region_code,region_name,indicator,observed,projected,low,high,error,error_percent,within_band",
                lines.get(0));
        assertEquals(8, lines.size());
        assertTrue(lines.get(1).startsWith("320303000000,云龙区,pop_total,111100,"), lines.get(1));

        assertEquals(0, cli.run("forecast", "--backtest"));
        assertTrue(cli.out().contains("半年回测"));
    }

    @Test
    void refusedInputExitsTwoWithAChineseMessage() {
        ForecastVersionFixture.publish(cli.home(), true);
        assertEquals(2, cli.run("forecast", "--years", "0"));
        assertTrue(cli.err().contains("--years 应为 1–30"));
        assertEquals(2, cli.run("forecast", "--region", "320302001"));
        assertTrue(cli.err().contains("只到区县级"), cli.err());
        assertEquals(2, cli.run("forecast", "--region", "32030"));
    }

    @Test
    void nothingPublishedExitsOne() {
        assertEquals(1, cli.run("forecast"));
        assertTrue(cli.err().contains("尚未发布"), cli.err());
    }
}
