package org.gaitlens.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gaitlens.core.Side;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A joint's angle over the gait cycle, left and right: mean line per side with its ±1 SD band as a translucent
 * polygon (broken where too few strides were tracked), the healthy reference as a grey band, and each side's
 * toe-off as a dashed vertical line.
 */
public final class CurveChart {
    private CurveChart() {
    }

    /** The chart of {@code data} at the given logical size. */
    public static XYChart build(CurveChartData data, int widthPx, int heightPx) {
        XYChart chart = ChartFrame.create(widthPx, heightPx, data.joint(),
                "Gait cycle (%)", ChartFrame.axisTitle(data.joint() + " angle", data.unit()));
        List<double[]> ranges = new ArrayList<>(CycleCurves.addReference(chart, data.reference()));
        for (Map.Entry<Side, SideCurve> e : data.sides().entrySet()) {
            ranges.addAll(CycleCurves.addCurve(chart, ReportTheme.color(e.getKey()),
                    ChartFrame.sideName(e.getKey()) + " (n=" + e.getValue().strideCount() + ")", e.getValue(), true,
                    false));
        }
        double[] yr = CycleCurves.yRange(ranges);
        data.sides().forEach((side, c) -> addToeOff(chart, side, c.toeOffPct(), yr));
        CycleCurves.finishAxes(chart, yr);
        return chart;
    }

    /** Whether a side's mean curve has a gap (drawn as a break in its line). */
    static boolean hasGap(CurveChartData data) {
        return data.sides().values().stream().anyMatch(s -> Arrays.stream(s.mean()).anyMatch(v -> !Double.isFinite(v)));
    }

    private static void addToeOff(XYChart chart, Side side, Double toeOffPct, double[] yr) {
        if (toeOffPct == null) {
            return;
        }
        XYSeries s = chart.addSeries(ChartFrame.sideName(side) + " toe off", new double[] {toeOffPct, toeOffPct},
                new double[] {yr[0], yr[1]});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ReportTheme.color(side));
        s.setLineStyle(SeriesStyle.dashed(1f, 3f, 3f));
        s.setShowInLegend(false);
    }
}
