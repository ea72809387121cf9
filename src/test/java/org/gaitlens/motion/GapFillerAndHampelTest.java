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
            v[i] = 2 * t[i] * t[i] * t[i] - t[i]; // a cubic
        }
        double[] truth = v.clone();
        v[4] = Double.NaN;
        v[5] = Double.NaN;
        GapFiller.Result r = new GapFiller(0.3).fill(t, v);
        assertEquals(2, r.filledSamples());
        // one-sided slopes are first-order estimates, so the fill is close to but not exactly the cubic:
        // slope error <= h * max|v''| / 2 = 0.1 * 12 * 0.9 / 2 = 0.54 over dt = 0.3 s, weight <= 0.15 -> 0.03
        assertEquals(truth[4], v[4], 0.03);
        assertEquals(truth[5], v[5], 0.03);
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
}
