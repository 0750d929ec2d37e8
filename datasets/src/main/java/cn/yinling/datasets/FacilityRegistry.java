package cn.yinling.datasets;

import cn.yinling.datasets.RegionRegistry.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The elderly-care facilities of the synthetic city. Counts at scale 1.0 follow the source figures (≈301 社区居家养老服务中心,
 * ≈161 老年助餐点, a 街道日间照料中心 in most 街道, 农村互助养老睦邻点 in ≈60 % of villages …); community facilities keep
 * those counts at every scale, institutions shrink with it (at least one). Most are 运营中; some are 筹建中 (a few open during the range) or 停业.
 */
final class FacilityRegistry {

    static final String INSTITUTION = "institution";
    static final String DAY_CARE = "day_care_center";
    static final String COMMUNITY_CENTER = "community_center";
    static final String MEAL_POINT = "meal_point";
    static final String CANTEEN = "community_canteen";
    static final String RURAL = "rural_mutual_aid";
    static final String CARE_HOME = "care_home_small";

    static final int OPEN = 0;
    static final int CLOSED = 1;
    static final int PLANNED = 2;

    /**
     * A facility; its status is {@code initialStatus} before month {@code changeMonth} and {@code laterStatus} from it
     * on ({@code changeMonth} = Integer.MAX_VALUE when it never changes).
     */
    static final class Facility {
        final String code;
        final String name;
        final String type;
        final String regionCode;
        final String district6;
        final int beds;
        final int nursingBeds;
        final String operation;
        final boolean fireSafe;
        final int initialStatus;
        final int changeMonth;
        final int laterStatus;
        final int openedDate;
        final int laterOpenedDate;

        Facility(String code, String name, String type, String regionCode, int beds, int nursingBeds, String operation,
                 boolean fireSafe, int initialStatus, int changeMonth, int laterStatus, int openedDate,
                 int laterOpenedDate) {
            this.code = code;
            this.name = name;
            this.type = type;
            this.regionCode = regionCode;
            this.district6 = regionCode.substring(0, 6);
            this.beds = beds;
            this.nursingBeds = nursingBeds;
            this.operation = operation;
            this.fireSafe = fireSafe;
            this.initialStatus = initialStatus;
            this.changeMonth = changeMonth;
            this.laterStatus = laterStatus;
            this.openedDate = openedDate;
            this.laterOpenedDate = laterOpenedDate;
        }

        int statusAt(int m) {
            return m >= changeMonth ? laterStatus : initialStatus;
        }

        /** yyyymmdd or 0 when not yet opened. */
        int openedAt(int m) {
            return m >= changeMonth && laterOpenedDate != 0 ? laterOpenedDate : openedDate;
        }
    }

    private final List<Facility> facilities = new ArrayList<>();

    List<Facility> all() {
        return facilities;
    }

    static FacilityRegistry build(RegionRegistry regions, Timeline time, double scale, long seed) {
        FacilityRegistry registry = new FacilityRegistry();
        SplittableRandom rnd = Rng.stream(seed, "facility-registry");
        List<Region> communities = regions.communities();
        List<Region> urban = communities.stream().filter(Region::urban).toList();
        List<Region> villages = communities.stream().filter(r -> "220".equals(r.urbanRuralCode())).toList();
        List<Region> streets = regions.streets().stream().filter(r -> r.name().endsWith("街道")).toList();
        Set<String> codes = new HashSet<>();
        Builder b = new Builder(registry, rnd, time, codes);

        for (Region street : pick(rnd, streets, regionCount(streets.size() * 0.85))) {
            b.add(DAY_CARE, street.code12().substring(0, 9), stem(street.name()) + "日间照料中心");
        }
        for (Region c : pick(rnd, urban, regionCount(301))) {
            b.add(COMMUNITY_CENTER, c.code12(), stem(c.name()) + "居家养老服务中心");
        }
        for (Region c : pick(rnd, communities, regionCount(161))) {
            b.add(MEAL_POINT, c.code12(), stem(c.name()) + "老年助餐点");
        }
        for (Region c : pick(rnd, urban, regionCount(95))) {
            b.add(CANTEEN, c.code12(), stem(c.name()) + "社区食堂");
        }
        for (Region c : pick(rnd, villages, regionCount(villages.size() * 0.60))) {
            b.add(RURAL, c.code12(), stem(c.name()) + "互助养老睦邻点");
        }
        for (Region c : pick(rnd, communities, regionCount(45))) {
            b.add(CARE_HOME, c.code12(), stem(c.name()) + "老年关爱之家");
        }
        String[] institutionKinds = {"养老院", "颐养院", "老年公寓", "敬老院", "康养中心", "护理院"};
        for (Region c : pick(rnd, communities, count(scale, 180))) {
            String kind = institutionKinds[rnd.nextInt(institutionKinds.length)];
            b.add(INSTITUTION, c.code12(), stem(c.name()) + kind);
        }
        return registry;
    }

