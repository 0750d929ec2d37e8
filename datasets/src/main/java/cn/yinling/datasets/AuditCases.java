package cn.yinling.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The cases of the audit rules of spec/audit.md planted into the synthetic city (issue #5), and the near misses that
 * must not fire, written to {@code truth/audit.csv} and {@code truth/audit_near_misses.csv}
 * ({@code rule,month,person_key_source,order_id,note}, person_key_source the 18-digit ID number).
 *
 * <p>The city's own data raises no finding ({@link Elders}: payments stop with the month of death or the month before
 * a move, tiers follow the age at the month's end, every payable 80+ is paid, each unit pays its own district once,
 * nobody in an institution gets home care; orders stop before the day of death, a worker serves one order at a time,
 * a person has one order a day, durations 21 minutes to 4 hours), so the truth is exactly the planted cases:
 * <ul>
 * <li>A01 an allowance paid one or two months after the death by the person's own bureau (a district bureau first);</li>
 * <li>A02 a pension paid the month after the death;</li>
 * <li>A03 a completed order a few days after the death (and, as a near miss, a cancelled one);</li>
 * <li>A04 a centenarian allowance to a 90–99-year-old beside their longevity_90, or longevity_80 to a 79-year-old;</li>
 * <li>A05 a longevity allowance of a district with its own bureau paid again by the city bureau;</li>
 * <li>A06 a payable 80+ whose longevity allowance of the month is withheld (registered at both month ends);</li>
 * <li>A07 an allowance paid the month after a move out of the city;</li>
 * <li>A08 an order by a worker overlapping his own real order by 9 minutes, or a second order of the same person and
 * service overlapping theirs (both orders are findings), and, as near misses, the same starting exactly when the real
 * order ends;</li>
 * <li>A09 orders of 6 minutes and of 9 hours (near misses: exactly 10 minutes and exactly 8 hours);</li>
 * <li>A10 a home-care allowance to someone whose survey in force says 入住养老机构.</li>
 * </ul>
 * Natural near misses are listed too: payments for the month of death, turning 80 on the pay month's last day, 79 at
 * the month's end and unpaid, two allowance types in one month, home care to people living at home, and a move within
 * the city (a relocation to another community of the same district, which no figure by district notices).
 *
 * <p>Planted rows are extra loaded rows (or, for A06, a withheld one): the feed writers ask {@link #allowances},
 * {@link #payments}, {@link #pensions} and {@link #orders}, and KpiTruth counts them, so truth/kpi.csv stays exactly
 * what the warehouse must compute. Every choice draws from its own random streams, so the rest of the city is the
 * same with or without the audit cases.
 */
final class AuditCases {

    static final String CASES_FILE = "audit.csv";
    static final String NEAR_MISSES_FILE = "audit_near_misses.csv";
    /** Natural near misses listed per kind: a handful shows the boundary, all of them would only be a long file. */
    static final int NEAR_MISSES_PER_KIND = 5;
    /** Persons per planted case at scale 1.0 are one in this many residents (at least three cases per rule). */
    static final int RESIDENTS_PER_CASE = 6_000;
    /**
     * The order rules (A03, A08, A09) plant one case per this many clients of government-purchased home care (at least
     * three): each case brings an elder who is no client into the orders, and at one per 6,000 residents those would
     * outnumber the city's ~2,200 real clients and the warehouse would no longer show the report's figure.
     */
    static final int CLIENTS_PER_ORDER_CASE = 200;

    static final int LONGEVITY_80 = 0;
    static final int CENTENARIAN = 2;
    static final int HOME_CARE = 4;
    static final int LOW_INCOME = 5;
    static final java.util.List<String> IMPROPER = List.of("A01", "A04", "A05");

    /** A row of truth/audit.csv or truth/audit_near_misses.csv. */
    record Entry(String rule, int month, int person, String orderId, String note) {
    }

    /** An allowance row a unit's file carries on top of the model's. */
    record Payment(int person, int month, String unit, int type, long fen, String rule) {
    }

    /** A pension row on top of the model's. */
    record Pension(int person, int month, int scheme, long fen) {
    }

    /** An order planned for a dead person: completed (A03) or cancelled (near miss), on {@code date}. */
    private record DeathOrder(int person, int date, boolean completed) {
    }

    private final Population pop;
    private final Timeline time;
    private final RegionRegistry regions;
    private final long seed;
    private final int quota;
    private int orderQuota;
    private final List<Entry> cases = new ArrayList<>();
    private final List<Entry> nearMisses = new ArrayList<>();
    private final Map<Integer, List<Payment>> paymentsByMonth = new HashMap<>();
    private final Map<Integer, List<Pension>> pensionsByMonth = new HashMap<>();
    private final Set<Long> withheld = new HashSet<>();
    private final List<DeathOrder> deathOrders = new ArrayList<>();
    /** Persons of a planted case or a near miss: each takes part in one only. */
    private final Set<Integer> used = new HashSet<>();
    private final Map<String, Integer> nearMissesOfKind = new HashMap<>();
    private final Set<String> findingOrders = new HashSet<>();
    private Elders elders;
    private int workerSerial;

    private AuditCases(Population pop, RegionRegistry regions, Timeline time, long seed) {
        this.pop = pop;
        this.regions = regions;
        this.time = time;
        this.seed = seed;
        this.quota = pop == null ? 0 : Math.max(3, (int) Math.round(pop.initialSize / (double) RESIDENTS_PER_CASE));
    }

    /** Nothing planted: for feed writers built on their own (tests of one feed). */
    static AuditCases none() {
        return new AuditCases(null, null, null, 0);
    }

    /**
     * The first step, before the register is written: moves a few 80+ residents to another community of their
     * district half-way through the months (the near miss of A07: a move within the city is no 迁出).
     */
    static AuditCases plan(Population pop, RegionRegistry regions, Timeline time, long seed) {
        AuditCases audit = new AuditCases(pop, regions, time, seed);
        audit.relocate();
        return audit;
    }

    private void relocate() {
        int month = time.size() / 2;
        if (month < 1) {
            return;
        }
        SplittableRandom rnd = Rng.stream(seed, "audit-relocation");
        int moved = 0;
        for (int i : shuffled(range(pop.initialSize), rnd)) {
            if (moved == NEAR_MISSES_PER_KIND) {
                break;
            }
            if (pop.death[i] != 0 || pop.moveOut[i] != 0 || Ymd.age(pop.birth[i], time.start(0)) < 81) {
                continue;
            }
            int district = pop.district(i);
            int target = -1;
            for (int c = 0; c < regions.communities().size(); c++) {
                if (c != pop.community[i] && regions.districtOfCommunity(c) == district) {
                    target = c;
                    if (rnd.nextBoolean()) {
                        break;
                    }
                }
            }
            if (target < 0) {
                continue;
            }
            pop.relocate(i, month, target);
            used.add(i);
            moved++;
            String note = "moved within the city from " + regions.communityCode12(pop.community[i]) + " to "
                    + regions.communityCode12(target) + " and paid on";
            nearMisses.add(new Entry("A07", month, i, "", note));
            if (month + 1 < time.size()) {
                nearMisses.add(new Entry("A07", month + 1, i, "", note));
            }
        }
    }

    /** The second step, once the register is written: the allowance, pension and order cases and the near misses. */
    void choose(Elders elders, HouseholdFeed household) {
        this.elders = elders;
        long clients = java.util.Arrays.stream(elders.candidates).filter(elders::govHomeCare).count();
        orderQuota = Math.max(3, (int) Math.round(clients / (double) CLIENTS_PER_ORDER_CASE));
        int[] dead = deadPersons();
        plantAfterDeath(dead);
        plantPensionAfterDeath(dead);
        planDeathOrders(dead);
        plantWrongTier();
        plantDuplicates();
        withholdLongevity(household);
        plantAfterMovingOut(household);
        plantHomeCareInInstitution();
        listNaturalNearMisses(dead, household);
    }

    // ---------------------------------------------------------------- allowances and pensions

    /** The allowances of the person for month m as the units pay them: the model's, less a withheld longevity one. */
    void allowances(Elders model, int i, int m, long[] fen) {
        model.allowances(i, m, fen);
        if (withheld.contains(key(i, m))) {
            fen[0] = 0;
            fen[1] = 0;
            fen[2] = 0;
        }
    }

    /** The planted allowance rows of month m in the file of {@code unit}. */
    List<Payment> payments(int m, String unit) {
        return paymentsByMonth.getOrDefault(m, List.of()).stream().filter(p -> p.unit().equals(unit)).toList();
    }

    List<Payment> payments(int m) {
        return paymentsByMonth.getOrDefault(m, List.of());
    }

    List<Pension> pensions(int m) {
        return pensionsByMonth.getOrDefault(m, List.of());
    }

    private int[] deadPersons() {
        List<Integer> dead = new ArrayList<>();
        for (Population.IntList month : pop.deathsByMonth) {
            for (int k = 0; k < month.size(); k++) {
                dead.add(month.get(k));
            }
        }
        return dead.stream().mapToInt(Integer::intValue).toArray();
    }

    private String unitOf(int i) {
        return Units.civilAffairsOf(regions.districts().get(pop.district(i)).code());
    }

    private boolean districtBureau(int i) {
        return Units.DISTRICT_BUREAUS.containsKey(regions.districts().get(pop.district(i)).code());
    }

    private void addPayment(Payment p, String note) {
        paymentsByMonth.computeIfAbsent(p.month(), k -> new ArrayList<>()).add(p);
        cases.add(new Entry(p.rule(), p.month(), p.person(), "", note));
        used.add(p.person());
    }

    /** The longevity type index and amount due at month m's end, or null under 80. */
    private long[] longevityDue(int i, int m) {
        String type = Elders.longevityType(Ymd.age(pop.birth[i], time.end(m)));
        if (type == null) {
            return null;
        }
        int index = type.equals("longevity_80") ? 0 : type.equals("longevity_90") ? 1 : 2;
        return new long[] {index, elders.longevityFen(i, type)};
    }

    /** A01: the allowance of the month of death paid again one or two months later (a district bureau's case first). */
    private void plantAfterDeath(int[] dead) {
        SplittableRandom rnd = Rng.stream(seed, "audit-A01");
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        int planted = 0;
        for (boolean districtFirst : new boolean[] {true, false}) {
            for (int i : shuffled(dead, rnd)) {
                if (planted == quota || districtFirst && planted == 1) {
                    break;
                }
                if (used.contains(i) || districtFirst && !districtBureau(i)) {
                    continue;
                }
                int d = time.indexOf(pop.death[i]);
                int target = Math.min(d + 2, time.size() - 1);
                if (target <= d) {
                    continue;
                }
                elders.allowances(i, d, fen);
                long[] due = fen[0] + fen[1] + fen[2] > 0 ? longevityDue(i, target) : firstOther(fen);
                if (due == null) {
                    continue;
                }
                addPayment(new Payment(i, target, unitOf(i), (int) due[0], due[1], "A01"),
                        Elders.ALLOWANCE_TYPES[(int) due[0]] + " paid " + (target - d) + " month(s) after the death on "
                                + pop.death[i] + " by " + unitOf(i));
                planted++;
            }
        }
    }

    private static long[] firstOther(long[] fen) {
        for (int t = 3; t < fen.length; t++) {
            if (fen[t] > 0) {
                return new long[] {t, fen[t]};
            }
        }
        return null;
    }

    /** A02: the pension paid for the month after the death. */
    private void plantPensionAfterDeath(int[] dead) {
        SplittableRandom rnd = Rng.stream(seed, "audit-A02");
        int planted = 0;
        for (int i : shuffled(dead, rnd)) {
            if (planted == quota) {
                break;
            }
            int d = time.indexOf(pop.death[i]);
            if (used.contains(i) || d + 1 >= time.size() || !elders.pensionInMonth(i, d)) {
                continue;
            }
            pensionsByMonth.computeIfAbsent(d + 1, k -> new ArrayList<>())
                    .add(new Pension(i, d + 1, elders.pensionScheme(i), elders.pensionFen(i)));
            cases.add(new Entry("A02", d + 1, i, "", "pension paid the month after the death on " + pop.death[i]));
            used.add(i);
            planted++;
        }
    }

    /** A03 (and a cancelled near miss): an order one to five days after the death, still inside the months. */
    private void planDeathOrders(int[] dead) {
        SplittableRandom rnd = Rng.stream(seed, "audit-A03");
        int completed = 0;
        int cancelled = 0;
        for (int i : shuffled(dead, rnd)) {
            if (completed == orderQuota && cancelled == Math.min(orderQuota, NEAR_MISSES_PER_KIND)) {
                break;
            }
            int date = CellText.plusDays(pop.death[i], 1 + rnd.nextInt(5));
            if (used.contains(i) || time.indexOf(date) >= time.size() || Ymd.age(pop.birth[i], pop.death[i]) < 60) {
                continue;
            }
            boolean complete = completed < orderQuota;
            deathOrders.add(new DeathOrder(i, date, complete));
            used.add(i);
            if (complete) {
                completed++;
            } else {
                cancelled++;
            }
        }
    }

    /** Whether the person is there, alive and payable through the whole of month m. */
    private boolean throughMonth(int i, int m) {
        return elders.payable(i, m) && (pop.death[i] == 0 || pop.death[i] > time.end(m))
                && (pop.moveOut[i] == 0 || pop.moveOut[i] > time.end(m));
    }

    /** A04: a centenarian allowance to a 90–99-year-old paid longevity_90, or longevity_80 to a 79-year-old. */
    private void plantWrongTier() {
        SplittableRandom rnd = Rng.stream(seed, "audit-A04");
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        int planted = 0;
        for (int i : shuffled(elders.candidates, rnd)) {
            if (planted == quota) {
                break;
            }
            int m = rnd.nextInt(time.size());
            if (used.contains(i) || !throughMonth(i, m)) {
                continue;
            }
            int age = Ymd.age(pop.birth[i], time.end(m));
            elders.allowances(i, m, fen);
            if (planted % 2 == 0 && age >= 90 && age <= 99 && fen[1] > 0) {
                addPayment(new Payment(i, m, unitOf(i), CENTENARIAN, elders.longevityFen(i, "centenarian"), "A04"),
                        "centenarian allowance at age " + age + " beside longevity_90");
                planted++;
            } else if (planted % 2 == 1 && age == 79) {
                addPayment(new Payment(i, m, unitOf(i), LONGEVITY_80, elders.longevityFen(i, "longevity_80"), "A04"),
                        "longevity_80 at age 79 (80 on " + (Ymd.year(pop.birth[i]) + 80) + "-"
                                + Ymd.month(pop.birth[i]) + "-" + Ymd.day(pop.birth[i]) + ")");
                planted++;
            }
        }
    }

    /** A05: a longevity allowance of a district with its own bureau paid again by the city bureau. */
    private void plantDuplicates() {
        SplittableRandom rnd = Rng.stream(seed, "audit-A05");
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        int planted = 0;
        for (int i : shuffled(elders.candidates, rnd)) {
            if (planted == quota) {
                break;
            }
            int m = rnd.nextInt(time.size());
            if (used.contains(i) || !districtBureau(i) || !throughMonth(i, m)) {
                continue;
            }
            elders.allowances(i, m, fen);
            for (int t = 0; t <= 2; t++) {
                if (fen[t] > 0) {
                    addPayment(new Payment(i, m, Units.CIVIL_AFFAIRS, t, fen[t], "A05"), Elders.ALLOWANCE_TYPES[t]
                            + " paid by " + unitOf(i) + " and again by " + Units.CIVIL_AFFAIRS);
                    planted++;
                    break;
                }
            }
        }
    }

    /** Whether the person has an accepted 正常 row in the snapshot in force at month m's end. */
    private boolean registeredActive(HouseholdFeed household, int i, int m) {
        int s = ElderFeed.snapshotInForce(household, m);
        return s >= 0 && pop.listed(i, s) && !household.rejected(s, i) && pop.statusAt(i, s) == Population.ACTIVE;
    }

    /** A06: the longevity allowance of a payable 80+, registered 正常 at the previous and this month's end, withheld. */
    private void withholdLongevity(HouseholdFeed household) {
        SplittableRandom rnd = Rng.stream(seed, "audit-A06");
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        int planted = 0;
        for (int i : shuffled(elders.candidates, rnd)) {
            if (planted == quota || time.size() < 2) {
                break;
            }
            int m = 1 + rnd.nextInt(time.size() - 1);
            if (used.contains(i) || !throughMonth(i, m) || Ymd.age(pop.birth[i], time.end(m)) < 80
                    || !registeredActive(household, i, m - 1) || !registeredActive(household, i, m)) {
                continue;
            }
            elders.allowances(i, m, fen);
            if (fen[0] + fen[1] + fen[2] == 0) {
                continue;
            }
            withheld.add(key(i, m));
            cases.add(new Entry("A06", m, i, "", "longevity allowance of a registered "
                    + Ymd.age(pop.birth[i], time.end(m)) + "-year-old not paid"));
            used.add(i);
            planted++;
        }
    }

    /** A07: an allowance for the month after a move out of the city (longevity by age at 80+, else low income). */
    private void plantAfterMovingOut(HouseholdFeed household) {
        SplittableRandom rnd = Rng.stream(seed, "audit-A07");
        List<Integer> movers = new ArrayList<>();
        for (int i = 0; i < pop.size; i++) {
            if (pop.moveOut[i] != 0) {
                movers.add(i);
            }
        }
        int planted = 0;
        for (int i : shuffled(movers.stream().mapToInt(Integer::intValue).toArray(), rnd)) {
            if (planted == quota) {
                break;
            }
            int k = time.indexOf(pop.moveOut[i]);
            int target = k + 1;
            if (used.contains(i) || target >= time.size() || Ymd.age(pop.birth[i], time.end(target)) < 60) {
                continue;
            }
            int shown = ElderFeed.snapshotInForce(household, k);
            if (shown < 0 || !pop.listed(i, shown) || household.rejected(shown, i)
                    || pop.statusAt(i, shown) != Population.MOVED_OUT) {
                continue;
            }
            long[] due = longevityDue(i, target);
            if (due == null) {
                due = new long[] {LOW_INCOME, 10_000};
            }
            addPayment(new Payment(i, target, unitOf(i), (int) due[0], due[1], "A07"),
                    Elders.ALLOWANCE_TYPES[(int) due[0]] + " paid the month after moving out on " + pop.moveOut[i]);
            planted++;
        }
    }

    /** A10: a home-care allowance to someone whose survey in force says 入住养老机构. */
    private void plantHomeCareInInstitution() {
        SplittableRandom rnd = Rng.stream(seed, "audit-A10");
        int planted = 0;
        for (int i : shuffled(elders.candidates, rnd)) {
            if (planted == quota) {
                break;
            }
            int m = rnd.nextInt(time.size());
            if (used.contains(i) || elders.arrangement(i) != Elders.IN_INSTITUTION || !throughMonth(i, m)
                    || Ymd.age(pop.birth[i], time.end(m)) < 60 || elders.surveyInForce(i, m) == 0) {
                continue;
            }
            addPayment(new Payment(i, m, unitOf(i), HOME_CARE, 30_000, "A10"),
                    "home care paid to an institution resident (survey of " + elders.surveyInForce(i, m) + ")");
            planted++;
        }
    }

    private void nearMiss(String kind, Entry entry) {
        int n = nearMissesOfKind.getOrDefault(kind, 0);
        if (n < NEAR_MISSES_PER_KIND) {
            nearMissesOfKind.put(kind, n + 1);
            nearMisses.add(entry);
        }
    }

    private boolean full(String... kinds) {
        for (String kind : kinds) {
            if (nearMissesOfKind.getOrDefault(kind, 0) < NEAR_MISSES_PER_KIND) {
                return false;
            }
        }
        return true;
    }

    /** The boundaries the city's own data already shows, listed so that a test can assert they raise nothing. */
    private void listNaturalNearMisses(int[] dead, HouseholdFeed household) {
        long[] fen = new long[Elders.ALLOWANCE_TYPES.length];
        for (int i : dead) {
            if (used.contains(i)) {
                continue;
            }
            int d = time.indexOf(pop.death[i]);
            allowances(elders, i, d, fen);
            if (fen[0] + fen[1] + fen[2] + fen[3] + fen[4] + fen[5] > 0) {
                nearMiss("A01", new Entry("A01", d, i, "", "paid for the month of death (" + pop.death[i] + ")"));
            }
            if (elders.pensionInMonth(i, d)) {
                nearMiss("A02", new Entry("A02", d, i, "", "pension for the month of death (" + pop.death[i] + ")"));
            }
        }
        SplittableRandom rnd = Rng.stream(seed, "audit-natural-near-misses");
        for (int i : shuffled(elders.candidates, rnd)) {
            if (full("A04", "A06:79", "A05", "A10")) {
                break;
            }
            if (used.contains(i)) {
                continue;
            }
            Set<String> listed = new HashSet<>(); // one month per person and kind is enough
            for (int m = 0; m < time.size(); m++) {
                if (!throughMonth(i, m)) {
                    continue;
                }
                allowances(elders, i, m, fen);
                int end = time.end(m);
                int age = Ymd.age(pop.birth[i], end);
                boolean birthdayOnLastDay = Ymd.month(pop.birth[i]) == Ymd.month(end)
                        && Ymd.day(pop.birth[i]) == Ymd.day(end);
                if (age == 80 && birthdayOnLastDay && fen[LONGEVITY_80] > 0 && !full("A04")) {
                    nearMiss("A04", new Entry("A04", m, i, "", "turns 80 on the pay month's last day, paid longevity_80"));
                    nearMisses.add(new Entry("A06", m, i, "", "turns 80 on the month's last day and is paid"));
                }
                int nextDay = CellText.plusDays(end, 1);
                boolean birthdayNextDay = Ymd.month(pop.birth[i]) == Ymd.month(nextDay) && Ymd.day(pop.birth[i]) == 1;
                if (age == 79 && birthdayNextDay && m >= 1 && registeredActive(household, i, m - 1)
                        && registeredActive(household, i, m)) {
                    nearMiss("A06:79", new Entry("A06", m, i, "", "79 at the month's end (80 the next day), not paid"));
                }
                int types = 0;
                for (long f : fen) {
                    types += f > 0 ? 1 : 0;
                }
                if (types >= 2 && listed.add("A05")) {
                    nearMiss("A05", new Entry("A05", m, i, "", types + " allowance types in one month, one payment each"));
                }
                if (fen[HOME_CARE] > 0 && elders.arrangement(i) != Elders.IN_INSTITUTION && listed.add("A10")) {
                    nearMiss("A10", new Entry("A10", m, i, "", "home care to a person living at home"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- service orders

    /**
     * The orders planted into month m's file of the home-care platform, given the month's real orders (each real
     * order is used once): A03 and its cancelled near miss, A08 and its back-to-back near misses, A09 and its exact
     * near misses. Workers of planted orders that must clash with nobody get a worker id of their own (WA…).
     */
    List<ServiceOrderFeed.Order> orders(int m, List<ServiceOrderFeed.Order> real, ServiceOrderFeed feed) {
        List<ServiceOrderFeed.Order> planted = new ArrayList<>();
        if (pop == null || real.isEmpty()) {
            return planted;
        }
        SplittableRandom rnd = Rng.stream(seed, "audit-orders-" + m);
        int serial = 800_000;
        for (DeathOrder d : deathOrders) {
            if (time.indexOf(d.date()) != m) {
                continue;
            }
            ServiceOrderFeed.Order o = order(d.person(), Ymd.day(d.date()), 600, 60, 1,
                    d.completed() ? ServiceOrderFeed.COMPLETED : ServiceOrderFeed.CANCELLED, providerFor(d.person(), real, rnd),
                    newWorker(), feed.orderId(m, ++serial));
            planted.add(o);
            Entry entry = new Entry("A03", m, d.person(), o.id, (d.completed() ? "completed" : "cancelled")
                    + " order on " + d.date() + " after the death on " + pop.death[d.person()]);
            if (d.completed()) {
                cases.add(entry);
                findingOrders.add(o.id);
            } else {
                nearMisses.add(entry);
            }
        }
        int count = (int) ((long) (m + 1) * orderQuota / time.size() - (long) m * orderQuota / time.size());
        List<ServiceOrderFeed.Order> completed = new ArrayList<>();
        for (ServiceOrderFeed.Order o : real) {
            if (o.status == ServiceOrderFeed.COMPLETED && o.type != ServiceOrderFeed.VISIT) {
                completed.add(o);
            }
        }
        java.util.Collections.shuffle(completed, new java.util.Random(rnd.nextLong()));
        java.util.Iterator<ServiceOrderFeed.Order> pick = completed.iterator();
        for (int k = 0; k < count; k++) {
            // A08, the same worker: another person's order starting 9 minutes before the real one ends
            ServiceOrderFeed.Order o = pick.hasNext() ? pick.next() : null;
            Integer q = o == null ? null : bystander(m, o.day, rnd);
            if (q != null) {
                ServiceOrderFeed.Order clash = order(q, o.day, o.start + o.minutes - 9, 21, 0, ServiceOrderFeed.COMPLETED,
                        o, o.worker, feed.orderId(m, ++serial));
                planted.add(clash);
                pair("A08", m, o, clash, "overlaps by 9 minutes, same worker " + o.worker, cases);
            }
            // A08, the same person and service: a second order by another worker overlapping the real one
            o = pick.hasNext() ? pick.next() : null;
            if (o != null) {
                ServiceOrderFeed.Order clash = order(o.person, o.day, o.start + o.minutes - 9, 21, o.type,
                        ServiceOrderFeed.COMPLETED, o, newWorker(), feed.orderId(m, ++serial));
                planted.add(clash);
                pair("A08", m, o, clash, "overlaps by 9 minutes, same person and service", cases);
            }
            // near misses of A08: the same two situations starting exactly when the real order ends
            o = pick.hasNext() ? pick.next() : null;
            q = o == null ? null : bystander(m, o.day, rnd);
            if (q != null) {
                ServiceOrderFeed.Order touching = order(q, o.day, o.start + o.minutes, 12, 0, ServiceOrderFeed.COMPLETED,
                        o, o.worker, feed.orderId(m, ++serial));
                planted.add(touching);
                pair("A08", m, o, touching, "back to back, same worker " + o.worker, nearMisses);
            }
            o = pick.hasNext() ? pick.next() : null;
            if (o != null) {
                ServiceOrderFeed.Order touching = order(o.person, o.day, o.start + o.minutes, 30, o.type,
                        ServiceOrderFeed.COMPLETED, o, newWorker(), feed.orderId(m, ++serial));
                planted.add(touching);
                pair("A08", m, o, touching, "back to back, same person and service", nearMisses);
            }
            // A09 and its near misses: 6 minutes and 9 hours; exactly 10 minutes and exactly 8 hours
            int[][] variants = {{6, 1}, {540, 1}, {10, 0}, {480, 0}};
            for (int[] variant : variants) {
                int minutes = variant[0];
                boolean isCase = variant[1] == 1;
                int day = 1 + rnd.nextInt(time.days(m));
                Integer person = bystander(m, day, rnd);
                if (person == null) {
                    continue;
                }
                int type = minutes > 60 ? 7 : 6; // 康复护理 for the long ones, 精神慰藉 for the short ones
                ServiceOrderFeed.Order timed = order(person, day, minutes > 60 ? 480 : 540, minutes, type,
                        ServiceOrderFeed.COMPLETED, providerFor(person, real, rnd), newWorker(), feed.orderId(m, ++serial));
                planted.add(timed);
                if (isCase) {
                    cases.add(new Entry("A09", m, person, timed.id, minutes + " minutes"));
                    findingOrders.add(timed.id);
                } else {
                    nearMisses.add(new Entry("A09", m, person, timed.id, "exactly " + minutes + " minutes"));
                }
            }
        }
        return planted;
    }

    private void pair(String rule, int m, ServiceOrderFeed.Order real, ServiceOrderFeed.Order planted, String note,
                      List<Entry> into) {
        into.add(new Entry(rule, m, real.person, real.id, note + " (with planted " + planted.id + ")"));
        into.add(new Entry(rule, m, planted.person, planted.id, note + " (with real " + real.id + ")"));
        if (into == cases) {
            findingOrders.add(real.id);
            findingOrders.add(planted.id);
        }
    }

    /**
     * A resident aged 60+ present on the day who is no client of the platform (so has no order of their own) and takes
     * part in no other case.
     */
    private Integer bystander(int m, int day, SplittableRandom rnd) {
        int[] all = elders.candidates;
        int date = time.start(m) + day - 1;
        int from = rnd.nextInt(all.length);
        for (int k = 0; k < all.length; k++) {
            int i = all[(from + k) % all.length];
            if (!used.contains(i) && !elders.govHomeCare(i) && !elders.selfPayClient(i)
                    && Ymd.age(pop.birth[i], time.end(m)) >= 60 && elders.presentOn(i, m, date)) {
                used.add(i);
                return i;
            }
        }
        return null;
    }

    /** A real order of the month whose registered provider serves the person's district (else any real order's). */
    private ServiceOrderFeed.Order providerFor(int person, List<ServiceOrderFeed.Order> real, SplittableRandom rnd) {
        int district = pop.district(person);
        int from = rnd.nextInt(real.size());
        for (int k = 0; k < real.size(); k++) {
            ServiceOrderFeed.Order o = real.get((from + k) % real.size());
            if (pop.district(o.person) == district) {
                return o;
            }
        }
        return real.get(from);
    }

    private String newWorker() {
        return "WA" + String.format("%06d", ++workerSerial);
    }

    /** A government-funded order, its provider that of {@code like} (registered: planted rows get no warning). */
    private ServiceOrderFeed.Order order(int person, int day, int start, int minutes, int type, int status,
                                         ServiceOrderFeed.Order like, String worker, String id) {
        long units = minutes / 3;
        boolean done = status == ServiceOrderFeed.COMPLETED;
        ServiceOrderFeed.Order o = new ServiceOrderFeed.Order(person, day, start, minutes, type, status, 0,
                done ? units * 200 : 0, 0);
        o.facility = like.facility;
        o.provider = like.provider;
        o.worker = worker;
        o.id = id;
        return o;
    }

    /** Ids of the orders (real or planted) with a finding: they count in flagged_order_rate. */
    Set<String> findingOrders() {
        return findingOrders;
    }

    // ---------------------------------------------------------------- truth files

    List<Entry> cases() {
        return cases;
    }

    List<Entry> nearMisses() {
        return nearMisses;
    }

    void write(Path out) throws IOException {
        Path truth = out.resolve("truth");
        Files.createDirectories(truth);
        write(truth.resolve(CASES_FILE), cases);
        write(truth.resolve(NEAR_MISSES_FILE), nearMisses);
    }

    private void write(Path file, List<Entry> entries) throws IOException {
        List<Entry> sorted = new ArrayList<>(new LinkedHashSet<>(entries));
        sorted.sort(Comparator.comparing(Entry::rule).thenComparingInt(Entry::month)
                .thenComparing(e -> IdNumbers.full(pop.idBody[e.person()])).thenComparing(Entry::orderId));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("rule,month,person_key_source,order_id,note\n");
            for (Entry e : sorted) {
                w.write(e.rule() + ',' + time.label(e.month()) + ',' + IdNumbers.full(pop.idBody[e.person()]) + ','
                        + e.orderId() + ',' + e.note().replace(',', ';') + '\n');
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private long key(int i, int m) {
        return (long) i * 1024 + m;
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** A permuted copy (Fisher–Yates), so that cases spread over the city rather than its first districts. */
    private static int[] shuffled(int[] values, SplittableRandom rnd) {
        int[] a = values.clone();
        for (int k = a.length - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
        return a;
    }
}
