package org.gaitlens.report;

/**
 * A metric's healthy reference from a normative dataset, for a {@link MetricRow}: the between-subject mean and SD of
 * the healthy walkers in the band the session was matched with.
 *
 * @param mean   healthy mean, in the row's unit
 * @param sd     healthy between-subject SD (> 0)
 * @param n      subjects
 * @param source where it comes from and which band, e.g. "Fukuchi et al. 2018, slow speed, all ages"
 */
public record NormativeValue(double mean, double sd, int n, String source) {
    public NormativeValue {
        Checks.requireFinite(mean, "mean");
        if (!(sd > 0 && Double.isFinite(sd))) {
            throw new IllegalArgumentException("sd must be > 0, was " + sd);
        }
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, was " + n);
        }
        source = Checks.requireText(source, "source");
    }

    /** The z-score of {@code value} against this reference, or {@code null} for a missing value. */
    public Double z(Double value) {
        return value == null ? null : (value - mean) / sd;
    }
}
