package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.countNear;
import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.junit.jupiter.api.Test;

/** First-vs-latest overlays are drawn in their side's colour. */
class OverlayChartTest {

    @Test
    void overlayChartsRenderInTheirSideColour() throws IOException {
        ComparisonReport c = ReportFixtures.threeSessions();
        for (CurveOverlay o : c.overlays()) {
            BufferedImage img = renderAndCheck(OverlayChart.build(o, 245, 210), "overlay_" + o.side() + ".png", false);
            assertTrue(countNear(img, ReportTheme.color(o.side())) > 50, "overlay drawn in its side's colour");
        }
    }
}
