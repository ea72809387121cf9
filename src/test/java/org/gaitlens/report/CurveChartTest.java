package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.countNear;
import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Joint-angle curves over the gait cycle: both sides, one side, and a curve with a gap. */
class CurveChartTest {

    @Test
    void curveChartRendersBothSidesAndReference() throws IOException {
        SessionReport r = ReportFixtures.session();
        for (CurveChartData c : r.curves()) {
            renderAndCheck(CurveChart.build(c, 245, 210), "curve_" + c.joint() + ".png", true);
        }
    }

    @Test
    void curveChartWithOneSideOnly() throws IOException {
        CurveChartData c = ReportFixtures.session().curves().get(1);
        CurveChartData leftOnly = new CurveChartData(c.joint(), c.angleName(), c.unit(),
                Map.of(Side.LEFT, c.sides().get(Side.LEFT)), null);
        BufferedImage img = renderAndCheck(CurveChart.build(leftOnly, 245, 210), "curve_left_only.png", false);
        assertTrue(countNear(img, ReportTheme.LEFT) > 50);
    }

    /**
     * A far leg hidden in mid-stance has no mean there: the right curve is drawn in two stretches with nothing
     * between them.
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
                Map.of(Side.LEFT, c.sides().get(Side.LEFT),
                        Side.RIGHT, new SideCurve(mean, sd, right.strideCount(), right.toeOffPct())), null);
        assertTrue(CurveChart.hasGap(gapped), "the gap is seen (the caption explains breaks)");
        XYChart chart = CurveChart.build(gapped, 245, 210);
        List<String> rightLines = chart.getSeriesMap().keySet().stream()
                .filter(n -> n.startsWith("Right (n=") && !n.contains("SD")).toList();
        assertEquals(2, rightLines.size(), "two stretches: " + rightLines);
        double[] first = chart.getSeriesMap().get(rightLines.get(0)).getXData();
        double[] second = chart.getSeriesMap().get(rightLines.get(1)).getXData();
        assertEquals(19.0, first[first.length - 1], 1e-9, "first stretch ends before the gap");
        assertEquals(46.0, second[0], 1e-9, "second starts after it");
        assertTrue(chart.getSeriesMap().values().stream()
                .allMatch(s -> Arrays.stream(s.getYData()).allMatch(Double::isFinite)), "no NaN reaches XChart");
        renderAndCheck(chart, "curve_gap.png", true);
    }

    @Test
    void finiteRunsAreTheUnbrokenStretches() {
        assertEquals(List.of("[0, 3]", "[5, 6]"),
                CycleCurves.finiteRuns(new double[] {1, 2, 3, Double.NaN, Double.NaN, 4}).stream()
                        .map(Arrays::toString).toList());
        assertEquals(List.of(), CycleCurves.finiteRuns(new double[] {Double.NaN}));
    }
}
