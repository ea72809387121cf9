package org.gaitlens.motion;

/**
 * The image trajectory of one landmark, sample by sample. {@code NaN} marks a missing sample.
 *
 * <p>Coordinates follow the image convention: x to the right, y <em>down</em>, in the series' unit
 * (pixels for video; pixels of a virtual camera for projected motion capture).
 *
 * @param x          horizontal position per sample
 * @param y          vertical position per sample (down is positive)
 * @param confidence confidence in [0, 1] per sample ({@code NaN} or 0 when missing)
 */
public record LandmarkTrack(double[] x, double[] y, double[] confidence) {

    public LandmarkTrack {
        if (x.length != y.length || x.length != confidence.length) {
            throw new IllegalArgumentException("x, y and confidence must have the same length, were "
                    + x.length + ", " + y.length + ", " + confidence.length);
        }
    }

    /** Number of samples. */
    public int size() {
        return x.length;
    }

    /** Whether sample {@code i} has a position. */
    public boolean has(int i) {
        return !Double.isNaN(x[i]) && !Double.isNaN(y[i]);
    }
}
