package org.gaitlens.assess;

/**
 * A session's value of one quantity with its standard error, as input to {@link ChangeClassifier}.
 *
 * @param mean          the session mean (or an index such as a symmetry index)
 * @param standardError its standard error; {@code NaN} when unknown (e.g. a single stride)
 * @param n             number of strides behind it (0 when not from strides)
 */
public record SessionValue(double mean, double standardError, int n) {

    public SessionValue {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, was " + mean);
        }
        if (standardError < 0) {
            throw new IllegalArgumentException("standardError must be >= 0, was " + standardError);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }

    /** From per-stride mean, SD and count: standard error SD / sqrt(n). */
    public static SessionValue ofStrides(double mean, double sd, int n) {
        return new SessionValue(mean, n >= 2 ? sd / Math.sqrt(n) : Double.NaN, n);
    }

    /** From stride statistics. */
    public static SessionValue of(SampleStats s) {
        return new SessionValue(s.mean(), s.standardError(), s.n());
    }

    /** From an index with its standard error (e.g. {@link Asymmetry#symmetryIndexPct()}). */
    public static SessionValue of(IndexValue v) {
        if (!v.defined()) {
            throw new IllegalArgumentException("index is undefined: " + v.undefinedReason());
        }
        return new SessionValue(v.value(), v.standardError(), 0);
    }
}
