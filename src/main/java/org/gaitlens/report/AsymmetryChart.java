package org.gaitlens.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Forest plot of asymmetry indices: one row per index (first item on top), point = value, whisker = 95 % CI, short
 * grey bars = the index's threshold (at plus and minus the threshold when any value is negative), point colour =
 * {@link ReportTheme#FLAG} when the threshold is exceeded.
 */
public final class AsymmetryChart {
    /**
     * The y-axis tick spacing hint, in pixels: well under a row's height ({@link #heightPx}), so that the axis gets a
     * tick at every row and every row its label (with the default hint only every other row was labelled).
     */
    static final int ROW_TICK_HINT_PX = 10;
    /** Half the height of a threshold bar, in rows. */
    private static final double BAR_HALF_HEIGHT = 0.35;

    private AsymmetryChart() {
    }

    /** The logical height that gives each of {@code items} indices a readable row. */
    static int heightPx(int items) {
        return 70 + 26 * items;
    }

    /** The chart of {@code items} at the given logical size ("(no data)" without items). */
    public static XYChart build(List<AsymmetryItem> items, int widthPx, int heightPx) {
        XYChart chart = ChartFrame.create(widthPx, heightPx, "Asymmetry overview", "Asymmetry index (%)", "");
        int n = items.size();
        List<String> labels = new ArrayList<>();
        double maxAbs = 1;
        boolean anyNegative = items.stream().anyMatch(i -> i.valuePct() < 0
                || (i.ciLowPct() != null && i.ciLowPct() < 0));
        int firstWithCi = firstIndex(items, it -> it.ciLowPct() != null && it.ciHighPct() != null);
        int firstWithThreshold = firstIndex(items, it -> it.thresholdPct() != null);
        List<Double> within = new ArrayList<>();
        List<Double> withinY = new ArrayList<>();
        List<Double> above = new ArrayList<>();
        List<Double> aboveY = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AsymmetryItem it = items.get(i);
            double y = n - 1 - i;
            labels.add(it.label() + (it.method().isEmpty() ? "" : " (" + it.method() + ")"));
            maxAbs = Math.max(maxAbs, Math.abs(it.valuePct()));
            if (it.ciLowPct() != null && it.ciHighPct() != null) {
                XYSeries ci = chart.addSeries("95 % CI" + (i == firstWithCi ? "" : " #" + i),
                        new double[] {it.ciLowPct(), it.ciHighPct()}, new double[] {y, y});
                SeriesStyle.line(ci, ReportTheme.INK, 1.5f, false);
                ci.setShowInLegend(i == firstWithCi);
                maxAbs = Math.max(maxAbs, Math.max(Math.abs(it.ciLowPct()), Math.abs(it.ciHighPct())));
            }
            if (it.thresholdPct() != null) {
                double t = it.thresholdPct();
                maxAbs = Math.max(maxAbs, t);
                boolean legend = i == firstWithThreshold;
                addThresholdBar(chart, "Threshold" + (legend ? "" : " #" + i), t, y, legend);
                if (anyNegative) {
                    addThresholdBar(chart, "Threshold- #" + i, -t, y, false);
                }
            }
            (it.exceedsThreshold() ? above : within).add(it.valuePct());
            (it.exceedsThreshold() ? aboveY : withinY).add(y);
        }
        if (!within.isEmpty()) {
            SeriesStyle.points(chart.addSeries("Within threshold", within, withinY), ReportTheme.INK);
        }
        if (!above.isEmpty()) {
            SeriesStyle.points(chart.addSeries("Above threshold", above, aboveY), ReportTheme.FLAG);
        }
        if (n == 0) {
            ChartFrame.markEmpty(chart);
        }
        XYStyler st = chart.getStyler();
        double pad = maxAbs * 1.15;
        st.setXAxisMin(anyNegative ? -pad : 0.0);
        st.setXAxisMax(pad);
        st.setYAxisMin(-0.6);
        st.setYAxisMax(Math.max(n, 1) - 0.4);
        st.setPlotGridHorizontalLinesVisible(false);
        st.setYAxisTickMarkSpacingHint(ROW_TICK_HINT_PX);
        List<String> bottomUp = new ArrayList<>(labels);
        Collections.reverse(bottomUp);
        chart.setCustomYAxisTickLabelsFormatter(ChartFrame.rowLabels(bottomUp));
        return chart;
    }

    private static void addThresholdBar(XYChart chart, String name, double xPct, double row, boolean legend) {
        XYSeries s = chart.addSeries(name, new double[] {xPct, xPct},
                new double[] {row - BAR_HALF_HEIGHT, row + BAR_HALF_HEIGHT});
        SeriesStyle.line(s, ReportTheme.THRESHOLD, 2.5f, false);
        s.setShowInLegend(legend);
    }

    private static int firstIndex(List<AsymmetryItem> items, Predicate<AsymmetryItem> test) {
        for (int i = 0; i < items.size(); i++) {
            if (test.test(items.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
