package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML is self-contained (no external resources), escapes model text and shows the key numbers. */
class HtmlRendererTest {
    @TempDir
    Path tmp;

    private static void assertSelfContained(String html) {
        assertFalse(html.contains("http://"), "no http references");
        assertFalse(html.contains("https://"), "no https references");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no linked resources");
        assertFalse(html.contains("@import"), "no imported CSS");
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/"), "every image is inline: " + src.group(1));
        }
    }

    @Test
    void sessionHtmlIsSelfContainedWithKeyNumbers() throws IOException {
        SessionReport report = ReportFixtures.session();
        RenderFixtures.writeKeyFrames(tmp, report);
        String html = new HtmlRenderer(RenderOptions.defaults().withAssetDir(tmp)).render(report);
        assertSelfContained(html);
        assertTrue(html.contains("0.61 ± 0.02"), "left stance time");
        assertTrue(html.contains("+13.7 % SI"), "stance-time SI");
        assertTrue(html.contains("<td class=\"out\">53.0 ± 1.2</td>"), "out-of-range value marked");
        assertTrue(html.contains("Antalgic gait: signs present (left)"));
        int charts = SessionCharts.render(report, 1).size();
        assertEquals(charts + 1 + report.keyFrames().size(), count(html, "src=\"data:image/png;base64,"),
                "every chart, the Movement Analysis Profile and every key frame is embedded");
    }

    /** The deviation section comes before the summary, with the profile; the key-value tables get a z column. */
    @Test
    void sessionHtmlHasTheDeviationSectionFirst() {
        SessionReport report = ReportFixtures.session();
        String html = new HtmlRenderer(RenderOptions.defaults()).render(report);
        int section = html.indexOf("<h2>Deviation from healthy walking</h2>");
        assertTrue(section > 0 && section < html.indexOf("<h2>Summary</h2>"), "near the top, before the summary");
        assertTrue(html.contains(report.deviation().headline()));
        assertTrue(html.contains("left knee deviates most"));
        assertTrue(html.indexOf("alt=\"Movement Analysis Profile\"", section) > section, "the profile is in the section");
        assertTrue(html.contains("<th>z vs healthy</th>"));
        // knee swing peak 61.0 / 58.5 against 64.0 ± 2.5: z = -1.2 / -2.2, the right one flagged (|z| > 2)
        assertTrue(html.contains("<td>64.0 ± 2.5</td><td>-1.2 / -2.2</td>"), "dataset mean ± SD and the z-scores");
        assertTrue(html.contains("<td class=\"out\">58.5 ± 2.8</td>"), "|z| > 2 is marked");
        assertTrue(html.contains("<td>0.98 ± 0.04</td>"),
                "speed z = (0.98 - 1.27) / 0.16 = -1.8: not marked, although below the textbook range 1.1-1.5");
    }

    @Test
    void comparisonHtmlShowsVerdicts() {
        String html = new HtmlRenderer(RenderOptions.defaults()).render(ReportFixtures.threeSessions());
        assertSelfContained(html);
        assertTrue(html.contains("Stance-time asymmetry fell from 14 % to 4 % (threshold 5 %): improved"));
        assertTrue(html.contains("<td class=\"WORSENED\">+0.06 s, worsened</td>"));
        assertTrue(html.contains("GPS-2D fell from 10.40 deg to 7.20 deg (threshold 2.06 deg): improved"));
        int table = html.indexOf("<h2>Deviation from healthy walking</h2>");
        assertTrue(table > 0 && table < html.indexOf("<h2>Change per metric</h2>"), "GPS-2D per session before the changes");
        assertTrue(html.contains("<td>10.4 deg (9.6–11.3)</td>"), "GPS-2D with its CI");
        assertTrue(html.contains("<td>slow speed, all ages, n 42</td>"), "each session's band");
        assertTrue(html.contains("GPS-2D across sessions"), "the trend chart");
    }

    @Test
    void twentySessionHtmlHasTheFullMatrix() {
        String html = new HtmlRenderer(RenderOptions.defaults()).render(ReportFixtures.manySessions(20, 7));
        assertSelfContained(html);
        assertTrue(html.contains("All values per session"));
        assertTrue(html.contains("#20 2024-01-15 (latest)"));
    }

    @Test
    void modelTextIsEscaped() {
        SessionReport r = ReportFixtures.session();
        ReportHeader h = new ReportHeader("<script>alert(1)</script>", r.header().sessionDate(), "a & b", "\"x\".mp4",
                null, null, null, null, null);
        SessionReport evil = new SessionReport(h, r.summary(), r.tables(), List.of(), List.of(), null, List.of(),
                List.of(), r.quality());
        String html = new HtmlRenderer(RenderOptions.defaults()).render(evil);
        assertFalse(html.contains("<script>"), "markup in model text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("a &amp; b"));
        assertTrue(html.contains("&quot;x&quot;.mp4"));
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
