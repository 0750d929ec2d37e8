package cn.yinling.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium, headless with a fresh profile, driven by Selenium; what the browser tests share. */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;
    final String base;

    Browser(Path profile, Path downloads, String base) {
        this(profile, downloads, base, "1400,1600");
    }

    /** @param windowSize width,height in CSS pixels, e.g. "1366,900" for the laptop the KPI pages are sized for */
    Browser(Path profile, Path downloads, String base, String windowSize) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing "
                        + "(apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN",
                "--window-size=" + windowSize, "--user-data-dir=" + profile);
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in on the login page the browser was sent to, and waits to leave it. */
    void login(String name, String password) {
        wait.until(d -> d.getCurrentUrl().contains("/login.html"));
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login.html"));
    }

    void logout() {
        wait.until(d -> !d.findElements(By.id("logout")).isEmpty());
        driver.findElement(By.id("logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login.html"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Console messages at WARNING or worse, except those listed as expected (e.g. a 401 the test provoked). */
    String consoleProblems(String... expected) {
        List<LogEntry> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(e -> java.util.Arrays.stream(expected).noneMatch(x -> e.getMessage().contains(x)))
                .toList();
        return problems.stream().map(LogEntry::toString).collect(Collectors.joining("\n"));
    }

    /** Kept under target/ for a person to look at (fonts, layout); not compared. */
    void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
