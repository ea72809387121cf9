package org.gaitlens.report;

import java.util.List;
import java.util.Map;

import org.gaitlens.core.Side;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** A metric per stride over the recording's time: one marked line per side, one point per stride at its start. */
public final class StrideChart {
    private StrideChart() {
    }

    /** The chart of {@code data} at the given logical size ("(no data)" when no side has a stride). */
    public static XYChart build(StrideSeries data, int widthPx, int heightPx) {
        XYChart chart = ChartFrame.create(widthPx, heightPx, data.metric() + " per stride", "Time (s)",
                ChartFrame.axisTitle(data.metric(), data.unit()));
        boolean any = false;
        for (Map.Entry<Side, List<StridePoint>> e : data.points().entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            double[] x = e.getValue().stream().mapToDouble(StridePoint::timeS).toArray();
            double[] y = e.getValue().stream().mapToDouble(StridePoint::value).toArray();
            XYSeries s = chart.addSeries(ChartFrame.sideName(e.getKey()), x, y);
            SeriesStyle.markedLine(s, ReportTheme.color(e.getKey()), e.getKey(), 1.5f);
            any = true;
        }
        if (!any) {
            ChartFrame.markEmpty(chart);
        }
        return chart;
    }
}
