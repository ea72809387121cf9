package org.gaitlens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;

/**
 * One joint and side over the gait cycle in the first and the latest session: the first session's mean dashed,
 * the latest session's mean solid with its ±1 SD band, over the healthy reference band.
 */
public final class OverlayChart {
    private OverlayChart() {
    }

    /** The chart of {@code data} at the given logical size. */
    public static XYChart build(CurveOverlay data, int widthPx, int heightPx) {
        XYChart chart = ChartFrame.create(widthPx, heightPx, title(data), "Gait cycle (%)",
                ChartFrame.axisTitle(data.joint() + " angle", data.unit()));
        List<double[]> ranges = new ArrayList<>(CycleCurves.addReference(chart, data.reference()));
        ranges.addAll(CycleCurves.addCurve(chart, ReportTheme.color(data.side()), "First: " + data.firstLabel(),
                data.first(), false, true));
        ranges.addAll(CycleCurves.addCurve(chart, ReportTheme.color(data.side()), "Latest: " + data.latestLabel(),
                data.latest(), true, false));
        CycleCurves.finishAxes(chart, CycleCurves.yRange(ranges));
        return chart;
    }

    /** "Knee, left": the joint and the side in lower case. */
    private static String title(CurveOverlay data) {
        return data.joint() + ", " + ChartFrame.sideName(data.side()).toLowerCase(Locale.ROOT);
    }
}
