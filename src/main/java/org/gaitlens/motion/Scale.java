package org.gaitlens.motion;

/**
 * Image scale at the walker's plane.
 *
 * @param pixelsPerMetre px per metre, {@code NaN} when {@code source == NONE}
 * @param source         where it came from
 * @param description    human-readable account (inputs and factors used)
 * @param legLengthPx    typical leg length in px ({@link BodyPoints#legLengthPx}); lengths are also reported
 *                       divided by it
 */
public record Scale(double pixelsPerMetre, ScaleSource source, String description, double legLengthPx) {
    public Scale {
        if (source == null || description == null) {
            throw new IllegalArgumentException("source and description are required");
        }
        if (source == ScaleSource.NONE ? !Double.isNaN(pixelsPerMetre) : !(pixelsPerMetre > 0)) {
            throw new IllegalArgumentException("pixelsPerMetre " + pixelsPerMetre + " does not fit source " + source);
        }
    }

    /** Whether metric lengths are available. */
    public boolean known() {
        return source != ScaleSource.NONE;
    }

    /** Leg length in metres, or {@code NaN} without scale. */
    public double legLengthM() {
        return known() ? legLengthPx / pixelsPerMetre : Double.NaN;
    }
}
