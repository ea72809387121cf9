package org.gaitlens.report;

/**
 * A documented normal range for a metric.
 *
 * @param low    lower bound (inclusive)
 * @param high   upper bound (inclusive)
 * @param source where the range comes from, e.g. "Hollman et al. 2011, adults 20-60 y"
 */
public record ReferenceRange(double low, double high, String source) {
    public ReferenceRange {
        Checks.requireFinite(low, "low");
        Checks.requireFinite(high, "high");
        if (low > high) {
            throw new IllegalArgumentException("low must be <= high, were " + low + " and " + high);
        }
        source = source == null ? "" : source;
    }

    /** Whether {@code value} lies outside the range; {@code null} values are not out of range. */
    public boolean isOutside(Double value) {
        return value != null && (value < low || value > high);
    }
}
