package org.gaitlens.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;

class AsymmetryEstimatorTest {

    private final AsymmetryEstimator estimator = new AsymmetryEstimator(0.95);

    @Test
    void welchIntervalAndDeltaMethodOnHandValues() {
        // L = 0.60, 0.62, 0.58 (mean 0.60, SD 0.02); R = 0.70, 0.73, 0.67 (mean 0.70, SD 0.03).
        // var(mean): L 0.02^2/3 = 1.3333e-4, R 0.03^2/3 = 3.0e-4; SE(diff) = sqrt(4.3333e-4) = 0.0208167.
        // Welch df = (4.3333e-4)^2 / ((1.3333e-4)^2/2 + (3e-4)^2/2) = 3.48454; t(0.975, 3.48454) = 2.946173.
        // diff = 0.10 +- 2.946173 x 0.0208167 = [0.038671, 0.161329].
        // SI = 15.3846 %; delta SE = sqrt((400 x 0.7/1.3^2)^2 1.3333e-4 + (400 x 0.6/1.3^2)^2 3e-4) = 3.116121;
        // SI CI = 15.3846 +- 2.946173 x 3.116121 = [6.203985, 24.565246].
        // (Reference values computed independently with scipy.stats.t.)
        Asymmetry a = estimator.estimate(new double[] {0.60, 0.62, 0.58}, new double[] {0.70, 0.73, 0.67}, true);
        assertTrue(a.assessed());
        assertEquals(3.484536, a.degreesOfFreedom(), 1e-5);
        assertEquals(0.10, a.differenceRightMinusLeft().value(), 1e-12);
        assertEquals(0.0208167, a.differenceRightMinusLeft().standardError(), 1e-7);
        // 1e-5: the t quantile is an iterative inverse (commons-math), accurate to about 1e-9 relative
        assertEquals(0.038671, a.differenceRightMinusLeft().ciLow(), 1e-5);
        assertEquals(0.161329, a.differenceRightMinusLeft().ciHigh(), 1e-5);
        assertEquals(15.384615, a.symmetryIndexPct().value(), 1e-6);
        assertEquals(3.116121, a.symmetryIndexPct().standardError(), 1e-6);
        assertEquals(6.203985, a.symmetryIndexPct().ciLow(), 1e-4);
        assertEquals(24.565246, a.symmetryIndexPct().ciHigh(), 1e-4);
        assertEquals(0.857143, a.ratioLeftOverRight().value(), 1e-6);
        assertEquals(15.415068, a.gaitAsymmetry().value(), 1e-6);
        assertEquals(4.887450, a.symmetryAnglePct().value(), 1e-6);
        assertTrue(a.symmetryIndexPct().excludesZero());
        assertEquals(Optional.of(Side.LEFT), a.significantlyLowerSide(0.02));
        // 0.10 s difference is below a 0.11 s floor: not called
        assertEquals(Optional.empty(), a.significantlyLowerSide(0.11));
    }

    @Test
    void symmetricSampleIntervalContainsZero() {
        Random rnd = new Random(11);
        double[] l = normal(rnd, 12, 0.65, 0.02);
        double[] r = normal(rnd, 12, 0.65, 0.02);
        Asymmetry a = estimator.estimate(l, r, true);
        assertTrue(a.differenceRightMinusLeft().ciLow() < 0 && a.differenceRightMinusLeft().ciHigh() > 0);
        assertTrue(a.symmetryIndexPct().ciLow() < 0 && a.symmetryIndexPct().ciHigh() > 0);
        assertEquals(0.0, a.gaitAsymmetry().ciLow(), 0.0, "GA interval starts at 0 when the signed one spans 0");
        assertFalse(a.symmetryIndexPct().excludesZero());
        assertEquals(Optional.empty(), a.significantlyLowerSide(0.0));
    }

    @Test
    void clearlyAsymmetricSampleIntervalExcludesZero() {
        Random rnd = new Random(12);
        double[] l = normal(rnd, 8, 0.60, 0.02);
        double[] r = normal(rnd, 8, 0.70, 0.02);
        Asymmetry a = estimator.estimate(l, r, true);
        assertTrue(a.differenceRightMinusLeft().ciLow() > 0);
        assertTrue(a.symmetryIndexPct().ciLow() > 0);
        assertTrue(a.gaitAsymmetry().ciLow() > 0);
        assertTrue(a.symmetryAnglePct().ciLow() > 0);
        assertTrue(a.ratioLeftOverRight().ciHigh() < 1);
    }

