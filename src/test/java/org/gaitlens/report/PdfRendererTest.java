package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PDF rendering smoke tests: the text layer holds the key numbers and page numbers, pages have the
 * requested size, and no glyph is drawn outside its page (nothing runs off the page).
 */
class PdfRendererTest {
    @TempDir
    Path tmp;

    /** Collects every glyph's position and the page it is on. */
    static final class GlyphCollector extends PDFTextStripper {
        final List<String> outside = new ArrayList<>();
        int glyphs;

        GlyphCollector() {
            super();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            PDRectangle box = getCurrentPage().getMediaBox();
            for (TextPosition t : positions) {
                glyphs++;
                // TextPosition x/y are in display space (origin top-left, y down) in points. Allow 0.5 pt
                // for glyph-advance rounding.
                float x0 = t.getXDirAdj();
                float x1 = x0 + t.getWidthDirAdj();
                float yBase = t.getYDirAdj();
                float yTop = yBase - t.getHeightDir();
                if (x0 < -0.5f || x1 > box.getWidth() + 0.5f || yTop < -0.5f || yBase > box.getHeight() + 0.5f) {
                    outside.add("page " + getCurrentPageNo() + ": '" + t.getUnicode() + "' at " + x0 + "," + yBase);
                }
            }
            super.writeString(text, positions);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The text of one page (1-based). */
    private static String text(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            return s.getText(doc);
        }
    }

