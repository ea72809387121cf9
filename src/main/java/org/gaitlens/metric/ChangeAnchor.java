package org.gaitlens.metric;

/**
 * A published threshold for a between-session change of a metric.
 *
 * @param minChange         smallest change that counts (a minimal detectable change or the smallest
 *                          meaningful change), in the metric's unit; {@code NaN} when none is published
 * @param substantialChange a larger, "substantial" change where one is published; else {@code NaN}
 * @param source            citation and, where derived, how
 */
public record ChangeAnchor(double minChange, double substantialChange, String source) {

    public ChangeAnchor {
        if (minChange < 0) {
            throw new IllegalArgumentException("minChange must be >= 0, was " + minChange);
        }
        if (substantialChange < minChange) {
            throw new IllegalArgumentException("substantialChange must be >= minChange, was " + substantialChange);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be given");
        }
    }

    /** No published threshold. */
    static ChangeAnchor none(String why) {
        return new ChangeAnchor(Double.NaN, Double.NaN, why);
    }
}
