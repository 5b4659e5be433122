package org.accord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium driven through Selenium, pointed at the application under test.
 *
 * <p>Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (override with the system
 * properties {@value #CHROMIUM_PROPERTY} and {@value #CHROMEDRIVER_PROPERTY}), so Selenium Manager never downloads
 * anything. Each browser has a fresh profile in a temporary directory, deleted on {@link #close()}.
 */
public final class Browser implements AutoCloseable {

    /** System property naming the Chromium binary. */
    public static final String CHROMIUM_PROPERTY = "accord.test.chromium";

    /** System property naming the chromedriver binary (Selenium's own property). */
    public static final String CHROMEDRIVER_PROPERTY = "webdriver.chrome.driver";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(WebDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Starts a headless Chromium for the application at {@code baseUrl} (e.g. {@code http://localhost:8080}). */
    public static Browser start(String baseUrl) {
        Path chromium = Path.of(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty(CHROMEDRIVER_PROPERTY, "/usr/bin/chromedriver"));
        requireExecutable(chromium, "chromium");
        requireExecutable(chromedriver, "chromium-driver");
        System.setProperty(CHROMEDRIVER_PROPERTY, chromedriver.toString());

        Path profile;
        try {
            profile = Files.createTempDirectory("accord-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, stripTrailingSlash(baseUrl), profile);
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(profile.toFile());
            throw e;
        }
    }

    /** The Selenium driver, for anything this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** The application's root URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the application ({@code "/signin"}) or an absolute URL. */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        return this;
    }

    /** The path (and query) of the current page. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url != null && url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits up to 10 s until the condition returns something other than null or false. */
    public <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).until(condition);
    }

    /**
     * Saves a PNG of the viewport as {@code target/screenshots/<name>.png} and returns its path; with the system
     * property {@code accord.tour.dir} set (by {@code bin/tour}) also copies the tour's pictures (named {@code tour-…}) there.
     */
    public Path screenshot(String name) {
        Path directory = screenshotDirectory();
        String file = name.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".png";
        try {
            Files.createDirectories(directory);
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path target = Files.move(shot, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setReadable(true, false);
            String tour = System.getProperty("accord.tour.dir");
            if (tour != null && !tour.isBlank() && file.startsWith("tour-")) {
                // bin/tour regenerates the pictures of docs/tour.md from the scenario tests themselves.
                Path tourDirectory = Path.of(tour);
                Files.createDirectories(tourDirectory);
                Files.copy(target, tourDirectory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save screenshot " + file, e);
        }
    }

    /** {@code target/screenshots/} of the project. */
    public static Path screenshotDirectory() {
        String basedir = System.getProperty("basedir"); // set by Surefire
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir"))
                .toAbsolutePath()
                .resolve("target")
                .resolve("screenshots");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static void requireExecutable(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Browser tests need " + binary + ", which is missing: install it with"
                    + " `apt-get install -y chromium chromium-driver` (bin/test does this when run as root).");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
