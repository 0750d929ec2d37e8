package cn.yinling.datasets;

import cn.yinling.datasets.FacilityRegistry.Facility;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * truth/kpi.csv: the KPIs of spec/kpis.md computed from the generator's own model, independently of the warehouse, for
 * the city and its 11 districts per month, as the warehouse will see the data (planted bad rows are not loaded).
 *
 * <p>Conventions, read literally from kpis.md:
 * <ul>
 * <li>Alive = active (正常) in the latest household snapshot at or before the month end, in an accepted row, and no
 * death recorded on or before the month end; age in whole years at the month's last day.</li>
 * <li>Attribution: a person counts in the district of registration of that snapshot. A person is "in the registry" when
 * an accepted row of that snapshot has them (any status: a row 迁出 or 死亡 still says where they were registered).
 * Events of a person not in the registry count only at the levels their own region code reaches: allowances (the
 * payment region lies in the person's district) in the district and the city, the other feeds in the city only.</li>
 * <li>Living status in force = the latest survey dated in the 12 calendar months ending with the month; the latest
 * checkup likewise.</li>
 * <li>flagged_order_rate counts orders with status 异常 or a finding of an order rule (the planted A03, A08 and A09
 * orders of {@link AuditCases}, and the real orders A08 pairs them with).</li>
 * <li>improper_amount sums the planted payments of the rules A01, A04 and A05, each payment once.</li>
 * <li>auto_verified_rate: longevity recipients (as longevity_recipients) with evidence of life in the 6 calendar
 * months ending with the month — a pension, checkup, completed order, care visit or LTC benefit — and no death by the
 * month's end, over all recipients.</li>
 * </ul>
 * Columns: kpi_code, region_code, month, numerator, denominator (empty for a count), breakdown (the allowance_type of
 * allowance_amount, else empty). Amounts in yuan, hours rounded half up to two decimals.
 */
final class KpiTruth {

    static final String[] KPIS = {
        "pop_total", "pop_60", "pop_65", "pop_80", "pop_100", "elderly_deaths", "beds_total",
        "aging_rate_60", "aging_rate_65", "oldest_old_share", "old_age_dependency", "beds_per_1000",
        "living_alone", "empty_nest", "special_hardship", "disabled_elderly",
        "service_orders", "service_persons", "service_hours", "service_subsidy", "flagged_order_rate", "visit_rate",
        "longevity_recipients", "longevity_amount", "longevity_coverage", "longevity_missed", "allowance_amount",
        "improper_amount", "auto_verified_rate",
        "pension_coverage", "avg_pension", "ltc_beneficiaries", "ltc_coverage", "accident_insurance_rate",
        "health_mgmt_rate", "family_doctor_rate", "hypertension_rate", "diabetes_rate"};

    /** The feeds of the person model, for the KPIs beyond the register and the facilities. */
    record PersonFeeds(Elders elders, CareVisitFeed careVisits, ServiceOrderFeed serviceOrders, AuditCases audit) {
    }

    private KpiTruth() {
    }

    /** Counts per region (0 = city, 1.. = districts) for one month; amounts in fen, durations in minutes. */
    private static final class Counts {
        final long[] total;
        final long[] p60;
        final long[] p65;
        final long[] p80;
        final long[] p100;
        final long[] working;
        final long[] deaths60;
        final long[] beds;
        final long[] alone;
        final long[] emptyNest;
        final long[] special;
        final long[] specialVisited;
        final long[] disabled;
        final long[] disabledLtc;
        final long[] orders;
        final long[] orderPersons;
        final long[] orderMinutes;
        final long[] orderSubsidy;
        final long[] ordersAll;
        final long[] ordersFlagged;
        final long[] longevityRecipients;
        final long[] longevityFen;
        final long[] p80Paid;
        final long[][] allowanceFen;
        final long[] p60Pension;
        final long[] p60PensionFen;
        final long[] ltcBeneficiaries;
        final long[] p60Insured;
        final long[] p65Checked;
        final long[] p65FamilyDoctor;
        final long[] checkedHypertension;
        final long[] checkedDiabetes;
        final long[] improperFen;
        final long[] lifeRecipients;
        final long[] lifeVerified;
        final long[][] all;

        Counts(int regions) {
            long[][] a = new long[40][regions];
            int k = 0;
            total = a[k++];
            p60 = a[k++];
            p65 = a[k++];
            p80 = a[k++];
            p100 = a[k++];
            working = a[k++];
            deaths60 = a[k++];
            beds = a[k++];
            alone = a[k++];
            emptyNest = a[k++];
            special = a[k++];
            specialVisited = a[k++];
            disabled = a[k++];
            disabledLtc = a[k++];
            orders = a[k++];
            orderPersons = a[k++];
            orderMinutes = a[k++];
            orderSubsidy = a[k++];
            ordersAll = a[k++];
            ordersFlagged = a[k++];
            longevityRecipients = a[k++];
            longevityFen = a[k++];
            p80Paid = a[k++];
            p60Pension = a[k++];
            p60PensionFen = a[k++];
            ltcBeneficiaries = a[k++];
            p60Insured = a[k++];
            p65Checked = a[k++];
            p65FamilyDoctor = a[k++];
            checkedHypertension = a[k++];
            checkedDiabetes = a[k++];
            improperFen = a[k++];
            lifeRecipients = a[k++];
            lifeVerified = a[k++];
            allowanceFen = new long[Elders.ALLOWANCE_TYPES.length][regions];
            List<long[]> arrays = new java.util.ArrayList<>(List.of(a).subList(0, k));
            arrays.addAll(List.of(allowanceFen));
            all = arrays.toArray(long[][]::new);
        }

        /** The city row: its own (events of people not in the registry) plus every district's. */
        void rollUpToCity() {
            for (long[] a : all) {
                for (int d = 1; d < a.length; d++) {
                    a[0] += a[d];
                }
            }
        }
    }

    /** Monthly city figures the calibration compares with the committee's report. */
    record CityMonth(long popTotal, long pop60, long insured60, long longevityRecipients, long longevityFen, long govPersons,
            long govCompletedOrders) {
    }

    /** Writes the file; returns the city's figures per month. */
    static List<CityMonth> write(GenerationContext ctx, HouseholdFeed household, FacilityFeed facilities,
            PersonFeeds persons, Path file) throws IOException {
        Population pop = ctx.population();
        Timeline time = ctx.time();
        RegionRegistry regions = ctx.regions();
        int nRegions = regions.districts().size() + 1;
        List<CityMonth> city = new java.util.ArrayList<>();
        List<Set<Integer>> served = servedByMonth(persons.serviceOrders());
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("kpi_code,region_code,month,numerator,denominator,breakdown\n");
            for (int m = 0; m < time.size(); m++) {
                Counts c = new Counts(nRegions);
                int end = time.end(m);
                int snapshot = ElderFeed.snapshotInForce(household, m);
                register(pop, household, snapshot, end, c);
                deaths(pop, household, m, end, c);
                beds(ctx, facilities, m, regions, c);
                long[] gov = services(persons.serviceOrders().byMonth.get(m), persons.serviceOrders().plantedByMonth.get(m),
                        persons.audit().findingOrders(), pop, household, snapshot, c);
                Set<Integer> visitedByOrder = visitOrders(persons.serviceOrders().byMonth.get(m));
                elderly(persons, household, snapshot, m, visitedByOrder, served, c);
                c.rollUpToCity();
                city.add(new CityMonth(c.total[0], c.p60[0], c.p60Insured[0], c.longevityRecipients[0], c.longevityFen[0], gov[0],
                        gov[1]));
                String month = time.label(m);
                for (int r = 0; r < nRegions; r++) {
                    writeRegion(w, r == 0 ? RegionRegistry.CITY_CODE : regions.districtCode12(r - 1), month, c, r);
                }
                ctx.progress().step("指标真值", m + 1, time.size());
            }
        }
        return city;
    }

    /** Whether the person has an accepted row in the household snapshot (the registry knows them). */
    private static boolean inRegistry(Population pop, HouseholdFeed household, int snapshot, int i) {
        return snapshot >= 0 && pop.listed(i, snapshot) && !household.rejected(snapshot, i);
    }

    private static boolean alive(Population pop, HouseholdFeed household, int snapshot, int i, int end) {
        return inRegistry(pop, household, snapshot, i) && pop.statusAt(i, snapshot) == Population.ACTIVE
                && !(pop.death[i] != 0 && pop.death[i] <= end);
    }

    private static void register(Population pop, HouseholdFeed household, int snapshot, int end, Counts c) {
        if (snapshot < 0) {
            return;
        }
        for (int i = 0; i < pop.size; i++) {
            if (!alive(pop, household, snapshot, i, end)) {
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

    private static void deaths(Population pop, HouseholdFeed household, int m, int end, Counts c) {
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
    }

    private static void beds(GenerationContext ctx, FacilityFeed facilities, int m, RegionRegistry regions, Counts c) {
        List<Facility> all = ctx.facilities().all();
        for (int k = 0; k < all.size(); k++) {
            Facility f = all.get(k);
            if (f.type.equals(FacilityRegistry.INSTITUTION) && f.statusAt(m) == FacilityRegistry.OPEN
                    && !facilities.rejected(m, k)) {
                c.beds[regions.indexOfDistrict(f.district6) + 1] += f.beds;
            }
        }
    }

    /**
     * Orders (real and planted) by the person's region; returns the city's government-funded {persons, completed
     * orders}, for the calibration. The planted audit orders count too: they are rows of the feed like any other, and
     * the warehouse, which cannot tell them apart, must reproduce the figure (one month at scale 1.0 holds all of
     * them: without them the figure was 3.6 % below the warehouse's).
     */
    private static long[] services(List<ServiceOrderFeed.Order> real, List<ServiceOrderFeed.Order> planted,
            Set<String> findingOrders, Population pop, HouseholdFeed household, int snapshot, Counts c) {
        Set<Integer> served = new HashSet<>();
        Set<Integer> govServed = new HashSet<>();
        long govOrders = 0;
        List<ServiceOrderFeed.Order> orders = new java.util.ArrayList<>(real);
        orders.addAll(planted);
        for (ServiceOrderFeed.Order o : orders) {
            int r = inRegistry(pop, household, snapshot, o.person) ? pop.district(o.person) + 1 : 0;
            c.ordersAll[r]++;
            if (o.status == ServiceOrderFeed.FLAGGED || findingOrders.contains(o.id)) {
                c.ordersFlagged[r]++;
            }
            if (o.status != ServiceOrderFeed.COMPLETED) {
                continue;
            }
            c.orders[r]++;
            c.orderMinutes[r] += o.minutes;
            c.orderSubsidy[r] += o.subsidyFen;
            if (served.add(o.person)) {
                c.orderPersons[r]++;
            }
            if (o.funding == 0) {
                govOrders++;
                govServed.add(o.person);
            }
        }
        return new long[] {govServed.size(), govOrders};
    }

    private static Set<Integer> visitOrders(List<ServiceOrderFeed.Order> orders) {
        Set<Integer> visited = new HashSet<>();
        for (ServiceOrderFeed.Order o : orders) {
            if (o.status == ServiceOrderFeed.COMPLETED && o.type == ServiceOrderFeed.VISIT) {
                visited.add(o.person);
            }
        }
        return visited;
    }

    private static void elderly(PersonFeeds feeds, HouseholdFeed household, int snapshot, int m,
            Set<Integer> visitedByOrder, List<Set<Integer>> served, Counts c) {
        Elders elders = feeds.elders();
        Population pop = elders.pop;
        int end = elders.time.end(m);
        int year = elders.time.month(m).getYear();
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        Set<Integer> recipients = new HashSet<>();
        for (int i : elders.candidates) {
            boolean registered = inRegistry(pop, household, snapshot, i);
            int district = pop.district(i) + 1;
            int r = registered ? district : 0;
            // allowances: the payment region is in the person's district, so they count there either way
            feeds.audit().allowances(elders, i, m, fen);
            boolean longevity = false;
            for (int t = 0; t < fen.length; t++) {
                c.allowanceFen[t][district] += fen[t];
                if (t <= 2 && fen[t] > 0) {
                    longevity = true;
                    c.longevityFen[district] += fen[t];
                }
            }
            if (longevity) {
                c.longevityRecipients[district]++;
                recipients.add(i);
            }
            boolean pension = elders.pensionInMonth(i, m);
            boolean ltc = elders.ltcInMonth(i, m);
            if (ltc) {
                c.ltcBeneficiaries[r]++;
            }
            if (!alive(pop, household, snapshot, i, end)) {
                continue;
            }
            int age = Ymd.age(pop.birth[i], end);
            if (age < 60) {
                continue;
            }
            if (pension) {
                c.p60Pension[district]++;
                c.p60PensionFen[district] += elders.pensionFen(i);
            }
            if (age >= 80 && longevity) {
                c.p80Paid[district]++;
            }
            if (elders.enrollDate(i, year) != 0) {
                c.p60Insured[district]++;
            }
            boolean surveyed = elders.surveyInForce(i, m) != 0;
            int hardship = surveyed ? elders.hardship(i) : 0;
            if (surveyed) {
                int arrangement = elders.arrangement(i);
                if (arrangement == Elders.ALONE) {
                    c.alone[district]++;
                }
                if (arrangement == Elders.EMPTY_NEST) {
                    c.emptyNest[district]++;
                }
                if (elders.special(i)) {
                    c.special[district]++;
                    if (feeds.careVisits().visitDays(i, m).length > 0 || visitedByOrder.contains(i)) {
                        c.specialVisited[district]++;
                    }
                }
            }
            boolean checked = elders.checkupInForce(i, m) != 0;
            String selfCare = checked ? elders.selfCare(i) : null;
            boolean disabled = "dependent".equals(selfCare) || "moderate".equals(selfCare)
                    || (hardship & Elders.DISABLED) != 0;
            if (disabled) {
                c.disabled[district]++;
                if (ltc) {
                    c.disabledLtc[district]++;
                }
            }
            if (age >= 65 && checked) {
                c.p65Checked[district]++;
                if (elders.familyDoctor(i)) {
                    c.p65FamilyDoctor[district]++;
                }
                if (elders.hypertension(i)) {
                    c.checkedHypertension[district]++;
                }
                if (elders.diabetes(i)) {
                    c.checkedDiabetes[district]++;
                }
            }
        }
        for (AuditCases.Payment p : feeds.audit().payments(m)) {
            int i = p.person();
            int district = pop.district(i) + 1;
            c.allowanceFen[p.type()][district] += p.fen();
            if (p.type() <= 2) {
                c.longevityFen[district] += p.fen();
                if (recipients.add(i)) {
                    c.longevityRecipients[district]++;
                    if (alive(pop, household, snapshot, i, end) && Ymd.age(pop.birth[i], end) >= 80) {
                        c.p80Paid[district]++;
                    }
                }
            }
            if (AuditCases.IMPROPER.contains(p.rule())) {
                c.improperFen[district] += p.fen();
            }
        }
        for (int i : recipients) {
            int district = pop.district(i) + 1;
            c.lifeRecipients[district]++;
            if (verified(feeds, served, i, m)) {
                c.lifeVerified[district]++;
            }
        }
    }

    /**
     * Passive proof of life of a recipient: no death by the month's end, and in the 6 calendar months ending with it
     * (those the generated range holds) a pension, a checkup, a completed order, a care visit or an LTC benefit.
     */
    private static boolean verified(PersonFeeds feeds, List<Set<Integer>> served, int i, int m) {
        Elders elders = feeds.elders();
        Population pop = elders.pop;
        if (pop.death[i] != 0 && pop.death[i] <= elders.time.end(m)) {
            return false;
        }
        int first = Math.max(0, m - 5);
        for (int k = first; k <= m; k++) {
            if (elders.pensionInMonth(i, k) || elders.ltcInMonth(i, k) || served.get(k).contains(i)
                    || feeds.careVisits().visitDays(i, k).length > 0) {
                return true;
            }
            for (AuditCases.Pension p : feeds.audit().pensions(k)) {
                if (p.person() == i) {
                    return true;
                }
            }
        }
        for (int y = elders.time.month(first).getYear(); y <= elders.time.month(m).getYear(); y++) {
            int date = elders.checkupDate(i, y);
            int k = date == 0 ? -1 : elders.time.indexOf(date);
            if (k >= first && k <= m) {
                return true;
            }
        }
        return false;
    }

    /** Persons with a completed order (real or planted) in each month. */
    private static List<Set<Integer>> servedByMonth(ServiceOrderFeed orders) {
        List<Set<Integer>> served = new java.util.ArrayList<>();
        for (int m = 0; m < orders.byMonth.size(); m++) {
            Set<Integer> persons = new HashSet<>();
            for (List<ServiceOrderFeed.Order> list : List.of(orders.byMonth.get(m), orders.plantedByMonth.get(m))) {
                for (ServiceOrderFeed.Order o : list) {
                    if (o.status == ServiceOrderFeed.COMPLETED) {
                        persons.add(o.person);
                    }
                }
            }
            served.add(persons);
        }
        return served;
    }

    private static void writeRegion(BufferedWriter w, String code, String month, Counts c, int r) throws IOException {
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
        line(w, "living_alone", code, month, c.alone[r], -1);
        line(w, "empty_nest", code, month, c.emptyNest[r], -1);
        line(w, "special_hardship", code, month, c.special[r], -1);
        line(w, "disabled_elderly", code, month, c.disabled[r], -1);
        line(w, "service_orders", code, month, c.orders[r], -1);
        line(w, "service_persons", code, month, c.orderPersons[r], -1);
        text(w, "service_hours", code, month, CellText.yuan((c.orderMinutes[r] * 100 + 30) / 60), "", "");
        text(w, "service_subsidy", code, month, CellText.yuan(c.orderSubsidy[r]), "", "");
        line(w, "flagged_order_rate", code, month, c.ordersFlagged[r], c.ordersAll[r]);
        line(w, "visit_rate", code, month, c.specialVisited[r], c.special[r]);
        line(w, "longevity_recipients", code, month, c.longevityRecipients[r], -1);
        text(w, "longevity_amount", code, month, CellText.yuan(c.longevityFen[r]), "", "");
        line(w, "longevity_coverage", code, month, c.p80Paid[r], c.p80[r]);
        line(w, "longevity_missed", code, month, c.p80[r] - c.p80Paid[r], -1);
        for (int t = 0; t < Elders.ALLOWANCE_TYPES.length; t++) {
            text(w, "allowance_amount", code, month, CellText.yuan(c.allowanceFen[t][r]), "",
                    Elders.ALLOWANCE_TYPES[t]);
        }
        text(w, "improper_amount", code, month, CellText.yuan(c.improperFen[r]), "", "");
        line(w, "auto_verified_rate", code, month, c.lifeVerified[r], c.lifeRecipients[r]);
        line(w, "pension_coverage", code, month, c.p60Pension[r], c.p60[r]);
        text(w, "avg_pension", code, month, CellText.yuan(c.p60PensionFen[r]), Long.toString(c.p60Pension[r]), "");
        line(w, "ltc_beneficiaries", code, month, c.ltcBeneficiaries[r], -1);
        line(w, "ltc_coverage", code, month, c.disabledLtc[r], c.disabled[r]);
        line(w, "accident_insurance_rate", code, month, c.p60Insured[r], c.p60[r]);
        line(w, "health_mgmt_rate", code, month, c.p65Checked[r], c.p65[r]);
        line(w, "family_doctor_rate", code, month, c.p65FamilyDoctor[r], c.p65[r]);
        line(w, "hypertension_rate", code, month, c.checkedHypertension[r], c.p65Checked[r]);
        line(w, "diabetes_rate", code, month, c.checkedDiabetes[r], c.p65Checked[r]);
    }

    private static void line(BufferedWriter w, String kpi, String region, String month, long numerator,
                             long denominator) throws IOException {
        text(w, kpi, region, month, Long.toString(numerator), denominator >= 0 ? Long.toString(denominator) : "", "");
    }

    private static void text(BufferedWriter w, String kpi, String region, String month, String numerator,
            String denominator, String breakdown) throws IOException {
        w.write(kpi);
        w.write(',');
        w.write(region);
        w.write(',');
        w.write(month);
        w.write(',');
        w.write(numerator);
        w.write(',');
        w.write(denominator);
        w.write(',');
        w.write(breakdown);
        w.write('\n');
    }
}
