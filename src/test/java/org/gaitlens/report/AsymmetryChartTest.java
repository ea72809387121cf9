package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.countNear;
import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The asymmetry forest plot flags indices above their threshold and renders without items. */
class AsymmetryChartTest {

    @Test
    void asymmetryChartRendersAndFlagsItemsAboveThreshold() throws IOException {
        List<AsymmetryItem> items = ReportFixtures.session().asymmetry();
        BufferedImage img = renderAndCheck(AsymmetryChart.build(items, 500, AsymmetryChart.heightPx(items.size())),
                "asymmetry.png", false);
        assertTrue(countNear(img, ReportTheme.FLAG) > 20, "flag colour drawn for indices above threshold");
    }

    @Test
    void asymmetryChartWithoutItemsRenders() throws IOException {
        renderAndCheck(AsymmetryChart.build(List.of(), 500, 100), "asymmetry_empty.png", false);
    }
}
