package cn.yinling.dashboard;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@link Browser} for tests in other packages. */
public final class BrowserAccess implements AutoCloseable {

    private final Browser browser;
    public final WebDriver driver;

    private BrowserAccess(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver;
    }

    public static BrowserAccess open(Path profile, Path downloads, String base) {
        return new BrowserAccess(new Browser(profile, downloads, base));
    }

    public void open(String path) {
        browser.open(path);
    }

    public void login(String name, String password) {
        browser.login(name, password);
    }

    public void logout() {
        browser.logout();
    }

    public WebElement find(String css) {
        return browser.find(css);
    }

    public List<String> texts(String css) {
        return browser.texts(css);
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return browser.wait.until(condition::apply);
    }

    public String consoleProblems(String... expected) {
        return browser.consoleProblems(expected);
    }

    public void screenshot(String name) throws Exception {
        browser.screenshot(name);
    }

    @Override
    public void close() {
        browser.close();
    }
}