    @Test
    void refusesBelowThreeStridesPerSide() {
        Asymmetry a = estimator.estimate(new double[] {0.60, 0.61}, new double[] {0.70, 0.71, 0.72}, true);
        assertFalse(a.assessed());
        assertTrue(a.note().startsWith("insufficient strides"), a.note());
        assertFalse(a.differenceRightMinusLeft().defined());
        assertTrue(a.symmetryIndexPct().undefinedReason().startsWith("insufficient strides"));
        assertEquals(2, a.left().n());
        assertEquals(Optional.empty(), a.significantlyLowerSide(0));
        // NaN strides do not count: 3 values but one NaN is 2 strides
        Asymmetry b = estimator.estimate(new double[] {0.60, Double.NaN, 0.61}, new double[] {0.7, 0.71, 0.72}, true);
        assertFalse(b.assessed());
    }

    @Test
    void signedAnglesGetOnlyTheDifference() {
        Asymmetry a = estimator.estimate(new double[] {-2, -1, -3, -2}, new double[] {4, 5, 3, 4}, false);
        assertTrue(a.assessed());
        assertEquals(6.0, a.differenceRightMinusLeft().value(), 1e-12);
        assertFalse(a.symmetryIndexPct().defined());
        assertTrue(a.symmetryIndexPct().undefinedReason().contains("signed"));
        assertFalse(a.symmetryAnglePct().defined());
    }

    @Test
    void ratioIndicesUndefinedNearZero() {
        // left mean 0.002 with SD 0.01: its own interval reaches zero, SI would be unstable
        Asymmetry a = estimator.estimate(new double[] {0.012, -0.008, 0.002}, new double[] {0.02, 0.021, 0.019}, true);
        assertTrue(a.assessed());
        assertTrue(a.differenceRightMinusLeft().defined());
        assertFalse(a.symmetryIndexPct().defined());
        assertTrue(a.symmetryIndexPct().undefinedReason().contains("zero"));
    }

    @Test
    void identicalStridesGiveAPointInterval() {
        // binary-exact values so that both SDs are exactly zero; df falls back to n_L + n_R - 2 = 4
        Asymmetry a = estimator.estimate(new double[] {0.5, 0.5, 0.5}, new double[] {0.75, 0.75, 0.75}, true);
        assertEquals(0.25, a.differenceRightMinusLeft().ciLow(), 0.0);
        assertEquals(0.25, a.differenceRightMinusLeft().ciHigh(), 0.0);
        assertEquals(4.0, a.degreesOfFreedom(), 0.0);
    }

    /**
     * Naive reference: a seeded percentile bootstrap (2000 resamples, each side resampled on its own) of the
     * same indices. At 40 strides per side the small-sample differences between the two methods vanish, so
     * the Welch / delta-method bounds must agree with the bootstrap's.
     */
    @Test
    void agreesWithPercentileBootstrapAtLargeN() {
        Random rnd = new Random(2024);
        double[] l = normal(rnd, 40, 0.62, 0.03);
        double[] r = normal(rnd, 40, 0.68, 0.03);
        Asymmetry a = estimator.estimate(l, r, true);
        double[][] boot = bootstrap(l, r, 2000, new Random(7));
        double[] diff = boot[0];
        double[] si = boot[1];
        // Tolerance 15 % of the interval half-width: the Monte-Carlo error of a 2.5 % percentile from 2000
        // resamples is about 5 % of the half-width, and at n = 40 the t quantile (2.0) still exceeds the
        // normal one (1.96) by 2 %, while the bootstrap SE is low by sqrt(39/40) (1.3 %).
        double halfDiff = (a.differenceRightMinusLeft().ciHigh() - a.differenceRightMinusLeft().ciLow()) / 2;
        assertEquals(percentile(diff, 2.5), a.differenceRightMinusLeft().ciLow(), 0.15 * halfDiff);
        assertEquals(percentile(diff, 97.5), a.differenceRightMinusLeft().ciHigh(), 0.15 * halfDiff);
        double halfSi = (a.symmetryIndexPct().ciHigh() - a.symmetryIndexPct().ciLow()) / 2;
        assertEquals(percentile(si, 2.5), a.symmetryIndexPct().ciLow(), 0.15 * halfSi);
        assertEquals(percentile(si, 97.5), a.symmetryIndexPct().ciHigh(), 0.15 * halfSi);
    }

    @Test
    void rejectsBadConfidenceLevel() {
        assertThrows(IllegalArgumentException.class, () -> new AsymmetryEstimator(1.0));
        assertThrows(IllegalArgumentException.class, () -> new AsymmetryEstimator(0.0));
    }

    static double[] normal(Random rnd, int n, double mean, double sd) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * rnd.nextGaussian();
        }
        return out;
    }

    private static double[][] bootstrap(double[] l, double[] r, int resamples, Random rnd) {
        double[] diff = new double[resamples];
        double[] si = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double ml = resampleMean(l, rnd);
            double mr = resampleMean(r, rnd);
            diff[b] = mr - ml;
            si[b] = SymmetryIndices.symmetryIndexPct(ml, mr);
        }
        return new double[][] {diff, si};
    }

    private static double resampleMean(double[] x, Random rnd) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[rnd.nextInt(x.length)];
        }
        return s / x.length;
    }

    private static double percentile(double[] x, double pct) {
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = pct / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
