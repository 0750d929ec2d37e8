package cn.yinling.datasets;

import cn.yinling.datasets.FacilityRegistry.Facility;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 居家养老服务工单 monthly from the city's home-care platform (civil_affairs:320300). Government-purchased home care for
 * the poor and disabled 70+ living at home (≈ 2,200 people at scale 1.0, 3–9 orders a month each), plus some elders
 * who pay themselves. Providers are the open facilities of the person's district that the facility feed has already
 * reported (a few orders come from home-service companies outside it: UNKNOWN_PROVIDER warnings); each worker serves
 * one order at a time; a person has at most one order a day, and none on or after the day they die or leave.
 */
final class ServiceOrderFeed extends ElderFeed {

    static final String FEED = "service_order";
    static final String UNIT = Units.CIVIL_AFFAIRS;

    static final String[] TYPES = {"meal", "cleaning", "bathing", "medical_escort", "mobility", "visit",
        "companionship", "rehab_care", "errands"};
    static final int VISIT = 5;
    private static final int[] GOV_WEIGHTS = {35, 15, 8, 7, 5, 12, 8, 5, 5};
    private static final int[] SELF_WEIGHTS = {20, 30, 15, 15, 0, 0, 0, 10, 10};
    /** Shortest and longest duration by type, in minutes (multiples of 3 minutes: hours are exact to 0.05). */
    private static final int[][] DURATION = {{21, 45}, {60, 120}, {45, 90}, {90, 240}, {30, 90}, {30, 60}, {30, 90},
        {45, 90}, {30, 120}};

    static final int COMPLETED = 0;
    static final int CANCELLED = 1;
    static final int FLAGGED = 2;
    static final String[] STATUSES = {"completed", "cancelled", "flagged"};
    static final String[] FUNDING = {"government", "self", "charity"};

    private static final String[] CYCLE = {
        "ID_CHECKSUM", "TIME_ORDER:before", "USCC_CHECKSUM", "ORDER_ID_REUSED", "OUT_OF_PERIOD", "RANGE:lon",
        "CODE_UNKNOWN:type", "DUPLICATE_KEY", "TIME_ORDER:long", "REQUIRED", "RANGE:subsidy", "CODE_UNKNOWN:status",
        "TYPE_FORMAT"};
    private static final CellText.DateTimeStyle[] TIMES = CellText.DateTimeStyle.values();

    /** One order of the month as the platform records it. */
    static final class Order {
        final int person;
        final int day;
        final int start;
        final int minutes;
        final int type;
        final int status;
        final int funding;
        final long subsidyFen;
        final long selfPayFen;
        int facility;
        String provider;
        String worker;
        String id;

        Order(int person, int day, int start, int minutes, int type, int status, int funding, long subsidyFen,
                long selfPayFen) {
            this.person = person;
            this.day = day;
            this.start = start;
            this.minutes = minutes;
            this.type = type;
            this.status = status;
            this.funding = funding;
            this.subsidyFen = subsidyFen;
            this.selfPayFen = selfPayFen;
        }
    }

    private final FacilityFeed facilityFeed;
    private final AuditCases audit;
    /** Month → the month's orders (real ones, all loaded), for the KPI truth and the calibration figures. */
    final List<List<Order>> byMonth = new ArrayList<>();
    /** Month → the orders planted for the audit rules (AuditCases), loaded after the real ones. */
    final List<List<Order>> plantedByMonth = new ArrayList<>();
    /** Facility index → the first month its row was accepted (the registry knows it from then on). */
    private final int[] knownFrom;

    ServiceOrderFeed(GenerationContext ctx, Elders elders, FacilityFeed facilityFeed) {
        this(ctx, elders, facilityFeed, AuditCases.none());
    }

    ServiceOrderFeed(GenerationContext ctx, Elders elders, FacilityFeed facilityFeed, AuditCases audit) {
        super(ctx, elders, FEED);
        this.facilityFeed = facilityFeed;
        this.audit = audit;
        List<Facility> all = ctx.facilities().all();
        knownFrom = new int[all.size()];
        for (int k = 0; k < all.size(); k++) {
            knownFrom[k] = Integer.MAX_VALUE;
            for (int m = 0; m < ctx.time().size(); m++) {
                if (!facilityFeed.rejected(m, k)) {
                    knownFrom[k] = m;
                    break;
                }
            }
        }
    }

