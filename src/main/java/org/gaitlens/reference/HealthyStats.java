package org.gaitlens.reference;

/**
 * The healthy distribution of a deviation score (GPS-2D or a GVS), from the reference subjects themselves by
 * leave-one-subject-out: each subject scored against the band built without it, at its own speed class.
 *
 * @param mean mean score, degrees
 * @param sd   sample SD, degrees
 * @param p95  95th percentile, degrees (linear interpolation between order statistics, Hyndman and Fan's type 7)
 * @param n    number of scores (subjects, or subject-sides for per-side scores)
 */
public record HealthyStats(double mean, double sd, double p95, int n) {
    public HealthyStats {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }
}
