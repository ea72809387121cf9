package org.gaitlens.reference;

/**
 * Between-subject statistics of one value (a key value of a curve, a speed), one value per subject.
 *
 * @param mean mean over the subjects
 * @param sd   sample SD (n - 1)
 * @param n    number of subjects with the value
 */
public record ValueStats(double mean, double sd, int n) {
    public ValueStats {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }
}
