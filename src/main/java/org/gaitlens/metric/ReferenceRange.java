package org.gaitlens.metric;

/**
 * A healthy reference range of a quantity, with where it comes from: for a metric an approximate
 * healthy-adult range at comfortable walking speed ({@link Metric#reference()}), for a report row or chart
 * band the range it shows. Either bound may be {@code NaN} (open). The ranges are screening aids, not
 * diagnostic cut-offs; each metric's row and its rationale is listed in {@code docs/metrics.md}.
 *
 * @param low    lower bound (inclusive), or {@code NaN}
 * @param high   upper bound (inclusive), or {@code NaN}
 * @param source citation and, where the range is derived, how; or "product choice" with the reason
 */
public record ReferenceRange(double low, double high, String source) {

    /** No reference range: both bounds open. */
    public static final ReferenceRange NONE = new ReferenceRange(Double.NaN, Double.NaN, "no healthy reference range");

    /**
     * @throws IllegalArgumentException if a bound is infinite, {@code low > high}, or the source is blank
     */
    public ReferenceRange {
        if (Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("bounds must be finite or NaN (open), were " + low + " and " + high);
        }
        if (!Double.isNaN(low) && !Double.isNaN(high) && low > high) {
            throw new IllegalArgumentException("low must be <= high, was " + low + " > " + high);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must be given");
        }
    }

    /** True when at least one bound is set. */
    public boolean defined() {
        return !Double.isNaN(low) || !Double.isNaN(high);
    }

    /** True when both bounds are set (a range a report table or chart band can show). */
    public boolean closed() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** -1 below the range, +1 above it, 0 inside (or {@code value} NaN, or no range). */
    public int compare(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        if (!Double.isNaN(low) && value < low) {
            return -1;
        }
        if (!Double.isNaN(high) && value > high) {
            return 1;
        }
        return 0;
    }

    /** Whether {@code value} lies outside the range; {@code null} and {@code NaN} values are not out of range. */
    public boolean isOutside(Double value) {
        return value != null && compare(value) != 0;
    }
}
