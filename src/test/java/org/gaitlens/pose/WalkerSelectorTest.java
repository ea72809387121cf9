package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.junit.jupiter.api.Test;

/**
 * Which person the walker selector picks, on hand-placed detections in a 1000 x 1000 px frame (scans every 0.1 s;
 * body radius = hip centre to body-scale point).
 */
class WalkerSelectorTest {
    private static final double SIZE_PX = 1000;
    private static final double HOLD_S = 1.0;

    /** A detection with its hip centre at (x, y) and the body-scale point {@code radiusPx} above it. */
    private static PersonDetection person(double xPx, double yPx, double radiusPx) {
        return new PersonDetection(0.9, xPx - 10, yPx - radiusPx - 10, xPx + 10, yPx - radiusPx + 10,
                List.of(new ImagePoint(xPx, yPx), new ImagePoint(xPx, yPx - radiusPx),
                        new ImagePoint(xPx, yPx - radiusPx / 2), new ImagePoint(xPx, yPx - radiusPx * 0.75)));
    }

    /** A landmark result with its alignment centre at (x, y) and body radius {@code radiusPx}. */
    private static LandmarkerResult pose(double xPx, double yPx, double radiusPx) {
        return new LandmarkerResult(new PoseRoi(xPx, yPx, 2.5 * radiusPx, 2.5 * radiusPx, 0), 0.9,
                Collections.nCopies(BodyLandmark.COUNT, new LandmarkPoint(xPx, yPx, 0, 1, 1, 0, 0, 0)),
                new ImagePoint(xPx, yPx), new ImagePoint(xPx, yPx - radiusPx));
    }

    @Test
    void scansEveryTenthOfASecondOrEverySecondWhileTheTrackedPersonWalks() {
        assertTrue(WalkerSelector.scanDue(1.1, 1.0, Double.NaN));
        assertFalse(WalkerSelector.scanDue(1.09, 1.0, 0.2));
        assertFalse(WalkerSelector.scanDue(1.5, 1.0, -0.6));
        assertTrue(WalkerSelector.scanDue(2.0, 1.0, 0.6));
    }

    @Test
    void withoutATrackTheMostProminentComesFirst() {
        // Prominence = radius x (1 - 0.5 x distance from the centre in half-frames, at most 1).
        PersonDetection central = person(500, 500, 100); // 100
        PersonDetection edgeSmall = person(1000, 500, 150); // 75
        PersonDetection edgeLarge = person(1000, 500, 250); // 125
        List<PersonDetection> order = new WalkerSelector().acquisitionOrder(List.of(edgeSmall, central, edgeLarge),
                0, new TrackHistory(), HOLD_S, SIZE_PX, SIZE_PX);
        assertEquals(List.of(edgeLarge, central, edgeSmall), order);
    }

    @Test
    void aPersonSeenWalkingComesBeforeALargerOneStanding() {
        WalkerSelector s = new WalkerSelector();
        TrackHistory none = new TrackHistory();
        PersonDetection standing = person(500, 500, 200);
        List<PersonDetection> order = List.of();
        for (int i = 0; i <= 4; i++) {
            // 100 px/s with a 100 px radius: 1 radius/s; the walker is known once 0.25 s of samples span.
            PersonDetection walker = person(200 + 10 * i, 600, 100);
            order = s.acquisitionOrder(List.of(standing, walker), i * 0.1, none, HOLD_S, SIZE_PX, SIZE_PX);
            assertSame(i < 3 ? standing : walker, order.get(0), "scan " + i);
        }
        assertEquals(2, order.size());
    }

    @Test
    void withinTheHoldOnlyPeopleNearThePredictionAreTriedNearestFirst() {
        TrackHistory track = new TrackHistory();
        for (int i = 0; i <= 3; i++) {
            track.record(i * 0.1, pose(300 + 10 * i, 500, 100)); // 100 px/s
        }
        track.lose();
        // Predicted at 0.5 s: 330 + 100 x 0.2 = 350; gate: 1 body radius = 100 px.
        PersonDetection near = person(370, 500, 100);
        PersonDetection nearer = person(340, 500, 100);
        PersonDetection far = person(460, 500, 100);
        WalkerSelector s = new WalkerSelector();
        assertEquals(List.of(nearer, near),
                s.acquisitionOrder(List.of(far, near, nearer), 0.5, track, HOLD_S, SIZE_PX, SIZE_PX));
        // After the hold, everyone again, by prominence (the same size, so the most central first).
        assertEquals(List.of(far, near, nearer),
                s.acquisitionOrder(List.of(nearer, far, near), 0.3 + HOLD_S + 0.01, track, HOLD_S, SIZE_PX, SIZE_PX));
    }

    /**
     * Five scans (0 to 0.4 s) of a standing tracked person and a walker moving {@code stepPx} every 0.1 s with a
     * 100 px radius; returns the candidate to switch to after the last scan, the tracked person moving at
     * {@code ownRadiiPerS}.
     */
    private static WalkerSelector.Candidate afterFiveScans(double stepPx, double ownRadiiPerS) {
        WalkerSelector s = new WalkerSelector();
        LandmarkerResult tracked = pose(500, 500, 200);
        PersonDetection own = person(505, 500, 200); // the tracked person's own detection: not a candidate
        WalkerSelector.Candidate found = null;
        for (int i = 0; i <= 4; i++) {
            found = s.walkerToSwitchTo(List.of(own, person(200 + stepPx * i, 600, 100)), i * 0.1, tracked,
                    ownRadiiPerS);
            if (i < 3) {
                assertNull(found, "walker not known yet at scan " + i);
            }
        }
        return found;
    }

    @Test
    void theTrackMovesToAWalkerOnlyWhileTheTrackedPersonStands() {
        WalkerSelector.Candidate found = afterFiveScans(10, 0.1);
        assertTrue(found != null && found.lastDetection().hipCentre().xPx() == 240, "the walker at scan 4");
        // 40 px in 0.4 s with a 100 px radius (values exact to rounding).
        assertEquals(1.0, found.speedRadiiPerS(0.4), 1e-9);
        // The tracked person moves at 0.3 radii/s or more: no switch.
        assertNull(afterFiveScans(10, -0.3));
        // A walker at 0.55 radii/s: the tracked person must move at less than half that (0.275).
        assertTrue(afterFiveScans(5.5, 0.27) != null);
        assertNull(afterFiveScans(5.5, 0.28));
        // Nobody walking fast enough (0.4 radii/s < 0.5): no switch.
        assertNull(afterFiveScans(4, 0));
    }
}