    /** Asserts every page has the size and no glyph lies outside it; returns the page count. */
    private static int checkPages(byte[] pdf, RenderOptions.PageSize size) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                // PDRectangle stores floats; 0.01 pt is far below any visible difference.
                assertEquals(size.widthPt(), page.getMediaBox().getWidth(), 0.01);
                assertEquals(size.heightPt(), page.getMediaBox().getHeight(), 0.01);
            }
            GlyphCollector c = new GlyphCollector();
            c.getText(doc);
            assertTrue(c.glyphs > 500, "the PDF has a real text layer, glyphs: " + c.glyphs);
            assertTrue(c.outside.isEmpty(), "glyphs outside the page: " + c.outside);
            return doc.getNumberOfPages();
        }
    }

    private static void dump(String name, byte[] bytes) throws IOException {
        ChartRendering.dump(name, bytes);
    }

    @ParameterizedTest
    @EnumSource(RenderOptions.PageSize.class)
    void sessionPdfHasKeyNumbersAndPageNumbers(RenderOptions.PageSize size) throws IOException {
        SessionReport report = ReportFixtures.session();
        RenderFixtures.writeKeyFrames(tmp, report);
        byte[] pdf = new PdfRenderer(new RenderOptions(size, tmp, 2)).render(report);
        dump("session-" + size + ".pdf", pdf);
        int pages = checkPages(pdf, size);
        String text = text(pdf);
        assertTrue(text.contains("P-0042"), "patient id");
        assertTrue(text.contains("0.61 ± 0.02"), "left stance time mean ± SD");
        assertTrue(text.contains("0.70 ± 0.02"), "right stance time");
        assertTrue(text.contains("+13.7 % SI"), "stance-time SI 100 x 0.09 / 0.655 = 13.74 %");
        assertTrue(text.contains("53.0 ± 1.2\u00A0*"), "stance % below the 58-62 range is marked");
        assertTrue(text.contains("≥ 2 passes"), "≥ printed with the embedded DejaVu font");
        assertTrue(text.contains("Reference ranges: Cadence: docs/metrics.md"), "range sources listed");
        assertFalse(text.contains("Bohannon"), "speed shows the dataset's reference, so its textbook source is not listed");
        assertTrue(text.contains("64.0 ± 2.5") && text.contains("-1.2 / -2.2"), "dataset mean ± SD and z-scores");
        String page1 = text(pdf, 1).replace('\n', ' ');
        assertTrue(page1.contains("Deviation from healthy walking") && page1.contains("Bars: the Gait Variable Score")
                && page1.contains("left knee deviates most"), "the deviation section is on page 1");
        assertTrue(page1.indexOf("Deviation from healthy walking") < page1.indexOf("Summary"), "before the summary");
        assertTrue(text.contains("96.5 %"), "tracking coverage");
        assertTrue(text.contains("Antalgic gait: signs present (left)"));
        assertTrue(text.contains("page 1 of " + pages) && text.contains("page " + pages + " of " + pages), "page numbers");
        assertTrue(text.contains("P-0042 · 2024-03-05 · gaitlens 0.1.0-test"), "footer");
        assertTrue(pages >= 3, "header, tables, charts and key frames need several pages, got " + pages);
    }

    @ParameterizedTest
    @EnumSource(RenderOptions.PageSize.class)
    void comparisonPdfHasChangesAndSentences(RenderOptions.PageSize size) throws IOException {
        byte[] pdf = new PdfRenderer(RenderOptions.defaults().withPageSize(size)).render(ReportFixtures.threeSessions());
        dump("comparison3-" + size + ".pdf", pdf);
        int pages = checkPages(pdf, size);
        String text = text(pdf).replace('\n', ' ');
        assertTrue(text.contains("Stance-time asymmetry fell from 14 % to 4 % (threshold 5 %): improved"), text);
        assertTrue(text.contains("+0.18 m/s, improved"), "gait speed 0.92 -> 1.10");
        assertTrue(text.contains("+0.06 s, worsened"), "double support 0.28 -> 0.34");
        assertTrue(text.contains("GPS-2D fell from 10.40 deg to 7.20 deg (threshold 2.06 deg): improved"), text);
        assertTrue(text.contains("10.4 deg (9.6–11.3)") && text.contains("slow speed, all ages, n 42"),
                "GPS-2D per session with CI and band");
        assertTrue(text.contains("page 1 of " + pages));
    }

    @Test
    void twentySessionsWithMissingMetricsStayOnThePage() throws IOException {
        ComparisonReport report = ReportFixtures.manySessions(20, 7);
        for (RenderOptions.PageSize size : RenderOptions.PageSize.values()) {
            byte[] pdf = new PdfRenderer(RenderOptions.defaults().withPageSize(size)).render(report);
            dump("comparison20-" + size + ".pdf", pdf);
            checkPages(pdf, size);
            String text = text(pdf);
            assertTrue(text.contains("All values, sessions 1–8") && text.contains("All values, sessions 17–20"),
                    "full value matrix split into blocks of 8 sessions");
            assertTrue(text.contains("#20 2024-01-15"), "last session's column");
        }
    }

    @Test
    void singleSessionComparisonAndFrontalSessionRender() throws IOException {
        ComparisonReport one = ReportFixtures.manySessions(1, 1);
        checkPages(new PdfRenderer(RenderOptions.defaults()).render(one), RenderOptions.PageSize.A4);
        // Sessions 1-4 sagittal, 5 frontal: the frontal session lacks every sagittal metric.
        ComparisonReport five = ReportFixtures.manySessions(5, 3);
        byte[] pdf = new PdfRenderer(RenderOptions.defaults()).render(five);
        dump("comparison5-frontal.pdf", pdf);
        checkPages(pdf, RenderOptions.PageSize.A4);
        assertTrue(text(pdf).contains("Trunk lateral lean (frontal view only): measured in one session only"));
    }

    @Test
    void helveticaFallbackTransliteratesSymbols() throws IOException {
        SessionReport report = ReportFixtures.session();
        RenderFixtures.writeKeyFrames(tmp, report);
        byte[] pdf = new PdfRenderer(RenderOptions.defaults().withAssetDir(tmp), false).render(report);
        checkPages(pdf, RenderOptions.PageSize.A4);
        String text = text(pdf);
        // WinAnsi (Helvetica) has ±, § and –, so they stay; ≥ is not in WinAnsi and is transliterated.
        assertTrue(text.contains("0.61 ± 0.02"), "± is in WinAnsi");
        assertTrue(text.contains(">= 2 passes"), "≥ transliterated");
        assertTrue(text.contains("Cadence: docs/metrics.md §The table"), "§ is in WinAnsi");
    }

    @Test
    void writeSessionWritesJsonHtmlPdf() throws IOException {
        SessionReport report = ReportFixtures.session();
        RenderFixtures.writeKeyFrames(tmp, report);
        ReportRenderer.Written w = ReportRenderer.writeSession(report, tmp);
        assertTrue(Files.size(w.pdf()) > 10_000);
        assertTrue(Files.size(w.html()) > 10_000);
        assertEquals(report, ReportJson.read(w.json(), SessionReport.class));
        ReportRenderer.Written c = ReportRenderer.writeComparison(ReportFixtures.threeSessions(), tmp.resolve("cmp"));
        assertTrue(Files.exists(c.pdf()) && Files.exists(c.html()) && Files.exists(c.json()));
        dump("session.html", Files.readAllBytes(w.html()));
        dump("comparison3.html", Files.readAllBytes(c.html()));
    }
}