    void write() throws IOException {
        for (int m = 0; m < ctx.time().size(); m++) {
            List<Order> orders = orders(m);
            byMonth.add(orders);
            // planted before the file is written: a real order's provider is still the registered one here
            List<Order> planted = audit.orders(m, orders, this);
            plantedByMonth.add(planted);
            writeFile(m, orders, planted, m > 0 ? byMonth.get(m - 1) : List.of());
            ctx.progress().step("居家养老服务工单", m + 1, ctx.time().size());
        }
    }

    // ---------------------------------------------------------------- the month's orders

    private List<Order> orders(int m) {
        Map<String, ProviderChoice> providers = providers(m);
        List<Order> orders = new ArrayList<>();
        for (int i : elders.candidates) {
            boolean gov = elders.govHomeCare(i);
            if (!gov && !elders.selfPayClient(i)) {
                continue;
            }
            boolean listed = i < pop.initialSize || pop.listedFrom[i] <= m;
            int last = elders.lastDayPresent(i, m);
            if (!listed || last < 1 || Ymd.age(pop.birth[i], ctx.time().end(m)) < 60) {
                continue;
            }
            SplittableRandom rnd = new SplittableRandom(Rng.mix(ctx.seed() * 31 + pop.idBody[i] * 17 + m));
            int count = Math.min(last, gov ? 3 + rnd.nextInt(7) : 1 + rnd.nextInt(3));
            boolean[] taken = new boolean[last + 1];
            boolean poor = (elders.hardship(i) & (Elders.EXTREME_POVERTY | Elders.MINIMUM_LIVING)) != 0;
            for (int k = 0; k < count; k++) {
                int day;
                do {
                    day = 1 + rnd.nextInt(last);
                } while (taken[day]);
                taken[day] = true;
                int type = weighted(rnd, gov ? GOV_WEIGHTS : SELF_WEIGHTS);
                int minutes = 3 * ((DURATION[type][0] + rnd.nextInt(DURATION[type][1] - DURATION[type][0] + 1)) / 3);
                int start = 480 + 3 * rnd.nextInt(181);
                int u = rnd.nextInt(100);
                int status = u < 93 ? COMPLETED : u < 97 ? CANCELLED : FLAGGED;
                int funding = gov ? 0 : rnd.nextInt(10) == 0 ? 2 : 1;
                long units = minutes / 3;
                long subsidy = status == CANCELLED || funding != 0 ? 0 : units * 200;
                long selfPay = status == CANCELLED ? 0 : funding == 0 ? (poor ? 0 : units * 20) : funding == 1
                        ? units * 150 : 0;
                Order o = new Order(i, day, start, minutes, type, status, funding, subsidy, selfPay);
                ProviderChoice choice = providers.get(district6(i) + (type == 0 ? "meal" : type == 7 ? "rehab" : ""));
                if (choice == null || choice.codes.isEmpty()) {
                    choice = providers.get(district6(i));
                }
                if (choice == null || choice.codes.isEmpty()) {
                    choice = providers.get("city");
                }
                int pick = elders.hash(i, 47, type == 0 ? 1 : type == 7 ? 2 : 0, choice.codes.size());
                o.facility = choice.facilities.get(pick);
                o.provider = choice.codes.get(pick);
                orders.add(o);
            }
        }
        orders.sort(Comparator.comparingInt((Order o) -> o.day).thenComparingInt(o -> o.start)
                .thenComparingInt(o -> o.person));
        assignWorkersAndIds(m, orders);
        return orders;
    }

    private static int weighted(SplittableRandom rnd, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int u = rnd.nextInt(total);
        for (int t = 0; t < weights.length; t++) {
            u -= weights[t];
            if (u < 0) {
                return t;
            }
        }
        return 0;
    }

    /** Open, already-registered facilities that can provide home care, by district (and by district for meals/rehab). */
    private static final class ProviderChoice {
        final List<Integer> facilities = new ArrayList<>();
        final List<String> codes = new ArrayList<>();

        void add(int k, String code) {
            facilities.add(k);
            codes.add(code);
        }
    }

