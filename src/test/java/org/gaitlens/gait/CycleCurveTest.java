package org.gaitlens.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;

/**
 * A side's mean curve keeps strides with gaps (a hidden far leg) instead of dropping them; before, a single
 * missing point removed the stride and a far leg hidden in every stride had no curve at all.
 */
class CycleCurveTest {

    private static double[] curve(double offsetDeg, int gapFrom, int gapTo) {
        double[] c = new double[StrideKinematics.CYCLE_POINTS];
        for (int i = 0; i < c.length; i++) {
            c[i] = i >= gapFrom && i <= gapTo ? Double.NaN : offsetDeg + 30 * Math.sin(2 * Math.PI * i / 100.0);
        }
        return c;
    }

    @Test
    void everyStrideHiddenInMidStanceStillGivesACurveOutsideTheGap() {
        // three strides, each hidden in a different but overlapping stretch of mid-stance
        List<double[]> strides = List.of(curve(10, 20, 40), curve(12, 25, 45), curve(14, 30, 50));
        CycleCurve c = CycleCurve.of(Side.RIGHT, Joint.KNEE_FLEXION, strides);
        assertEquals(3, c.n(), "no stride dropped");
        int[] n = c.nPerPoint();
        double[] mean = c.meanDeg();
        // point 10: all three, mean offset 12; point 22: strides 2 and 3 (2 of 3 >= half), mean offset 13
        assertEquals(3, n[10]);
        assertEquals(12 + 30 * Math.sin(2 * Math.PI * 0.10), mean[10], 1e-9);
        assertEquals(2, n[22]);
        assertEquals(13 + 30 * Math.sin(2 * Math.PI * 0.22), mean[22], 1e-9);
        // point 35: all three hidden -> gap; point 45: only stride 3 seen (1 of 3 < half) -> gap
        assertTrue(Double.isNaN(mean[35]));
        assertEquals(0, n[35]);
        assertTrue(Double.isNaN(mean[45]), "one stride of three is not the side's mean");
        assertEquals(1, n[45], "but it is counted");
        assertEquals(0, Arrays.stream(n, 51, 101).filter(k -> k != 3).count(), "late cycle seen in all strides");
    }
}
