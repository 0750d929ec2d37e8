package cn.yinling.datasets;

/**
 * What the departments know about the older residents of the synthetic city, as pure functions of the seed and the
 * person (no storage per person): living arrangement and hardship (民政 survey), disability, who draws a pension and how
 * much, who is insured against accidents, when each is checked up, who gets long-term-care benefits and
 * government-purchased home care. Every feed writer and the KPI truth ask the same functions, so the feeds agree with
 * one another and with the truth.
 *
 * <p>Consistency with the register: a person's events happen only while registered and alive — payments up to the
 * month of death itself (normal), nothing after it; nothing after moving out of the city; a person who moved in starts
 * receiving payments the month after. Traits are drawn from the person's age at the start of the generated range, so
 * they stay the same over the months (a survey finds the same arrangement every year).
 *
 * <p>Calibration at scale 1.0 (the committee's own report): accident insurance ≈ 73万 (≈ 40 % of the 60+), longevity
 * allowance ≈ 23.28万 recipients and ≈ 1.6亿元 a year, ≈ 2,200 people in government-purchased home care with 5–6
 * thousand orders a month per 1,000 served.
 */
final class Elders {

    static final String[] ARRANGEMENTS = {"alone", "empty_nest", "with_children", "in_institution", "other"};
    static final int ALONE = 0;
    static final int EMPTY_NEST = 1;
    static final int WITH_CHILDREN = 2;
    static final int IN_INSTITUTION = 3;
    static final int OTHER = 4;

    /** Hardship bits, in the order of the hardship code list. */
    static final int EXTREME_POVERTY = 1;
    static final int MINIMUM_LIVING = 1 << 1;
    static final int NEAR_POVERTY = 1 << 2;
    static final int DISABLED = 1 << 3;
    static final int SEMI_DISABLED = 1 << 4;
    static final int FAMILY_PLANNING_SPECIAL = 1 << 5;
    static final int SEVERE_DISABILITY = 1 << 6;
    static final String[] HARDSHIP_CODES = {"extreme_poverty", "minimum_living", "near_poverty", "disabled",
        "semi_disabled", "family_planning_special", "severe_disability"};
    static final int POVERTY = EXTREME_POVERTY | MINIMUM_LIVING | NEAR_POVERTY;

    static final int SCHEME_NONE = -1;
    static final String[] SCHEMES = {"enterprise", "public_sector", "resident"};

    /** Government-purchased home care: share of the eligible (70+, poor or disabled, at home) taken in. */
    static final double GOV_HOME_CARE_SHARE = 0.01325;
    /** Accident insurance: share of the 60+ at the start of the year enrolled (安康关爱行动). */
    static final double INSURED_SHARE = 0.4175;
    /** Health checkups: share of the 65+ (and of the 60–64) checked once in a year. */
    static final double CHECKUP_65 = 0.72;
    static final double CHECKUP_60 = 0.10;
    static final double SURVEY_COVERAGE = 0.97;
    static final double VISITED_SHARE = 0.92;

    private static final int SALT_DISABILITY = 1;
    private static final int SALT_POVERTY = 2;
    private static final int SALT_ARRANGEMENT = 3;
    private static final int SALT_FAMILY = 4;
    private static final int SALT_SEVERE = 5;
    private static final int SALT_PENSION = 6;
    private static final int SALT_PENSION_AMOUNT = 7;
    private static final int SALT_HOME_CARE = 8;
    private static final int SALT_LTC = 9;
    private static final int SALT_HEALTH = 10;
    private static final int SALT_SURVEY = 11;
    private static final int SALT_CHECKUP = 12;
    private static final int SALT_INSURED = 13;
    private static final int SALT_VISIT = 14;
    private static final int SALT_SELF_PAY = 15;

    final Population pop;
    final Timeline time;
    final RegionRegistry regions;
    final long seed;
    private final int reference;
    /** Persons aged 50 or more at the end of the range: everyone an elderly feed may list, in index order. */
    final int[] candidates;
    /** The static traits of each person, packed ({@link #traits}); 0 until first asked for. */
    private final int[] traitCache;

