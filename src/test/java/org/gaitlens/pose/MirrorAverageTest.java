package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.junit.jupiter.api.Test;

/** The mirrored run's decoding (mapped back with left and right exchanged) and the combination of the two runs. */
class MirrorAverageTest {
    private static final PoseRoi ROI = new PoseRoi(500, 300, 400, 400, 0);

    @Test
    void aMirroredCropIsMappedBackWithSidesExchanged() {
        // the model, on the mirrored crop, puts its "left knee" at crop pixel (64, 128): mirrored back that is
        // u = 1 - 0.25 = 0.75, i.e. image x = 500 + 0.25 * 400 = 600, and it is the right knee; world x changes sign
        float[] raw = new float[195];
        float[] world = new float[117];
        int k = BodyLandmark.LEFT_KNEE.ordinal();
        raw[5 * k] = 64f;
        raw[5 * k + 1] = 128f;
        raw[5 * k + 3] = 2f;
        world[3 * k] = 0.1f;
        LandmarkerResult r = PoseLandmarker.decode(raw, 0.9, world, null, ROI, true);
        LandmarkPoint right = r.get(BodyLandmark.RIGHT_KNEE);
        assertEquals(600, right.xPx(), 1e-4);
        assertEquals(300, right.yPx(), 1e-4);
        assertEquals(PoseLandmarker.sigmoid(2), right.visibility(), 1e-9);
        assertEquals(-0.1, right.worldXM(), 1e-6);
        // the nose has no side: same slot, mirrored position (raw 0, 0 -> u = 1 -> x = 700)
        assertEquals(700, r.get(BodyLandmark.NOSE).xPx(), 1e-4);
        // not mirrored: the same raw output is the left knee at x = 400
        assertEquals(400, PoseLandmarker.decode(raw, 0.9, world, null, ROI, false).get(BodyLandmark.LEFT_KNEE).xPx(),
                1e-4);
    }

    @Test
    void pointsAreAveragedWithVisibilityWeights() {
        LandmarkPoint a = new LandmarkPoint(100, 200, 0, 0.9, 1, 0, 0, 0);
        LandmarkPoint b = new LandmarkPoint(110, 220, 0, 0.3, 1, 0, 0, 0);
        LandmarkPoint c = MirrorAverage.combine(a, b);
        // weights 0.9 / 1.2 and 0.3 / 1.2: x = 100 + 10 / 4, y = 200 + 20 / 4; visibility the plain mean
        assertEquals(102.5, c.xPx(), 1e-9);
        assertEquals(205, c.yPx(), 1e-9);
        assertEquals(0.6, c.visibility(), 1e-9);
        LandmarkPoint zero = MirrorAverage.combine(new LandmarkPoint(0, 0, 0, 0, 0, 0, 0, 0),
                new LandmarkPoint(10, 10, 0, 0, 0, 0, 0, 0));
        assertEquals(5, zero.xPx(), 1e-9, "no visibility: equal weights");
    }

    @Test
    void legsExchangedByTheOtherRunAreMatchedBeforeAveraging() {
        List<LandmarkPoint> direct = pose(300, 400);
        List<LandmarkPoint> swapped = pose(400, 300);
        // the mirrored run put the left leg where the direct run has the right one: matched, not averaged half way
        List<LandmarkPoint> matched = MirrorAverage.legsMatched(direct, swapped);
        assertEquals(300, matched.get(BodyLandmark.LEFT_ANKLE.ordinal()).xPx(), 1e-9);
        assertEquals(300, matched.get(BodyLandmark.LEFT_HIP.ordinal()).xPx(), 1e-9);
        LandmarkerResult avg = MirrorAverage.combine(result(direct), result(swapped));
        assertEquals(300, avg.get(BodyLandmark.LEFT_KNEE).xPx(), 1e-9);
        assertEquals(400, avg.get(BodyLandmark.RIGHT_FOOT_INDEX).xPx(), 1e-9);
        // the same labels: kept as they are
        List<LandmarkPoint> same = pose(305, 395);
        assertSame(same, MirrorAverage.legsMatched(direct, same));
    }

    @Test
    void theTwoRunsMustShareTheirRegion() {
        LandmarkerResult a = result(pose(300, 400));
        LandmarkerResult b = new LandmarkerResult(new PoseRoi(501, 300, 400, 400, 0), 1, pose(300, 400),
                new ImagePoint(0, 0), new ImagePoint(0, -1));
        assertThrows(IllegalArgumentException.class, () -> MirrorAverage.combine(a, b));
    }

    /** A pose whose left leg points lie at x = {@code leftX} and right leg points at {@code rightX}. */
    private static List<LandmarkPoint> pose(double leftX, double rightX) {
        List<LandmarkPoint> out = new ArrayList<>();
        for (BodyLandmark lm : BodyLandmark.values()) {
            double x = lm.side().map(s -> s == org.gaitlens.core.Side.LEFT ? leftX : rightX).orElse(350.0);
            out.add(new LandmarkPoint(x, 100 + lm.ordinal(), 0, 0.8, 1, 0, 0, 0));
        }
        return out;
    }

    private static LandmarkerResult result(List<LandmarkPoint> points) {
        return new LandmarkerResult(ROI, 0.9, points, new ImagePoint(500, 300), new ImagePoint(500, 200));
    }
}