    private Map<String, ProviderChoice> providers(int m) {
        Map<String, ProviderChoice> byKey = new HashMap<>();
        List<Facility> all = ctx.facilities().all();
        for (int k = 0; k < all.size(); k++) {
            Facility f = all.get(k);
            if (f.statusAt(m) != FacilityRegistry.OPEN || knownFrom[k] > m) {
                continue;
            }
            boolean center = f.type.equals(FacilityRegistry.COMMUNITY_CENTER) || f.type.equals(FacilityRegistry.DAY_CARE);
            boolean meal = f.type.equals(FacilityRegistry.MEAL_POINT) || f.type.equals(FacilityRegistry.CANTEEN);
            boolean rehab = f.type.equals(FacilityRegistry.INSTITUTION) || f.type.equals(FacilityRegistry.DAY_CARE);
            if (center) {
                byKey.computeIfAbsent(f.district6, d -> new ProviderChoice()).add(k, f.code);
                byKey.computeIfAbsent("city", d -> new ProviderChoice()).add(k, f.code);
            }
            if (meal || center) {
                byKey.computeIfAbsent(f.district6 + "meal", d -> new ProviderChoice()).add(k, f.code);
            }
            if (rehab) {
                byKey.computeIfAbsent(f.district6 + "rehab", d -> new ProviderChoice()).add(k, f.code);
            }
        }
        return byKey;
    }

    /** Order ids in time order (XZ + yyyymm + serial); each provider's workers take orders that do not overlap. */
    private void assignWorkersAndIds(int m, List<Order> orders) {
        Map<Integer, List<int[]>> workersOf = new HashMap<>();
        int serial = 0;
        for (Order o : orders) {
            o.id = orderId(m, ++serial);
            int begin = (o.day - 1) * 1440 + o.start;
            List<int[]> workers = workersOf.computeIfAbsent(o.facility, k -> new ArrayList<>());
            int chosen = -1;
            for (int w = 0; w < workers.size(); w++) {
                // 15 minutes to get from one home to the next
                if (workers.get(w)[0] + 15 <= begin) {
                    chosen = w;
                    break;
                }
            }
            if (chosen < 0) {
                workers.add(new int[1]);
                chosen = workers.size() - 1;
            }
            workers.get(chosen)[0] = begin + o.minutes;
            o.worker = "W" + (10_000 + o.facility) + String.format("%02d", chosen + 1);
        }
    }

    String orderId(int m, int serial) {
        return "XZ" + ctx.compactMonth(m) + String.format("%06d", serial);
    }

    // ---------------------------------------------------------------- the file

    /** A home-service company not in the facility registry, in the person's district. */
    private static String unregisteredProvider(String district6) {
        return Uscc.build("91", district6, 990_000 + Integer.parseInt(district6.substring(4)));
    }

    private Object[] cells(Order o, int m, CellText.DateTimeStyle times) {
        int date = ctx.time().start(m) + o.day - 1;
        int end = o.start + o.minutes;
        String[] coordinates = o.status == CANCELLED ? new String[2] : coordinates(o.person);
        return new Object[] {o.id, id(o.person), o.provider, o.worker, label("service_type", TYPES[o.type]),
            times.text(date, o.start), times.text(date, end), CellText.AmountStyle.PLAIN.text(o.subsidyFen),
            CellText.AmountStyle.PLAIN.text(o.selfPayFen), coordinates[0], coordinates[1],
            label("order_status", STATUSES[o.status]), label("funding", FUNDING[o.funding])};
    }

    /** The check-in point: near the person's community (Xuzhou lies at about 116.4–118.6 E, 33.7–34.9 N). */
    private String[] coordinates(int person) {
        int community = pop.community[person];
        double a = (Rng.mix(ctx.seed() + community * 7919L) >>> 11) * 0x1.0p-53;
        double b = (Rng.mix(ctx.seed() + community * 104729L) >>> 11) * 0x1.0p-53;
        return new String[] {String.format(java.util.Locale.ROOT, "%.6f", 116.40 + 2.2 * a),
            String.format(java.util.Locale.ROOT, "%.6f", 33.70 + 1.2 * b)};
    }

