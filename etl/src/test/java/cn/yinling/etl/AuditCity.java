package cn.yinling.etl;

import static cn.yinling.etl.TestCity.CIVIL;
import static cn.yinling.etl.TestCity.CIVIL_TONGSHAN;
import static cn.yinling.etl.TestCity.COMMUNITY_A;
import static cn.yinling.etl.TestCity.COMMUNITY_B;
import static cn.yinling.etl.TestCity.HEALTH;
import static cn.yinling.etl.TestCity.MEDICAL;
import static cn.yinling.etl.TestCity.PENSIONS;
import static cn.yinling.etl.TestCity.POLICE;
import static cn.yinling.etl.TestCity.VILLAGE_C;
import static cn.yinling.etl.TestCity.VILLAGE_D;
import static cn.yinling.etl.TestCity.allowance;
import static cn.yinling.etl.TestCity.id;
import static cn.yinling.etl.TestCity.ltc;
import static cn.yinling.etl.TestCity.order;
import static cn.yinling.etl.TestCity.pension;
import static cn.yinling.etl.TestCity.person;
import static cn.yinling.etl.TestCity.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit fixture (AuditRulesEtlTest works out every finding by hand): the regions of {@link TestCity} (community A
 * and B of 鼓楼区 黄楼街道, village C and D of 铜山区 棠张镇), fifteen older people Q1–Q15 and their payments, orders,
 * surveys and checkups, January–April 2025 with a household snapshot every month. Each person is there for one or two
 * rules: the cases that must fire and the near misses that must not.
 */
final class AuditCity {

    static final String Q1 = id("320302", LocalDate.of(1942, 6, 10), 21, true);     // 82, dies 20 Jan (certificate)
    static final String Q2 = id("320312", LocalDate.of(1933, 8, 8), 22, false);     // 91, register 死亡 10 Feb only
    static final String Q3 = id("320302", LocalDate.of(1945, 2, 28), 23, false);    // turns 80 on 28 Feb
    static final String Q4 = id("320312", LocalDate.of(1926, 9, 1), 24, true);      // 98, paid as a centenarian
    static final String Q5 = id("320302", LocalDate.of(1945, 3, 31), 25, true);     // turns 80 on 31 Mar
    static final String Q6 = id("320312", LocalDate.of(1934, 11, 11), 26, false);   // 90, paid twice in February
    static final String Q7 = id("320302", LocalDate.of(1939, 12, 1), 27, false);    // 85, never paid
    static final String Q8 = id("320312", LocalDate.of(1936, 7, 7), 28, true);      // 88, moves in in March
    static final String Q9 = id("320302", LocalDate.of(1941, 5, 5), 29, true);      // 83, moves out 14 Feb
    static final String Q10 = id("320302", LocalDate.of(1943, 9, 9), 30, false);    // 81, moves from A to C in March
    static final String Q11 = id("320302", LocalDate.of(1952, 1, 15), 31, true);    // 73, home-care client
    static final String Q12 = id("320302", LocalDate.of(1950, 3, 3), 32, false);    // 74, home-care client
    static final String Q13 = id("320302", LocalDate.of(1949, 10, 10), 33, false);  // 75, in an institution
    static final String Q14 = id("320312", LocalDate.of(1948, 12, 12), 34, true);   // 76, institution survey too old
    static final String Q15 = id("320312", LocalDate.of(1947, 4, 4), 35, false);    // 77, lives alone

    static final String PROVIDER = TestCity.facilityCode("F3");

    private AuditCity() {
    }