    Elders(Population pop, RegionRegistry regions, Timeline time, long seed) {
        this.pop = pop;
        this.time = time;
        this.regions = regions;
        this.seed = seed;
        this.reference = time.start(0);
        int last = time.end(time.size() - 1);
        int n = 0;
        int[] list = new int[Math.max(16, pop.size / 4)];
        for (int i = 0; i < pop.size; i++) {
            if (Ymd.age(pop.birth[i], last) >= 50) {
                if (n == list.length) {
                    list = java.util.Arrays.copyOf(list, n * 2);
                }
                list[n++] = i;
            }
        }
        this.candidates = java.util.Arrays.copyOf(list, n);
        this.traitCache = new int[pop.size];
    }

    private static final int COMPUTED = 1 << 31;

    /**
     * Disability (bits 0–1), hardship (2–8), arrangement (9–11), government home care (12), self-pay client (13),
     * pension scheme + 1 (14–15), early-retired woman (16), long-term care (17): every feed asks for them many times a
     * month, so they are drawn once per person.
     */
    private int traits(int i) {
        int t = traitCache[i];
        if (t != 0) {
            return t;
        }
        int disability = drawDisability(i);
        int hardship = drawHardship(i, disability);
        int arrangement = drawArrangement(i, disability);
        boolean gov = drawGovHomeCare(i, disability, hardship, arrangement);
        boolean selfPay = !gov && drawSelfPayClient(i, arrangement);
        boolean early = drawEarlyRetiredWoman(i);
        int scheme = drawPensionScheme(i, early);
        boolean ltc = drawLtc(i, disability);
        t = COMPUTED | disability | hardship << 2 | arrangement << 9 | (gov ? 1 << 12 : 0) | (selfPay ? 1 << 13 : 0)
                | (scheme + 1) << 14 | (early ? 1 << 16 : 0) | (ltc ? 1 << 17 : 0);
        traitCache[i] = t;
        return t;
    }

    /** A uniform number in [0, 1) fixed by the person and a salt (and, for yearly or monthly draws, a period). */
    double u(int i, int salt, int period) {
        long h = Rng.mix(seed * 0x9E3779B97F4A7C15L + pop.idBody[i] * 0xD1B54A32D192ED03L
                + (salt * 1_000_003L + period) * 0x94D049BB133111EBL);
        return (h >>> 11) * 0x1.0p-53;
    }

    int hash(int i, int salt, int period, int bound) {
        return (int) (u(i, salt, period) * bound);
    }

    int ageAtReference(int i) {
        return Ymd.age(pop.birth[i], reference);
    }

    boolean rural(int i) {
        return !regions.communities().get(pop.community[i]).urban();
    }

    // ---------------------------------------------------------------- traits

    /** 0 none, 1 mild (半失能), 2 moderate, 3 severe (失能): grows steeply with age. */
    int disability(int i) {
        return traits(i) & 3;
    }

    private static final double[][] DISABILITY_BY_AGE = {{0.035, 0.015, 0.010}, {0.060, 0.035, 0.025},
        {0.110, 0.075, 0.065}, {0.150, 0.150, 0.150}};

    private int drawDisability(int i) {
        int age = ageAtReference(i);
        if (age < 60) {
            return 0;
        }
        double u = u(i, SALT_DISABILITY, 0);
        double[] p = DISABILITY_BY_AGE[age < 70 ? 0 : age < 80 ? 1 : age < 90 ? 2 : 3];
        if (u < p[2]) {
            return 3;
        }
        if (u < p[2] + p[1]) {
            return 2;
        }
        return u < p[2] + p[1] + p[0] ? 1 : 0;
    }

    /** The hardship bits the 民政 survey records. */
    int hardship(int i) {
        return traits(i) >>> 2 & 0x7F;
    }

