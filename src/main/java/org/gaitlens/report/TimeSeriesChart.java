package org.gaitlens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Quantities over the recording's time (e.g. trunk lean and pelvic obliquity frame by frame in a frontal view,
 * step width per step): one line per {@link TimeSeriesLine} (side colours for sided lines, else the other palette
 * colours in order), the optional band shaded grey over the whole time span, and a thin zero line when the values
 * change sign. Lines of at most {@value #SPARSE_SAMPLES} samples (one value per step) get markers; frame-by-frame
 * lines do not.
 */
public final class TimeSeriesChart {
    /** Time-series lines with at most this many samples are drawn with markers (per-step values). */
    static final int SPARSE_SAMPLES = 40;

    private TimeSeriesChart() {
    }

    /** Whether any line is frame by frame (more than {@value #SPARSE_SAMPLES} samples). */
    static boolean isDense(TimeSeriesChartData data) {
        return data.lines().stream().anyMatch(l -> l.timeS().length > SPARSE_SAMPLES);
    }

    /** The chart of {@code data} at the given logical size. */
    public static XYChart build(TimeSeriesChartData data, int widthPx, int heightPx) {
        XYChart chart = ChartFrame.create(widthPx, heightPx, data.title(), "Time (s)",
                ChartFrame.axisTitle("", data.unit()).trim());
        double t0 = Double.POSITIVE_INFINITY;
        double t1 = Double.NEGATIVE_INFINITY;
        for (TimeSeriesLine l : data.lines()) {
            if (l.timeS().length > 0) {
                t0 = Math.min(t0, l.timeS()[0]);
                t1 = Math.max(t1, l.timeS()[l.timeS().length - 1]);
            }
        }
        if (data.band() != null && t1 > t0) {
            XYSeries band = chart.addSeries(data.band().source().isEmpty() ? "band" : data.band().source(),
                    new double[] {t0, t1, t1, t0}, new double[] {data.band().high(), data.band().high(),
                            data.band().low(), data.band().low()});
            SeriesStyle.band(band, ReportTheme.REFERENCE);
        }
        double lo = data.lines().stream().flatMapToDouble(l -> Arrays.stream(l.values())).min().orElse(0);
        double hi = data.lines().stream().flatMapToDouble(l -> Arrays.stream(l.values())).max().orElse(0);
        if (t1 > t0 && lo < 0 && hi > 0) {
            XYSeries zero = chart.addSeries("zero", new double[] {t0, t1}, new double[] {0, 0});
            zero.setLineColor(ReportTheme.MUTED);
            zero.setLineStyle(new BasicStroke(0.6f));
            zero.setMarker(SeriesMarkers.NONE);
            zero.setShowInLegend(false);
        }
        int others = 0;
        for (TimeSeriesLine l : data.lines()) {
            if (l.timeS().length == 0) {
                continue;
            }
            Color c = l.side() != null ? ReportTheme.color(l.side()) : ReportTheme.otherColor(others++);
            XYSeries s = chart.addSeries(l.name(), l.timeS(), l.values());
            if (l.timeS().length <= SPARSE_SAMPLES) {
                SeriesStyle.markedLine(s, c, l.side(), 1.4f);
            } else {
                SeriesStyle.line(s, c, 1.4f, false);
            }
        }
        return chart;
    }
}
