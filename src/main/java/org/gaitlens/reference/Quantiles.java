package org.gaitlens.reference;

import java.util.Arrays;

/** Sample quantiles by linear interpolation between order statistics (Hyndman and Fan 1996, type 7). */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code p} quantile of the finite values: with them sorted as {@code x[0..n-1]}, {@code h = (n - 1) p},
     * the value {@code x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])}; {@code NaN} when there is no finite
     * value. Hyndman R.J., Fan Y. (1996) Sample quantiles in statistical packages. Am Stat 50:361-365,
     * doi:10.1080/00031305.1996.10473566 (type 7, the default of R and NumPy).
     *
     * @throws IllegalArgumentException if {@code p} is outside [0, 1]
     */
    public static double of(double[] values, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be within [0, 1], was " + p);
        }
        double[] x = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (x.length == 0) {
            return Double.NaN;
        }
        double h = (x.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, x.length - 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }
}