    private void writeFile(int m, List<Order> orders, List<Order> planted, List<Order> previous) throws IOException {
        int n = orders.size();
        SplittableRandom rnd = Rng.stream(ctx.seed(), "service-order-" + m);
        String[] cycle = applicable(CYCLE, v -> !v.equals("ORDER_ID_REUSED") || !previous.isEmpty());
        Plants plants = Plants.chooseEveryRule(rnd, n, cycle, m);
        Plants unknown = Plants.choose(Rng.stream(ctx.seed(), "service-order-unknown-" + m), n,
                new String[] {"UNKNOWN_PROVIDER"}, 0);
        CellText.DateTimeStyle times = TIMES[m % TIMES.length];
        String name = "居家养老服务工单_" + ctx.compactMonth(m) + ".csv";
        int extraSerial = 900_000;
        try (FeedFile f = new FeedFile(ctx.out(), FEED, ctx.time().label(m), UNIT, name, FeedFile.Format.CSV_UTF8,
                ctx.truth())) {
            f.header(h("order_id"), h("id_number"), h("provider_code"), h("worker_id"), h("service_type"),
                    h("start_time"), h("end_time"), h("subsidy_amount"), h("self_pay_amount"), h("checkin_lon"),
                    h("checkin_lat"), h("status"), h("funding"));
            for (int k = 0; k < n; k++) {
                Order o = orders.get(k);
                String registered = o.provider;
                boolean warned = unknown.at(k) != null;
                if (warned) {
                    o.provider = unregisteredProvider(district6(o.person));
                    o.facility = -1;
                }
                Object[] cells = cells(o, m, times);
                int row = f.data(cells);
                if (warned) {
                    f.warn(row, "provider_code", "UNKNOWN_PROVIDER");
                }
                String variant = plants.at(k);
                if (variant == null) {
                    continue;
                }
                Object[] extra = cells.clone();
                if (!variant.equals("DUPLICATE_KEY")) {
                    extra[0] = orderId(m, ++extraSerial);
                    extra[1] = syntheticId(rnd, elderlyBirth(rnd, ctx.time().end(m)));
                    // a registered provider, so that only the planted rule is broken
                    extra[2] = registered;
                }
                int date = ctx.time().start(m) + o.day - 1;
                String column = switch (variant) {
                    case "DUPLICATE_KEY" -> "order_id";
                    case "ID_CHECKSUM" -> {
                        extra[1] = wrongCheck((String) extra[1], rnd);
                        yield "id_number";
                    }
                    case "USCC_CHECKSUM" -> {
                        String code = (String) extra[2];
                        int v = Uscc.CHARSET.indexOf(code.charAt(17));
                        extra[2] = code.substring(0, 17) + Uscc.CHARSET.charAt((v + 1 + rnd.nextInt(30)) % 31);
                        yield "provider_code";
                    }
                    case "TIME_ORDER:before" -> {
                        extra[6] = times.text(date, o.start - 30);
                        yield "end_time";
                    }
                    case "TIME_ORDER:long" -> {
                        int end = o.start + 13 * 60;
                        extra[6] = times.text(CellText.plusDays(date, end / 1440), end % 1440);
                        yield "end_time";
                    }
                    case "ORDER_ID_REUSED" -> {
                        // an id of last month typed again
                        extra[0] = cleanOf(previous, rnd).id;
                        yield "order_id";
                    }
                    case "OUT_OF_PERIOD" -> {
                        int before = CellText.plusDays(ctx.time().start(m), -1);
                        extra[5] = times.text(before, o.start);
                        extra[6] = times.text(before, o.start + o.minutes);
                        yield "start_time";
                    }
                    case "RANGE:lon" -> {
                        extra[9] = "11.8";
                        extra[10] = "34.2";
                        yield "checkin_lon";
                    }
                    case "RANGE:subsidy" -> {
                        extra[7] = "-20.00";
                        yield "subsidy_amount";
                    }
                    case "CODE_UNKNOWN:type" -> {
                        extra[4] = "助急";
                        yield "service_type";
                    }
                    case "CODE_UNKNOWN:status" -> {
                        extra[11] = "已派单";
                        yield "status";
                    }
                    case "REQUIRED" -> {
                        extra[4] = null;
                        yield "service_type";
                    }
                    case "TYPE_FORMAT" -> {
                        extra[5] = CellText.impossibleDate(date) + " 09:00";
                        yield "start_time";
                    }
                    default -> throw new IllegalArgumentException(variant);
                };
                int extraRow = f.data(extra);
                f.reject(extraRow, column, ruleOf(variant));
                if (warned && variant.equals("DUPLICATE_KEY")) {
                    f.warn(extraRow, "provider_code", "UNKNOWN_PROVIDER");
                }
            }
            for (Order o : planted) {
                f.data(cells(o, m, times));
            }
        }
    }

    /** A loaded order of last month whose id is reused (any real order: all of them were loaded). */
    private static Order cleanOf(List<Order> previous, SplittableRandom rnd) {
        return previous.get(rnd.nextInt(previous.size()));
    }
}
