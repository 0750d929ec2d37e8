package cn.yinling.etl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny city with hand-computed KPIs (see EtlScenarioTest): two districts, one street each, two communities each,
 * thirteen people and eight facilities, January–April 2025 (2025 is no leap year: February ends on the 28th).
 */
final class TestCity {

    static final String PROVINCE = "32";
    static final String CITY = "320300000000";
    static final String GULOU = "320302000000";
    static final String TONGSHAN = "320312000000";
    static final String HUANGLOU_STREET = "320302001000";
    static final String TANGZHANG_TOWN = "320312100000";
    static final String COMMUNITY_A = "320302001001";
    static final String COMMUNITY_B = "320302001002";
    static final String VILLAGE_C = "320312100201";
    static final String VILLAGE_D = "320312100202";

    static final String POLICE = "public_security:320300";
    static final String HEALTH = "health:320300";
    static final String CIVIL = "civil_affairs:320300";
    static final String CIVIL_TONGSHAN = "civil_affairs:320312";
    static final String PENSIONS = "human_resources:320300";
    static final String MEDICAL = "medical_insurance:320300";
    static final String AGING_OFFICE = "aging_office:320300";

    // persons (see the class comment of EtlScenarioTest for what each one tests)
    static final String P1 = id("320302", LocalDate.of(1965, 2, 28), 2, false);   // 60th birthday on 28 Feb
    static final String P2 = id("320302", LocalDate.of(1960, 2, 29), 4, false);   // 29 Feb birthday
    static final String P3 = id("320302", LocalDate.of(1940, 5, 10), 1, true);    // 84
    static final String P4 = id("320302", LocalDate.of(1950, 6, 1), 3, true);     // dies 15 Feb, register says 正常
    static final String P5 = id("320302", LocalDate.of(1955, 7, 1), 6, false);    // moves out in March
    static final String P6 = id("320302", LocalDate.of(1990, 1, 1), 5, true);     // 35
    static final String P7 = id("320312", LocalDate.of(2015, 6, 1), 7, true);     // 9
    static final String P8 = id("320312", LocalDate.of(1924, 3, 15), 8, false);   // 100 → 101
    static final String P9 = id("320312", LocalDate.of(1958, 9, 9), 9, true);     // 66, corrected region
    static final String P10 = id("320302", LocalDate.of(1950, 1, 1), 11, true);   // only in the superseded batch
    static final String P11 = id("320381", LocalDate.of(1940, 1, 1), 13, true);   // dies, never registered
    static final String P12 = id("320312", LocalDate.of(1945, 4, 4), 12, false);  // register: 死亡 20 Mar
    static final String P13 = id("320312", LocalDate.of(2000, 10, 10), 14, false); // 24

    private TestCity() {
    }

    /**
     * The smallest city an ETL run publishes: the regions and the January register (its correction and a refused
     * batch). Enough for tests of publishing itself, cheap enough to run in a child JVM.
     */
    static void writeCore(LandingFixture landing) {
        landing.accepted("region", "2025", "stats:320300", "20250102T090000000-0000000a", regions());
        landing.accepted("household", "2025-01", POLICE, "20250205T100000000-1111111a", householdJanuary(true));
        landing.accepted("household", "2025-01", POLICE, "20250210T090000000-1111111b", householdJanuary(false), true);
        landing.refused("household", "2025-01", POLICE, "20250211T090000000-1111111c", 10, 4);
    }

    /** Writes the whole city into the landing zone. */
    static void write(LandingFixture landing) {
        landing.accepted("region", "2025", "stats:320300", "20250102T090000000-0000000a", regions());

        // January: the first batch is superseded by a correction (P9 moved to village C, P10 was a mistake)
        landing.accepted("household", "2025-01", POLICE, "20250205T100000000-1111111a", householdJanuary(true));
        landing.accepted("household", "2025-01", POLICE, "20250210T090000000-1111111b", householdJanuary(false), true);
        // refused over the reject threshold: 4 of its 10 rows were quarantined (reject_rate counts them)
        landing.refused("household", "2025-01", POLICE, "20250211T090000000-1111111c", 10, 4);
        // March: the quarterly snapshot (fills April as January fills February)
        landing.accepted("household", "2025-03", POLICE, "20250405T100000000-3333333a", householdMarch());

        landing.accepted("death", "2025-02", POLICE, "20250301T100000000-2222222a",
                List.<Object[]>of(row(P4, null, LocalDate.of(2025, 2, 20), "registry")));
        landing.accepted("death", "2025-02", HEALTH, "20250302T100000000-2222222b",
                List.<Object[]>of(row(P4, "测试四", LocalDate.of(2025, 2, 15), "certificate")));
        landing.accepted("death", "2025-03", CIVIL, "20250401T100000000-2222222c",
                List.<Object[]>of(row(P4, "测试四", LocalDate.of(2025, 3, 2), "cremation")));
        landing.accepted("death", "2025-03", HEALTH, "20250402T100000000-2222222d",
                List.<Object[]>of(row(P11, "测试十一", LocalDate.of(2025, 3, 5), "certificate")));

        landing.accepted("facility", "2025-01", CIVIL, "20250203T100000000-4444444a", facilities(false), true);
        landing.accepted("facility", "2025-04", CIVIL, "20250503T100000000-4444444b", facilities(true));

        writeServices(landing);
    }

