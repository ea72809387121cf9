package org.gaitlens.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Point-wise curve statistics with gaps, against values worked out by hand. */
class CurveStatsTest {
    private static final double NAN = Double.NaN;

    @Test
    void completeCurvesGiveThePlainMeanAndSampleSd() {
        CurveStats s = CurveStats.of(List.of(new double[] {1, 2, 3}, new double[] {3, 4, 7}), 3);
        assertArrayEquals(new double[] {2, 3, 5}, s.mean(), 1e-12);
        // sample SD of {1, 3}: sqrt(((1-2)^2 + (3-2)^2) / 1) = sqrt(2); of {3, 7}: sqrt(8)
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2), Math.sqrt(8)}, s.sd(), 1e-12);
        assertArrayEquals(new int[] {2, 2, 2}, s.count());
        assertEquals(2, s.curves());
    }

    @Test
    void gapsAreSkippedPointByPointWhereHalfTheCurvesHaveAValue() {
        // four curves; point 0: all four; point 1: two of four (= half, kept); point 2: one of four (gap)
        List<double[]> curves = List.of(
                new double[] {10, 20, 30},
                new double[] {12, NAN, NAN},
                new double[] {14, 24, NAN},
                new double[] {16, NAN, NAN});
        CurveStats s = CurveStats.of(curves, 3);
        assertEquals(13, s.mean()[0], 1e-12);
        assertEquals(22, s.mean()[1], 1e-12, "mean of 20 and 24");
        assertEquals(Math.sqrt(8), s.sd()[1], 1e-12, "sample SD of 20 and 24");
        assertTrue(Double.isNaN(s.mean()[2]), "one curve of four is not the side's mean");
        assertTrue(Double.isNaN(s.sd()[2]));
        assertArrayEquals(new int[] {4, 2, 1}, s.count(), "counts also where too few for a mean");
        assertEquals(4, s.curves());
    }

    @Test
    void aCurveWithoutAnyValueDoesNotCountTowardCoverage() {
        // two curves with values + one empty: half of 2 = 1 curve is enough at each point
        List<double[]> curves = List.of(new double[] {1, NAN}, new double[] {3, 5}, new double[] {NAN, NAN});
        CurveStats s = CurveStats.of(curves, 2);
        assertEquals(2, s.curves());
        assertArrayEquals(new double[] {2, 5}, s.mean(), 1e-12);
        assertTrue(Double.isNaN(s.sd()[1]), "one value: no SD");
        assertArrayEquals(new int[] {2, 1}, s.count());
    }

    @Test
    void noCurvesGiveAllGaps() {
        CurveStats s = CurveStats.of(List.of(), 3);
        assertEquals(0, s.curves());
        assertTrue(java.util.Arrays.stream(s.mean()).allMatch(Double::isNaN));
    }

    @Test
    void aCurveOfTheWrongLengthIsRejectedWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurveStats.of(List.of(new double[3], new double[2]), 3));
        assertTrue(e.getMessage().contains("curve 1 has 2 points"), e.getMessage());
    }
}
