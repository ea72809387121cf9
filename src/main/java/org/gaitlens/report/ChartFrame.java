package org.gaitlens.report;

import java.util.List;
import java.util.function.Function;

import org.gaitlens.core.Side;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What every report chart starts from and the labelling the charts share: a themed, titled, empty chart of a
 * checked size; axis titles with units; side names; row labels for charts whose y axis lists items; the
 * "no data" mark.
 */
final class ChartFrame {
    private ChartFrame() {
    }

    /**
     * An empty chart in the {@link ReportTheme} with its titles.
     *
     * @throws IllegalArgumentException if the chart is smaller than 100 x 80 logical pixels
     */
    static XYChart create(int widthPx, int heightPx, String title, String xTitle, String yTitle) {
        if (widthPx < 100 || heightPx < 80) {
            throw new IllegalArgumentException("chart must be at least 100x80 px, was " + widthPx + "x" + heightPx);
        }
        XYChart chart = ReportTheme.newChart(widthPx, heightPx);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        return chart;
    }

    /** {@code name (unit)}, or just the name without a unit. */
    static String axisTitle(String name, String unit) {
        return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    /** "Left" or "Right". */
    static String sideName(Side side) {
        return side == Side.LEFT ? "Left" : "Right";
    }

    /** Marks a chart without data: "(no data)" after the title and a hidden series so XChart can lay out axes. */
    static void markEmpty(XYChart chart) {
        chart.setTitle(chart.getTitle() + " (no data)");
        XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {0});
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /**
     * A y tick formatter naming integer rows: row k gets {@code labels.get(k)}. Other ticks get a unique
     * run of zero-width spaces: XChart drops every label unless all tick labels are distinct, so blanks
     * must differ from each other while staying invisible.
     */
    static Function<Double, String> rowLabels(List<String> labels) {
        return v -> {
            long k = Math.round(v);
            if (Math.abs(v - k) < 1e-6 && k >= 0 && k < labels.size()) {
                return labels.get((int) k);
            }
            return "\u200B".repeat(1 + (int) Math.floorMod(Math.round(v * 10), 1000L));
        };
    }
}