    static void write(LandingFixture landing) {
        landing.accepted("region", "2025", "stats:320300", "20250102T090000000-0000000a", TestCity.regions());
        for (int month = 1; month <= 4; month++) {
            String period = "2025-0" + month;
            landing.accepted("household", period, POLICE, "202501" + (month + 10) + "T100000000-d000000" + month,
                    household(month));
        }
        landing.accepted("death", "2025-01", HEALTH, "20250205T100000000-d1000001",
                List.<Object[]>of(row(Q1, "审计一", LocalDate.of(2025, 1, 20), "certificate")));

        // living status: Q13 in an institution (2024 survey, in force in January), Q14 as well but surveyed in
        // December 2023 (13 months before January 2025), Q15 alone
        landing.accepted("living_status", "2023", CIVIL, "20240105T100000000-d2000001", List.<Object[]>of(
                row(Q14, "in_institution", null, LocalDate.of(2023, 12, 20))));
        landing.accepted("living_status", "2024", CIVIL, "20250105T100000000-d2000002", List.<Object[]>of(
                row(Q13, "in_institution", null, LocalDate.of(2024, 6, 15)),
                row(Q15, "alone", "none", LocalDate.of(2024, 5, 5))));

        // checkups: Q4 on 5 Nov 2024; Q5 on 31 Oct 2024, one day before April's six-month window
        landing.accepted("health_checkup", "2024-10", HEALTH, "20241105T100000000-d3000001", List.<Object[]>of(
                row(Q5, LocalDate.of(2024, 10, 31), "independent", false, false, true, null)));
        landing.accepted("health_checkup", "2024-11", HEALTH, "20241205T100000000-d3000002", List.<Object[]>of(
                row(Q4, LocalDate.of(2024, 11, 5), "mild", true, false, true, null)));

        writeAllowances(landing);

        // pensions: Q1 for January (the month he dies) and February; Q3 every month
        landing.accepted("pension", "2025-01", PENSIONS, "20250212T100000000-d5000001", List.<Object[]>of(
                pension("2025-01", Q1, "enterprise", "2000.00"), pension("2025-01", Q3, "resident", "1800.00")));
        landing.accepted("pension", "2025-02", PENSIONS, "20250312T100000000-d5000002", List.<Object[]>of(
                pension("2025-02", Q1, "enterprise", "2000.00"), pension("2025-02", Q3, "resident", "1800.00")));
        landing.accepted("pension", "2025-03", PENSIONS, "20250412T100000000-d5000003", List.<Object[]>of(
                pension("2025-03", Q3, "resident", "1800.00")));
        landing.accepted("pension", "2025-04", PENSIONS, "20250512T100000000-d5000004", List.<Object[]>of(
                pension("2025-04", Q3, "resident", "1800.00")));

        landing.accepted("ltc_benefit", "2025-01", MEDICAL, "20250213T100000000-d6000001", List.<Object[]>of(
                ltc("2025-01", Q6, "moderate", "600.00")));
        landing.accepted("care_visit", "2025-03", CIVIL, "20250406T100000000-d7000001", List.<Object[]>of(
                row(Q10, LocalDate.of(2025, 3, 5), "in_person", null)));

        writeOrders(landing);
    }