    private int drawHardship(int i, int d) {
        if (ageAtReference(i) < 60) {
            return 0;
        }
        int bits = 0;
        double u = u(i, SALT_POVERTY, 0) / (rural(i) ? 1.6 : 1.0);
        if (u < 0.006) {
            bits |= EXTREME_POVERTY;
        } else if (u < 0.031) {
            bits |= MINIMUM_LIVING;
        } else if (u < 0.043) {
            bits |= NEAR_POVERTY;
        }
        if (d >= 2) {
            bits |= DISABLED;
        } else if (d == 1) {
            bits |= SEMI_DISABLED;
        }
        if (u(i, SALT_FAMILY, 0) < 0.004) {
            bits |= FAMILY_PLANNING_SPECIAL;
        }
        if (u(i, SALT_SEVERE, 0) < 0.012) {
            bits |= SEVERE_DISABILITY;
        }
        return bits;
    }

    int arrangement(int i) {
        return traits(i) >>> 9 & 7;
    }

    private int drawArrangement(int i, int disability) {
        int age = ageAtReference(i);
        double u = u(i, SALT_ARRANGEMENT, 0);
        double institution = (age >= 80 ? 0.04 : 0.01) + (disability == 3 ? 0.10 : 0);
        double alone = age >= 80 ? 0.15 : 0.10;
        if (u < institution) {
            return IN_INSTITUTION;
        }
        if (u < institution + alone) {
            return ALONE;
        }
        if (u < institution + alone + 0.28) {
            return EMPTY_NEST;
        }
        if (u < institution + alone + 0.31) {
            return OTHER;
        }
        return WITH_CHILDREN;
    }

    /** 特殊困难老年人 as kpis.md defines it from the survey: alone, empty-nest, or any hardship. */
    boolean special(int i) {
        int a = arrangement(i);
        return a == ALONE || a == EMPTY_NEST || hardship(i) != 0;
    }

    /** Government-purchased home care (政府购买居家养老服务): 70+, poor or disabled, not in an institution. */
    boolean govHomeCare(int i) {
        return (traits(i) & 1 << 12) != 0;
    }

    private boolean drawGovHomeCare(int i, int disability, int h, int arrangement) {
        if (ageAtReference(i) < 70 || arrangement == IN_INSTITUTION) {
            return false;
        }
        boolean eligible = (h & POVERTY) != 0 || disability >= 1 || (h & FAMILY_PLANNING_SPECIAL) != 0;
        return eligible && u(i, SALT_HOME_CARE, 0) < GOV_HOME_CARE_SHARE;
    }

    /** Pays the home-care platform out of pocket now and then. */
    boolean selfPayClient(int i) {
        return (traits(i) & 1 << 13) != 0;
    }

    private boolean drawSelfPayClient(int i, int arrangement) {
        return ageAtReference(i) >= 65 && arrangement != IN_INSTITUTION && u(i, SALT_SELF_PAY, 0) < 0.0025;
    }

    /** Pension scheme index into {@link #SCHEMES}, or {@link #SCHEME_NONE}: most people have one. */
    int pensionScheme(int i) {
        return (traits(i) >>> 14 & 3) - 1;
    }

    private int drawPensionScheme(int i, boolean earlyRetiredWoman) {
        if (earlyRetiredWoman) {
            return 0;
        }
        return u(i, SALT_PENSION, 0) < 0.94 ? schemeOf(i) : SCHEME_NONE;
    }

    /** Women who retired from an enterprise at 50 or 55 draw a pension before 60 (not counted by the 60+ KPIs). */
    boolean earlyRetiredWoman(int i) {
        return (traits(i) & 1 << 16) != 0;
    }

    private boolean drawEarlyRetiredWoman(int i) {
        int age = ageAtReference(i);
        return !pop.male(i) && age >= 55 && age < 60 && u(i, SALT_PENSION, 2) < 0.40;
    }

