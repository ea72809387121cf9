package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.knowm.xchart.XYChart;

/** Test support for the chart tests: render a chart as the reports do and look at its pixels. */
final class ChartRendering {
    private ChartRendering() {
    }

    /** Renders at 2x through {@link ChartEncoder} and checks the size and, if asked, that both side colours show. */
    static BufferedImage renderAndCheck(XYChart chart, String name, boolean expectSides) throws IOException {
        byte[] png = new ChartEncoder(2).png(chart);
        dump(name, png);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(chart.getWidth() * 2, img.getWidth(), name + " width");
        assertEquals(chart.getHeight() * 2, img.getHeight(), name + " height");
        if (expectSides) {
            assertTrue(countNear(img, ReportTheme.LEFT) > 50, name + ": left colour drawn");
            assertTrue(countNear(img, ReportTheme.RIGHT) > 50, name + ": right colour drawn");
        }
        return img;
    }

    /**
     * Pixels within 30 per channel of {@code c}: anti-aliasing blends edges, so exact matches undercount;
     * 30 is far below the distance between the left and right colours.
     */
    static int countNear(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.abs(r - c.getRed()) < 30 && Math.abs(g - c.getGreen()) < 30 && Math.abs(b - c.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Pixels of the translucent reference grey as it shows on white (226), within 6 per channel: white is 29 away,
     * so the usual 30 would count the background. The grid lines (227) count too, so compare a chart with its band
     * against the same chart without.
     */
    static int referencePixels(BufferedImage img) {
        Color c = ReportTheme.REFERENCE;
        double a = c.getAlpha() / 255.0;
        int v = (int) Math.round(255 * (1 - a) + c.getRed() * a);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - v) <= 6 && Math.abs(((rgb >> 8) & 0xFF) - v) <= 6
                        && Math.abs((rgb & 0xFF) - v) <= 6) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Writes the PNG for a human to look at when -Dgaitlens.report.dumpDir is set. */
    static void dump(String name, byte[] bytes) throws IOException {
        String dir = System.getProperty("gaitlens.report.dumpDir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), bytes);
        }
    }
}
