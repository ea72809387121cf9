package org.gaitlens.gait;

import java.util.Collection;

/**
 * Summary of one parameter over strides of one side; {@code NaN} values are left out.
 *
 * @param n      number of strides with a value
 * @param mean   arithmetic mean ({@code NaN} if n = 0)
 * @param sd     sample standard deviation, n - 1 denominator ({@code NaN} if n &lt; 2)
 * @param cvPct  coefficient of variation {@code 100 sd / |mean|} ({@code NaN} if n &lt; 2 or mean = 0)
 */
public record ParameterStats(int n, double mean, double sd, double cvPct) {

    /** Statistics of the non-NaN values. */
    public static ParameterStats of(Collection<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new ParameterStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new ParameterStats(n, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new ParameterStats(n, mean, sd, mean == 0 ? Double.NaN : 100 * sd / Math.abs(mean));
    }
}
