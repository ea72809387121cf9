package org.gaitlens.motion.mocap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.junit.jupiter.api.Test;

/** Reproducibility and statistics of the pose-like degradation. */
class PoseLikeNoiseTest {

    private static LandmarkSeries flat(int n) {
        double[] t = new double[n];
        Map<BodyLandmark, LandmarkTrack> tracks = new EnumMap<>(BodyLandmark.class);
        for (int i = 0; i < n; i++) {
            t[i] = i / 50.0;
        }
        for (BodyLandmark lm : new BodyLandmark[] {BodyLandmark.LEFT_HIP, BodyLandmark.LEFT_KNEE,
            BodyLandmark.RIGHT_KNEE, BodyLandmark.LEFT_HEEL, BodyLandmark.RIGHT_HEEL}) {
            double[] x = new double[n];
            double[] y = new double[n];
            double[] c = new double[n];
            java.util.Arrays.fill(x, lm.ordinal() * 10.0);
            java.util.Arrays.fill(y, 300);
            java.util.Arrays.fill(c, 1.0);
            tracks.put(lm, new LandmarkTrack(x, y, c));
        }
        return new LandmarkSeries(t, tracks, 640, 480, 200, "flat");
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        LandmarkSeries in = flat(500);
        PoseLikeNoise noise = PoseLikeNoise.typical();
        LandmarkSeries a = noise.apply(in, 42);
        LandmarkSeries b = noise.apply(in, 42);
        LandmarkSeries c = noise.apply(in, 43);
        for (BodyLandmark lm : in.tracks().keySet()) {
            assertArrayEquals(a.track(lm).x(), b.track(lm).x(), 0.0);
            assertArrayEquals(a.track(lm).y(), b.track(lm).y(), 0.0);
            assertArrayEquals(a.track(lm).confidence(), b.track(lm).confidence(), 0.0);
        }
        assertFalse(java.util.Arrays.equals(a.track(BodyLandmark.LEFT_HIP).x(), c.track(BodyLandmark.LEFT_HIP).x()));
        // the input is not modified
        assertEquals(BodyLandmark.LEFT_HIP.ordinal() * 10.0, in.track(BodyLandmark.LEFT_HIP).x()[7], 0.0);
    }

    @Test
    void jitterHasTheRequestedStandardDeviation() {
        int n = 20_000;
        LandmarkSeries out = PoseLikeNoise.jitterOnly(4, 7).apply(flat(n), 1);
        double hipSd = sd(out.track(BodyLandmark.LEFT_HIP).x(), BodyLandmark.LEFT_HIP.ordinal() * 10.0);
        double heelSd = sd(out.track(BodyLandmark.LEFT_HEEL).y(), 300);
        // standard error of an SD estimate from 20 000 samples is SD / sqrt(2n) = 0.5 %; 3 % is > 5 SE
        assertEquals(4, hipSd, 4 * 0.03);
        assertEquals(7, heelSd, 7 * 0.03);
        for (double c : out.track(BodyLandmark.LEFT_HIP).confidence()) {
            assertEquals(1.0, c, 0.0);
        }
    }

    @Test
    void correlatedNoiseKeepsItsSdAndIsAutocorrelated() {
        int n = 20_000;
        PoseLikeNoise p = new PoseLikeNoise(4, 7, 0.8, 0, 0.1, 0, 0.1, 1, 1, 0, 0.1);
        double[] x = p.apply(flat(n), 5).track(BodyLandmark.LEFT_HIP).x();
        double mean = BodyLandmark.LEFT_HIP.ordinal() * 10.0;
        // AR(1) with rho 0.8: effective sample size n (1 - rho) / (1 + rho) ~ 2200, SE of SD ~ 1.5 %; 6 %
        assertEquals(4, sd(x, mean), 4 * 0.06);
        double num = 0;
        double den = 0;
        for (int i = 1; i < n; i++) {
            num += (x[i] - mean) * (x[i - 1] - mean);
            den += (x[i] - mean) * (x[i] - mean);
        }
        // lag-1 autocorrelation estimate, SE ~ sqrt((1 - rho^2) / n) = 0.004; 0.03 is generous
        assertEquals(0.8, num / den, 0.03);
    }

    @Test
    void dropoutsLowConfidenceAndSwapsOccurAtRoughlyTheRequestedRates() {
        int n = 50_000;
        // dropouts 0.5/s for 0.1 s -> about 5 % of samples; low confidence 0.5/s for 0.2 s -> about 10 %
        PoseLikeNoise p = new PoseLikeNoise(0, 0, 0, 0.5, 0.1, 0.5, 0.2, 0.3, 1, 1.0, 0.1);
        LandmarkSeries out = p.apply(flat(n), 9);
        LandmarkTrack hip = out.track(BodyLandmark.LEFT_HIP);
        int missing = 0;
        int low = 0;
        for (int i = 0; i < n; i++) {
            if (!hip.has(i)) {
                missing++;
                assertEquals(0.0, hip.confidence()[i], 0.0);
            } else if (hip.confidence()[i] < 1) {
                low++;
                assertEquals(0.3, hip.confidence()[i], 0.0);
            }
        }
        // expected fractions: 1 - exp(-rate * mean duration) for overlapping episodes, i.e. 4.9 % and
        // 9.5 % (rounding of durations to >= 1 sample adds a little); bounds +-30 % cover the randomness
        // of ~500 episodes
        assertEquals(0.049, missing / (double) n, 0.049 * 0.3);
        assertEquals(0.095 * (1 - 0.049), low / (double) n, 0.095 * 0.3);
        // swaps: left knee shows the right knee's x (10 px apart in this fixture) during swaps only
        LandmarkTrack lk = out.track(BodyLandmark.LEFT_KNEE);
        int swapped = 0;
        for (int i = 0; i < n; i++) {
            if (lk.has(i) && lk.x()[i] == BodyLandmark.RIGHT_KNEE.ordinal() * 10.0) {
                swapped++;
            }
        }
        // 1 swap/s of 0.1 s -> ~9.5 % of samples (less the dropouts)
        assertTrue(swapped > 0.06 * n && swapped < 0.13 * n, "swapped " + swapped);
        // the hip has no partner: it never swaps
        for (int i = 0; i < n; i++) {
            if (hip.has(i)) {
                assertEquals(BodyLandmark.LEFT_HIP.ordinal() * 10.0, hip.x()[i], 0.0);
            }
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new PoseLikeNoise(-1, 7, 0, 0, 0.1, 0, 0.1, 1, 1, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PoseLikeNoise(4, 7, 1, 0, 0.1, 0, 0.1, 1, 1, 0, 0.1));
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        int k = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += (x - mean) * (x - mean);
                k++;
            }
        }
        return Math.sqrt(s / k);
    }
}
