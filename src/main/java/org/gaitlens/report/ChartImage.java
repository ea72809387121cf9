package org.gaitlens.report;

import java.util.Objects;

/**
 * A rendered chart: PNG bytes drawn at {@code scale} times the logical size, so it prints crisply when
 * placed at {@code widthPx x heightPx} points (PDF) or CSS pixels (HTML).
 *
 * @param title     title / alt text
 * @param caption   how to read the chart (bands, lines, sources); may be empty
 * @param png       the PNG image
 * @param widthPx   logical width
 * @param heightPx  logical height
 * @param scale     pixels per logical pixel in {@code png}
 * @param fullWidth whether the chart takes the full content width (else half: two per row)
 */
public record ChartImage(String title, String caption, byte[] png, int widthPx, int heightPx, int scale, boolean fullWidth) {
    public ChartImage {
        Checks.requireText(title, "title");
        caption = caption == null ? "" : caption;
        Objects.requireNonNull(png, "png");
        if (widthPx <= 0 || heightPx <= 0 || scale <= 0) {
            throw new IllegalArgumentException("size and scale must be > 0, were " + widthPx + "x" + heightPx
                    + " at " + scale);
        }
    }
}
