package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its chromedriver, for the browser tests, and the screenshots they leave in
 * {@code target/web-screenshots/} for a person to look at (laptop 1366x900 and tablet 820x1180).
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "web-screenshots");
    /** The two widths every page is looked at: a laptop and a tablet held upright. */
    static final int[][] SIZES = {{1366, 900}, {820, 1180}};

    private HeadlessChromium() {
    }

    /** Skips the test without the browser; fails it on CI, which must have it. */
    static void assumeInstalled() {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browser && System.getenv("CI") != null) {
            fail("CI needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        Assumptions.assumeTrue(browser, "chromium / chromedriver not installed");
    }

    /** A new browser with its profile in {@code profileDir}, 1366x900. */
    static ChromeDriver start(Path profileDir) {
        // Never let Selenium Manager look for a driver or browser on the internet.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--hide-scrollbars", "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profileDir, "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    /** Saves a screenshot of the page at both widths; the window is 1366x900 again afterwards. */
    static void shot(WebDriver d, String name) throws Exception {
        Files.createDirectories(SHOTS);
        for (int[] size : SIZES) {
            d.manage().window().setSize(new Dimension(size[0], size[1]));
            painted(d);
            save(d, name + "-" + size[0] + "x" + size[1]);
        }
        d.manage().window().setSize(new Dimension(SIZES[0][0], SIZES[0][1]));
    }

    /** Saves a screenshot of the page as it is now. */
    static void save(WebDriver d, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Returns once the browser has laid out and drawn the page as it is now: two animation frames (the first
     * runs before the next paint, the second after it), instead of sleeping a guessed time.
     */
    static void painted(WebDriver d) {
        ((JavascriptExecutor) d).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });");
    }
}
