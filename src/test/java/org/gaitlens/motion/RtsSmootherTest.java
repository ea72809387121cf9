package org.gaitlens.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The constant-acceleration Rauch-Tung-Striebel smoother against what its model and its transfer function say. */
class RtsSmootherTest {
    private static final double DT = 1 / 30.0;

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void aParabolaPassesUnchanged() {
        // a constant acceleration is in the model's null space: no process noise is needed to follow it, so the
        // smoothed values equal the samples (to round-off of the 1e6-times-diffuse start)
        int n = 90;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i * DT;
            z[i] = 3 + 20 * t - 40 * t * t;
        }
        double[] s = RtsSmoother.forCutoff(4, 1, DT).smooth(z, constant(n, 1), DT);
        for (int i = 0; i < n; i++) {
            assertEquals(z[i], s[i], 1e-3, "sample " + i);
        }
    }

    @Test
    void aSineAtTheCutoffIsHalvedAndAFastOneRemoved() {
        // gain 1 / (1 + (f / fc)^6): 0.5 at fc, 0.98 at fc / 2, 0.015 at 2 fc; measured in the middle of a long
        // record (the ends are not in steady state); 5 % tolerance for the discrete-time approximation
        double fc = 4;
        int n = 600;
        for (double[] fg : new double[][] {{fc, 0.5}, {fc / 2, 1 / (1 + Math.pow(0.5, 6))}, {2 * fc, 1 / 65.0}}) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = Math.sin(2 * Math.PI * fg[0] * i * DT);
            }
            double[] s = RtsSmoother.forCutoff(fc, 1, DT).smooth(z, constant(n, 1), DT);
            double num = 0;
            double den = 0;
            for (int i = 200; i < 400; i++) {
                num += s[i] * z[i];
                den += z[i] * z[i];
            }
            assertEquals(fg[1], num / den, 0.05, "gain at " + fg[0] + " Hz");
        }
    }

    @Test
    void missingSamplesAreBridgedAndNothingIsExtrapolated() {
        int n = 60;
        double[] z = new double[n];
        double[] r = constant(n, 0.01);
        for (int i = 0; i < n; i++) {
            z[i] = 10 * i * DT;
        }
        for (int i = 20; i < 30; i++) {
            z[i] = Double.NaN;
        }
        z[0] = Double.NaN;
        r[59] = Double.POSITIVE_INFINITY;
        double[] s = RtsSmoother.forCutoff(4, 0.01, DT).smooth(z, r, DT);
        assertTrue(Double.isNaN(s[0]) && Double.isNaN(s[59]), "no value before the first or after the last measurement");
        // a straight line through a gap is the motion model's own prediction: bridged to round-off
        for (int i = 20; i < 30; i++) {
            assertEquals(10 * i * DT, s[i], 1e-3, "bridged sample " + i);
        }
    }

    @Test
    void aLessCertainSampleIsSmoothedMore() {
        // one sample 1 unit off: with the nominal variance the smoother keeps part of the step, with 100 times the
        // variance almost none of it
        int n = 61;
        double[] z = new double[n];
        z[30] = 1;
        double[] r = constant(n, 1);
        double kept = RtsSmoother.forCutoff(4, 1, DT).smooth(z, r, DT)[30];
        r[30] = 100;
        double keptUncertain = RtsSmoother.forCutoff(4, 1, DT).smooth(z, r, DT)[30];
        assertTrue(kept > 0.1 && keptUncertain < kept / 10, kept + " vs " + keptUncertain);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RtsSmoother(0));
        assertThrows(IllegalArgumentException.class, () -> RtsSmoother.forCutoff(-1, 1, DT));
        assertThrows(IllegalArgumentException.class, () -> new RtsSmoother(1).smooth(new double[2], new double[3], DT));
    }
}
