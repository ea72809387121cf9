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
        assertEquals(charts + report.keyFrames().size(), count(html, "src=\"data:image/png;base64,"),
                "every chart and key frame is embedded");
    }

    @Test
    void comparisonHtmlShowsVerdicts() {
        String html = new HtmlRenderer(RenderOptions.defaults()).render(ReportFixtures.threeSessions());
        assertSelfContained(html);
        assertTrue(html.contains("Stance-time asymmetry fell from 14 % to 4 % (threshold 5 %): improved"));
        assertTrue(html.contains("<td class=\"WORSENED\">+0.06 s, worsened</td>"));
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
