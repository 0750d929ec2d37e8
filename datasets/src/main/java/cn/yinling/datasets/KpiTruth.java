package cn.yinling.datasets;

import cn.yinling.datasets.FacilityRegistry.Facility;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * truth/kpi.csv: population and bed KPIs computed from the generator's own ground truth, independently of the
 * warehouse, with the semantics of spec/kpis.md: alive = active (正常) in the latest household snapshot at or before the
 * month end, in an accepted row, and no death recorded on or before the month end; age in whole years at the month's
 * last day; counted in the district of registration of that snapshot.
 */
final class KpiTruth {

    static final String[] KPIS = {
        "pop_total", "pop_60", "pop_65", "pop_80", "pop_100", "elderly_deaths", "beds_total",
        "aging_rate_60", "aging_rate_65", "oldest_old_share", "old_age_dependency", "beds_per_1000"};

    private KpiTruth() {
    }

    /** Counts per region (0 = city, 1.. = districts) for one month. */
    private static final class Counts {
        final long[] total;
        final long[] p60;
        final long[] p65;
        final long[] p80;
        final long[] p100;
        final long[] working;
        final long[] deaths60;
        final long[] beds;

        Counts(int regions) {
            total = new long[regions];
            p60 = new long[regions];
            p65 = new long[regions];
            p80 = new long[regions];
            p100 = new long[regions];
            working = new long[regions];
            deaths60 = new long[regions];
            beds = new long[regions];
        }
    }

    static long write(GenerationContext ctx, HouseholdFeed household, FacilityFeed facilities, Path file)
            throws IOException {
        Population pop = ctx.population();
        Timeline time = ctx.time();
        RegionRegistry regions = ctx.regions();
        int nRegions = regions.districts().size() + 1;
        long lastPopulation = 0;
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("kpi_code,region_code,month,numerator,denominator\n");
            for (int m = 0; m < time.size(); m++) {
                Counts c = new Counts(nRegions);
                int end = time.end(m);
                int snapshot = -1;
                for (int s = m; s >= 0; s--) {
                    if (household.hasSnapshot(s)) {
                        snapshot = s;
                        break;
                    }
                }
                if (snapshot >= 0) {
                    for (int i = 0; i < pop.size; i++) {
                        if (!pop.listed(i, snapshot) || household.rejected(snapshot, i)
                                || pop.statusAt(i, snapshot) != Population.ACTIVE) {
                            continue;
                        }
                        // every death is recorded by an accepted row on its true date (checked by DeathFeed)
                        if (pop.death[i] != 0 && pop.death[i] <= end) {
                            continue;
                        }
                        int age = Ymd.age(pop.birth[i], end);
                        int d = pop.district(i) + 1;
                        c.total[d]++;
                        if (age >= 60) {
                            c.p60[d]++;
                        }
                        if (age >= 65) {
                            c.p65[d]++;
                        }
                        if (age >= 80) {
                            c.p80[d]++;
                        }
                        if (age >= 100) {
                            c.p100[d]++;
                        }
                        if (age >= 15 && age <= 64) {
                            c.working[d]++;
                        }
                    }
                }
                Population.IntList died = pop.deathsByMonth[m];
                for (int k = 0; k < died.size(); k++) {
                    int i = died.get(k);
                    if (Ymd.age(pop.birth[i], end) < 60) {
                        continue;
                    }
                    int region = 0;
                    for (int s = m; s >= 0; s--) {
                        if (household.hasSnapshot(s) && pop.listed(i, s) && !household.rejected(s, i)) {
                            region = pop.district(i) + 1;
                            break;
                        }
                    }
                    c.deaths60[region]++;
                }
                List<Facility> all = ctx.facilities().all();
                for (int k = 0; k < all.size(); k++) {
                    Facility f = all.get(k);
                    if (f.type.equals(FacilityRegistry.INSTITUTION) && f.statusAt(m) == FacilityRegistry.OPEN
                            && !facilities.rejected(m, k)) {
                        c.beds[regions.indexOfDistrict(f.district6) + 1] += f.beds;
                    }
                }
                for (long[] a : new long[][] {c.total, c.p60, c.p65, c.p80, c.p100, c.working, c.deaths60, c.beds}) {
                    for (int d = 1; d < nRegions; d++) {
                        a[0] += a[d];
                    }
                }
                lastPopulation = c.total[0];
                String month = time.label(m);
                for (int r = 0; r < nRegions; r++) {
                    String code = r == 0 ? RegionRegistry.CITY_CODE : regions.districtCode12(r - 1);
                    line(w, "pop_total", code, month, c.total[r], -1);
                    line(w, "pop_60", code, month, c.p60[r], -1);
                    line(w, "pop_65", code, month, c.p65[r], -1);
                    line(w, "pop_80", code, month, c.p80[r], -1);
                    line(w, "pop_100", code, month, c.p100[r], -1);
                    line(w, "elderly_deaths", code, month, c.deaths60[r], -1);
                    line(w, "beds_total", code, month, c.beds[r], -1);
                    line(w, "aging_rate_60", code, month, c.p60[r], c.total[r]);
                    line(w, "aging_rate_65", code, month, c.p65[r], c.total[r]);
                    line(w, "oldest_old_share", code, month, c.p80[r], c.p60[r]);
                    line(w, "old_age_dependency", code, month, c.p65[r], c.working[r]);
                    line(w, "beds_per_1000", code, month, c.beds[r], c.p60[r]);
                }
                ctx.progress().step("指标真值", m + 1, time.size());
            }
        }
        return lastPopulation;
    }

    private static void line(BufferedWriter w, String kpi, String region, String month, long numerator,
                             long denominator) throws IOException {
        w.write(kpi);
        w.write(',');
        w.write(region);
        w.write(',');
        w.write(month);
        w.write(',');
        w.write(Long.toString(numerator));
        w.write(',');
        if (denominator >= 0) {
            w.write(Long.toString(denominator));
        }
        w.write('\n');
    }
}
