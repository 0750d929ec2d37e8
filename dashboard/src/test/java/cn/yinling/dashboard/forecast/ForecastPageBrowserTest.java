package cn.yinling.dashboard.forecast;

import static cn.yinling.dashboard.forecast.ForecastVersionFixture.GULOU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yinling.dashboard.DashboardApp;
import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.TestDependencies;
import cn.yinling.dashboard.auth.Role;
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
import org.openqa.selenium.StaleElementReferenceException;
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

/** Drives Debian's chromium over the 发展预测 page: both charts drawn, a row a year, the backtest, a clean console. */
class ForecastPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path home;
    @TempDir
    Path browserProfile;

    @Test
    void forecastPageShowsBandChartsYearlyTableBacktestAndMethod() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing "
                        + "(apt-get install -y chromium chromium-driver)");
        ForecastVersionFixture.publish(home, true);
        try (Dependencies deps = TestDependencies.create(home, Duration.ofSeconds(1))) {
            TestDependencies.account(deps, "planner1", Role.planner, null);
            Javalin app = DashboardApp.create(deps).start("127.0.0.1", 0);
            WebDriver driver = startBrowser();
            try {
                driver.get("http://127.0.0.1:" + app.port() + "/forecast.html");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                // every page needs a session: the page sends us to the login page and back
                wait.until(d -> d.getCurrentUrl().contains("/login.html"));
                driver.findElement(By.id("name")).sendKeys("planner1");
                driver.findElement(By.id("password")).sendKeys(TestDependencies.PASSWORD);
                driver.findElement(By.id("login-button")).click();
                wait.until(d -> d.getCurrentUrl().contains("/forecast.html"));
                // the page rebuilds its tables on every change: an element read just before that goes stale
                wait.ignoring(StaleElementReferenceException.class);
                wait.until(d -> d.findElements(By.cssSelector("#forecast-table tbody tr")).size() == 11);
                assertEquals("银龄数仓 · 发展预测", driver.getTitle());
                assertFalse(driver.findElements(By.cssSelector("#population-chart canvas")).isEmpty(), "population chart");
                assertFalse(driver.findElements(By.cssSelector("#rate-chart canvas")).isEmpty(), "aging-rate chart");

                List<WebElement> first = driver.findElements(By.cssSelector("#forecast-table tbody tr:first-child td"));
                assertTrue(first.get(0).getText().contains("2024-12 实际"), first.get(0).getText());
                assertEquals("333,300", first.get(1).getText());
                assertEquals("68,880", first.get(2).getText());
                assertEquals("20.67", first.get(6).getText());
                String year2034 = driver.findElement(By.cssSelector("#forecast-table tbody tr[data-year='2034'] td:nth-child(3)"))
                        .getText();
                assertTrue(year2034.matches("[\\d,]+\\n[\\d,]+–[\\d,]+"), "central and band: " + year2034);

                wait.until(d -> d.findElements(By.cssSelector("#backtest-summary tbody tr")).size() == 7);
                assertTrue(driver.findElement(By.id("backtest-message")).getText().contains("半年回测"));
                assertEquals(7, driver.findElements(By.cssSelector("#backtest-table tbody tr")).size());
                assertTrue(driver.findElement(By.id("method-body")).getText().contains("Gompertz–Makeham"));
                assertTrue(driver.findElement(By.id("method-body")).getText().contains("不是统计置信区间"));
                screenshot(driver, "forecast-city.png");

                new Select(driver.findElement(By.id("region-select"))).selectByValue(GULOU);
                wait.until(d -> d.findElement(By.cssSelector("#forecast-table tbody tr:first-child td:nth-child(2)"))
                        .getText().equals("222,200"));
                assertTrue(driver.getCurrentUrl().contains("region=" + GULOU), driver.getCurrentUrl());
                assertTrue(driver.findElement(By.id("backtest-detail-title")).getText().startsWith("鼓楼区"));
                screenshot(driver, "forecast-gulou.png");

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
                "--window-size=1400,1800", "--user-data-dir=" + browserProfile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Kept under target/ for a person to look at; not compared. */
    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
