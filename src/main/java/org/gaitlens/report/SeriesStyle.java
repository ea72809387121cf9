package org.gaitlens.report;

import java.awt.BasicStroke;
import java.awt.Color;

import org.gaitlens.core.Side;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How single series look in the report's charts (the per-series part of {@link ReportTheme}): lines, marked
 * lines, points, shaded bands and dashes. Per side, points are circles on the left and diamonds on the right, so
 * the sides differ in print without colour too.
 */
final class SeriesStyle {
    /** An invisible colour, for the outline of bands and for layout-only series. */
    static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private SeriesStyle() {
    }

    /** The point marker of a side: diamond for the right side, circle for the left side and for no side. */
    static Marker marker(Side side) {
        return side == Side.RIGHT ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE;
    }

    /** A dashed stroke: {@code dashPt} drawn, {@code gapPt} left out. */
    static BasicStroke dashed(float widthPt, float dashPt, float gapPt) {
        return new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {dashPt, gapPt},
                0f);
    }

    /** A solid line, with circle markers if {@code marker}. */
    static void line(XYSeries s, Color c, float widthPt, boolean marker) {
        s.setLineColor(c);
        s.setLineStyle(new BasicStroke(widthPt));
        s.setMarker(marker ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    /** A solid line with the side's marker at every value (one value per stride, step or session). */
    static void markedLine(XYSeries s, Color c, Side side, float widthPt) {
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setMarker(marker(side));
        s.setLineStyle(new BasicStroke(widthPt));
    }

    /** Unconnected circles. */
    static void points(XYSeries s, Color c) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(c);
    }

    /** A filled polygon without outline or markers (reference and SD bands). */
    static void band(XYSeries s, Color fill) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(fill);
        s.setLineColor(TRANSPARENT);
        s.setLineStyle(new BasicStroke(0.1f));
        s.setMarker(SeriesMarkers.NONE);
    }
}
