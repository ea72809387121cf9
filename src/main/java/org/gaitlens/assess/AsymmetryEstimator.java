package org.gaitlens.assess;

import org.apache.commons.math3.distribution.TDistribution;
import org.gaitlens.metric.Metric;

/**
 * Estimates the left/right asymmetry of one bilateral metric from its per-stride values on each
 * side, with confidence intervals.
 *
 * <p><b>Interval method.</b> The strides of the two sides are treated as two independent samples.
 * The difference of the side means gets a Welch t-interval (Welch 1947, Biometrika 34:28-35):
 * {@code d +- t(q, nu) sqrt(s_L^2/n_L + s_R^2/n_R)} with Welch-Satterthwaite degrees of freedom
 * {@code nu}. The ratio indices (SI, ratio, GA, SA) are smooth functions {@code f(mean_L, mean_R)};
 * their standard error comes from the delta method,
 * {@code se_f^2 = (df/dL)^2 s_L^2/n_L + (df/dR)^2 s_R^2/n_R}, and their interval uses the same t
 * quantile. GA is an absolute value: its interval is the absolute value of the interval of the
 * signed log ratio {@code 100 ln(R/L)} (from 0 when that interval contains 0).
 *
 * <p><b>Why not the bootstrap.</b> A clinic video gives 3-10 strides per side. With n = 3 a
 * percentile bootstrap has only 10 distinct resamples per side, its standard error is biased low by
 * sqrt((n-1)/n) and it uses normal-like instead of t quantiles: at n = 3 per side its interval is
 * about 0.6 times as wide as the t-interval (0.816 x 1.96 / 2.78), so it would call asymmetries too
 * readily (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap, on small-sample
 * narrowness). The t-interval widens correctly
 * for few strides, is deterministic, and for the nearly-normal stride-to-stride scatter of gait
 * parameters has close to nominal coverage; the delta-method linearisation error is negligible
 * because the coefficient of variation of a side mean is a few percent. The unit tests check the
 * intervals against a seeded percentile bootstrap at large n, where both must agree.
 *
 * <p><b>Refusal.</b> With fewer than {@link #MIN_STRIDES_PER_SIDE} finite values on a side nothing is
 * called: the result is not assessed and carries "insufficient strides" (the per-step noise of video methods,
 * about 0.02 s, Stenum et al. 2021, needs several strides per side; the minimum of 3 is the product's choice).
 *
 * <p><b>Ratio indices</b> are undefined (with a reason) for metrics that are not ratio-scale (signed
 * angles) and when either side's mean is not clearly positive (its own confidence interval reaches
 * zero), where SI and the ratio blow up.
 */
public final class AsymmetryEstimator {

    /** Fewest strides per side from which an asymmetry is called. */
    public static final int MIN_STRIDES_PER_SIDE = 3;

    private final double confidenceLevel;

    /** An estimator with 95 % intervals. */
    public AsymmetryEstimator() {
        this(0.95);
    }

    /**
     * @param confidenceLevel coverage of the intervals, in (0, 1)
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public AsymmetryEstimator(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1), was " + confidenceLevel);
        }
        this.confidenceLevel = confidenceLevel;
    }

    /** Coverage of the intervals. */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /**
     * Asymmetry of per-stride values; NaN entries (strides where the metric could not be measured) are skipped.
     *
     * @param left       per-stride values of the left side
     * @param right      per-stride values of the right side
     * @param ratioScale whether ratio indices are meaningful (see {@link Metric#ratioScale()})
     */
    public Asymmetry estimate(double[] left, double[] right, boolean ratioScale) {
        SampleStats l = SampleStats.of(left);
        SampleStats r = SampleStats.of(right);
        if (l.n() < MIN_STRIDES_PER_SIDE || r.n() < MIN_STRIDES_PER_SIDE) {
            String why = "insufficient strides: " + l.n() + " left, " + r.n() + " right ("
                    + MIN_STRIDES_PER_SIDE + " per side needed)";
            IndexValue u = IndexValue.undefined(why);
            return new Asymmetry(false, why, l, r, confidenceLevel, Double.NaN, u, u, u, u, u);
        }
        double varL = l.sd() * l.sd() / l.n();
        double varR = r.sd() * r.sd() / r.n();
        double df = welchDegreesOfFreedom(varL, l.n(), varR, r.n());
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.5 + confidenceLevel / 2);
        double a = l.mean();
        double b = r.mean();

