package cn.yinling.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.auth.Role;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives Debian's chromium against the running app: sign-in, cards, chart, drill-down, and a clean console. */
class DashboardBrowserTest {

    @TempDir
    Path home;
    @TempDir
    Path browserProfile;

    @Test
    void homePageShowsCardsAndTrendChartAndDrillsDownFromDistrictToStreets() throws Exception {
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        try (Dependencies deps = TestDependencies.create(home, Duration.ofSeconds(1))) {
            TestDependencies.account(deps, "leader1", Role.leader, null);
            Javalin app = DashboardApp.create(deps).start("127.0.0.1", 0);
            try (Browser browser = new Browser(browserProfile, null, "http://127.0.0.1:" + app.port())) {
                WebDriver driver = browser.driver;
                browser.open("/");
                browser.login("leader1", TestDependencies.PASSWORD);
                WebDriverWait wait = browser.wait;

                wait.until(d -> d.findElements(By.cssSelector("#children-table tbody tr")).size() == 2);
                assertEquals("银龄数仓 · 老龄事业发展监测", driver.getTitle());
                assertEquals(List.of("人口概况", "养老服务"), texts(driver, ".group h2"));
                assertEquals(5, driver.findElements(By.cssSelector(".card")).size());
                wait.until(d -> d.findElement(By.id("who")).getText().contains("leader1"));
                assertTrue(driver.findElement(By.id("user-bar")).getText().contains("领导"));
                assertFalse(driver.findElement(By.id("user-bar")).getText().contains("数据报送"),
                        "a leader is not offered the upload page");

                WebElement population = card(driver, "pop_total");
                assertEquals("1,010人", population.findElement(By.className("value")).getText().replace(" ", ""));
                assertTrue(population.getText().contains("较上月 +10 人"), population.getText());
                assertTrue(population.getAttribute("title").contains("计算公式："), population.getAttribute("title"));
                WebElement aging = card(driver, "aging_rate_60");
                assertEquals("24.00%", aging.findElement(By.className("value")).getText().replace(" ", ""));
                assertTrue(aging.getText().contains("+1.50 个百分点"), aging.getText());
                assertTrue(aging.getAttribute("title").contains("分子：242.4　分母：1,010"), aging.getAttribute("title"));
                WebElement nursing = card(driver, "nursing_bed_share");
                assertTrue(nursing.getAttribute("class").contains("met"), nursing.getAttribute("class"));
                assertTrue(nursing.getText().contains("目标≥55% 达标"), nursing.getText());
                WebElement facilities = card(driver, "facilities_open");
                assertTrue(facilities.getText().contains("养老机构"), facilities.getText());
                assertEquals("—", card(driver, "visit_rate").findElement(By.className("value")).getText());

                assertFalse(driver.findElements(By.cssSelector("#trend-chart canvas")).isEmpty(), "ECharts canvas");
                assertEquals(List.of("鼓楼区", "云龙区"), texts(driver, "#children-table tbody td:first-child"));
                browser.screenshot("dashboard-home.png");

                new Select(driver.findElement(By.id("month-select"))).selectByValue("2024-11");
                wait.until(d -> card(d, "nursing_bed_share").getAttribute("class").contains("not_met"));
                assertEquals("50.00%", card(driver, "nursing_bed_share").findElement(By.className("value")).getText()
                        .replace(" ", ""));
                assertTrue(card(driver, "nursing_bed_share").getText().contains("未达标"));
                wait.until(d -> texts(d, "#children-table tbody td:nth-child(2)").equals(List.of("600 人", "400 人")));

                driver.findElement(By.cssSelector("#children-table tbody tr[data-region='320302000000']")).click();
                wait.until(d -> texts(d, "#children-table tbody td:first-child").equals(List.of("黄楼街道", "丰财街道")));
                assertEquals("鼓楼区", driver.findElement(By.cssSelector("#breadcrumb .current")).getText());
                assertEquals(List.of("350 人", "250 人"), texts(driver, "#children-table tbody td:nth-child(2)"));
                assertTrue(driver.getCurrentUrl().contains("region=320302000000"), driver.getCurrentUrl());
                assertTrue(driver.getCurrentUrl().contains("month=2024-11"), driver.getCurrentUrl());
                browser.screenshot("dashboard-gulou.png");

                String problems = browser.consoleProblems();
                assertTrue(problems.isEmpty(), () -> "browser console: " + problems);
            } finally {
                app.stop();
            }
        }
    }

    private static WebElement card(WebDriver driver, String code) {
        return driver.findElement(By.cssSelector(".card[data-kpi='" + code + "']"));
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
