package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole web app in a real browser (Debian's headless Chromium through its chromedriver) with the real
 * pipeline: sign in, create a patient, upload a walking video through the upload form, watch the progress, wait
 * for the report and find the cadence on the page. Screenshots at laptop (1366x900) and tablet (820x1180) width
 * go to {@code target/web-screenshots/} for a person to look at.
 */
@Tag("integration")
class WebBrowserTest {
    /** The analysis of a 1 MB, ~10 s video takes about a minute on two shared cores; allow a generous margin. */
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(8);

    @TempDir
    Path dir;

    @Test
    void signInCreatePatientUploadAndReadTheReport() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path video = dir.resolve("walk.mp4");
        // A bundled sample (rendered walker, sample-videos/README.md): the browser flow is under test here, and the
        // sample gives strides on both sides, so both cadence cells have numbers.
        Files.copy(Path.of("sample-videos", "normal.mp4"), video);
                Path models = Path.of(System.getProperty("gaitlens.models.dir", "models"));
        WebConfig config = WebConfig.defaults(models).withPort(0).withWorkers(1);
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir.resolve("study")))) {
            store.users().create("therapist", new PasswordHasher().hash(WebAppTest.PASSWORD), UserRole.ADMIN);
            try (WebApp app = WebApp.withPipeline(store, config)) {
                int port = app.start();
                WebDriver driver = HeadlessChromium.start(dir.resolve("chrome-profile"));
                try {
                    run(driver, "http://127.0.0.1:" + port, video);
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private void run(WebDriver d, String base, Path video) throws Exception {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
        d.manage().window().setSize(new Dimension(1366, 900));
        d.get(base + "/patients");
        assertTrue(d.getCurrentUrl().endsWith("/login"), "signed-out users land on the sign-in page");
        HeadlessChromium.shot(d, "login");
        d.findElement(By.name("username")).sendKeys("therapist");
        d.findElement(By.name("password")).sendKeys(WebAppTest.PASSWORD);
        d.findElement(By.cssSelector("button[type=submit].primary")).click();
        try {
            wait.until(x -> x.getCurrentUrl().endsWith("/patients"));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("sign-in did not reach the patients page: " + d.getCurrentUrl() + "\n" + d.getPageSource());
        }

        WebElement form = d.findElement(By.id("new-patient"));
        form.findElement(By.name("pseudonym")).sendKeys("P017");
        form.findElement(By.name("height_cm")).sendKeys("170");
        form.findElement(By.name("notes")).sendKeys("knee pain after <surgery> & physio");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(x -> x.findElements(By.id("upload-form")).size() == 1);
        assertTrue(d.findElement(By.tagName("h1")).getText().contains("P017"));
        HeadlessChromium.shot(d, "patient-empty");

        WebElement upload = d.findElement(By.id("upload-form"));
        upload.findElement(By.id("video")).sendKeys(video.toAbsolutePath().toString());
        WebElement label = upload.findElement(By.name("label"));
        label.clear();
        label.sendKeys("baseline");
        upload.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(x -> x.getCurrentUrl().contains("/runs/"));
        String runUrl = d.getCurrentUrl();
        if (!d.findElements(By.id("progress-card")).isEmpty()) {
            HeadlessChromium.shot(d, "run-progress");
        }
        new WebDriverWait(d, ANALYSIS_TIMEOUT, Duration.ofSeconds(2)).until(x ->
                !x.findElements(By.id("key-numbers")).isEmpty() || !x.findElements(By.id("failure")).isEmpty());
        if (!d.findElements(By.id("failure")).isEmpty()) {
            fail("analysis failed: " + d.findElement(By.id("failure")).getText());
        }
        WebElement numbers = d.findElement(By.id("key-numbers"));
        WebElement cadenceRow = numbers.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().startsWith("Cadence")).findFirst().orElseThrow();
        List<WebElement> cells = cadenceRow.findElements(By.tagName("td"));
        // each cell: the mean, then SD and n
        double left = Double.parseDouble(cells.get(1).findElement(By.className("mean")).getText());
        double right = Double.parseDouble(cells.get(2).findElement(By.className("mean")).getText());
        // A walking adult: 80-140 steps/min (the validation video's walker is at about 100-115).
        assertTrue(left > 80 && left < 140 && right > 80 && right < 140, "cadence " + left + " / " + right);
        assertEquals("steps/min", cells.get(3).getText());
        List<String> files = d.findElements(By.cssSelector(".files a")).stream().map(WebElement::getText).toList();
        assertTrue(files.contains("Strides (CSV)") && files.contains("Overlay video (MP4, made when asked for)"), files.toString());
        HeadlessChromium.shot(d, "run-report");
        List<WebElement> report = d.findElements(By.cssSelector("iframe.report"));
        if (!report.isEmpty()) {
            JavascriptExecutor js = (JavascriptExecutor) d;
            // The embedded report is in view (scrolled to on each try: the video review above it grows when its
            // video has loaded, and the frame takes its report's height when the report has loaded), the page has
            // loaded, and the browser has drawn it. Layout positions are fractional: the frame's top may lie a
            // fraction of a pixel above the viewport after scrolling to it.
            try {
                new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> Boolean.TRUE.equals(js.executeScript(
                        "arguments[0].scrollIntoView(); var r = arguments[0].getBoundingClientRect();"
                                + " return r.top > -1 && r.top < window.innerHeight && document.readyState === 'complete';",
                        report.get(0))));
            } catch (org.openqa.selenium.TimeoutException e) {
                fail("report frame not in view: " + js.executeScript("var r = arguments[0].getBoundingClientRect();"
                        + " return [r.top, r.height, window.innerHeight, document.readyState].join(' ');",
                        report.get(0)));
            }
            HeadlessChromium.painted(d);
            HeadlessChromium.save(d, "run-report-embedded-1366x900");
        }

        d.get(runUrl.replaceAll("/runs/.*", "") + "/patients");
        assertTrue(d.getPageSource().contains("knee pain after &lt;surgery&gt; &amp; physio"), "notes escaped");
        assertFalse(d.getPageSource().contains("<surgery>"));
        HeadlessChromium.shot(d, "patients");
        d.findElement(By.linkText("P017")).click();
        wait.until(x -> x.findElements(By.cssSelector(".badge.done")).size() == 1);
        HeadlessChromium.shot(d, "patient-timeline");
        d.get(runUrl);
        HeadlessChromium.shot(d, "run-report-again");
    }
}
