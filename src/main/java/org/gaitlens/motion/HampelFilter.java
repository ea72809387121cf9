package org.gaitlens.motion;

import java.util.Arrays;

/**
 * Hampel identifier: rejects samples far from their local median.
 *
 * <p>For each sample {@code i}, with the valid samples in the centred window {@code |t_j - t_i| <= windowS/2}:
 * {@code med = median(v_j)}, {@code S = 1.4826 * median(|v_j - med|)} (the median absolute deviation scaled
 * to estimate a Gaussian standard deviation). Sample {@code i} is an outlier when
 * {@code |v_i - med| > nSigma * S}. Deviation from Pearson's filter: outliers are set to {@code NaN}
 * (rejected) rather than replaced by the median, so that {@link GapFiller} interpolates them with the same
 * rule as any other short gap and the cleaning log counts them once. Windows with fewer than 5 valid
 * samples reject nothing. Deviation 2: the scale has a floor, {@code S' = max(S, minSigma)}: on
 * piecewise-constant stretches (a foot flat on the floor for most of the window) the MAD collapses toward
 * zero and the plain rule would reject the first samples of the foot's movement. Decisions are taken on the input
 * values, not on already-cleaned ones.
 *
 * <p>References: Hampel F.R. (1974) The influence curve and its role in robust estimation. J Am Stat Assoc
 * 69:383-393, doi:10.1080/01621459.1974.10482962. Pearson R.K. (2002) Outliers in process modeling and
 * identification. IEEE Trans Control Syst Technol 10:55-63, doi:10.1109/87.974338.
 */
public final class HampelFilter {
    /** Consistency constant of the MAD for Gaussian data, 1 / Phi^-1(3/4). */
    public static final double MAD_TO_SIGMA = 1.4826;
    private static final int MIN_WINDOW_SAMPLES = 5;

    private final double windowS;
    private final double nSigma;
    private final double minSigma;

    /**
     * @param windowS full window width in seconds, {@code > 0}
     * @param nSigma  threshold in robust standard deviations, {@code > 0} (3 is the usual choice)
     * @param minSigma floor of the robust standard deviation, in the signal's unit, {@code >= 0}
     */
    public HampelFilter(double windowS, double nSigma, double minSigma) {
        if (!(windowS > 0)) {
            throw new IllegalArgumentException("windowS must be > 0, was " + windowS);
        }
        if (!(nSigma > 0)) {
            throw new IllegalArgumentException("nSigma must be > 0, was " + nSigma);
        }
        if (!(minSigma >= 0)) {
            throw new IllegalArgumentException("minSigma must be >= 0, was " + minSigma);
        }
        this.windowS = windowS;
        this.nSigma = nSigma;
        this.minSigma = minSigma;
    }

    /**
     * Sets outliers of {@code v} to {@code NaN} in place.
     *
     * @return indices flagged as outliers (sorted)
     */
    public int[] apply(double[] timeS, double[] v) {
        if (timeS.length != v.length) {
            throw new IllegalArgumentException("timeS and v differ in length: " + timeS.length + " vs " + v.length);
        }
        int n = v.length;
        double[] orig = v.clone();
        double half = windowS / 2;
        int[] out = new int[n];
        int count = 0;
        double[] buf = new double[n];
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(orig[i])) {
                continue;
            }
            while (timeS[i] - timeS[lo] > half) {
                lo++;
            }
            if (hi < i) {
                hi = i;
            }
            while (hi + 1 < n && timeS[hi + 1] - timeS[i] <= half) {
                hi++;
            }
            int m = 0;
            for (int j = lo; j <= hi; j++) {
                if (!Double.isNaN(orig[j])) {
                    buf[m++] = orig[j];
                }
            }
            if (m < MIN_WINDOW_SAMPLES) {
                continue;
            }
            double med = median(buf, m);
            for (int j = 0; j < m; j++) {
                buf[j] = Math.abs(buf[j] - med);
            }
            double s = Math.max(minSigma, MAD_TO_SIGMA * median(buf, m));
            if (s > 0 && Math.abs(orig[i] - med) > nSigma * s) {
                v[i] = Double.NaN;
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    static double median(double[] a, int m) {
        double[] c = Arrays.copyOf(a, m);
        Arrays.sort(c);
        return m % 2 == 1 ? c[m / 2] : 0.5 * (c[m / 2 - 1] + c[m / 2]);
    }
}
