package org.gaitlens.assess;

/**
 * An approximate healthy-adult range of a metric at comfortable walking speed, with where it comes
 * from. Either bound may be {@code NaN} (open). The ranges are screening aids, not diagnostic
 * cut-offs; each row and its rationale is listed in {@code docs/assessment.md}.
 *
 * @param low    lower bound (inclusive), or {@code NaN}
 * @param high   upper bound (inclusive), or {@code NaN}
 * @param source citation and, where the range is derived, how
 */
public record ReferenceRange(double low, double high, String source) {

    /** No reference range: both bounds open. */
    public static final ReferenceRange NONE = new ReferenceRange(Double.NaN, Double.NaN, "no healthy reference range");

    public ReferenceRange {
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

    /** Distance from the range (0 inside it). */
    public double distance(double value) {
        int c = compare(value);
        return c < 0 ? low - value : c > 0 ? value - high : 0.0;
    }
}
