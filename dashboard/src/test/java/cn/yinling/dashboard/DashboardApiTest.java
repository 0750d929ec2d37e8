package cn.yinling.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API over the fixture version of PublishedVersionFixture (mart_kpi_v1.sql, pyramid.sql, lineage_v1.json);
 * every expected figure is worked out by hand from those rows, next to the assertion.
 */
class DashboardApiTest {

    static final String CITY = "320300000000";
    static final String GULOU = "320302000000";
    static final String HUANGLOU_STREET = "320302001000";
    static final String HUANGLOU_COMMUNITY = "320302001001";
    static final ObjectMapper JSON = new ObjectMapper();
    static final double EPS = 1e-9;

    @TempDir
    Path home;
    Dependencies deps;
    String cookie;

    @BeforeEach
    void publish() {
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        deps = TestDependencies.create(home, Duration.ZERO);
        cookie = TestDependencies.sessionCookie(deps, "leader1", Role.leader, null);
    }

    @AfterEach
    void close() {
        deps.close();
    }

    JsonNode json(HttpClient client, String path, int expectedStatus) throws IOException {
        return json(client, cookie, path, expectedStatus);
    }

    static JsonNode json(HttpClient client, String cookie, String path, int expectedStatus) throws IOException {
        try (Response response = client.get(path, request -> request.header("Cookie", cookie))) {
            String body = response.body().string();
            assertEquals(expectedStatus, response.code(), path + " answered " + body);
            return JSON.readTree(body);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.get(field).asText()));
        return out;
    }

    static JsonNode card(JsonNode answer, String code) {
        for (JsonNode group : answer.get("groups")) {
            for (JsonNode card : group.get("cards")) {
                if (card.get("code").asText().equals(code)) {
                    return card;
                }
            }
        }
        throw new AssertionError("no card " + code + " in " + answer);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    @Test
    void statusMonthsCatalogWithDefinitionsAndThemes() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode status = json(client, "/api/v1/status", 200);
            assertTrue(status.get("published").asBoolean());
            assertEquals(1, status.get("version").asInt());

            JsonNode months = json(client, "/api/v1/months", 200);
            assertEquals("[\"2024-11\",\"2024-12\"]", months.get("months").toString(), "2025-01 has no KPI rows");
            assertEquals("2024-12", months.get("latest").asText());

            JsonNode catalog = json(client, "/api/v1/catalog", 200);
            assertEquals(List.of("人口概况", "养老服务", "补贴与保障", "健康", "数据质量"), texts(catalog.get("groups"), "name"));
            JsonNode nursing = find(catalog.get("kpis"), "code", "nursing_bed_share");
            assertEquals("≥55", nursing.get("target_text").asText());
            assertEquals(55.0, nursing.get("target").asDouble());
            assertEquals("%", nursing.get("unit").asText());
            assertEquals("越高越好", nursing.get("direction_text").asText());
            assertEquals(List.of("养老服务设施"), texts(nursing.get("sources"), "name"), "feeds.json: facility");
            JsonNode aging = find(catalog.get("kpis"), "code", "aging_rate_60");
            assertEquals(List.of("户籍人口", "死亡登记"), texts(aging.get("sources"), "name"));
            assertEquals("60岁及以上老年人口 ÷ 户籍总人口", aging.get("formula").asText());
            assertEquals(100.0, aging.get("scale").asDouble());
            assertEquals("市、区县、街道乡镇、社区村", aging.get("levels_text").asText());
            assertEquals("市、区县", find(catalog.get("kpis"), "code", "submission_rate").get("levels_text").asText(),
                    "catalog levels [2, 3]");
            assertEquals("市、区县、街道乡镇",
                    find(catalog.get("kpis"), "code", "day_care_street_coverage").get("levels_text").asText());

            JsonNode themes = json(client, "/api/v1/themes", 200);
            assertEquals(List.of("population", "services", "allowances", "health", "quality"), texts(themes, "code"));
            assertEquals(List.of("/themes/population", "/themes/services", "/themes/allowances", "/themes/health",
                    "/themes/quality"), texts(themes, "path"));
            assertEquals("[\"pop_60\",\"aging_rate_60\",\"pop_80\",\"special_hardship\"]",
                    themes.get(0).get("headline_kpis").toString());
            assertEquals(14, themes.get(0).get("kpis").size(), "the 14 population KPIs of kpis.md");
            assertEquals("[\"submission_rate\",\"reject_rate\",\"id_match_rate\"]", themes.get(4).get("kpis").toString());
        });
    }

    @Test
    void cardsCoverEveryCatalogKpiWithValuesChangesTargetsAndTheReasonWhenThereIsNoData() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode answer = json(client, "/api/v1/kpis?region=" + CITY + "&month=2024-12", 200);
            assertEquals("2024-12", answer.get("month").asText());
            assertEquals("2024-11", answer.get("previous_month").asText());
            assertEquals("徐州市", answer.get("region").get("name").asText());
            assertEquals(List.of("population", "services", "allowances", "health", "quality"),
                    texts(answer.get("groups"), "code"));
            int cards = 0;
            for (JsonNode group : answer.get("groups")) {
                cards += group.get("cards").size();
            }
            assertEquals(48, cards, "every KPI of the catalog, with data or not (auto_verified_rate of issue #5 is the 48th)");
            assertEquals(List.of("pop_total", "pop_60", "aging_rate_60"),
                    texts(answer.get("groups").get(0).get("cards"), "code").subList(0, 3), "catalog order");

            JsonNode population = card(answer, "pop_total");
            assertEquals(1010.0, population.get("value").asDouble());
            assertEquals(1000.0, population.get("previous_value").asDouble());
            assertEquals(10.0, population.get("change").asDouble());
            assertEquals("none", population.get("status").asText());
            assertEquals("ok", population.get("data_status").asText());
            assertEquals("人", population.get("unit").asText());

            JsonNode aging = card(answer, "aging_rate_60");
            assertEquals(1.5, aging.get("change").asDouble(), EPS, "24.0 - 22.5");
            assertEquals(242.4, aging.get("numerator").asDouble());
            assertEquals(1010.0, aging.get("denominator").asDouble());

            // pop_60 has no rows in the version (no model yet): no data, not a zero
            JsonNode pop60 = card(answer, "pop_60");
            assertEquals("no_data", pop60.get("data_status").asText());
            assertTrue(pop60.get("value").isNull());
            assertEquals("当前数据版本尚未计算该指标。", pop60.get("note").asText());
            // living_alone has rows of 0, but living_status was never sent (lineage_v1.json)
            JsonNode alone = card(answer, "living_alone");
            assertEquals("no_data", alone.get("data_status").asText());
            assertTrue(alone.get("value").isNull(), "the mart's 0 is not shown");
            assertEquals("截至2024年12月尚未收到「老年人居住状况」报送数据。", alone.get("note").asText());

            JsonNode nursing = card(answer, "nursing_bed_share");
            assertEquals(60.0, nursing.get("value").asDouble());
            assertEquals(55.0, nursing.get("target").asDouble());
            assertEquals("≥55", nursing.get("target_text").asText());
            assertEquals("met", nursing.get("status").asText());

            JsonNode facilities = card(answer, "facilities_open");
            assertEquals(7.0, facilities.get("value").asDouble());
            assertEquals(1.0, facilities.get("change").asDouble());
            JsonNode parts = facilities.get("breakdowns");
            assertEquals(List.of("day_care_center", "institution"), texts(parts, "code"));
            assertEquals(List.of("街道日间照料中心", "养老机构"), texts(parts, "label"));
            assertEquals(4.0, parts.get(0).get("value").asDouble());
            assertEquals(1.0, parts.get(0).get("change").asDouble());
            assertEquals(0.0, parts.get(1).get("change").asDouble());

            JsonNode meals = card(answer, "meal_coverage");
            assertEquals(80.0, meals.get("value").asDouble(), EPS, "4/5 communities");
            assertEquals(20.0, meals.get("change").asDouble(), EPS, "80 - 60");
            assertEquals("not_met", meals.get("status").asText(), "80 < 100");

            JsonNode visits = card(answer, "visit_rate");
            assertTrue(visits.get("value").isNull(), "no special-hardship elderly: no value");
            assertEquals("no_value", visits.get("data_status").asText());
            assertEquals("分母为 0，无法计算。", visits.get("note").asText());
            assertTrue(visits.get("change").isNull());
            assertEquals("none", visits.get("status").asText());
            assertEquals(80.0, visits.get("previous_value").asDouble());

            // allowance came for 2024-12 only: November's 0 % is no previous value
            JsonNode longevity = card(answer, "longevity_coverage");
            assertEquals(40.0 / 45.0 * 100, longevity.get("value").asDouble(), EPS);
            assertEquals(40.0, longevity.get("numerator").asDouble());
            assertEquals(45.0, longevity.get("denominator").asDouble());
            assertTrue(longevity.get("previous_value").isNull());
            assertTrue(longevity.get("change").isNull());
            assertEquals("not_met", longevity.get("status").asText());
            JsonNode missed = card(answer, "longevity_missed");
            assertEquals("≤0", missed.get("target_text").asText());
            assertEquals("not_met", missed.get("status").asText(), "5 > 0, lower is better");
            JsonNode amount = card(answer, "allowance_amount");
            assertEquals(1_620_000.0, amount.get("value").asDouble());
            assertEquals(List.of("百岁老人长寿补贴", "高龄津贴(80-89岁)", "高龄津贴(90-99岁)"),
                    texts(amount.get("breakdowns"), "label"), "by code: centenarian, longevity_80, longevity_90");
            assertEquals("no_data", card(answer, "pension_coverage").get("data_status").asText());
            assertEquals("no_data", card(answer, "improper_amount").get("data_status").asText());

            // health_checkup came for 2024-11; the 12-month KPIs still stand in 2024-12
            JsonNode health = card(answer, "health_mgmt_rate");
            assertEquals(305.0 / 460 * 100, health.get("value").asDouble(), EPS);
            assertEquals((305.0 - 290.0) / 460 * 100, health.get("change").asDouble(), EPS);
            assertEquals("met", health.get("status").asText(), "66.3 ≥ 65");
            assertEquals("met", card(answer, "family_doctor_rate").get("status").asText(), "345/460 = 75 meets ≥ 75");

            JsonNode submission = card(answer, "submission_rate");
            assertEquals(22.0 / 24 * 100, submission.get("value").asDouble(), EPS);
            assertEquals(22.0 / 24 * 100 - 100, submission.get("change").asDouble(), EPS);
            JsonNode reject = card(answer, "reject_rate");
            assertEquals(1.0, reject.get("value").asDouble(), EPS, "30 of 3000 rows");
            assertEquals(List.of("facility", "household"), texts(reject.get("breakdowns"), "code"));
            assertEquals(List.of("养老服务设施", "户籍人口"), texts(reject.get("breakdowns"), "label"), "feed names");
            assertEquals(2.0, reject.get("breakdowns").get(0).get("value").asDouble(), EPS, "20 of 1000");
            assertEquals(1.0, reject.get("breakdowns").get(0).get("change").asDouble(), EPS, "2.0 - 1.0");
            assertEquals(99.0, card(answer, "id_match_rate").get("value").asDouble(), EPS);

            JsonNode november = json(client, "/api/v1/kpis?region=" + CITY + "&month=2024-11", 200);
            assertEquals("not_met", card(november, "nursing_bed_share").get("status").asText(), "50 < 55");
            assertEquals("not_met", card(november, "visit_rate").get("status").asText(), "80 < 100");
            assertTrue(card(november, "pop_total").get("previous_value").isNull());
            JsonNode novemberLongevity = card(november, "longevity_coverage");
            assertEquals("no_data", novemberLongevity.get("data_status").asText());
            assertTrue(novemberLongevity.get("value").isNull());
            assertEquals("截至2024年11月尚未收到「高龄津贴及养老补贴发放」报送数据。", novemberLongevity.get("note").asText());

            JsonNode defaults = json(client, "/api/v1/kpis", 200);
            assertEquals(CITY, defaults.get("region").get("region_code").asText());
            assertEquals("2024-12", defaults.get("month").asText());
        });
    }

    @Test
    void oneThemeAtADistrictAndACommunity() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode quality = json(client, "/api/v1/kpis?region=" + GULOU + "&month=2024-12&group=quality", 200);
            assertEquals(List.of("quality"), texts(quality.get("groups"), "code"));
            assertEquals(100.0, card(quality, "submission_rate").get("value").asDouble(), EPS, "12/12");
            assertEquals(0.75, card(quality, "reject_rate").get("value").asDouble(), EPS, "12/1600");
            JsonNode idMatch = card(quality, "id_match_rate");
            assertEquals(99.5, idMatch.get("value").asDouble(), EPS, "995/1000");
            assertEquals(-0.5, idMatch.get("change").asDouble(), EPS, "99.5 after 100 (1000/1000)");
            // a street is below the levels the quality KPIs are counted at (catalog levels [2, 3]): the cards say so
            JsonNode street = json(client, "/api/v1/kpis?region=" + HUANGLOU_STREET + "&month=2024-12&group=quality", 200);
            for (String code : List.of("submission_rate", "reject_rate", "id_match_rate")) {
                assertEquals("no_data", card(street, code).get("data_status").asText(), code);
                assertEquals("该指标统计到市、区县级，不按街道乡镇统计。", card(street, code).get("note").asText(), code);
            }

            JsonNode community = json(client, "/api/v1/kpis?region=" + HUANGLOU_COMMUNITY + "&group=services", 200);
            assertEquals(100.0, card(community, "meal_coverage").get("value").asDouble());
            assertEquals("met", card(community, "meal_coverage").get("status").asText());
            assertEquals(0.0, card(community, "meal_coverage").get("change").asDouble(), EPS, "100 in both months");
            assertEquals("该区域本月没有该指标的数据。", card(community, "nursing_bed_share").get("note").asText());

            JsonNode one = json(client, "/api/v1/kpis/health_mgmt_rate?region=" + HUANGLOU_COMMUNITY + "&month=2024-12", 200);
            assertEquals("65岁及以上老年人健康管理率", one.get("definition").get("name").asText());
            assertEquals(List.of("老年人健康管理", "户籍人口", "死亡登记"), texts(one.get("definition").get("sources"), "name"),
                    "catalog sources: health_checkup, household, death");
            assertEquals(70.0, one.get("card").get("numerator").asDouble());
            assertEquals(100.0, one.get("card").get("denominator").asDouble());
            assertEquals("met", one.get("card").get("status").asText(), "70 ≥ 65");
            assertEquals("黄楼社区居委会", one.get("region").get("name").asText());
        });
    }

    @Test
    void trendHasEveryPublishedMonthWithTargetsAndNoDataWhereTheFeedWasMissing() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode trend = json(client, "/api/v1/kpis/pop_total/trend?region=" + GULOU, 200);
            assertEquals(List.of("2024-11", "2024-12"), texts(trend.get("points"), "month"));
            assertEquals(600.0, trend.get("points").get(0).get("value").asDouble());
            assertEquals(605.0, trend.get("points").get(1).get("value").asDouble());
            assertTrue(trend.get("target_text").isNull());

            JsonNode byType = json(client, "/api/v1/kpis/facilities_open/trend?region=" + CITY + "&breakdown=institution", 200);
            assertEquals(List.of("3.0", "3.0"), texts(byType.get("points"), "value"));

            JsonNode nursing = json(client, "/api/v1/kpis/nursing_bed_share/trend?region=" + CITY, 200);
            assertEquals(List.of("55.0", "55.0"), texts(nursing.get("points"), "target"));
            assertEquals(List.of("not_met", "met"), texts(nursing.get("points"), "status"), "50 then 60 against ≥ 55");
            assertEquals("≥55", nursing.get("target_text").asText());

            JsonNode longevity = json(client, "/api/v1/kpis/longevity_coverage/trend?region=" + CITY, 200);
            assertEquals(List.of("no_data", "ok"), texts(longevity.get("points"), "data_status"));
            assertTrue(longevity.get("points").get(0).get("value").isNull(), "November: allowance not yet sent");
            assertEquals(100.0, longevity.get("points").get(0).get("target").asDouble(), "the target line goes on");

            JsonNode districtAging = json(client, "/api/v1/kpis/aging_rate_60/trend?region=" + GULOU, 200);
            assertEquals(List.of("no_data", "ok"), texts(districtAging.get("points"), "data_status"), "no row in 2024-11");
            assertEquals(20.0, districtAging.get("points").get(1).get("value").asDouble());
        });
    }

    @Test
    void childrenDrillFromTheCityToCommunitiesWithStatusAndTheParentsValue() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode districts = json(client, "/api/v1/kpis/meal_coverage/children?region=" + CITY + "&month=2024-12", 200);
            assertEquals(List.of("鼓楼区", "云龙区"), texts(districts.get("rows"), "region_name"));
            assertEquals(200.0 / 3, districts.get("rows").get(0).get("value").asDouble(), EPS, "2/3");
            assertEquals(List.of("not_met", "met"), texts(districts.get("rows"), "status"), "66.7 < 100, 100");
            assertEquals(80.0, districts.get("parent_value").asDouble(), EPS);
            assertTrue(districts.get("rows").get(0).get("has_children").asBoolean());

            JsonNode streets = json(client, "/api/v1/kpis/meal_coverage/children?region=" + GULOU + "&month=2024-12", 200);
            assertEquals(List.of("黄楼街道", "丰财街道"), texts(streets.get("rows"), "region_name"));
            assertEquals(List.of("50.0", "100.0"), texts(streets.get("rows"), "value"));
            assertEquals(List.of("1.0", "1.0"), texts(streets.get("rows"), "numerator"));
            assertEquals(List.of("2.0", "1.0"), texts(streets.get("rows"), "denominator"));

            JsonNode communities = json(client, "/api/v1/kpis/meal_coverage/children?region=" + HUANGLOU_STREET + "&month=2024-12", 200);
            assertEquals(List.of("黄楼社区居委会", "民主社区居委会"), texts(communities.get("rows"), "region_name"));
            assertEquals(List.of("met", "not_met"), texts(communities.get("rows"), "status"));
            assertFalse(communities.get("rows").get(0).get("has_children").asBoolean());
            assertEquals(50.0, communities.get("parent_value").asDouble(), EPS);

            JsonNode populations = json(client, "/api/v1/kpis/pop_total/children?region=" + HUANGLOU_STREET + "&month=2024-11", 200);
            assertEquals(List.of("200.0", "150.0"), texts(populations.get("rows"), "value"));

            // streets without rows are listed with the reason; a KPI counted at the city and districts only says so
            JsonNode agingStreets = json(client, "/api/v1/kpis/aging_rate_60/children?region=" + GULOU + "&month=2024-12", 200);
            assertEquals(List.of("no_data", "no_data"), texts(agingStreets.get("rows"), "data_status"));
            assertEquals("该区域本月没有该指标的数据。", agingStreets.get("rows").get(0).get("note").asText());
            assertEquals(20.0, agingStreets.get("parent_value").asDouble());
            JsonNode qualityDistricts = json(client, "/api/v1/kpis/submission_rate/children?region=" + CITY + "&month=2024-12", 200);
            assertEquals(List.of("100.0", "83.33333333333333"), texts(qualityDistricts.get("rows"), "value"), "12/12, 10/12");
            JsonNode qualityStreets = json(client, "/api/v1/kpis/submission_rate/children?region=" + GULOU + "&month=2024-12", 200);
            assertEquals("该指标统计到市、区县级，不按街道乡镇统计。", qualityStreets.get("rows").get(0).get("note").asText());

            JsonNode november = json(client, "/api/v1/kpis/longevity_coverage/children?region=" + CITY + "&month=2024-11", 200);
            assertEquals(List.of("no_data", "no_data"), texts(november.get("rows"), "data_status"), "the mart's 0 % hidden");
            assertTrue(november.get("parent_value").isNull());

            assertEquals(0, json(client, "/api/v1/kpis/pop_total/children?region=" + HUANGLOU_COMMUNITY, 200)
                    .get("rows").size(), "a community has no children");
        });
    }

    @Test
    void populationPyramidWithTheSameMonthAYearEarlier() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            JsonNode city = json(client, "/api/v1/population/pyramid?region=" + CITY + "&month=2024-12", 200);
            assertEquals("2024-12", city.get("month").asText());
            assertEquals("2023-12", city.get("previous_month").asText());
            assertTrue(city.get("has_data").asBoolean());
            assertTrue(city.get("has_previous").asBoolean());
            assertEquals(List.of("0-14", "15-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95-99",
                    "100+"), texts(city.get("bands"), "age_band"), "youngest first, by the band's lower bound");
            assertEquals("100岁及以上", city.get("bands").get(10).get("label").asText());
            assertEquals("60-64岁", city.get("bands").get(2).get("label").asText());

            JsonNode sixties = city.get("bands").get(2);
            assertTrue(sixties.get("elderly").asBoolean());
            assertEquals(40, sixties.get("male").asInt());
            assertEquals(42, sixties.get("female").asInt());
            assertEquals(82, sixties.get("total").asInt());
            assertEquals(38, sixties.get("previous_male").asInt());
            assertEquals(78, sixties.get("previous_total").asInt(), "38 + 40");
            JsonNode centenarians = city.get("bands").get(10);
            assertEquals(0, centenarians.get("male").asInt(), "no row: nobody");
            assertEquals(1, centenarians.get("female").asInt());
            assertEquals(0, centenarians.get("previous_total").asInt(), "no 100+ in 2023-12");
            assertFalse(city.get("bands").get(1).get("elderly").asBoolean());

            JsonNode totals = city.get("totals");
            assertEquals(498, totals.get("male").asInt());
            assertEquals(512, totals.get("female").asInt());
            assertEquals(1010, totals.get("total").asInt(), "equals pop_total");
            assertEquals(260, totals.get("elderly").asInt(), "men 118 + women 142");
            assertEquals(260.0 / 1010 * 100, totals.get("elderly_share").asDouble(), EPS);
            JsonNode previous = city.get("previous_totals");
            assertEquals(1016, previous.get("total").asInt());
            assertEquals(241, previous.get("elderly").asInt(), "men 111 + women 130");

            JsonNode gulou = json(client, "/api/v1/population/pyramid?region=" + GULOU, 200);
            assertTrue(gulou.get("has_data").asBoolean());
            assertFalse(gulou.get("has_previous").asBoolean(), "no 2023-12 rows for Gulou");
            assertTrue(gulou.get("previous_totals").isNull());
            assertTrue(gulou.get("bands").get(0).get("previous_male").isNull());
            assertEquals(605, gulou.get("totals").get("total").asInt());
            assertEquals(159, gulou.get("totals").get("elderly").asInt(), "men 72 + women 87");

            JsonNode november = json(client, "/api/v1/population/pyramid?region=" + CITY + "&month=2024-11", 200);
            assertFalse(november.get("has_data").asBoolean());
            assertEquals(0, november.get("bands").size());
            assertTrue(november.get("totals").isNull());
        });
    }

    @Test
    void aTargetTheAdminSetsWhileTheServerRunsIsOnTheCardsAsInTheCatalog() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            assertTrue(card(json(client, "/api/v1/kpis?region=" + CITY + "&month=2024-12", 200), "pop_total")
                    .get("target_text").isNull(), "no target by default");
            // what PUT /api/v1/admin/targets does: write targets.properties, re-read the catalog
            Path targets = Dependencies.targetsFile(deps.home());
            Files.createDirectories(targets.getParent());
            Files.writeString(targets, "pop_total=<=2000\n");
            deps.reloadCatalog();

            assertEquals("≤2000", find(json(client, "/api/v1/catalog", 200).get("kpis"), "code", "pop_total")
                    .get("target_text").asText());
            // the published pop_total rows carry no target, so the catalog's is the card's: 1,010 ≤ 2,000
            JsonNode population = card(json(client, "/api/v1/kpis?region=" + CITY + "&month=2024-12", 200), "pop_total");
            assertEquals("≤2000", population.get("target_text").asText());
            assertEquals("met", population.get("status").asText());
            JsonNode one = json(client, "/api/v1/kpis/pop_total?region=" + CITY + "&month=2024-12", 200).get("card");
            assertEquals("≤2000", one.get("target_text").asText());
        });
    }

    @Test
    void badParametersGetChineseMessages() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            assertTrue(json(client, "/api/v1/kpis?month=2024-13", 400).get("error").asText().contains("YYYY-MM"));
            assertTrue(json(client, "/api/v1/kpis?month=十二月", 400).get("error").asText().contains("月份格式"));
            assertEquals("当前数仓版本没有 2023-06 的指标数据，可选月份为 2024-11 至 2024-12。",
                    json(client, "/api/v1/kpis?month=2023-06", 404).get("error").asText());
            assertTrue(json(client, "/api/v1/kpis?region=3203", 400).get("error").asText().contains("12位数字"));
            assertTrue(json(client, "/api/v1/kpis?region=320399999999", 404).get("error").asText().contains("未找到区划代码"));
            assertTrue(json(client, "/api/v1/kpis?group=housing", 404).get("error").asText().contains("未知主题：housing"));
            assertTrue(json(client, "/api/v1/kpis/no_such_kpi/trend", 404).get("error").asText().contains("未知指标代码"));
            assertTrue(json(client, "/api/v1/kpis/no_such_kpi", 404).get("error").asText().contains("未知指标代码"));
            assertTrue(json(client, "/api/v1/kpis/pop_total/children?month=2024-1", 400).get("error").asText()
                    .contains("月份格式"));
            assertTrue(json(client, "/api/v1/population/pyramid?region=32030", 400).get("error").asText().contains("12位数字"));
            assertTrue(json(client, "/api/v1/population/pyramid?region=320399999999", 404).get("error").asText()
                    .contains("未找到区划代码"));
        });
    }

    @Test
    void kpiApiAndPagesNeedASignIn() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            for (String api : List.of("/api/v1/kpis", "/api/v1/themes", "/api/v1/kpis/pop_total",
                    "/api/v1/population/pyramid")) {
                try (Response anonymous = client.get(api)) {
                    assertEquals(401, anonymous.code(), api);
                    assertTrue(anonymous.body().string().contains("请先登录"), api);
                }
            }
            for (String path : List.of("/", "/themes/population")) {
                try (Response page = client.get(path)) {
                    assertEquals(200, page.code(), "okhttp follows the redirect to the login page");
                    assertTrue(page.request().url().encodedPath().equals("/login.html"), page.request().url().toString());
                    assertTrue(page.body().string().contains("id=\"login-form\""));
                }
            }
            try (Response bogus = client.get("/api/v1/kpis", request -> request.header("Cookie", "aging_session=forged"))) {
                assertEquals(401, bogus.code());
            }
        });
    }

    @Test
    void pagesShellAndEchartsAreServedFromTheJar() {
        JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
            try (Response page = client.get("/", request -> request.header("Cookie", cookie))) {
                assertEquals(200, page.code());
                String html = page.body().string();
                assertTrue(html.contains("银龄数仓 · 老龄事业发展监测"), html);
                assertTrue(html.contains("/webjars/echarts/5.3.1/dist/echarts.min.js"));
                assertTrue(html.contains("/shell.js"));
            }
            for (String theme : List.of("population", "services", "allowances", "health", "quality")) {
                try (Response page = client.get("/themes/" + theme, request -> request.header("Cookie", cookie))) {
                    assertEquals(200, page.code(), theme);
                    assertTrue(page.body().string().contains("data-page=\"theme\""));
                }
            }
            try (Response unknown = client.get("/themes/housing", request -> request.header("Cookie", cookie))) {
                assertEquals(404, unknown.code());
                assertTrue(unknown.body().string().contains("没有这个专题页面"));
            }
            try (Response shell = client.get("/shell.js")) {
                assertEquals(200, shell.code());
                assertTrue(shell.body().string().contains("/themes/quality"), "the navigation list");
            }
            try (Response script = client.get("/app.js")) {
                assertEquals(200, script.code());
            }
            try (Response echarts = client.get("/webjars/echarts/5.3.1/dist/echarts.min.js")) {
                assertEquals(200, echarts.code());
                assertTrue(echarts.body().string().length() > 500_000, "the whole minified ECharts");
            }
        });
    }

    @Test
    void withoutAPublishedVersionThePageSaysHowToPublishAndTheApiAnswers503(@TempDir Path emptyHome) {
        try (Dependencies empty = TestDependencies.create(emptyHome, Duration.ZERO)) {
            String planner = TestDependencies.sessionCookie(empty, "planner1", Role.planner, null);
            JavalinTest.test(DashboardApp.create(empty), (server, client) -> {
                JsonNode status = json(client, planner, "/api/v1/status", 200);
                assertFalse(status.get("published").asBoolean());
                assertTrue(status.get("message").asText().contains("./aging etl"));
                assertTrue(json(client, planner, "/api/v1/kpis", 503).get("error").asText().contains("./aging etl"));
                assertTrue(json(client, planner, "/api/v1/months", 503).get("error").asText().contains("尚未发布"));
                assertTrue(json(client, planner, "/api/v1/population/pyramid", 503).get("error").asText()
                        .contains("尚未发布"));
                try (Response page = client.get("/", request -> request.header("Cookie", planner))) {
                    assertEquals(200, page.code());
                }
            });
        }
    }
}