        IndexValue diff = interval(b - a, Math.sqrt(varL + varR), t);
        if (!ratioScale) {
            IndexValue u = IndexValue.undefined(
                    "signed quantity whose zero depends on the angle definition: ratio indices are meaningless, "
                            + "use the side difference");
            return new Asymmetry(true, null, l, r, confidenceLevel, df, diff, u, u, u, u);
        }
        if (!(a - t * Math.sqrt(varL) > 0 && b - t * Math.sqrt(varR) > 0)) {
            IndexValue u = IndexValue.undefined("a side mean is not clearly above zero (its " + percent()
                    + " interval reaches zero): ratio indices are unstable");
            return new Asymmetry(true, null, l, r, confidenceLevel, df, diff, u, u, u, u);
        }
        double sum = a + b;
        // SI = 200 (b - a) / (a + b): dSI/da = -400 b / (a + b)^2, dSI/db = 400 a / (a + b)^2
        IndexValue si = interval(SymmetryIndices.symmetryIndexPct(a, b),
                deltaSe(-400 * b / (sum * sum), varL, 400 * a / (sum * sum), varR), t);
        // ratio = a / b: d/da = 1 / b, d/db = -a / b^2
        IndexValue ratio = interval(SymmetryIndices.ratioLeftOverRight(a, b),
                deltaSe(1 / b, varL, -a / (b * b), varR), t);
        // signed log ratio g = 100 ln(b / a): d/da = -100 / a, d/db = 100 / b; GA = |g|
        double g = 100 * Math.log(b / a);
        double seG = deltaSe(-100 / a, varL, 100 / b, varR);
        IndexValue ga = absoluteInterval(g, seG, t);
        // SA = (100/90)(45 - deg(atan(a / b))): d/da = -(100/90)(180/pi) b / (a^2 + b^2), d/db = +(...) a / (a^2 + b^2)
        double k = (100.0 / 90.0) * (180.0 / Math.PI) / (a * a + b * b);
        IndexValue sa = interval(SymmetryIndices.symmetryAnglePct(a, b), deltaSe(-k * b, varL, k * a, varR), t);
        return new Asymmetry(true, null, l, r, confidenceLevel, df, diff, si, ratio, ga, sa);
    }

    private String percent() {
        return Math.round(confidenceLevel * 100) + " %";
    }

    /**
     * Welch-Satterthwaite degrees of freedom; when both variances are zero (identical strides) the
     * pooled {@code n_L + n_R - 2}.
     */
    static double welchDegreesOfFreedom(double varMeanL, int nL, double varMeanR, int nR) {
        double num = (varMeanL + varMeanR) * (varMeanL + varMeanR);
        double den = varMeanL * varMeanL / (nL - 1) + varMeanR * varMeanR / (nR - 1);
        if (!(den > 0)) {
            return nL + nR - 2.0;
        }
        return num / den;
    }

    private static double deltaSe(double gradL, double varL, double gradR, double varR) {
        return Math.sqrt(gradL * gradL * varL + gradR * gradR * varR);
    }

    private static IndexValue interval(double value, double se, double t) {
        return new IndexValue(value, value - t * se, value + t * se, se, null);
    }

    private static IndexValue absoluteInterval(double signed, double se, double t) {
        double lo = signed - t * se;
        double hi = signed + t * se;
        double absLo = lo <= 0 && hi >= 0 ? 0.0 : Math.min(Math.abs(lo), Math.abs(hi));
        double absHi = Math.max(Math.abs(lo), Math.abs(hi));
        return new IndexValue(Math.abs(signed), absLo, absHi, se, null);
    }
}
