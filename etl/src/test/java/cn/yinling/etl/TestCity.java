package cn.yinling.etl;

import java.time.LocalDate;
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

    /** Writes the whole city into the landing zone. */
    static void write(LandingFixture landing) {
        landing.accepted("region", "2025", "stats:320300", "20250102T090000000-0000000a", regions());

        // January: the first batch is superseded by a correction (P9 moved to village C, P10 was a mistake)
        landing.accepted("household", "2025-01", POLICE, "20250205T100000000-1111111a", householdJanuary(true));
        landing.accepted("household", "2025-01", POLICE, "20250210T090000000-1111111b", householdJanuary(false), true);
        landing.refused("household", "2025-01", POLICE, "20250211T090000000-1111111c");
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

    private static Object[] person(String id, String name, String region, String status, LocalDate statusDate) {
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
