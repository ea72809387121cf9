package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;

/** Which charts each report shows, in which order, at which size, with which caption. */
class ChartSetsTest {

    private static String layout(ChartImage c) {
        return c.title() + " " + c.widthPx() + "x" + c.heightPx() + (c.fullWidth() ? " full" : " half");
    }

    @Test
    void sessionChartsInReportOrder() {
        SessionReport r = ReportFixtures.session();
        List<ChartImage> charts = SessionCharts.render(r, 1);
        int asymmetryHeight = 70 + 26 * r.asymmetry().size();
        assertEquals(List.of("Asymmetry overview 500x" + asymmetryHeight + " full",
                "Hip angle over the gait cycle 245x210 half", "Knee angle over the gait cycle 245x210 half",
                "Ankle angle over the gait cycle 245x210 half", "Trunk angle over the gait cycle 245x210 half",
                "Gait phases 500x150 full", "Stride time per stride 245x190 half"),
                charts.stream().map(ChartSetsTest::layout).toList());
        assertTrue(charts.stream().allMatch(c -> c.scale() == 1), "encoded at the asked scale");
        assertTrue(charts.get(1).caption().endsWith("; grey band: healthy reference ("
                + r.curves().get(0).reference().source() + ")."), charts.get(1).caption());
    }

    /** A frontal-view report adds its quantities over time: frame by frame at full width, per step at half. */
    @Test
    void frontalTimeSeriesAreSizedByTheirSampling() {
        SessionReport s = ReportFixtures.session();
        double[] t = new double[90];
        double[] v = new double[90];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 30.0;
            v[i] = Math.sin(i / 5.0);
        }
        TimeSeriesChartData dense = new TimeSeriesChartData("Trunk lean", "deg", "Positive: lean to the right.",
                List.of(new TimeSeriesLine("Trunk lateral lean", null, t, v)), null);
        TimeSeriesChartData perStep = new TimeSeriesChartData("Step width", "m", "", List.of(
                new TimeSeriesLine("Left", Side.LEFT, new double[] {0.5, 1.5}, new double[] {0.1, 0.11})), null);
        SessionReport frontal = new SessionReport(s.header(), s.summary(), s.tables(), List.of(), List.of(), null,
                List.of(), s.keyFrames(), s.quality(), List.of(dense, perStep));
        List<ChartImage> charts = SessionCharts.render(frontal, 1);
        assertEquals(List.of("Trunk lean 500x210 full", "Step width 245x190 half"),
                charts.stream().map(ChartSetsTest::layout).toList());
        assertEquals("Positive: lean to the right.", charts.get(0).caption());
    }

    @Test
    void comparisonTrendsAndOverlays() {
        ComparisonReport c = ReportFixtures.threeSessions();
        List<ChartImage> trends = ComparisonCharts.trends(c, 1);
        assertEquals(c.trends().stream().map(t -> t.title() + " across sessions 245x200 half").toList(),
                trends.stream().map(ChartSetsTest::layout).toList());
        List<ChartImage> overlays = ComparisonCharts.overlays(c, 1);
        assertEquals(c.overlays().stream().map(o -> o.joint() + " " + o.side().name().toLowerCase(java.util.Locale.ROOT)
                + ": first vs latest session 245x210 half").toList(), overlays.stream().map(ChartSetsTest::layout).toList());
        assertTrue(overlays.get(0).caption().startsWith("Dashed: first session (" + c.overlays().get(0).firstLabel()
                + ")"), overlays.get(0).caption());
    }
}
