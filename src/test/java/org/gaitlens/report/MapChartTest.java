package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.countNear;
import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The Movement Analysis Profile: one bar per score over its healthy column, rendered and checked by pixels. */
class MapChartTest {

    @Test
    void profileRendersBarsOverTheHealthyRange() throws IOException {
        List<MapItem> items = ReportFixtures.deviation().profile();
        XYChart chart = MapChart.build(items, 245, 215);
        BufferedImage img = renderAndCheck(chart, "map.png", true);
        List<MapItem> flat = items.stream().map(i -> new MapItem(i.group(), i.side(), i.valueDeg(), i.ciLowDeg(),
                i.ciHighDeg(), 0.0, 0.01)).toList();
        int grey = ChartRendering.referencePixels(img);
        int greyFlat = ChartRendering.referencePixels(renderAndCheck(MapChart.build(flat, 245, 215), "map_flat.png", true));
        assertTrue(grey > greyFlat + 3000, "the grey healthy columns are drawn: " + grey + " vs " + greyFlat);
        // bars are drawn at alpha 210 over white
        assertTrue(countNear(img, onWhite(ReportTheme.NEUTRAL, 210)) > 500, "the both-sides GPS-2D bar is drawn");
        assertTrue(countNear(img, onWhite(ReportTheme.LEFT, 210)) > 2000, "left bars");
        // The left knee bar (GVS 14.2) is a rectangle from 0 to its value; its healthy column reaches 10.2.
        XYSeries kneeLeft = chart.getSeriesMap().values().stream()
                .filter(s -> s.getName().startsWith("Left") && Arrays.stream(s.getYData()).max().orElse(0) == 14.2)
                .findFirst().orElseThrow();
        assertEquals(List.of(0.0, 14.2, 14.2, 0.0), Arrays.stream(kneeLeft.getYData()).boxed().toList());
        assertTrue(chart.getStyler().getYAxisMax() > 14.2, "the largest bar fits: " + chart.getStyler().getYAxisMax());
        long whiskers = chart.getSeriesMap().keySet().stream().filter(n -> n.startsWith("95 % CI")).count();
        assertEquals(2, whiskers, "the two GPS-2D bars with an interval");
    }

    private static Color onWhite(Color c, int alpha) {
        double a = alpha / 255.0;
        return new Color((int) Math.round(255 * (1 - a) + c.getRed() * a),
                (int) Math.round(255 * (1 - a) + c.getGreen() * a), (int) Math.round(255 * (1 - a) + c.getBlue() * a));
    }

    /** A score that could not be computed has no bar; its healthy column stays. */
    @Test
    void missingScoreHasNoBar() throws IOException {
        List<MapItem> items = new ArrayList<>(ReportFixtures.deviation().profile());
        MapItem hipLeft = items.get(0);
        items.set(0, new MapItem(hipLeft.group(), hipLeft.side(), null, null, null, hipLeft.healthyMeanDeg(),
                hipLeft.healthyP95Deg()));
        XYChart chart = MapChart.build(items, 245, 215);
        long bars = chart.getSeriesMap().keySet().stream()
                .filter(n -> n.startsWith("Left") || n.startsWith("Right") || n.startsWith("Both")).count();
        assertEquals(8, bars, "nine scores, one missing");
        long columns = chart.getSeriesMap().keySet().stream().filter(n -> n.startsWith("Healthy range")
                || n.startsWith("healthy #")).count();
        assertEquals(9, columns);
        renderAndCheck(chart, "map_missing.png", true);
    }
}
