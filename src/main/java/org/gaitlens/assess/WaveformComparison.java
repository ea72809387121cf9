package org.gaitlens.assess;

import java.util.List;

/**
 * Computes {@link WaveformAsymmetry} from the per-stride curves of both sides: averages each side's
 * curves point by point, then compares the two mean curves (formulas in {@link WaveformAsymmetry}).
 */
public final class WaveformComparison {

    /**
     * Compares left and right stride curves of one joint.
     *
     * @param joint       the joint
     * @param leftCurves  the left strides' curves (equal lengths)
     * @param rightCurves the right strides' curves (same length as the left ones)
     * @throws IllegalArgumentException if the curve lengths differ
     */
    public WaveformAsymmetry compare(CurveJoint joint, List<double[]> leftCurves, List<double[]> rightCurves) {
        CurveSummary l = leftCurves.isEmpty() ? null : CurveSummary.of(leftCurves);
        CurveSummary r = rightCurves.isEmpty() ? null : CurveSummary.of(rightCurves);
        int min = AsymmetryEstimator.MIN_STRIDES_PER_SIDE;
        int nl = l == null ? 0 : l.strides();
        int nr = r == null ? 0 : r.strides();
        if (nl < min || nr < min) {
            String why = "insufficient strides: " + nl + " left, " + nr + " right curves with values (" + min
                    + " per side needed)";
            return new WaveformAsymmetry(joint, false, why, l, r, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double[] a = l.meanDeg();
        double[] b = r.meanDeg();
        if (a.length != b.length) {
            throw new IllegalArgumentException("left curves have " + a.length + " points, right " + b.length);
        }
        double sumSq = 0;
        double sumAbs = 0;
        int n = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                double d = b[i] - a[i];
                sumSq += d * d;
                sumAbs += Math.abs(d);
                n++;
                lo = Math.min(lo, Math.min(a[i], b[i]));
                hi = Math.max(hi, Math.max(a[i], b[i]));
            }
        }
        if (n < 2) {
            return new WaveformAsymmetry(joint, false, "mean curves have fewer than 2 common finite points", l, r,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double rms = Math.sqrt(sumSq / n);
        double mae = sumAbs / n;
        double range = hi - lo;
        double corr = pearson(a, b);
        double weighted = range > 0 ? corr * (1 - mae / range) : Double.NaN;
        return new WaveformAsymmetry(joint, true, null, l, r, rms, mae, range, corr, weighted);
    }

    /** Pearson correlation over the points where both are finite; NaN when either is constant there. */
    static double pearson(double[] a, double[] b) {
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                sa += a[i];
                sb += b[i];
                n++;
            }
        }
        double ma = sa / n;
        double mb = sb / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                sab += (a[i] - ma) * (b[i] - mb);
                saa += (a[i] - ma) * (a[i] - ma);
                sbb += (b[i] - mb) * (b[i] - mb);
            }
        }
        if (!(saa > 0 && sbb > 0)) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
