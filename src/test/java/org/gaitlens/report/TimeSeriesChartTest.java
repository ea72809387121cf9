package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.countNear;
import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import org.gaitlens.core.Side;
import org.gaitlens.metric.ReferenceRange;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Quantities over time as in a frontal-view report: frame-by-frame lines (trunk lean, pelvic obliquity) with a
 * limit band and a zero line, and per-step lines (step width per side) with markers.
 */
class TimeSeriesChartTest {

    /** {@code n} samples at 30 Hz of {@code amplitude * sin(t * 2 pi / periodS) + offset}. */
    private static TimeSeriesLine wave(String name, Side side, int n, double amplitude, double periodS, double offset) {
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 30.0;
            v[i] = amplitude * Math.sin(t[i] * 2 * Math.PI / periodS) + offset;
        }
        return new TimeSeriesLine(name, side, t, v);
    }

    @Test
    void frameByFrameLinesWithBandAndZeroLine() throws IOException {
        TimeSeriesChartData data = new TimeSeriesChartData("Trunk lean and pelvic obliquity", "deg", "", List.of(
                wave("Trunk lateral lean", null, 300, 3, 1.1, 0), wave("Pelvic obliquity", null, 300, 2, 1.1, 1)),
                new ReferenceRange(-2, 2, "limit"));
        assertTrue(TimeSeriesChart.isDense(data), "300 samples are frame by frame");
        XYChart chart = TimeSeriesChart.build(data, 500, 210);
        assertEquals(List.of("limit", "zero", "Trunk lateral lean", "Pelvic obliquity"),
                List.copyOf(chart.getSeriesMap().keySet()), "band, zero line, then the lines in order");
        assertEquals(XYSeriesRenderStyle.PolygonArea, chart.getSeriesMap().get("limit").getXYSeriesRenderStyle());
        XYSeries lean = chart.getSeriesMap().get("Trunk lateral lean");
        assertEquals(ReportTheme.NEUTRAL, lean.getLineColor(), "first line without a side: neutral colour");
        assertEquals(ReportTheme.FLAG, chart.getSeriesMap().get("Pelvic obliquity").getLineColor(), "then the next");
        assertEquals(SeriesMarkers.NONE, lean.getMarker(), "no markers on frame-by-frame lines");
        BufferedImage img = renderAndCheck(chart, "timeseries_dense.png", false);
        assertTrue(countNear(img, ReportTheme.NEUTRAL) > 50, "neutral line drawn");
    }

    @Test
    void perStepLinesGetSideMarkersAndNoZeroLine() throws IOException {
        TimeSeriesChartData data = new TimeSeriesChartData("Step width", "m", "", List.of(
                wave("Left", Side.LEFT, 12, 0.02, 0.3, 0.1), wave("Right", Side.RIGHT, 12, 0.02, 0.3, 0.12)), null);
        assertFalse(TimeSeriesChart.isDense(data), "12 samples are one per step");
        XYChart chart = TimeSeriesChart.build(data, 245, 190);
        assertEquals(List.of("Left", "Right"), List.copyOf(chart.getSeriesMap().keySet()),
                "no band, no zero line when the values keep their sign");
        assertEquals(SeriesMarkers.CIRCLE, chart.getSeriesMap().get("Left").getMarker());
        assertEquals(SeriesMarkers.DIAMOND, chart.getSeriesMap().get("Right").getMarker());
        renderAndCheck(chart, "timeseries_steps.png", true);
    }
}
