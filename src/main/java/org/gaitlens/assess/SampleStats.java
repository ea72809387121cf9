package org.gaitlens.assess;

/**
 * Mean, sample standard deviation (n - 1 denominator) and count of the finite values of a sample.
 *
 * @param n    number of finite values
 * @param mean their mean, {@code NaN} when {@code n == 0}
 * @param sd   their sample standard deviation, {@code NaN} when {@code n < 2}
 */
public record SampleStats(int n, double mean, double sd) {

    public SampleStats {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (sd < 0) {
            throw new IllegalArgumentException("sd must be >= 0, was " + sd);
        }
    }

    /** Statistics of the finite values of {@code values}; NaN and infinite entries are skipped. */
    public static SampleStats of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new SampleStats(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new SampleStats(1, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new SampleStats(n, mean, Math.sqrt(ss / (n - 1)));
    }

    /** Standard error of the mean, sd / sqrt(n); {@code NaN} when {@code n < 2}. */
    public double standardError() {
        return n < 2 ? Double.NaN : sd / Math.sqrt(n);
    }
}
