package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Speeds, direction and prediction of a hip track, on hand-made positions with values worked out by hand. */
class HipTrackTest {
    /** Sums of a few doubles: exact to far below this. */
    private static final double EPS = 1e-9;

    /** Samples every 0.1 s from time 0 to {@code endS}, x = x0 + vx t, y = 300, body radius 100 px. */
    private static HipTrack line(double x0, double vxPxPerS, double endS) {
        HipTrack h = new HipTrack();
        for (int i = 0; i * 0.1 <= endS + 1e-9; i++) {
            double t = i * 0.1;
            h.add(t, new ImagePoint(x0 + vxPxPerS * t, 300), 100);
        }
        return h;
    }

    @Test
    void speedIsTheDisplacementOverTheWindowInBodyRadii() {
        // 150 px/s with a 100 px body radius: 1.5 radii/s, over the last 0.6 s (7 samples).
        HipTrack h = line(1000, -150, 1.0);
        assertEquals(-1.5, h.speedRadiiPerS(1.0), EPS);
        // The radius is the window's median: one outlier does not change it.
        h.add(1.1, new ImagePoint(1000 - 150 * 1.1, 300), 400);
        assertEquals(-1.5, h.speedRadiiPerS(1.1), EPS);
    }

    @Test
    void speedIsUnknownWithTooFewOrTooOldSamples() {
        HipTrack two = line(0, 100, 0.1);
        assertTrue(Double.isNaN(two.speedRadiiPerS(0.1)), "2 samples");
        HipTrack shortSpan = new HipTrack();
        for (double t : new double[] {0, 0.1, 0.2}) {
            shortSpan.add(t, new ImagePoint(100 * t, 0), 100);
        }
        assertTrue(Double.isNaN(shortSpan.speedRadiiPerS(0.2)), "0.2 s < 0.25 s span");
        HipTrack h = line(0, 100, 1.0);
        assertEquals(1.0, h.speedRadiiPerS(1.29), EPS);
        assertTrue(Double.isNaN(h.speedRadiiPerS(1.31)), "newest sample older than 0.3 s");
    }

    @Test
    void predictionExtrapolatesTheLastThreeTenthsForAtMostOneSecond() {
        HipTrack h = new HipTrack();
        h.add(0.0, new ImagePoint(0, 0), 100); // older than 0.3 s before the newest: not the reference
        h.add(0.2, new ImagePoint(1000, 1000), 100);
        h.add(0.5, new ImagePoint(1030, 1060), 100);
        // Reference = first sample within 0.3 s of the newest (t = 0.2): v = (100, 200) px/s.
        ImagePoint p = h.predict(0.9);
        assertEquals(1030 + 100 * 0.4, p.xPx(), 1e-9);
        assertEquals(1060 + 200 * 0.4, p.yPx(), 1e-9);
        ImagePoint far = h.predict(5.0);
        assertEquals(1030 + 100 * 1.0, far.xPx(), 1e-9, "horizon capped at 1 s");
    }

    @Test
    void movingOneWayNeedsNoReversalAndMoreThanJitter() {
        assertTrue(line(0, 100, 1.0).movesOneWay());
        // Out 0.3 s and back: the halves move by +30 and -30 px, beyond the 10 px jitter (0.1 radius).
        HipTrack back = new HipTrack();
        for (int i = 0; i <= 6; i++) {
            double t = i * 0.1;
            back.add(t, new ImagePoint(i <= 3 ? 10 * i : 60 - 10 * i, 0), 100);
        }
        assertFalse(back.movesOneWay());
        // Standing with 5 px sway: no reversal beyond jitter, but no net motion beyond twice the jitter either.
        HipTrack sway = new HipTrack();
        for (int i = 0; i <= 6; i++) {
            sway.add(i * 0.1, new ImagePoint(i % 2 == 0 ? 0 : 5, 0), 100);
        }
        assertFalse(sway.movesOneWay());
    }
}
