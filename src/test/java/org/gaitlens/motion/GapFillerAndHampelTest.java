package org.gaitlens.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GapFillerAndHampelTest {
    private static double[] time(int n, double rate) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / rate;
        }
        return t;
    }

    @Test
    void shortGapIsFilledByTheCubicThroughItsEnds() {
        double[] t = time(10, 10);
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            v[i] = 2 * t[i] * t[i] * t[i] + t[i]; // a monotone cubic (the slope limiter leaves its slopes alone)
        }
        double[] truth = v.clone();
        v[4] = Double.NaN;
        v[5] = Double.NaN;
        GapFiller.Result r = new GapFiller(0.3).fill(t, v);
        assertEquals(2, r.filledSamples());
        // one-sided slopes are first-order estimates, so the fill is close to but not exactly the cubic:
        // slope error <= h * max|v''| / 2 = 0.1 * 12 * 0.9 / 2 = 0.54 over dt = 0.3 s, weight <= 0.15 -> 0.03;
        // the secant (2.26) is above a third of either end slope (1.38, 3.54), so the limiter does not act
        assertEquals(truth[4], v[4], 0.03);
        assertEquals(truth[5], v[5], 0.03);
    }

    @Test
    void noisyEndSlopesDoNotMakeTheFillOvershoot() {
        // a resting point (value 100) with +-8 px jitter next to a 0.2 s gap, as a pose model's heel: the raw
        // one-sided end slopes are -1600 and +1600 px/s; unlimited, the cubic would swing ~50 px away
        double[] t = time(30, 100);
        double[] v = new double[30];
        for (int i = 0; i < 30; i++) {
            v[i] = 100 + (i % 2 == 0 ? 8 : -8);
        }
        for (int i = 5; i < 24; i++) {
            v[i] = Double.NaN;
        }
        new GapFiller(0.25).fill(t, v);
        for (int i = 5; i < 24; i++) {
            // Fritsch-Carlson limiting keeps the fill monotone between its end values (92 and 108)
            assertTrue(v[i] >= 92 - 1e-9 && v[i] <= 108 + 1e-9, "sample " + i + " = " + v[i]);
        }
    }

    @Test
    void straightLineGapIsExact() {
        double[] t = time(8, 10);
        double[] v = {0, 1, 2, Double.NaN, Double.NaN, 5, 6, 7};
        new GapFiller(0.3).fill(t, v);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, v, 1e-12);
    }

    @Test
    void longGapsAndEndsStayMissing() {
        double[] t = time(12, 10);
        double[] v = {Double.NaN, 1, 2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 7, 8, Double.NaN, 10,
                Double.NaN};
        // max gap 0.3 s: the 4-sample gap spans 0.5 s between its bounds and stays; the 1-sample gap is filled
        GapFiller.Result r = new GapFiller(0.3).fill(t, v);
        assertEquals(1, r.filledSamples());
        assertEquals(4, r.unfilledSamples());
        assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[3]) && Double.isNaN(v[11]));
        assertEquals(9, v[9], 1e-12);
    }

    @Test
    void hampelRejectsSpikesOnly() {
        double[] t = time(40, 20);
        double[] v = new double[40];
        for (int i = 0; i < 40; i++) {
            v[i] = Math.sin(t[i]) + ((i * 7) % 5 - 2) * 0.01; // smooth + small deterministic jitter
        }
        v[10] += 1.0;
        v[25] -= 0.8;
        int[] out = new HampelFilter(0.5, 3, 0).apply(t, v);
        assertArrayEquals(new int[] {10, 25}, out);
        assertTrue(Double.isNaN(v[10]) && Double.isNaN(v[25]));
        assertEquals(Math.sin(t[11]) + ((11 * 7) % 5 - 2) * 0.01, v[11], 0);
    }

    @Test
    void hampelLeavesAConstantAlone() {
        double[] t = time(20, 20);
        double[] v = new double[20];
        java.util.Arrays.fill(v, 3);
        assertEquals(0, new HampelFilter(0.5, 3, 0).apply(t, v).length);
    }

    /**
     * A foot index resting then starting to move (toe off), with a one-frame jump of the pose model as the
     * motion begins (the series_patientA_s3 case, frame 86, in px at 30 fps): the plain filter's MAD grows with
     * the motion and lets the jump pass; against the window's Theil-Sen line it stands out. Neither variant
     * touches the clean movement.
     */
    @Test
    void detrendedHampelFindsAJumpWhereTheFootStartsToMove() {
        double[] t = time(14, 30);
        double[] clean = {498, 498, 498, 498, 498, 500, 503, 509, 516, 523, 532, 542, 554, 570};
        double[] v = clean.clone();
        v[7] = 562; // 53 px off
        assertArrayEquals(new int[0], new HampelFilter(0.2, 3.5, 3.8).apply(t, v.clone()), "plain misses it");
        assertArrayEquals(new int[] {7}, new HampelFilter(0.2, 3.5, 3.8, true).apply(t, v));
        assertArrayEquals(new int[0], new HampelFilter(0.2, 3.5, 3.8, true).apply(t, clean.clone()), "clean motion");
    }

    @Test
    void detrendedHampelKeepsAConstantAccelerationAndAStraightLine() {
        double[] t = time(30, 30);
        double[] parabola = new double[30];
        double[] line = new double[30];
        for (int i = 0; i < 30; i++) {
            parabola[i] = 2.5 * (i - 15) * (i - 15); // 5 px per frame squared, as the foot index at toe off
            line[i] = 100 + 20 * i;
        }
        assertEquals(0, new HampelFilter(0.2, 3.5, 0, true).apply(t, parabola).length);
        assertEquals(0, new HampelFilter(0.2, 3.5, 0, true).apply(t, line).length);
    }

    @Test
    void theilSenSlopeOfALongWindowUsesHalfWindowPairs() {
        // 51 samples (0.2 s at 250 Hz): a line of slope 3 with one wild sample
        double[] t = new double[51];
        double[] v = new double[51];
        for (int i = 0; i < 51; i++) {
            t[i] = i;
            v[i] = 3 * i + 7;
        }
        v[20] = 1000;
        assertEquals(3.0, HampelFilter.theilSenSlope(t, v, 51), 0);
    }

    @Test
    void theilSenSlopeIgnoresOneOutlier() {
        double[] t = {0, 1, 2, 3, 4, 5, 6};
        double[] v = {0, 2, 4, 100, 8, 10, 12};
        assertEquals(2.0, HampelFilter.theilSenSlope(t, v, 7), 0);
    }
}