    /**
     * The eight service feeds (living status, checkups, allowances, pensions, LTC, insurance, visits, orders); what
     * each row tests is worked out in EtlScenarioTest.
     */
    static void writeServices(LandingFixture landing) {
        // living status: P5's 2023 survey and P8's of Feb 2024 are too old for 2025 (P8's still counts in January)
        landing.accepted("living_status", "2023", CIVIL, "20240105T100000000-5555555a", List.<Object[]>of(
                row(P5, "alone", null, LocalDate.of(2023, 12, 5))));
        landing.accepted("living_status", "2024", CIVIL, "20250105T100000000-5555555b", List.<Object[]>of(
                row(P3, "alone", "none", LocalDate.of(2024, 3, 10)),
                row(P4, "alone", null, LocalDate.of(2024, 6, 1)),
                row(P8, "empty_nest", null, LocalDate.of(2024, 2, 15))));
        landing.accepted("living_status", "2025", CIVIL, "20250405T100000000-5555555c", List.<Object[]>of(
                row(P9, "with_children", "extreme_poverty,minimum_living,severe_disability", LocalDate.of(2025, 1, 20)),
                row(P12, "alone", "disabled", LocalDate.of(2025, 1, 5)),
                row(P1, "empty_nest", null, LocalDate.of(2025, 2, 28)),
                row(P3, "with_children", "none", LocalDate.of(2025, 3, 15))));
        landing.accepted("living_status", "2025", AGING_OFFICE, "20250406T100000000-5555555d", List.<Object[]>of(
                row(P11, "alone", null, LocalDate.of(2025, 1, 10))));

        // checkups: P3's of Jan 2024 is 13 months before Feb 2025 and 12 before Jan 2025: it never counts; P9's of
        // Feb 2024 counts in January 2025 only
        landing.accepted("health_checkup", "2024-01", HEALTH, "20240205T100000000-6666666a", List.<Object[]>of(
                row(P3, LocalDate.of(2024, 1, 20), "dependent", true, true, true, null)));
        landing.accepted("health_checkup", "2024-02", HEALTH, "20240305T100000000-6666666b", List.<Object[]>of(
                row(P9, LocalDate.of(2024, 2, 10), "moderate", false, true, true, null)));
        landing.accepted("health_checkup", "2025-01", HEALTH, "20250205T100000000-6666666c", List.<Object[]>of(
                row(P8, LocalDate.of(2025, 1, 15), "dependent", true, false, false, null)));
        landing.accepted("health_checkup", "2025-02", HEALTH, "20250305T100000000-6666666d", List.<Object[]>of(
                row(P5, LocalDate.of(2025, 2, 3), "independent", false, false, true, null),
                row(P2, LocalDate.of(2025, 2, 20), "mild", true, true, false, null),
                row(P11, LocalDate.of(2025, 2, 10), "independent", false, false, false, null)));
        landing.accepted("health_checkup", "2025-03", HEALTH, "20250405T100000000-6666666e", List.<Object[]>of(
                row(P3, LocalDate.of(2025, 3, 5), "independent", true, false, true, null),
                row(P8, LocalDate.of(2025, 3, 20), "moderate", false, false, false, null)));

        // allowances: P8 is paid the centenarian allowance twice in January (district and city bureau); P12 (79) is
        // paid a longevity allowance he is not yet entitled to; P11 (never registered) is paid by 铜山区 in March
        landing.accepted("allowance", "2025-01", CIVIL, "20250210T100000000-7777777a", List.<Object[]>of(
                allowance("2025-01", P3, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-01", P8, "centenarian", "500.00", VILLAGE_C),
                allowance("2025-01", P12, "longevity_80", "100.00", VILLAGE_C),
                allowance("2025-01", P12, "disability_care", "300.00", VILLAGE_C)));
        landing.accepted("allowance", "2025-01", CIVIL_TONGSHAN, "20250211T100000000-7777777b", List.<Object[]>of(
                allowance("2025-01", P8, "centenarian", "500.00", VILLAGE_C)));
        landing.accepted("allowance", "2025-02", CIVIL, "20250310T100000000-7777777c", List.<Object[]>of(
                allowance("2025-02", P3, "longevity_80", "100.00", COMMUNITY_A)));
        landing.accepted("allowance", "2025-03", CIVIL, "20250410T100000000-7777777d", List.<Object[]>of(
                allowance("2025-03", P3, "longevity_80", "100.00", COMMUNITY_A)));
        landing.accepted("allowance", "2025-03", CIVIL_TONGSHAN, "20250411T100000000-7777777e", List.<Object[]>of(
                allowance("2025-03", P8, "centenarian", "500.00", VILLAGE_C),
                allowance("2025-03", P11, "longevity_80", "100.00", "320312000000")));
        landing.accepted("allowance", "2025-04", CIVIL, "20250510T100000000-7777777f", List.<Object[]>of(
                allowance("2025-04", P3, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-04", P8, "centenarian", "500.00", VILLAGE_C),
                allowance("2025-04", P1, "home_care", "200.00", COMMUNITY_A)));

        // pensions: P3 draws two schemes; P4 is paid for February, the month he dies; P6 (35) is not elderly.
        // January's batch had 2 more rows, quarantined at landing
        landing.accepted("pension", "2025-01", PENSIONS, "20250212T100000000-8888888a", List.<Object[]>of(
                pension("2025-01", P2, "enterprise", "3000.00"),
                pension("2025-01", P3, "enterprise", "2000.00"),
                pension("2025-01", P3, "resident", "150.00"),
                pension("2025-01", P4, "public_sector", "2200.00"),
                pension("2025-01", P5, "enterprise", "1800.00"),
                pension("2025-01", P9, "resident", "1200.00")), false, 2);
        landing.accepted("pension", "2025-02", PENSIONS, "20250312T100000000-8888888b", List.<Object[]>of(
                pension("2025-02", P2, "enterprise", "3000.00"),
                pension("2025-02", P3, "enterprise", "2000.00"),
                pension("2025-02", P3, "resident", "150.00"),
                pension("2025-02", P4, "public_sector", "2200.00"),
                pension("2025-02", P5, "enterprise", "1800.00"),
                pension("2025-02", P9, "resident", "1200.00")));
        for (String month : List.of("2025-03", "2025-04")) {
            landing.accepted("pension", month, PENSIONS, month.replace("-", "") + "12T100000000-8888888" + month.charAt(6),
                    List.<Object[]>of(
                            pension(month, P2, "enterprise", "3000.00"),
                            pension(month, P3, "enterprise", "2000.00"),
                            pension(month, P3, "resident", "150.00"),
                            pension(month, P9, "resident", "1200.00"),
                            pension(month, P6, "enterprise", "1000.00")));
        }

        // LTC benefits: P3 (not disabled) gets one in April
        landing.accepted("ltc_benefit", "2025-01", MEDICAL, "20250213T100000000-9999999a", List.<Object[]>of(
                ltc("2025-01", P8, "severe", "800.00"), ltc("2025-01", P12, "moderate", "600.00")));
        landing.accepted("ltc_benefit", "2025-02", MEDICAL, "20250313T100000000-9999999b", List.<Object[]>of(
                ltc("2025-02", P8, "severe", "800.00"), ltc("2025-02", P12, "moderate", "600.00")));
        landing.accepted("ltc_benefit", "2025-03", MEDICAL, "20250413T100000000-9999999c", List.<Object[]>of(
                ltc("2025-03", P8, "severe", "800.00")));
        landing.accepted("ltc_benefit", "2025-04", MEDICAL, "20250513T100000000-9999999d", List.<Object[]>of(
                ltc("2025-04", P8, "severe", "800.00"), ltc("2025-04", P3, "mild", "300.00")));

        // accident insurance: 2025 for P2 P3 P8 P9 and P11 (never registered); P5 only for 2024
        landing.accepted("accident_insurance", "2024", AGING_OFFICE, "20240301T100000000-aaaaaaa1", List.<Object[]>of(
                insurance(2024, P5, "B2024-5")));
        landing.accepted("accident_insurance", "2025", AGING_OFFICE, "20250301T100000000-aaaaaaa2", List.<Object[]>of(
                insurance(2025, P2, "B2025-2"), insurance(2025, P3, "B2025-3"), insurance(2025, P8, "B2025-8"),
                insurance(2025, P9, "B2025-9"), insurance(2025, P11, "B2025-11")));

        // care visits: P3 twice in January (one visited person); P11 is not registered
        landing.accepted("care_visit", "2025-01", CIVIL, "20250206T100000000-bbbbbbb1", List.<Object[]>of(
                row(P3, LocalDate.of(2025, 1, 8), "in_person", "独居，屋内杂乱"),
                row(P3, LocalDate.of(2025, 1, 20), "phone", null)));
        landing.accepted("care_visit", "2025-02", CIVIL, "20250306T100000000-bbbbbbb2", List.<Object[]>of(
                row(P9, LocalDate.of(2025, 2, 11), "in_person", null),
                row(P12, LocalDate.of(2025, 2, 14), "video", null)));
        landing.accepted("care_visit", "2025-03", CIVIL, "20250406T100000000-bbbbbbb3", List.<Object[]>of(
                row(P11, LocalDate.of(2025, 3, 1), "phone", null),
                row(P1, LocalDate.of(2025, 3, 3), "in_person", null)));

        // service orders: O1 and O5 are completed 探访关爱 visits, O6 a cancelled one; O4 is 异常; O7 is for P11
        String provider = facilityCode("F3");
        landing.accepted("service_order", "2025-01", CIVIL, "20250207T100000000-ccccccc1", List.<Object[]>of(
                order("O1", P4, provider, "visit", "2025-01-10T09:00", "2025-01-10T10:30", "30.00", "completed"),
                order("O2", P3, provider, "meal", "2025-01-12T11:00", "2025-01-12T12:00", "15.00", "completed"),
                order("O3", P3, provider, "cleaning", "2025-01-15T14:00", "2025-01-15T16:00", "40.00", "completed"),
                order("O4", P9, provider, "bathing", "2025-01-20T09:00", "2025-01-20T10:00", "50.00", "flagged")));
        landing.accepted("service_order", "2025-03", CIVIL, "20250407T100000000-ccccccc3", List.<Object[]>of(
                order("O5", P9, provider, "visit", "2025-03-05T10:00", "2025-03-05T11:00", "20.00", "completed"),
                order("O7", P11, provider, "meal", "2025-03-08T11:00", "2025-03-08T11:30", "10.00", "completed")));
        landing.accepted("service_order", "2025-04", CIVIL, "20250507T100000000-ccccccc4", List.<Object[]>of(
                order("O6", P1, provider, "visit", "2025-04-02T10:00", "2025-04-02T11:00", "20.00", "cancelled"),
                order("O8", P3, provider, "meal", "2025-04-10T11:00", "2025-04-10T12:15", null, "completed")));
    }

    static Object[] allowance(String month, String id, String type, String amount, String region) {
        return row(LocalDate.parse(month + "-01"), id, null, type, new BigDecimal(amount), region, "social_card");
    }

    static Object[] pension(String month, String id, String scheme, String amount) {
        return row(LocalDate.parse(month + "-01"), id, scheme, new BigDecimal(amount));
    }

    static Object[] ltc(String month, String id, String level, String amount) {
        return row(LocalDate.parse(month + "-01"), id, level, "home", new BigDecimal(amount));
    }

    private static Object[] insurance(int year, String id, String policy) {
        return row(year, id, policy, new BigDecimal("30.00"), "government", LocalDate.of(year, 1, 15));
    }

    private static Object[] order(String orderId, String id, String provider, String type, String start, String end,
                                  String subsidy, String status) {
        return order(orderId, id, provider, "W1", type, start, end, subsidy, status);
    }

    /** A service_order row (start and end as ISO local date-times, e.g. 2025-01-10T09:00). */
    static Object[] order(String orderId, String id, String provider, String worker, String type, String start,
                          String end, String subsidy, String status) {
        return row(orderId, id, provider, worker, type, LocalDateTime.parse(start), LocalDateTime.parse(end),
                subsidy == null ? null : new BigDecimal(subsidy), new BigDecimal("5.00"), 117.18, 34.26, status,
                "government");
    }

    static List<Object[]> regions() {
        return List.of(
                row("32", "江苏省", 1, null, null),
                row("3203", "徐州市", 2, "32", null),
                row("320302", "鼓楼区", 3, "3203", null),
                row("320312", "铜山区", 3, "3203", null),
                row("320302001", "黄楼街道", 4, "320302", null),
                row("320312100", "棠张镇", 4, "320312", null),
                row("320302001001", "甲社区居委会", 5, "320302001", "111"),
                row("320302001002", "乙社区居委会", 5, "320302001", "111"),
                row("320312100201", "丙村委会", 5, "320312100", "220"),
                row("320312100202", "丁村委会", 5, "320312100", "220"));
    }

    private static List<Object[]> householdJanuary(boolean withMistakes) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(person(P1, "测试一", COMMUNITY_A, "active", null));
        rows.add(person(P2, "测试二", COMMUNITY_A, "active", null));
        rows.add(person(P3, "测试三", COMMUNITY_A, "active", null));
        rows.add(person(P4, "测试四", COMMUNITY_A, "active", null));
        rows.add(person(P5, "测试五", COMMUNITY_A, "active", null));
        rows.add(person(P6, "测试六", COMMUNITY_A, "active", null));
        rows.add(person(P7, "测试七", VILLAGE_C, "active", null));
        rows.add(person(P8, "测试八", VILLAGE_C, "active", null));
        rows.add(person(P9, "测试九", withMistakes ? COMMUNITY_A : VILLAGE_C, "active", null));
        if (withMistakes) {
            rows.add(person(P10, "测试十", COMMUNITY_A, "active", null));
        }
        rows.add(person(P12, "测试十二", VILLAGE_C, "active", null));
        rows.add(person(P13, "测试十三", VILLAGE_C, "active", null));
        return rows;
    }

    private static List<Object[]> householdMarch() {
        return List.of(
                person(P1, "测试一", COMMUNITY_A, "active", null),
                person(P2, "测试二", COMMUNITY_A, "active", null),
                person(P3, "测试三", COMMUNITY_A, "active", null),
                person(P4, "测试四", COMMUNITY_A, "active", null),
                person(P5, "测试五", COMMUNITY_A, "moved_out", LocalDate.of(2025, 3, 10)),
                person(P6, "测试六", COMMUNITY_A, "active", null),
                person(P7, "测试七", VILLAGE_C, "active", null),
                person(P8, "测试八", VILLAGE_C, "active", null),
                person(P9, "测试九", VILLAGE_C, "active", null),
                person(P12, "测试十二", VILLAGE_C, "deceased", LocalDate.of(2025, 3, 20)),
                person(P13, "测试十三", VILLAGE_C, "active", null));
    }

    private static List<Object[]> facilities(boolean april) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(facility("F1", "甲养老院", "institution", COMMUNITY_A, 100, 60, "open", true));
        rows.add(facility("F2", "丙敬老院", "institution", VILLAGE_C, 50, 20, april ? "closed" : "open", false));
        rows.add(facility("F3", "甲社区居家养老服务中心", "community_center", COMMUNITY_A, null, null, "open", null));
        rows.add(facility("F4", "黄楼街道日间照料中心", "day_care_center", HUANGLOU_STREET, null, null,
                april ? "open" : "closed", null));
        rows.add(facility("F5", "丙村互助睦邻点", "rural_mutual_aid", VILLAGE_C, null, null, "open", null));
        rows.add(facility("F6", "丙村助餐点", "meal_point", VILLAGE_C, null, null, "open", null));
        rows.add(facility("F7", "乙养老院", "institution", COMMUNITY_B, 30, 30, "closed", true));
        if (april) {
            rows.add(facility("F8", "甲社区食堂", "community_canteen", COMMUNITY_A, null, null, "open", null));
        }
        return rows;
    }

    static String facilityCode(String shortCode) {
        return "52320300MJ00000" + String.format("%02d", Integer.parseInt(shortCode.substring(1))) + "X";
    }

    private static Object[] facility(String code, String name, String type, String region, Integer beds,
                                     Integer nursingBeds, String status, Boolean fireSafe) {
        return row(facilityCode(code), name, type, region, beds, nursingBeds, LocalDate.of(2020, 1, 1), status, "public",
                fireSafe);
    }

    static Object[] person(String id, String name, String region, String status, LocalDate statusDate) {
        LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
        String sex = (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
        return row(id, name, sex, birth, region, "H" + region.substring(9), status, statusDate);
    }

    static Object[] row(Object... values) {
        return values;
    }

    /** An 18-character resident ID with a valid ISO 7064 MOD 11-2 check digit; odd 17th digit = male. */
    static String id(String area, LocalDate birth, int sequence, boolean male) {
        int seq = sequence * 2 % 1000;
        if (male) {
            seq += 1;
        }
        String body = area + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", seq);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