    /** Two units pay: the city bureau (its batch lands first each month) and 铜山区民政局. */
    private static void writeAllowances(LandingFixture landing) {
        landing.accepted("allowance", "2025-01", CIVIL, "20250210T100000000-d4000011", List.<Object[]>of(
                allowance("2025-01", Q1, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-01", Q3, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-01", Q4, "centenarian", "500.00", VILLAGE_C),
                allowance("2025-01", Q9, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-01", Q10, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-01", Q13, "home_care", "200.00", COMMUNITY_A)));
        landing.accepted("allowance", "2025-01", CIVIL_TONGSHAN, "20250211T100000000-d4000012", List.<Object[]>of(
                allowance("2025-01", Q2, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-01", Q4, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-01", Q6, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-01", Q6, "low_income", "100.00", VILLAGE_C),
                allowance("2025-01", Q14, "home_care", "200.00", VILLAGE_C),
                allowance("2025-01", Q15, "home_care", "200.00", VILLAGE_D)));
        landing.accepted("allowance", "2025-02", CIVIL, "20250310T100000000-d4000021", List.<Object[]>of(
                allowance("2025-02", Q3, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-02", Q6, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-02", Q9, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-02", Q10, "longevity_80", "100.00", COMMUNITY_A)));
        landing.accepted("allowance", "2025-02", CIVIL_TONGSHAN, "20250311T100000000-d4000022", List.<Object[]>of(
                allowance("2025-02", Q2, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-02", Q4, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-02", Q6, "longevity_90", "110.00", VILLAGE_C)));
        landing.accepted("allowance", "2025-03", CIVIL, "20250410T100000000-d4000031", List.<Object[]>of(
                allowance("2025-03", Q1, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-03", Q3, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-03", Q9, "longevity_80", "100.00", COMMUNITY_A)));
        landing.accepted("allowance", "2025-03", CIVIL_TONGSHAN, "20250411T100000000-d4000032", List.<Object[]>of(
                allowance("2025-03", Q2, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-03", Q4, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-03", Q6, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-03", Q10, "longevity_80", "100.00", VILLAGE_C)));
        landing.accepted("allowance", "2025-04", CIVIL, "20250510T100000000-d4000041", List.<Object[]>of(
                allowance("2025-04", Q3, "longevity_80", "100.00", COMMUNITY_A),
                allowance("2025-04", Q5, "longevity_80", "100.00", COMMUNITY_B)));
        landing.accepted("allowance", "2025-04", CIVIL_TONGSHAN, "20250511T100000000-d4000042", List.<Object[]>of(
                allowance("2025-04", Q4, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-04", Q6, "longevity_90", "110.00", VILLAGE_C),
                allowance("2025-04", Q8, "longevity_80", "100.00", VILLAGE_D),
                allowance("2025-04", Q10, "longevity_80", "100.00", VILLAGE_C)));
    }

    /** Orders of the home-care platform: Q1 around his death, the clashes of March, the durations of April. */
    private static void writeOrders(LandingFixture landing) {
        landing.accepted("service_order", "2025-01", CIVIL, "20250207T100000000-d8000001", List.<Object[]>of(
                order("R2", Q1, PROVIDER, "W1", "cleaning", "2025-01-20T09:00", "2025-01-20T10:00", "40.00", "completed")));
        landing.accepted("service_order", "2025-02", CIVIL, "20250307T100000000-d8000002", List.<Object[]>of(
                order("R1", Q1, PROVIDER, "W1", "cleaning", "2025-02-03T10:00", "2025-02-03T11:00", "40.00", "completed"),
                order("R3", Q1, PROVIDER, "W1", "cleaning", "2025-02-05T10:00", "2025-02-05T11:00", "40.00", "cancelled")));
        landing.accepted("service_order", "2025-03", CIVIL, "20250407T100000000-d8000003", List.<Object[]>of(
                order("S1", Q11, PROVIDER, "W7", "cleaning", "2025-03-10T09:00", "2025-03-10T10:30", "60.00", "completed"),
                order("S2", Q12, PROVIDER, "W7", "meal", "2025-03-10T10:00", "2025-03-10T11:00", "15.00", "completed"),
                order("S9", Q12, PROVIDER, "W7", "bathing", "2025-03-10T09:30", "2025-03-10T10:00", "30.00", "cancelled"),
                order("S3", Q11, PROVIDER, "W8", "meal", "2025-03-12T11:00", "2025-03-12T12:00", "15.00", "completed"),
                order("S4", Q11, PROVIDER, "W9", "meal", "2025-03-12T11:30", "2025-03-12T12:15", "15.00", "completed"),
                order("S5", Q12, PROVIDER, "W7", "cleaning", "2025-03-14T09:00", "2025-03-14T10:00", "40.00", "completed"),
                order("S6", Q11, PROVIDER, "W7", "cleaning", "2025-03-14T10:00", "2025-03-14T11:00", "40.00", "completed"),
                order("S7", Q11, PROVIDER, "W8", "meal", "2025-03-20T11:00", "2025-03-20T12:00", "15.00", "completed"),
                order("S8", Q11, PROVIDER, "W9", "companionship", "2025-03-20T11:30", "2025-03-20T12:30", "20.00",
                        "completed")));
        landing.accepted("service_order", "2025-04", CIVIL, "20250507T100000000-d8000004", List.<Object[]>of(
                order("S10", Q12, PROVIDER, "W10", "companionship", "2025-04-02T09:00", "2025-04-02T09:06", "2.00",
                        "completed"),
                order("S11", Q11, PROVIDER, "W11", "rehab_care", "2025-04-03T08:00", "2025-04-03T16:30", "340.00",
                        "completed"),
                order("S12", Q12, PROVIDER, "W12", "companionship", "2025-04-04T09:00", "2025-04-04T09:10", "4.00",
                        "completed"),
                order("S13", Q11, PROVIDER, "W13", "rehab_care", "2025-04-05T08:00", "2025-04-05T16:00", "320.00",
                        "completed"),
                order("S14", Q12, PROVIDER, "W14", "meal", "2025-04-06T09:00", "2025-04-06T09:05", "2.00", "cancelled"),
                order("S15", Q8, PROVIDER, "W20", "meal", "2025-04-08T11:00", "2025-04-08T12:00", "15.00", "completed"),
                order("S16", Q12, PROVIDER, "W15", "meal", "2025-04-09T11:00", "2025-04-09T12:00", "15.00", "flagged")));
    }

    /**
     * The register at each month's end: Q1 dies on 20 January but shows 死亡 only from March; Q2 shows 死亡 from
     * February; Q9 迁出 from February; Q8 appears in March; Q10 moves from community A to village C in March.
     */
    private static List<Object[]> household(int month) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(month >= 3 ? person(Q1, "审计一", COMMUNITY_A, "deceased", LocalDate.of(2025, 1, 20))
                : person(Q1, "审计一", COMMUNITY_A, "active", null));
        rows.add(month >= 2 ? person(Q2, "审计二", VILLAGE_C, "deceased", LocalDate.of(2025, 2, 10))
                : person(Q2, "审计二", VILLAGE_C, "active", null));
        rows.add(person(Q3, "审计三", COMMUNITY_A, "active", null));
        rows.add(person(Q4, "审计四", VILLAGE_C, "active", null));
        rows.add(person(Q5, "审计五", COMMUNITY_B, "active", null));
        rows.add(person(Q6, "审计六", VILLAGE_C, "active", null));
        rows.add(person(Q7, "审计七", COMMUNITY_B, "active", null));
        if (month >= 3) {
            rows.add(person(Q8, "审计八", VILLAGE_D, "active", null));
        }
        rows.add(month >= 2 ? person(Q9, "审计九", COMMUNITY_A, "moved_out", LocalDate.of(2025, 2, 14))
                : person(Q9, "审计九", COMMUNITY_A, "active", null));
        rows.add(person(Q10, "审计十", month >= 3 ? VILLAGE_C : COMMUNITY_A, "active", null));
        rows.add(person(Q11, "审计十一", COMMUNITY_A, "active", null));
        rows.add(person(Q12, "审计十二", COMMUNITY_B, "active", null));
        rows.add(person(Q13, "审计十三", COMMUNITY_A, "active", null));
        rows.add(person(Q14, "审计十四", VILLAGE_C, "active", null));
        rows.add(person(Q15, "审计十五", VILLAGE_D, "active", null));
        return rows;
    }
}
