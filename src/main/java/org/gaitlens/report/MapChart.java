package org.gaitlens.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gaitlens.core.Side;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * The Movement Analysis Profile (Baker et al. 2009, doi:10.1016/j.gaitpost.2009.05.020) of a side view: one bar per
 * Gait Variable Score (hip, knee, ankle; left and right) and per GPS-2D (left, right, both sides), grouped on the x
 * axis, value printed above each bar; behind each bar the healthy range as a grey column from 0 to the healthy 95th
 * percentile with a dark tick at the healthy mean; GPS-2D bars carry their 95 % CI as a whisker. Bar colours: left
 * and right as everywhere, both sides in the neutral colour (no legend: the caption gives the key). A score that
 * could not be computed has no bar.
 */
public final class MapChart {
    /** Distance between the centres of neighbouring bars in a group, in x units (a group is one unit). */
    private static final double SLOT = 0.28;
    /** Half the width of a bar. */
    private static final double BAR_HALF = 0.09;
    /** Half the width of a healthy column. */
    private static final double HEALTHY_HALF = 0.13;

    private MapChart() {
    }

    /** The chart of {@code items} at the given logical size ("(no data)" without items). */
    public static XYChart build(List<MapItem> items, int widthPx, int heightPx) {
        XYChart chart = ChartFrame.create(widthPx, heightPx, "Movement Analysis Profile", "",
                "Score (deg)");
        Map<String, List<MapItem>> groups = new LinkedHashMap<>();
        items.forEach(i -> groups.computeIfAbsent(i.group(), k -> new ArrayList<>()).add(i));
        double top = 1;
        boolean[] legend = new boolean[5]; // healthy range, healthy mean, left, right, both
        List<double[]> labels = new ArrayList<>(); // x, y, value
        int g = 0;
        for (List<MapItem> group : groups.values()) {
            for (int k = 0; k < group.size(); k++) {
                MapItem it = group.get(k);
                double x = g + (k - (group.size() - 1) / 2.0) * SLOT;
                String id = " #" + g + "." + k;
                addRect(chart, legend[0] ? "healthy" + id : "Healthy range (0 to 95th percentile)", x, HEALTHY_HALF,
                        it.healthyP95Deg(), ReportTheme.REFERENCE, !legend[0]);
                legend[0] = true;
                XYSeries mean = chart.addSeries(legend[1] ? "mean" + id : "Healthy mean",
                        new double[] {x - HEALTHY_HALF, x + HEALTHY_HALF},
                        new double[] {it.healthyMeanDeg(), it.healthyMeanDeg()});
                SeriesStyle.line(mean, ReportTheme.THRESHOLD, 1.5f, false);
                mean.setShowInLegend(!legend[1]);
                legend[1] = true;
                top = Math.max(top, it.healthyP95Deg());
                if (it.valueDeg() == null) {
                    continue;
                }
                int kind = it.side() == null ? 4 : it.side() == Side.LEFT ? 2 : 3;
                Color c = it.side() == null ? ReportTheme.NEUTRAL : ReportTheme.color(it.side());
                String name = kind == 4 ? "Both sides" : ChartFrame.sideName(it.side());
                addRect(chart, legend[kind] ? name + id : name, x, BAR_HALF, it.valueDeg(), ReportTheme.withAlpha(c, 210),
                        !legend[kind]);
                legend[kind] = true;
                double label = it.valueDeg();
                if (it.ciLowDeg() != null) {
                    XYSeries ci = chart.addSeries("95 % CI" + id, new double[] {x, x},
                            new double[] {it.ciLowDeg(), it.ciHighDeg()});
                    SeriesStyle.line(ci, ReportTheme.INK, 1.2f, false);
                    ci.setShowInLegend(false);
                    label = Math.max(label, it.ciHighDeg());
                }
                top = Math.max(top, label);
                labels.add(new double[] {x, label, it.valueDeg()});
            }
            g++;
        }
        for (double[] l : labels) {
            // just above the bar or its whisker
            chart.addAnnotation(new AnnotationText(ReportFormat.number(l[2], 1), l[0], l[1] + 0.05 * top, false));
        }
        if (items.isEmpty()) {
            ChartFrame.markEmpty(chart);
        }
        XYStyler st = chart.getStyler();
        st.setXAxisMin(-0.6);
        st.setXAxisMax(Math.max(1, groups.size()) - 0.4);
        st.setYAxisMin(0.0);
        st.setYAxisMax(top * 1.15);
        st.setPlotGridVerticalLinesVisible(false);
        st.setLegendVisible(false); // nine bars' key does not fit half a page's width: the caption gives it
        st.setXAxisTickMarkSpacingHint(Math.max(20, widthPx / (2 * Math.max(1, groups.size()) + 2)));
        chart.setCustomXAxisTickLabelsFormatter(ChartFrame.rowLabels(new ArrayList<>(groups.keySet())));
        return chart;
    }

    /** A filled rectangle from 0 to {@code height}, {@code halfWidth} either side of {@code x}. */
    private static void addRect(XYChart chart, String name, double x, double halfWidth, double height, Color fill,
            boolean legend) {
        XYSeries s = chart.addSeries(name, new double[] {x - halfWidth, x - halfWidth, x + halfWidth, x + halfWidth},
                new double[] {0, height, height, 0});
        SeriesStyle.band(s, fill);
        s.setShowInLegend(legend);
    }
}