    /**
     * Community facilities belong to the city's real regions, which do not shrink with the population scale; a demo
     * city keeps the real coverage rates. Institutions (beds) do scale with the population.
     */
    private static int regionCount(double count) {
        return (int) Math.max(1, Math.round(count));
    }

    private static int count(double scale, double atScaleOne) {
        return (int) Math.max(1, Math.round(atScaleOne * scale));
    }

    /** A community's short name: 万通社区居委会 → 万通社区, 张庄村委会 → 张庄村. */
    static String stem(String name) {
        for (String suffix : new String[] {"居民委员会", "村民委员会", "居委会", "村委会", "管委会", "办事处"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static List<Region> pick(SplittableRandom rnd, List<Region> from, int k) {
        List<Region> copy = new ArrayList<>(from);
        int take = Math.min(k, copy.size());
        for (int i = 0; i < take; i++) {
            int j = i + rnd.nextInt(copy.size() - i);
            Region t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy.subList(0, take);
    }

    private static final class Builder {
        private final FacilityRegistry registry;
        private final SplittableRandom rnd;
        private final Timeline time;
        private final Set<String> codes;
        private long serial = 100_000;

        Builder(FacilityRegistry registry, SplittableRandom rnd, Timeline time, Set<String> codes) {
            this.registry = registry;
            this.rnd = rnd;
            this.time = time;
            this.codes = codes;
        }

        void add(String type, String regionCode, String name) {
            String operation = operation(type);
            String registration = operation.equals("public") ? "12" : "52";
            String code;
            do {
                serial += 1 + rnd.nextInt(9000);
                code = Uscc.build(registration, regionCode.substring(0, 6), serial);
            } while (!codes.add(code));

            int beds = 0;
            int nursing = 0;
            if (type.equals(INSTITUTION)) {
                beds = (int) Math.max(20, Math.min(1200, Math.round(Math.exp(Math.log(130) + 0.6 * rnd.nextGaussian()))));
                nursing = (int) Math.round(beds * (0.45 + 0.30 * rnd.nextDouble()));
            } else if (type.equals(DAY_CARE)) {
                beds = 8 + rnd.nextInt(16);
            }
            boolean fireSafe = rnd.nextDouble() < (type.equals(INSTITUTION) ? 0.94 : 0.97);

            double u = rnd.nextDouble();
            int initial = u < 0.05 ? PLANNED : u < 0.075 ? CLOSED : OPEN;
            int change = Integer.MAX_VALUE;
            int later = initial;
            int opened = Ymd.fromEpochDay(java.time.LocalDate.of(2005, 1, 1).toEpochDay() + rnd.nextInt(365 * 18));
            int laterOpened = 0;
            if (initial == PLANNED) {
                opened = 0;
                if (time.size() > 1 && rnd.nextBoolean()) {
                    change = 1 + rnd.nextInt(time.size() - 1);
                    later = OPEN;
                    laterOpened = Ymd.fromEpochDay(time.startEpochDay(change) + rnd.nextInt(time.days(change)));
                }
            } else if (initial == OPEN && time.size() > 1 && rnd.nextDouble() < 0.01) {
                change = 1 + rnd.nextInt(time.size() - 1);
                later = CLOSED;
            }
            registry.facilities.add(new Facility(code, name, type, regionCode, beds, nursing, operation, fireSafe,
                    initial, change, later, opened, laterOpened));
        }

        private String operation(String type) {
            double u = rnd.nextDouble();
            return switch (type) {
                case INSTITUTION -> u < 0.30 ? "public" : u < 0.60 ? "public_private" : "private";
                case COMMUNITY_CENTER, DAY_CARE -> u < 0.30 ? "public" : u < 0.95 ? "public_private" : "private";
                case RURAL -> u < 0.80 ? "public" : "public_private";
                default -> u < 0.20 ? "public" : u < 0.60 ? "public_private" : "private";
            };
        }
    }
}
