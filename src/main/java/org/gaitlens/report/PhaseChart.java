package org.gaitlens.report;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;

import org.gaitlens.core.Side;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The gait-phase diagram: stance (filled) and swing (outlined) bars of each foot over time. XChart has no Gantt
 * chart, so each stance interval is a filled rectangle polygon and each swing interval an outlined rectangle (a
 * closed 5-point line) on an XY chart whose y axis has two rows (left at y = 1, right at y = 0) labelled by a tick
 * formatter.
 */
public final class PhaseChart {
    /** Half the height of a bar, in rows. */
    private static final double HALF_HEIGHT = 0.3;

    private PhaseChart() {
    }

    /** The chart of {@code data} at the given logical size. */
    public static XYChart build(PhaseDiagramData data, int widthPx, int heightPx) {
        XYChart chart = ChartFrame.create(widthPx, heightPx, "Gait phases: stance (filled) and swing (outlined)",
                "Time (s)", "");
        double minT = Double.POSITIVE_INFINITY;
        double maxT = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Map.Entry<Side, List<PhaseInterval>> e : data.intervals().entrySet()) {
            Side side = e.getKey();
            double row = side == Side.LEFT ? 1 : 0;
            for (PhaseInterval p : e.getValue()) {
                double[] x = {p.startS(), p.endS(), p.endS(), p.startS(), p.startS()};
                double[] y = {row - HALF_HEIGHT, row - HALF_HEIGHT, row + HALF_HEIGHT, row + HALF_HEIGHT,
                        row - HALF_HEIGHT};
                minT = Math.min(minT, p.startS());
                maxT = Math.max(maxT, p.endS());
                boolean stance = p.phase() == GaitPhase.STANCE;
                XYSeries s = chart.addSeries(ChartFrame.sideName(side) + (stance ? " stance " : " swing ") + (n++), x,
                        y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(ReportTheme.color(side));
                s.setLineStyle(new BasicStroke(1.2f));
                s.setXYSeriesRenderStyle(stance ? XYSeriesRenderStyle.PolygonArea : XYSeriesRenderStyle.Line);
                if (stance) {
                    s.setFillColor(ReportTheme.color(side));
                }
                s.setShowInLegend(false);
            }
        }
        chart.getStyler().setLegendVisible(false);
        if (n == 0) {
            minT = 0;
            maxT = 1;
            chart.addSeries("no events", new double[] {0, 1}, new double[] {-1, -1}).setMarker(SeriesMarkers.NONE)
                    .setShowInLegend(false);
        }
        XYStyler st = chart.getStyler();
        st.setYAxisMin(-0.6);
        st.setYAxisMax(1.6);
        st.setXAxisMin(minT);
        st.setXAxisMax(maxT);
        st.setPlotGridHorizontalLinesVisible(false);
        chart.setCustomYAxisTickLabelsFormatter(ChartFrame.rowLabels(List.of("Right", "Left")));
        return chart;
    }
}
