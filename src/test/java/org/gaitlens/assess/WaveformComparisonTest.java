package org.gaitlens.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaveformComparisonTest {

    private final WaveformComparison cmp = new WaveformComparison();

    /** A sin(2 pi p + phase) + offset at p = 0, 0.01, ..., 1. */
    static double[] sine(double amplitude, double phaseRad, double offset) {
        double[] c = new double[AssessmentInput.CURVE_POINTS];
        for (int i = 0; i < c.length; i++) {
            c[i] = offset + amplitude * Math.sin(2 * Math.PI * i / 100.0 + phaseRad);
        }
        return c;
    }

    @Test
    void constantOffsetGivesRmsEqualToOffsetAndPerfectCorrelation() {
        // R = L + 4 deg at every point: RMS = MAE = 4 exactly, r = 1. Range over both mean curves:
        // L spans [-30, 30], R spans [-26, 34] -> [-30, 34] = 64 deg (the sine reaches +-1 exactly at 25 % and 75 %).
        // Weighted similarity = 1 x (1 - 4 / 64) = 0.9375.
        List<double[]> l = List.of(sine(30, 0, 0), sine(30, 0, 0), sine(30, 0, 0));
        List<double[]> r = List.of(sine(30, 0, 4), sine(30, 0, 4), sine(30, 0, 4));
        WaveformAsymmetry w = cmp.compare(CurveJoint.KNEE, l, r);
        assertTrue(w.assessed());
        assertEquals(4.0, w.rmsDifferenceDeg(), 1e-9);
        assertEquals(4.0, w.meanAbsDifferenceDeg(), 1e-9);
        assertEquals(1.0, w.pearsonR(), 1e-12);
        assertEquals(64.0, w.rangeDeg(), 1e-9);
        assertEquals(0.9375, w.weightedSimilarity(), 1e-9);
    }

    @Test
    void phaseShiftMatchesTheAnalyticValues() {
        // L = A sin(x), R = A sin(x + phi). Over a full period: R - L = 2A sin(phi/2) cos(x + phi/2), so
        // RMS = sqrt(2) A |sin(phi/2)|, and the correlation is cos(phi). A = 20, phi = 30 deg:
        // RMS = 1.41421 x 20 x 0.258819 = 7.32051, r = 0.866025.
        // The 101 samples include both ends of the period (the point at 0 % counted twice), which biases the
        // discrete means by at most one sample's weight, about 1 %: tolerance 1 % of the value.
        double phi = Math.toRadians(30);
        List<double[]> l = List.of(sine(20, 0, 0), sine(20, 0, 0), sine(20, 0, 0));
        List<double[]> r = List.of(sine(20, phi, 0), sine(20, phi, 0), sine(20, phi, 0));
        WaveformAsymmetry w = cmp.compare(CurveJoint.HIP, l, r);
        assertEquals(7.32051, w.rmsDifferenceDeg(), 0.01 * 7.32051);
        assertEquals(0.866025, w.pearsonR(), 0.01 * 0.866025);
    }

    @Test
    void averagesStridesPointByPoint() {
        // strides at offsets -1, 0, +1 average to the offset-0 curve; SD at each point is 1
        List<double[]> l = List.of(sine(10, 0, -1), sine(10, 0, 0), sine(10, 0, 1));
        WaveformAsymmetry w = cmp.compare(CurveJoint.ANKLE, l, l);
        assertEquals(0.0, w.rmsDifferenceDeg(), 1e-12);
        assertEquals(1.0, w.left().sdDeg()[37], 1e-12);
        assertEquals(10 * Math.sin(2 * Math.PI * 0.37), w.left().meanDeg()[37], 1e-12);
        assertEquals(1.0, w.weightedSimilarity(), 1e-12);
    }

    @Test
    void refusesBelowThreeCurvesPerSide() {
        WaveformAsymmetry w = cmp.compare(CurveJoint.KNEE, List.of(sine(30, 0, 0), sine(30, 0, 0)),
                List.of(sine(30, 0, 0), sine(30, 0, 0), sine(30, 0, 0)));
        assertFalse(w.assessed());
        assertTrue(w.note().startsWith("insufficient strides"));
        assertTrue(Double.isNaN(w.rmsDifferenceDeg()));
    }
}
