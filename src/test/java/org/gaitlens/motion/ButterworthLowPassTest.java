package org.gaitlens.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ButterworthLowPassTest {
    private static final double FS = 100;

    private static double[] sine(double fHz, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(2 * Math.PI * fHz * i / FS);
        }
        return v;
    }

    /** Amplitude and phase of {@code v} at {@code f} by projection on sin/cos over the middle samples. */
    private static double[] ampPhase(double[] v, double fHz, int from, int to) {
        double s = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            s += v[i] * Math.sin(2 * Math.PI * fHz * i / FS);
            c += v[i] * Math.cos(2 * Math.PI * fHz * i / FS);
        }
        int n = to - from;
        return new double[] {2 * Math.hypot(s, c) / n, Math.atan2(c, s)};
    }

    @Test
    void sineBelowCutoffPassesWithoutPhaseShift() {
        ButterworthLowPass f = new ButterworthLowPass(6, 2);
        double fHz = 1.0;
        double[] v = sine(fHz, 1000);
        f.filter(v, FS);
        // analyse whole periods away from the ends (samples 200-800 = 6 periods)
        double[] ap = ampPhase(v, fHz, 200, 800);
        // zero lag: phase 0 up to the projection's numerical error; 1e-6 rad = 0.16 us at 1 Hz
        assertEquals(0, ap[1], 1e-6);
        assertEquals(f.zeroLagGain(fHz, FS), ap[0], 1e-4);
        assertEquals(1, ap[0], 1e-3); // 1 Hz is far below 6 Hz: gain 1 - 1.3e-3
    }

    @Test
    void sineAboveCutoffIsAttenuatedAsTheAnalyticResponseSays() {
        ButterworthLowPass f = new ButterworthLowPass(6, 2);
        for (double fHz : new double[] {6, 10, 15}) {
            double[] v = sine(fHz, 1000);
            f.filter(v, FS);
            double[] ap = ampPhase(v, fHz, 200, 800);
            // |H|^2 = 1 / (1 + (tan(pi f/fs)/tan(pi fc/fs))^4): 0.5 at the cutoff, ~0.058 at 10 Hz
            assertEquals(f.zeroLagGain(fHz, FS), ap[0], 1e-4, "gain at " + fHz + " Hz");
            assertEquals(0, ap[1], 1e-4, "phase at " + fHz + " Hz");
        }
        assertEquals(0.5, f.zeroLagGain(6, FS), 1e-12);
    }

    @Test
    void constantAndLineArePreservedIncludingTheEnds() {
        ButterworthLowPass f = new ButterworthLowPass(6, 2);
        double[] v = new double[50];
        double[] expect = new double[50];
        for (int i = 0; i < v.length; i++) {
            v[i] = 3 + 0.5 * i;
            expect[i] = v[i];
        }
        f.filter(v, FS);
        // odd reflection + steady-state start keep a straight line: what is left is the start-up transient
        // of a ramp after the 49-sample padding (pole time constant ~3.7 samples), below 1e-5 of the values
        assertArrayEquals(expect, v, 1e-5);
    }

    @Test
    void stretchesAreFilteredSeparatelyAndShortOnesLeftAlone() {
        ButterworthLowPass f = new ButterworthLowPass(6, 2);
        double[] v = new double[40];
        for (int i = 0; i < 40; i++) {
            v[i] = i < 20 ? 0 : 100; // a step hidden behind a gap
        }
        v[20] = Double.NaN;
        v[21] = Double.NaN;
        v[35] = Double.NaN;
        v[36] = Double.NaN; // 22..34 (13 samples) and 37..39 (3 samples, too short)
        int unfiltered = f.filter(v, FS);
        assertEquals(3, unfiltered);
        for (int i = 0; i < 20; i++) {
            assertEquals(0, v[i], 1e-9, "the step must not leak across the gap");
        }
        assertEquals(100, v[25], 1e-6);
        assertEquals(Double.NaN, v[20]);
    }

    @Test
    void rejectsCutoffAboveNyquist() {
        assertThrows(IllegalArgumentException.class, () -> new ButterworthLowPass(60, 2).filter(new double[20], FS));
        assertThrows(IllegalArgumentException.class, () -> new ButterworthLowPass(0, 2));
    }
}