    private int schemeOf(int i) {
        double v = u(i, SALT_PENSION, 1);
        if (v < 0.07) {
            return 1;
        }
        return v < (rural(i) ? 0.32 : 0.67) ? 0 : 2;
    }

    /** Whether the person draws a pension in month m (from the month after turning 60, or retired early). */
    boolean pensionInMonth(int i, int m) {
        int scheme = pensionScheme(i);
        if (scheme == SCHEME_NONE || !payable(i, m)) {
            return false;
        }
        return Ymd.age(pop.birth[i], time.start(m)) >= 60 || earlyRetiredWoman(i);
    }

    /** The monthly pension in fen (分). */
    long pensionFen(int i) {
        double v = u(i, SALT_PENSION_AMOUNT, 0);
        return switch (pensionScheme(i)) {
            case 0 -> 240_000 + (long) (v * v * 260_000);
            case 1 -> 450_000 + (long) (v * 380_000);
            default -> 18_500 + (long) (v * 16_000);
        };
    }

    /** Long-term-care insurance: most of the moderately and severely disabled, a few of the mildly. */
    boolean ltc(int i) {
        return (traits(i) & 1 << 17) != 0;
    }

    private boolean drawLtc(int i, int d) {
        double u = u(i, SALT_LTC, 0);
        return d >= 2 ? u < 0.55 : d == 1 && u < 0.08;
    }

    /** 失能等级 code: mild, moderate, severe. */
    String ltcLevel(int i) {
        return switch (disability(i)) {
            case 3 -> "severe";
            case 2 -> "moderate";
            default -> "mild";
        };
    }

    boolean ltcInstitution(int i) {
        return arrangement(i) == IN_INSTITUTION;
    }

    long ltcFen(int i) {
        boolean institution = ltcInstitution(i);
        return switch (disability(i)) {
            case 3 -> institution ? 150_000 : 105_000;
            case 2 -> institution ? 105_000 : 75_000;
            default -> 45_000;
        };
    }

    boolean ltcInMonth(int i, int m) {
        return ltc(i) && payable(i, m) && Ymd.age(pop.birth[i], time.start(m)) >= 60;
    }

    /** 生活自理能力 code at a checkup. */
    String selfCare(int i) {
        return switch (disability(i)) {
            case 3 -> "dependent";
            case 2 -> "moderate";
            case 1 -> "mild";
            default -> u(i, SALT_HEALTH, 0) < 0.03 ? "mild" : "independent";
        };
    }

    boolean hypertension(int i) {
        return u(i, SALT_HEALTH, 1) < 0.30 + 0.004 * Math.min(30, ageAtReference(i) - 60);
    }

    boolean diabetes(int i) {
        return u(i, SALT_HEALTH, 2) < 0.16;
    }

    boolean familyDoctor(int i) {
        return u(i, SALT_HEALTH, 3) < 0.80;
    }

    // ---------------------------------------------------------------- register

    /**
     * Whether the person is to be paid for month m: registered the whole month (a person who moved in starts the month
     * after), alive at its start (the month of death itself is paid), not moved out by its end.
     */
    boolean payable(int i, int m) {
        boolean wholeMonth = i < pop.initialSize || pop.listedFrom[i] < m;
        return wholeMonth && (pop.death[i] == 0 || pop.death[i] >= time.start(m))
                && (pop.moveOut[i] == 0 || pop.moveOut[i] > time.end(m));
    }

    /** Whether the person is registered, alive and still in the city on a date of month m. */
    boolean presentOn(int i, int m, int ymd) {
        boolean listed = i < pop.initialSize || pop.listedFrom[i] <= m;
        return listed && (pop.death[i] == 0 || pop.death[i] > ymd) && (pop.moveOut[i] == 0 || pop.moveOut[i] > ymd);
    }

