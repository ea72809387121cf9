package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.XYStyler;

/** The encoder's resolution and the theme's styling as a new chart carries it. */
class ChartEncoderTest {

    private static XYChart chart() {
        return CurveChart.build(ReportFixtures.session().curves().get(0), 245, 210);
    }

    @Test
    void pngIsScaleTimesTheLogicalSize() throws IOException {
        for (int scale = 1; scale <= 3; scale++) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(new ChartEncoder(scale).png(chart())));
            assertEquals(245 * scale, img.getWidth(), "width at " + scale);
            assertEquals(210 * scale, img.getHeight(), "height at " + scale);
        }
    }

    @Test
    void encodingIsRepeatable() {
        assertArrayEquals(new ChartEncoder(2).png(chart()), new ChartEncoder(2).png(chart()),
                "the reports embed these bytes; the same chart must give the same PNG");
    }

    @Test
    void imageCarriesTitleSizeAndScale() {
        ChartImage img = new ChartEncoder(2).image(chart(), "Hip", "caption", false);
        assertEquals(245, img.widthPx());
        assertEquals(210, img.heightPx());
        assertEquals(2, img.scale());
        assertEquals("Hip", img.title());
    }

    @Test
    void scaleOutsideOneToFourIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChartEncoder(5));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChartEncoder(0));
    }

    /** The theme's values and the settings a Theme has no slot for both reach a new chart's styler. */
    @Test
    void newChartCarriesTheTheme() throws IOException {
        XYChart chart = ChartFrame.create(245, 200, "t", "x", "y");
        XYStyler st = chart.getStyler();
        assertEquals(Color.WHITE, st.getChartBackgroundColor());
        assertEquals(new Font(Font.SANS_SERIF, Font.BOLD, 10), st.getChartTitleFont());
        assertEquals(5, st.getMarkerSize());
        assertEquals(LegendLayout.Horizontal, st.getLegendLayout());
        assertEquals(Locale.ROOT, st.getLocale());
        assertThrows(IllegalArgumentException.class, () -> ChartFrame.create(99, 200, "t", "x", "y"));
        chart.addSeries("a", new double[] {0, 1}, new double[] {0, 1});
        renderAndCheck(chart, "theme.png", false);
    }
}
