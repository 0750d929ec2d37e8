package cn.yinling.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.CurrentPointerFile;
import cn.yinling.warehouse.serve.WarehouseReader;
import cn.yinling.warehouse.store.AgingHome;
import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives Debian's chromium against the running app: cards, chart, drill-down, and a clean console. */
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path home;
    @TempDir
    Path browserProfile;

    @Test
    void homePageShowsCardsAndTrendChartAndDrillsDownFromDistrictToStreets() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing "
                        + "(apt-get install -y chromium chromium-driver)");
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        try (Dependencies deps = new Dependencies(
                new WarehouseReader(new CurrentPointerFile(new AgingHome(home)), Duration.ofSeconds(1)), KpiCatalog.defaults())) {
            Javalin app = DashboardApp.create(deps).start("127.0.0.1", 0);
            WebDriver driver = startBrowser();
            try {
                driver.get("http://127.0.0.1:" + app.port() + "/");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

                wait.until(d -> d.findElements(By.cssSelector("#children-table tbody tr")).size() == 2);
                assertEquals("银龄数仓 · 老龄事业发展监测", driver.getTitle());
                assertEquals(List.of("人口概况", "养老服务"), texts(driver, ".group h2"));
                assertEquals(5, driver.findElements(By.cssSelector(".card")).size());

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
                screenshot(driver, "dashboard-home.png");

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
                screenshot(driver, "dashboard-gulou.png");

                List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
                assertTrue(problems.isEmpty(), () -> "browser console: "
                        + problems.stream().map(LogEntry::toString).collect(Collectors.joining("\n")));
            } finally {
                driver.quit();
                app.stop();
            }
        }
    }

    private WebDriver startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN",
                "--window-size=1400,1600", "--user-data-dir=" + browserProfile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static WebElement card(WebDriver driver, String code) {
        return driver.findElement(By.cssSelector(".card[data-kpi='" + code + "']"));
    }

    private static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Kept under target/ for a person to look at (fonts, layout); not compared. */
    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
