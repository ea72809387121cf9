package org.gaitlens.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns a chart into PNG bytes at the report's resolution: {@code scale} image pixels per logical pixel, so a chart
 * placed at its logical size in points (PDF) or CSS pixels (HTML) prints crisply at 2. Every report chart is
 * encoded here.
 *
 * <p>This plays the part of XChart's {@code BitmapEncoder}, which cannot serve it: its byte-returning encoding
 * draws at the logical size only, and its DPI variant writes a file (with DPI metadata in the PNG) rather than
 * returning bytes. Here the chart is painted onto a white image through a scaled graphics context with anti-aliased
 * shapes and text and fractional font metrics, and written with {@link ImageIO} without metadata.
 */
public final class ChartEncoder {
    private final int scale;

    /**
     * @param scale image pixels per logical pixel
     * @throws IllegalArgumentException if {@code scale} is not 1..4
     */
    public ChartEncoder(int scale) {
        if (scale < 1 || scale > 4) {
            throw new IllegalArgumentException("scale must be in 1..4, was " + scale);
        }
        this.scale = scale;
    }

    /** The chart as PNG bytes, {@code scale} times its logical width and height. */
    public byte[] png(Chart<?, ?> chart) {
        BufferedImage img = new BufferedImage(chart.getWidth() * scale, chart.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart encoded as a {@link ChartImage} with its title and caption. */
    public ChartImage image(Chart<?, ?> chart, String title, String caption, boolean fullWidth) {
        return new ChartImage(title, caption, png(chart), chart.getWidth(), chart.getHeight(), scale, fullWidth);
    }
}