    /** The first day of month m the person is no longer there (death or moving out), or the day after the month. */
    int lastDayPresent(int i, int m) {
        int limit = time.days(m);
        int start = time.start(m);
        for (int d : new int[] {pop.death[i], pop.moveOut[i]}) {
            if (d != 0 && time.indexOf(d) == m) {
                limit = Math.min(limit, Ymd.day(d) - 1);
            } else if (d != 0 && d < start) {
                return 0;
            }
        }
        return limit;
    }

    // ---------------------------------------------------------------- longevity and other allowances

    /** The allowance_type code of the longevity allowance for month m (age at the month's last day), or null. */
    static String longevityType(int ageAtMonthEnd) {
        if (ageAtMonthEnd >= 100) {
            return "centenarian";
        }
        if (ageAtMonthEnd >= 90) {
            return "longevity_90";
        }
        return ageAtMonthEnd >= 80 ? "longevity_80" : null;
    }

    /** 50 元 a month at 80–89, 110 元 at 90–99, 500 元 for centenarians (urban districts top that up to 600 元). */
    long longevityFen(int i, String type) {
        return switch (type) {
            case "centenarian" -> isUrbanDistrict(pop.district(i)) ? 60_000 : 50_000;
            case "longevity_90" -> 11_000;
            default -> 5_000;
        };
    }

    /** 鼓楼区, 云龙区, 泉山区, 徐州经济技术开发区. */
    boolean isUrbanDistrict(int district) {
        String code = regions.districts().get(district).code();
        return code.equals("320302") || code.equals("320303") || code.equals("320311") || code.equals("320371");
    }

    /** Home-care allowance (居家养老服务补贴) of the government-purchased home-care persons, in fen. */
    long homeCareFen(int i) {
        return (hardship(i) & (EXTREME_POVERTY | MINIMUM_LIVING)) != 0 ? 40_000 : 30_000;
    }

    /** 失能老人护理补贴: the poor among the moderately and severely disabled. */
    long disabilityCareFen(int i) {
        if (disability(i) < 2 || (hardship(i) & POVERTY) == 0) {
            return 0;
        }
        return disability(i) == 3 ? 30_000 : 20_000;
    }

    /** 经济困难老年人补贴. */
    long lowIncomeFen(int i) {
        int h = hardship(i);
        if ((h & (EXTREME_POVERTY | MINIMUM_LIVING)) != 0) {
            return 10_000;
        }
        return (h & NEAR_POVERTY) != 0 ? 5_000 : 0;
    }

    /** Allowance types in code-list order. */
    static final String[] ALLOWANCE_TYPES = {"longevity_80", "longevity_90", "centenarian", "disability_care",
        "home_care", "low_income"};

    /**
     * The allowances paid to the person for month m, at most one of each type: {@code fen[t]} for type index t of
     * {@link #ALLOWANCE_TYPES}, 0 when not paid. Longevity by age at the pay month's last day, every month for every
     * payable 80+; home care only to people living at home.
     */
    void allowances(int i, int m, long[] fen) {
        java.util.Arrays.fill(fen, 0);
        if (!payable(i, m)) {
            return;
        }
        int age = Ymd.age(pop.birth[i], time.end(m));
        if (age < 60) {
            return;
        }
        String longevity = longevityType(age);
        if (longevity != null) {
            fen[longevity.equals("longevity_80") ? 0 : longevity.equals("longevity_90") ? 1 : 2] =
                    longevityFen(i, longevity);
        }
        fen[3] = disabilityCareFen(i);
        fen[4] = govHomeCare(i) ? homeCareFen(i) : 0;
        fen[5] = lowIncomeFen(i);
    }

    // ---------------------------------------------------------------- yearly events

    /** The month index of the yearly survey and enrollment: the first generated month of the year, or -1. */
    int firstMonthOfYear(int year) {
        for (int m = 0; m < time.size(); m++) {
            if (time.month(m).getYear() == year) {
                return m;
            }
        }
        return -1;
    }

