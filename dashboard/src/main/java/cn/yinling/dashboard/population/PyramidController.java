package cn.yinling.dashboard.population;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.serve.PyramidRow;
import cn.yinling.warehouse.serve.Region;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The population pyramid of 人口概况: age bands × sex for a region and month, beside the same month a year earlier. */
public final class PyramidController {

    /** One age band; the previous year's figures are null when that month has no pyramid. */
    public record Band(String ageBand, String label, boolean elderly, Long male, Long female, Long total,
            Long previousMale, Long previousFemale, Long previousTotal) {
    }

    /** @param elderlyShare the 60+ share of the total, in % */
    public record Totals(long male, long female, long total, long elderly, Double elderlyShare) {
    }

    /** @param totals null when the month has no pyramid; previousTotals likewise for the year before */
    public record PyramidAnswer(Region region, String month, String previousMonth, boolean hasData,
            boolean hasPrevious, List<Band> bands, Totals totals, Totals previousTotals) {
    }

    private static final int ELDERLY_FROM = 60;

    private final Dependencies deps;

    public PyramidController(Dependencies deps) {
        this.deps = deps;
    }

    /** GET /api/v1/population/pyramid?region=&month= */
    public void pyramid(Context ctx) {
        ctx.json(pyramidOf(ctx));
    }

    /** The pyramid and age-band table of the request's region and month (also what its export writes). */
    public PyramidAnswer pyramidOf(Context ctx) {
        Region region = Params.region(ctx, deps.warehouse());
        YearMonth month = Params.month(ctx, deps.warehouse());
        String current = month.toString();
        String previous = month.minusYears(1).toString();
        List<PyramidRow> rows = deps.warehouse().pyramid(region.regionCode(), month);

        // rows come youngest band first; keep that order across both years
        Map<String, long[]> counts = new LinkedHashMap<>();   // band → male, female, previous male, previous female
        Map<String, boolean[]> present = new LinkedHashMap<>(); // band → has current, has previous
        for (PyramidRow row : rows) {
            long[] cell = counts.computeIfAbsent(row.ageBand(), b -> new long[4]);
            boolean[] seen = present.computeIfAbsent(row.ageBand(), b -> new boolean[2]);
            int year = row.month().equals(current) ? 0 : 1;
            cell[2 * year + ("M".equals(row.sex()) ? 0 : 1)] += row.population();
            seen[year] = true;
        }
        boolean hasData = present.values().stream().anyMatch(s -> s[0]);
        boolean hasPrevious = present.values().stream().anyMatch(s -> s[1]);
        List<Band> bands = counts.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            return new Band(e.getKey(), label(e.getKey()), lowerBound(e.getKey()) >= ELDERLY_FROM,
                    hasData ? c[0] : null, hasData ? c[1] : null, hasData ? c[0] + c[1] : null,
                    hasPrevious ? c[2] : null, hasPrevious ? c[3] : null, hasPrevious ? c[2] + c[3] : null);
        }).toList();
        return new PyramidAnswer(region, current, previous, hasData, hasPrevious, bands,
                hasData ? totals(counts, 0) : null, hasPrevious ? totals(counts, 1) : null);
    }

    private static Totals totals(Map<String, long[]> counts, int year) {
        long male = 0;
        long female = 0;
        long elderly = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            male += c[2 * year];
            female += c[2 * year + 1];
            if (lowerBound(e.getKey()) >= ELDERLY_FROM) {
                elderly += c[2 * year] + c[2 * year + 1];
            }
        }
        long total = male + female;
        return new Totals(male, female, total, elderly, total == 0 ? null : elderly * 100.0 / total);
    }

    /** 60-64 → 60, 100+ → 100 */
    static int lowerBound(String ageBand) {
        return Integer.parseInt(ageBand.split("[-+]")[0]);
    }

    /** 60-64 → 60-64岁, 100+ → 100岁及以上 (the labels of dim_age_band) */
    static String label(String ageBand) {
        return ageBand.endsWith("+") ? ageBand.substring(0, ageBand.length() - 1) + "岁及以上" : ageBand + "岁";
    }
}
