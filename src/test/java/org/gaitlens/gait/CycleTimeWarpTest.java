package org.gaitlens.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gaitlens.gait.CycleTimeWarp.Cycle;
import org.junit.jupiter.api.Test;

/** The side-by-side time map: heel strikes onto matched heel strikes, linear within each stride. */
class CycleTimeWarpTest {
    /** Exact arithmetic on short sums of doubles: a few ulps. */
    private static final double EPS = 1e-12;

    private static final List<Cycle> A = List.of(new Cycle(1.0, 2.0), new Cycle(2.0, 3.2), new Cycle(6.0, 7.0));
    private static final List<Cycle> B = List.of(new Cycle(0.5, 1.9), new Cycle(1.9, 3.3), new Cycle(8.0, 9.5));

    @Test
    void heelStrikesMapOntoTheMatchedHeelStrikesAndPhasesOntoTheSamePhase() {
        CycleTimeWarp w = CycleTimeWarp.matching(A, B, 0);
        assertEquals(5, w.size(), "shared boundary 2.0 / 1.9 counted once");
        assertEquals(0.5, w.toB(1.0), EPS);
        assertEquals(1.9, w.toB(2.0), EPS);
        assertEquals(9.5, w.toB(7.0), EPS);
        // 40 % into A's second stride is 40 % into B's second stride
        assertEquals(1.9 + 0.4 * 1.4, w.toB(2.0 + 0.4 * 1.2), EPS);
        // real-time rate before the first and after the last knot
        assertEquals(0.5 - 0.3, w.toB(0.7), EPS);
        assertEquals(9.5 + 1.0, w.toB(8.0), EPS);
        // and back
        assertEquals(2.0 + 0.4 * 1.2, w.toA(1.9 + 0.4 * 1.4), EPS);
    }

    @Test
    void aShiftMatchesALaterStrideOfB() {
        CycleTimeWarp w = CycleTimeWarp.matching(A, B, 1);
        assertEquals(1.9, w.toB(1.0), EPS);
        assertEquals(3.3, w.toB(2.0), EPS);
        assertEquals(9.5, w.toB(3.2), EPS);
    }
}
