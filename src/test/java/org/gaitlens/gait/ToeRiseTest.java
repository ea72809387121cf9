package org.gaitlens.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.Side;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;
import org.junit.jupiter.api.Test;

/** Toe off at the foot tip's rise off its resting level, on hand-made foot-tip heights (30 fps, leg 100 px). */
class ToeRiseTest {
    private static final double FS = 30;
    private static final double LEG_PX = 100;
    /** Rise 0.02 leg lengths = 2 px. */
    private static final double RISE = 0.02;

    private static LandmarkSeries tip(double[] y) {
        int n = y.length;
        double[] t = new double[n];
        double[] x = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / FS;
            c[i] = 1;
        }
        EnumMap<BodyLandmark, LandmarkTrack> m = new EnumMap<>(BodyLandmark.class);
        m.put(BodyLandmark.LEFT_FOOT_INDEX, new LandmarkTrack(x, y.clone(), c));
        return new LandmarkSeries(t, m, 1000, 1000, Double.NaN, "tip");
    }

    private static WalkingPass pass(int n) {
        return new WalkingPass(0, 0, n, 0, (n - 1) / FS, WalkingDirection.POSITIVE_X, 100);
    }

    private static double refine(double[] y, double candidateFrame) {
        return ToeRise.refine(tip(y), Side.LEFT, candidateFrame / FS, pass(y.length), FS, 0.25, RISE, LEG_PX) * FS;
    }

    @Test
    void theLiftIsWhereTheTipRisesTwoPixelsAboveItsLowestPoint() {
        // resting at y = 500 to frame 10, then rising 1 px per frame: 2 px above the rest at frame 12, crossed
        // between frames 12 (498, not below) and 13 (497): at 12 + (498 - 498) / (497 - 498) = 12
        double[] y = new double[30];
        for (int i = 0; i < y.length; i++) {
            y[i] = i <= 10 ? 500 : 500 - (i - 10);
        }
        assertEquals(12, refine(y, 12.5), 1e-9);
    }

    @Test
    void aDipOfTheRestingTipThatComesBackIsNotTheLift() {
        // a 3 px dip for two frames (6-7) back to rest, then the real lift from frame 12 (3 px per frame)
        double[] y = new double[30];
        for (int i = 0; i < y.length; i++) {
            y[i] = i <= 12 ? 500 : 500 - 3 * (i - 12);
        }
        y[6] = 497;
        y[7] = 497;
        // crossing of 498 between frame 12 (500) and 13 (497): 12 + 2 / 3
        assertEquals(12 + 2.0 / 3, refine(y, 13), 1e-9);
    }

    @Test
    void aLiftFoundLongBeforeTheCandidateLeavesTheCandidate() {
        // the tip rises (and stays up) from frame 5 (crossing at 5.4), but the speed candidate is at frame 10: more
        // than 0.1 s later
        double[] y = new double[30];
        for (int i = 0; i < y.length; i++) {
            y[i] = i <= 5 ? 500 : 495;
        }
        assertTrue(Double.isNaN(refine(y, 10)));
        // within 0.1 s (3 frames): taken
        assertEquals(5 + 2.0 / 5, refine(y, 7), 1e-9);
    }

    @Test
    void noRiseInTheWindowLeavesTheCandidate() {
        double[] y = new double[30];
        java.util.Arrays.fill(y, 500);
        assertTrue(Double.isNaN(refine(y, 15)));
    }
}
