package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Every chart type renders to a PNG of the requested size that shows the side colours. */
class ReportChartsTest {

    /** Renders at 2x and checks size and that the left and right colours were drawn. */
    private static BufferedImage renderAndCheck(XYChart chart, String name, boolean expectSides) throws IOException {
        byte[] png = ReportCharts.png(chart, 2);
        dump(name, png);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(chart.getWidth() * 2, img.getWidth(), name + " width");
        assertEquals(chart.getHeight() * 2, img.getHeight(), name + " height");
        if (expectSides) {
            assertTrue(countNear(img, ReportCharts.LEFT) > 50, name + ": left colour drawn");
            assertTrue(countNear(img, ReportCharts.RIGHT) > 50, name + ": right colour drawn");
        }
        return img;
    }

    /**
     * Pixels within 30 per channel of {@code c}: anti-aliasing blends edges, so exact matches undercount;
     * 30 is far below the distance between the left and right colours.
     */
    static int countNear(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.abs(r - c.getRed()) < 30 && Math.abs(g - c.getGreen()) < 30 && Math.abs(b - c.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Writes the PNG for a human to look at when -Dgaitlens.report.dumpDir is set. */
    static void dump(String name, byte[] bytes) throws IOException {
        String dir = System.getProperty("gaitlens.report.dumpDir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), bytes);
        }
    }

    @Test
    void curveChartRendersBothSidesAndReference() throws IOException {
        SessionReport r = ReportFixtures.session();
        for (CurveChartData c : r.curves()) {
            renderAndCheck(ReportCharts.curveChart(c, 245, 210), "curve_" + c.joint() + ".png", true);
        }
    }

    @Test
    void curveChartWithOneSideOnly() throws IOException {
        CurveChartData c = ReportFixtures.session().curves().get(1);
        CurveChartData leftOnly = new CurveChartData(c.joint(), c.angleName(), c.unit(),
                java.util.Map.of(Side.LEFT, c.sides().get(Side.LEFT)), null);
        BufferedImage img = renderAndCheck(ReportCharts.curveChart(leftOnly, 245, 210), "curve_left_only.png", false);
        assertTrue(countNear(img, ReportCharts.LEFT) > 50);
    }

    /**
     * A far leg hidden in mid-stance has no mean there: the right curve is drawn in two stretches with nothing
     * between them, and the caption says what a break means.
     */
    @Test
    void curveWithAGapIsDrawnAsTwoStretches() throws IOException {
        CurveChartData c = ReportFixtures.session().curves().get(1);
        SideCurve right = c.sides().get(Side.RIGHT);
        double[] mean = right.mean();
        double[] sd = right.sd();
        for (int i = 20; i <= 45; i++) {
            mean[i] = Double.NaN;
            sd[i] = Double.NaN;
        }
        CurveChartData gapped = new CurveChartData(c.joint(), c.angleName(), c.unit(),
                java.util.Map.of(Side.LEFT, c.sides().get(Side.LEFT),
                        Side.RIGHT, new SideCurve(mean, sd, right.strideCount(), right.toeOffPct())), null);
        XYChart chart = ReportCharts.curveChart(gapped, 245, 210);
        List<String> rightLines = chart.getSeriesMap().keySet().stream()
                .filter(n -> n.startsWith("Right (n=") && !n.contains("SD")).toList();
        assertEquals(2, rightLines.size(), "two stretches: " + rightLines);
        double[] first = chart.getSeriesMap().get(rightLines.get(0)).getXData();
        double[] second = chart.getSeriesMap().get(rightLines.get(1)).getXData();
        assertEquals(19.0, first[first.length - 1], 1e-9, "first stretch ends before the gap");
        assertEquals(46.0, second[0], 1e-9, "second starts after it");
        assertTrue(chart.getSeriesMap().values().stream()
                .allMatch(s -> java.util.Arrays.stream(s.getYData()).allMatch(Double::isFinite)), "no NaN reaches XChart");
        renderAndCheck(chart, "curve_gap.png", true);
        assertEquals(List.of(new int[] {0, 3}, new int[] {5, 6}).stream().map(java.util.Arrays::toString).toList(),
                ReportCharts.finiteRuns(new double[] {1, 2, 3, Double.NaN, Double.NaN, 4}).stream()
                        .map(java.util.Arrays::toString).toList());
    }

    @Test
    void phaseChartRenders() throws IOException {
        renderAndCheck(ReportCharts.phaseChart(ReportFixtures.session().phases(), 500, 150), "phases.png", true);
    }

    @Test
    void strideChartRenders() throws IOException {
        renderAndCheck(ReportCharts.strideChart(ReportFixtures.session().strideSeries().get(0), 245, 190),
                "strides.png", true);
    }

    @Test
    void asymmetryChartRendersAndFlagsItemsAboveThreshold() throws IOException {
        List<AsymmetryItem> items = ReportFixtures.session().asymmetry();
        BufferedImage img = renderAndCheck(ReportCharts.asymmetryChart(items, 500, 70 + 26 * items.size()),
                "asymmetry.png", false);
        assertTrue(countNear(img, ReportCharts.FLAG) > 20, "flag colour drawn for indices above threshold");
    }

    @Test
    void trendAndOverlayChartsRender() throws IOException {
        ComparisonReport c = ReportFixtures.threeSessions();
        for (TrendSeries t : c.trends()) {
            renderAndCheck(ReportCharts.trendChart(t, c.sessions(), 245, 200), "trend_" + t.title().replace(' ', '_') + ".png",
                    t.title().equals("Stance time"));
        }
        for (CurveOverlay o : c.overlays()) {
            BufferedImage img = renderAndCheck(ReportCharts.overlayChart(o, 245, 210), "overlay_" + o.side() + ".png", false);
            assertTrue(countNear(img, ReportCharts.color(o.side())) > 50, "overlay drawn in its side's colour");
        }
    }

    @Test
    void trendChartWithManySessionsAndGapsRenders() throws IOException {
        ComparisonReport c = ReportFixtures.manySessions(20, 7);
        for (TrendSeries t : c.trends()) {
            renderAndCheck(ReportCharts.trendChart(t, c.sessions(), 245, 200), "trend20_" + t.title().replace(' ', '_') + ".png",
                    false);
        }
    }

    /** Before and after a treatment on one day: a date axis would stack the sessions on one x. */
    @Test
    void sessionsOnOneDateAreSpreadBySessionNumber() throws IOException {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        List<SessionColumn> sessions = List.of(
                new SessionColumn("a", day, "before", "side", QualityVerdict.values()[0]),
                new SessionColumn("b", day, "after", "side", QualityVerdict.values()[0]),
                new SessionColumn("c", day.plusDays(7), "week 1", "side", QualityVerdict.values()[0]));
        TrendSeries t = new TrendSeries("Gait speed", "m/s", List.of(new TrendLine("Gait speed", null,
                java.util.Arrays.asList(0.8, 0.9, 1.0))));
        XYChart chart = ReportCharts.trendChart(t, sessions, 245, 200);
        assertEquals("Session (#, see the sessions table)", chart.getXAxisTitle());
        double[] x = chart.getSeriesMap().get("Gait speed").getXData();
        assertEquals(List.of(1.0, 2.0, 3.0), java.util.Arrays.stream(x).boxed().toList());
        renderAndCheck(chart, "trend_same_day.png", false);
        // distinct dates keep the date axis
        List<SessionColumn> dated = List.of(sessions.get(0), sessions.get(2));
        TrendSeries two = new TrendSeries("Gait speed", "m/s", List.of(new TrendLine("Gait speed", null,
                java.util.Arrays.asList(0.8, 1.0))));
        assertEquals("Session date", ReportCharts.trendChart(two, dated, 245, 200).getXAxisTitle());
    }

    @Test
    void emptyInputsStillRender() throws IOException {
        renderAndCheck(ReportCharts.asymmetryChart(List.of(), 500, 100), "asymmetry_empty.png", false);
        renderAndCheck(ReportCharts.phaseChart(new PhaseDiagramData(java.util.Map.of()), 500, 150), "phases_empty.png", false);
        XYChart chart = ReportCharts.strideChart(new StrideSeries("Stride time", "s", java.util.Map.of()), 245, 190);
        assertTrue(chart.getTitle().contains("no data"));
        renderAndCheck(chart, "strides_empty.png", false);
    }

    @Test
    void svgEncodingProducesSvgText() {
        String svg = ReportCharts.svg(ReportCharts.curveChart(ReportFixtures.session().curves().get(0), 245, 210));
        assertTrue(svg.contains("<svg"), "SVG root element");
        assertFalse(svg.contains("http://www.example"), "no stray references");
    }
}
