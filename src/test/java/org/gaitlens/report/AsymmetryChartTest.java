package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.countNear;
import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** The asymmetry forest plot flags indices above their threshold and renders without items. */
class AsymmetryChartTest {

    @Test
    void asymmetryChartRendersAndFlagsItemsAboveThreshold() throws IOException {
        List<AsymmetryItem> items = ReportFixtures.session().asymmetry();
        BufferedImage img = renderAndCheck(AsymmetryChart.build(items, 500, AsymmetryChart.heightPx(items.size())),
                "asymmetry.png", false);
        assertTrue(countNear(img, ReportTheme.FLAG) > 20, "flag colour drawn for indices above threshold");
    }

    /** Defect: with 8 indices only every other row had its label (the unlabelled top row was stance time). */
    @Test
    void everyRowIsLabelled() {
        List<AsymmetryItem> base = ReportFixtures.session().asymmetry();
        List<AsymmetryItem> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            items.add(base.get(i % base.size()));
        }
        XYChart chart = AsymmetryChart.build(items, ReportTheme.FULL_WIDTH, AsymmetryChart.heightPx(items.size()));
        // The chart's own formatter is ChartFrame.rowLabels; this one records which rows the axis asks labels for.
        Set<Long> labelledRows = new TreeSet<>();
        chart.setCustomYAxisTickLabelsFormatter(v -> {
            long k = Math.round(v);
            if (Math.abs(v - k) < 1e-6) {
                labelledRows.add(k);
            }
            return String.valueOf(v);
        });
        BitmapEncoder.getBufferedImage(chart);
        // (XChart also formats values just outside the axis while it lays the axis out: only the rows matter)
        assertTrue(labelledRows.containsAll(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L)), labelledRows.toString());
    }

    @Test
    void asymmetryChartWithoutItemsRenders() throws IOException {
        renderAndCheck(AsymmetryChart.build(List.of(), 500, 100), "asymmetry_empty.png", false);
    }
}
