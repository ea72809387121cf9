package org.gaitlens.core;

import java.util.Arrays;
import java.util.List;

/**
 * Point-wise mean and sample SD of curves of equal length (for example the 101-point stride curves of one
 * side), with gaps.
 *
 * <p>A curve may be missing some points ({@code NaN}): a far leg hidden behind the near one leaves gaps in its
 * angle curves that are too long to fill. Each point is averaged over the curves that have a value there, but
 * only where at least {@link #MIN_COVERAGE} of the curves with any value do; elsewhere the point is
 * {@code NaN}, a gap, so that a stretch seen in one stride of four is not shown as that side's mean. Curves
 * without any value (a stride whose angle was never measured) do not count. Dropping every incomplete curve
 * instead would drop a partly occluded side altogether.
 *
 * @param mean   mean per point; {@code NaN} where fewer than {@link #MIN_COVERAGE} of the curves have a value
 * @param sd     sample SD per point; {@code NaN} where the mean is, or where only one curve has a value
 * @param count  number of curves with a value at each point (also where it is too few for a mean)
 * @param curves number of curves with at least one finite point
 */
public record CurveStats(double[] mean, double[] sd, int[] count, int curves) {
    /** Fraction of the curves (those with any value) that must have a value at a point for it to be shown. */
    public static final double MIN_COVERAGE = 0.5;

    public CurveStats {
        if (mean.length != sd.length || mean.length != count.length) {
            throw new IllegalArgumentException("mean, sd and count lengths differ: " + mean.length + ", " + sd.length
                    + ", " + count.length);
        }
        mean = mean.clone();
        sd = sd.clone();
        count = count.clone();
    }

    /**
     * Point-wise statistics of curves of equal length; {@code NaN} samples are skipped point by point.
     *
     * @param curves the curves (may be empty; all-{@code NaN} curves do not count)
     * @param length the number of points every curve has
     * @throws IllegalArgumentException if a curve's length is not {@code length}
     */
    public static CurveStats of(List<double[]> curves, int length) {
        int used = 0;
        for (int c = 0; c < curves.size(); c++) {
            double[] v = curves.get(c);
            if (v.length != length) {
                throw new IllegalArgumentException("curve " + c + " has " + v.length + " points, expected " + length);
            }
            if (Arrays.stream(v).anyMatch(Double::isFinite)) {
                used++;
            }
        }
        int minCount = Math.max(1, (int) Math.ceil(MIN_COVERAGE * used));
        double[] mean = new double[length];
        double[] sd = new double[length];
        int[] count = new int[length];
        for (int p = 0; p < length; p++) {
            int n = 0;
            double sum = 0;
            for (double[] v : curves) {
                if (Double.isFinite(v[p])) {
                    n++;
                    sum += v[p];
                }
            }
            count[p] = n;
            if (n < minCount) {
                mean[p] = Double.NaN;
                sd[p] = Double.NaN;
                continue;
            }
            double m = sum / n;
            double ss = 0;
            for (double[] v : curves) {
                if (Double.isFinite(v[p])) {
                    ss += (v[p] - m) * (v[p] - m);
                }
            }
            mean[p] = m;
            sd[p] = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        }
        return new CurveStats(mean, sd, count, used);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurveStats s && Arrays.equals(mean, s.mean) && Arrays.equals(sd, s.sd)
                && Arrays.equals(count, s.count) && curves == s.curves;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(count)) + curves;
    }

    @Override
    public String toString() {
        return "CurveStats[points=" + mean.length + ", curves=" + curves + "]";
    }
}