    /** The living-status survey date of the year (yyyymmdd), or 0 when the person is not surveyed that year. */
    int surveyDate(int i, int year) {
        int m = firstMonthOfYear(year);
        if (m < 0 || u(i, SALT_SURVEY, year) >= SURVEY_COVERAGE) {
            return 0;
        }
        int day = CellText.plusDays(time.start(m), hash(i, SALT_SURVEY, year + 10_000, Math.min(25, time.days(m))));
        return Ymd.age(pop.birth[i], day) >= 60 && presentOn(i, m, day) ? day : 0;
    }

    /** The checkup date in the year (yyyymmdd), 0 when none or outside the generated months. */
    int checkupDate(int i, int year) {
        double p = Ymd.age(pop.birth[i], year * 10000 + 701) >= 65 ? CHECKUP_65 : CHECKUP_60;
        if (u(i, SALT_CHECKUP, year) >= p) {
            return 0;
        }
        int monthOfYear = 1 + hash(i, SALT_CHECKUP, year + 10_000, 12);
        int m = time.indexOf(year * 10000 + monthOfYear * 100 + 1);
        if (m < 0 || m >= time.size()) {
            return 0;
        }
        int day = time.start(m) + hash(i, SALT_CHECKUP, year + 20_000, time.days(m));
        return Ymd.age(pop.birth[i], day) >= 60 && presentOn(i, m, day) ? day : 0;
    }

    /** The accident-insurance enrollment date of the year, 0 when not insured that year. */
    int enrollDate(int i, int year) {
        int jan1 = year * 10000 + 101;
        if (Ymd.age(pop.birth[i], jan1) < 60 || u(i, SALT_INSURED, year) >= INSURED_SHARE) {
            return 0;
        }
        int day = CellText.plusDays(jan1, hash(i, SALT_INSURED, year + 10_000, 90));
        int m = time.indexOf(day);
        boolean listed = i < pop.initialSize || m >= 0 && m < time.size() && pop.listedFrom[i] <= m;
        boolean gone = pop.death[i] != 0 && pop.death[i] <= day || pop.moveOut[i] != 0 && pop.moveOut[i] <= day;
        return listed && !gone ? day : 0;
    }

    /** The first day of the 12 calendar months ending with month m ("in the last 12 months", kpis.md). */
    int windowStart(int m) {
        return Ymd.of(time.month(m).minusMonths(11).atDay(1));
    }

    /** The date of the survey in force at month m (the latest dated in the last 12 months), or 0. */
    int surveyInForce(int i, int m) {
        int year = time.month(m).getYear();
        int best = 0;
        for (int y = year - 1; y <= year; y++) {
            int d = surveyDate(i, y);
            if (d != 0 && d >= windowStart(m) && d <= time.end(m) && d > best) {
                best = d;
            }
        }
        return best;
    }

    /** The date of the latest checkup in the last 12 months of month m, or 0. */
    int checkupInForce(int i, int m) {
        int year = time.month(m).getYear();
        int best = 0;
        for (int y = year - 1; y <= year; y++) {
            int d = checkupDate(i, y);
            if (d != 0 && d >= windowStart(m) && d <= time.end(m) && d > best) {
                best = d;
            }
        }
        return best;
    }

    /** Care visits in month m to a special-hardship person on the survey in force: the days (0, 1 or 2 of them). */
    int[] visitDays(int i, int m, boolean specialInForce) {
        if (!specialInForce || u(i, SALT_VISIT, m) >= VISITED_SHARE) {
            return NO_DAYS;
        }
        int last = lastDayPresent(i, m);
        if (last < 1) {
            return NO_DAYS;
        }
        int first = 1 + hash(i, SALT_VISIT, m + 10_000, last);
        if (last >= 8 && u(i, SALT_VISIT, m + 20_000) < 0.15) {
            int second = 1 + (first - 1 + 3 + hash(i, SALT_VISIT, m + 30_000, last - 5)) % last;
            if (second != first) {
                return first < second ? new int[] {first, second} : new int[] {second, first};
            }
        }
        return new int[] {first};
    }

    private static final int[] NO_DAYS = new int[0];
}
