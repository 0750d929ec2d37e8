package cn.yinling.dashboard.forecast;

import static cn.yinling.dashboard.forecast.ForecastVersionFixture.CITY;
import static cn.yinling.dashboard.forecast.ForecastVersionFixture.GULOU;
import static cn.yinling.dashboard.forecast.ForecastVersionFixture.YUNLONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/forecast and /api/v1/forecast/backtest on a real server over a published version (DuckDB over Parquet). */
class ForecastApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** The Cookie header of a planner's session in the dependencies last made by {@link #deps()}. */
    private static String cookie;

    private Dependencies deps() {
        Dependencies deps = TestDependencies.create(home, Duration.ZERO);
        cookie = TestDependencies.sessionCookie(deps, "planner1", Role.planner, null);
        return deps;
    }

    static JsonNode json(HttpClient client, String path, int expectedStatus) throws IOException {
        try (Response response = client.get(path, request -> request.header("Cookie", cookie))) {
            String body = response.body().string();
            assertEquals(expectedStatus, response.code(), path + " answered " + body);
            return JSON.readTree(body);
        }
    }

    @Test
    void cityForecastStartsFromThePublishedPopulationAndStatesItsBasis() {
        ForecastVersionFixture.publish(home, true);
        try (Dependencies deps = deps()) {
            JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
                JsonNode answer = json(client, "/api/v1/forecast", 200);
                assertEquals(1, answer.get("version").asInt());
                assertEquals("2024-12", answer.get("base_month").asText());
                assertEquals(10, answer.get("years").asInt());
                List<String> regions = new ArrayList<>();
                answer.get("regions").forEach(r -> regions.add(r.get("region_code").asText()));
                assertEquals(List.of(CITY, GULOU, YUNLONG), regions);
                assertEquals("60岁及以上老年人口", answer.get("indicators").get(1).get("name").asText());

                JsonNode forecast = answer.get("forecast");
                assertEquals(CITY, forecast.get("region_code").asText());
                JsonNode points = forecast.get("points");
                assertEquals(11, points.size());
                JsonNode base = points.get(0);
                assertTrue(base.get("observed").asBoolean());
                // Σ over ages 0..100 of (2 + 1)·(1000 − 9·age) for each sex = 2 × 3 × 55,550
                assertEquals(333_300, base.get("values").get("pop_total").get("central").asDouble(), 1e-9);
                assertEquals(ForecastVersionFixture.cityFrom(0), 333_300);
                // ages 60..100: 2 × 3 × (41·1000 − 9·(60 + … + 100)) = 6 × (41,000 − 29,520)
                assertEquals(68_880, base.get("values").get("pop_60").get("central").asDouble(), 1e-9);
                assertEquals(ForecastVersionFixture.cityFrom(80),
                        base.get("values").get("pop_80").get("central").asDouble(), 1e-9);
                assertEquals(68_880.0 / 333_300 * 100, base.get("values").get("aging_rate_60").get("central").asDouble(), 1e-9);
                for (int y = 1; y <= 10; y++) {
                    JsonNode pop60 = points.get(y).get("values").get("pop_60");
                    assertEquals(2024 + y, points.get(y).get("year").asInt());
                    assertTrue(pop60.get("low").asDouble() < pop60.get("central").asDouble()
                            && pop60.get("central").asDouble() < pop60.get("high").asDouble(), pop60.toString());
                }

                JsonNode basis = answer.get("basis");
                assertEquals("2024-01", basis.get("from_month").asText());
                assertEquals(12, basis.get("death_months").asInt());
                assertEquals(10, basis.get("flow_months").asInt(), "flows are read from the third month on");
                // March–December: 10 months × 2 districts × 10 births; moves in 10 × (2 × 2 + 1 transfer);
                // out 10 × (2 × 1 + 1)
                assertEquals(200, basis.get("births").asDouble(), 1e-9);
                assertEquals(50, basis.get("moves_in").asDouble(), 1e-9);
                assertEquals(30, basis.get("moves_out").asDouble(), 1e-9);
                // person-years: twelve month ends of 333,300 persons, / 12
                assertEquals(333_300, basis.get("person_years").asDouble(), 1e-6);
                assertTrue(basis.get("female_fit").get("c").asDouble() > 0.05, basis.toString());
                assertEquals(10, answer.get("method").get("mortality_spread_percent").asInt());

                JsonNode gulou = json(client, "/api/v1/forecast?region=" + GULOU + "&years=5", 200).get("forecast");
                assertEquals("鼓楼区", gulou.get("region_name").asText());
                assertEquals(6, gulou.get("points").size());
                assertEquals(222_200, gulou.get("points").get(0).get("values").get("pop_total").get("central").asDouble(), 1e-9);
            });
        }
    }

    @Test
    void backtestOfTwelveMonthsIsHalfAYear() {
        ForecastVersionFixture.publish(home, true);
        try (Dependencies deps = deps()) {
            JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
                JsonNode backtest = json(client, "/api/v1/forecast/backtest", 200);
                assertTrue(backtest.get("available").asBoolean());
                assertEquals(6, backtest.get("horizon_months").asInt());
                assertEquals("2024-06", backtest.get("base_month").asText());
                assertEquals("2024-12", backtest.get("target_month").asText());
                assertEquals(6, backtest.get("rate_months").asInt());
                assertTrue(backtest.get("message").asText().contains("半年回测"), backtest.get("message").asText());
                assertEquals(3 * 7, backtest.get("rows").size());
                JsonNode first = backtest.get("rows").get(0);
                assertEquals(CITY, first.get("region_code").asText());
                assertEquals("pop_total", first.get("indicator").asText());
                assertEquals(333_300, first.get("observed").asDouble(), 1e-9);
                assertEquals(first.get("projected").asDouble() - 333_300, first.get("error").asDouble(), 1e-9);
                assertEquals(7, backtest.get("summary").size());
                assertEquals(2, backtest.get("summary").get(0).get("districts").asInt());
            });
        }
    }

    @Test
    void refusedInputAndAVersionFromBeforeTheForecast() {
        ForecastVersionFixture.publish(home, true);
        try (Dependencies deps = deps()) {
            JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
                assertTrue(json(client, "/api/v1/forecast?years=40", 400).get("error").asText().contains("1–30"));
                assertTrue(json(client, "/api/v1/forecast?years=十", 400).get("error").asText().contains("预测年数"));
                assertTrue(json(client, "/api/v1/forecast?region=320302001000", 400).get("error").asText()
                        .contains("只到区县级"));
            });
        }
    }

    @Test
    void aVersionWithoutTheForecastMartsAnswers503WithWhatToDo(@TempDir Path older) {
        home = older;
        ForecastVersionFixture.publish(home, false);
        try (Dependencies deps = deps()) {
            JavalinTest.test(DashboardApp.create(deps), (server, client) -> {
                String error = json(client, "/api/v1/forecast", 503).get("error").asText();
                assertTrue(error.contains("mart_population_age") && error.contains("./aging etl"), error);
            });
        }
    }
}
