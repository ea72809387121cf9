package org.gaitlens.pose;

/**
 * A point in image pixels: origin at the top-left corner of the top-left pixel, x to the right, y down
 * (the pixel with index (i, j) covers [i, i+1) x [j, j+1), its centre is at (i + 0.5, j + 0.5)).
 *
 * @param xPx horizontal position in pixels
 * @param yPx vertical position in pixels (down is positive)
 */
public record ImagePoint(double xPx, double yPx) {

    /** Euclidean distance to {@code other} in pixels. */
    public double distanceTo(ImagePoint other) {
        return Math.hypot(other.xPx - xPx, other.yPx - yPx);
    }
}
