package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.gaitlens.core.BodyLandmark;
import org.junit.jupiter.api.Test;

class PoseLandmarkerDecodeTest {

    @Test
    void projectsCropPixelsThroughRotatedRoiAndAppliesSigmoids() {
        float[] raw = new float[195];
        float[] world = new float[117];
        // Left knee (25) at crop pixel (128, 64): u = 0.5, v = 0.25; z = 32 -> 0.125 of the crop.
        int k = BodyLandmark.LEFT_KNEE.ordinal();
        raw[5 * k] = 128f;
        raw[5 * k + 1] = 64f;
        raw[5 * k + 2] = 32f;
        raw[5 * k + 3] = 0f;           // visibility logit 0 -> 0.5
        raw[5 * k + 4] = (float) Math.log(3); // presence logit ln 3 -> 0.75
        world[3 * k] = 0.1f;
        world[3 * k + 1] = 0.2f;
        world[3 * k + 2] = -0.3f;
        // Auxiliary points 33 (hip centre) at crop centre and 34 at the crop's top-centre.
        raw[5 * 33] = 128f;
        raw[5 * 33 + 1] = 128f;
        raw[5 * 34] = 128f;
        raw[5 * 34 + 1] = 28f;
        PoseRoi roi = new PoseRoi(500, 300, 400, 400, Math.PI / 2);

        LandmarkerResult r = PoseLandmarker.decode(raw, 0.9, world, null, roi);
        LandmarkPoint p = r.get(BodyLandmark.LEFT_KNEE);
        // (u - 0.5, v - 0.5) * 400 = (0, -100); rotated by +90 deg clockwise: (100, 0) -> (600, 300).
        assertEquals(600, p.xPx(), 1e-4);
        assertEquals(300, p.yPx(), 1e-4);
        assertEquals(0.125 * 400, p.z(), 1e-4);
        assertEquals(0.5, p.visibility(), 1e-7);
        assertEquals(0.75, p.presence(), 1e-7);
        // World (0.1, 0.2) rotated by +90 deg: (cos*0.1 - sin*0.2, sin*0.1 + cos*0.2) = (-0.2, 0.1); z kept.
        assertEquals(-0.2, p.worldXM(), 1e-6);
        assertEquals(0.1, p.worldYM(), 1e-6);
        assertEquals(-0.3, p.worldZM(), 1e-6);
        assertEquals(0.9, r.poseScore(), 1e-12);
        // Aux points: centre -> ROI centre; 100 crop px above it -> 100/256*400 = 156.25 px to the right.
        assertEquals(500, r.alignmentCentre().xPx(), 1e-4);
        assertEquals(656.25, r.alignmentScale().xPx(), 1e-4);
        PoseRoi next = r.nextRoi();
        assertEquals(Math.PI / 2, next.rotationRad(), 1e-6);
        assertEquals(2 * 156.25 * 1.25, next.widthPx(), 1e-3);
    }

    @Test
    void heatmapRefinementMovesPointToWeightedCellIndexMean() {
        float[] raw = new float[195];
        float[] world = new float[117];
        float[] heatmap = new float[64 * 64 * 39];
        Arrays.fill(heatmap, -20f); // sigmoid ~2e-9: no weight
        int k = BodyLandmark.NOSE.ordinal();
        // Regression says cell (row 20, col 41.3); the heatmap has equal peaks at cols 40 and 42 of row 21.
        raw[5 * k] = (float) (41.3 / 64 * 256);
        raw[5 * k + 1] = (float) (20.2 / 64 * 256);
        heatmap[(21 * 64 + 40) * 39 + k] = 20f;
        heatmap[(21 * 64 + 42) * 39 + k] = 20f;
        PoseRoi roi = new PoseRoi(128, 128, 256, 256, 0);
        LandmarkerResult r = PoseLandmarker.decode(raw, 1, world, heatmap, roi);
        // Weighted mean cell index (41, 21) / 64, in MediaPipe's cell-index convention, -> 256 px crop = image.
        // Tolerance 1e-3 px: the ~2e-9 weights of the other 47 cells shift the mean by < 1e-6 cells.
        assertEquals(41.0 / 64 * 256, r.get(BodyLandmark.NOSE).xPx(), 1e-3);
        assertEquals(21.0 / 64 * 256, r.get(BodyLandmark.NOSE).yPx(), 1e-3);
        // A point whose window has no confident cell keeps its regressed position.
        int j = BodyLandmark.LEFT_HEEL.ordinal();
        raw[5 * j] = 100f;
        raw[5 * j + 1] = 200f;
        r = PoseLandmarker.decode(raw, 1, world, heatmap, roi);
        assertEquals(100, r.get(BodyLandmark.LEFT_HEEL).xPx(), 1e-4);
        assertEquals(200, r.get(BodyLandmark.LEFT_HEEL).yPx(), 1e-4);
    }
}
