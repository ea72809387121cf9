package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionDecoderTest {
    // Hand-computed values are exact in decimal; float32 inputs (raw tensors) carry ~1e-5 relative error,
    // which at coordinates up to ~1300 px gives < 1e-3 px.
    private static final double EPS_PX = 1e-3;

    /** Anchor 2104 = first anchor of cell (row 3, col 3) of the 7x7 grid: 1960 + (3 * 7 + 3) * 6. */
    private static final int CENTRE_ANCHOR = 2104;

    @Test
    void decodesBoxAndKeypointsAndRemovesLetterboxOfA16by9Image() {
        SsdAnchors anchors = SsdAnchors.blazePose224();
        assertEquals(0.5, anchors.xCentre(CENTRE_ANCHOR), 1e-12);
        assertEquals(0.5, anchors.yCentre(CENTRE_ANCHOR), 1e-12);
        float[] boxes = new float[anchors.count() * 12];
        float[] logits = new float[anchors.count()];
        Arrays.fill(logits, -100f);
        int o = CENTRE_ANCHOR * 12;
        // Box centre offset (+11.2, -22.4) px of the 224 input = (+0.05, -0.1); size (44.8, 22.4) = (0.2, 0.1).
        float[] raw = {11.2f, -22.4f, 44.8f, 22.4f, 0f, 22.4f, 0f, -67.2f, 5.6f, 0f, 0f, 0f};
        System.arraycopy(raw, 0, boxes, o, 12);
        logits[CENTRE_ANCHOR] = 2f;
        logits[7] = -1f; // sigmoid(-1) = 0.27 < 0.5: dropped

        // 1280x720 into 224: scale 0.175, content 224x126, padding 49 px top and bottom.
        Letterbox lb = Letterbox.fit(1280, 720, 224);
        assertEquals(0.175, lb.scale(), 1e-12);
        assertEquals(0.0, lb.padXPx(), 1e-12);
        assertEquals(49.0, lb.padYPx(), 1e-9);

        List<PersonDetection> d = DetectionDecoder.decode(boxes, logits, anchors, 0.5, lb);
        assertEquals(1, d.size());
        PersonDetection p = d.get(0);
        assertEquals(1 / (1 + Math.exp(-2)), p.score(), 1e-9);
        // Box centre (0.55, 0.40), size (0.2, 0.1) -> input px x 100.8..145.6, y 78.4..100.8
        // -> image x = px / 0.175: 576..832; y = (px - 49) / 0.175: 168..296.
        assertEquals(576, p.xMinPx(), EPS_PX);
        assertEquals(832, p.xMaxPx(), EPS_PX);
        assertEquals(168, p.yMinPx(), EPS_PX);
        assertEquals(296, p.yMaxPx(), EPS_PX);
        // Keypoint 0: (0.5, 0.6) -> input (112, 134.4) -> image (640, 488).
        assertEquals(640, p.hipCentre().xPx(), EPS_PX);
        assertEquals(488, p.hipCentre().yPx(), EPS_PX);
        // Keypoint 1: (0.5, 0.2) -> input (112, 44.8) -> image (640, -24): above the image, allowed.
        assertEquals(640, p.bodyScalePoint().xPx(), EPS_PX);
        assertEquals(-24, p.bodyScalePoint().yPx(), EPS_PX);
        // Keypoint 2: (0.525, 0.5) -> input (117.6, 112) -> image (672, 360).
        assertEquals(672, p.keypoints().get(2).xPx(), EPS_PX);
        assertEquals(360, p.keypoints().get(2).yPx(), EPS_PX);
    }

    @Test
    void portraitImageIsPaddedLeftAndRight() {
        // 720x1280: scale 0.175, padding (224 - 126) / 2 = 49 px left and right; input x 49 = image x 0.
        Letterbox lb = Letterbox.fit(720, 1280, 224);
        assertEquals(49.0, lb.padXPx(), 1e-9);
        assertEquals(0.0, lb.imageX(49.0 / 224), 1e-9);
        assertEquals(720.0, lb.imageX(175.0 / 224), 1e-9);
        assertEquals(1280.0, lb.imageY(1.0), 1e-9);
    }

    private static PersonDetection det(double score, double x0, double y0, double x1, double y1, double kx) {
        return new PersonDetection(score, x0, y0, x1, y1, List.of(new ImagePoint(kx, 0), new ImagePoint(kx, 10),
                new ImagePoint(kx, 20), new ImagePoint(kx, 30)));
    }

    @Test
    void weightedNmsMergesOverlappingBoxesByScoreWeightedMean() {
        PersonDetection a = det(0.9, 0, 0, 10, 10, 2);
        PersonDetection b = det(0.6, 1, 1, 11, 11, 4);       // IoU with a: 81 / 119 = 0.68 > 0.3
        PersonDetection c = det(0.8, 100, 100, 110, 110, 50); // far away
        PersonDetection e = det(0.7, 7, 0, 17, 10, 9);        // IoU with a: 30 / 170 = 0.18 < 0.3
        assertEquals(81.0 / 119.0, DetectionDecoder.iou(a, b), 1e-12);
        assertEquals(30.0 / 170.0, DetectionDecoder.iou(a, e), 1e-12);

        List<PersonDetection> out = DetectionDecoder.weightedNms(List.of(b, c, e, a), 0.3);
        assertEquals(3, out.size());
        PersonDetection m = out.get(0);
        // Merged a+b keeps a's score; corners are weighted means: xmin = (0.9*0 + 0.6*1) / 1.5 = 0.4,
        // xmax = (0.9*10 + 0.6*11) / 1.5 = 10.4; keypoint x = (0.9*2 + 0.6*4) / 1.5 = 2.8.
        assertEquals(0.9, m.score(), 1e-12);
        assertEquals(0.4, m.xMinPx(), 1e-12);
        assertEquals(0.4, m.yMinPx(), 1e-12);
        assertEquals(10.4, m.xMaxPx(), 1e-12);
        assertEquals(10.4, m.yMaxPx(), 1e-12);
        assertEquals(2.8, m.hipCentre().xPx(), 1e-12);
        assertEquals(10.0, m.bodyScalePoint().yPx(), 1e-12);
        // Then c (0.8) alone and e (0.7) alone: e overlaps a too little to be merged.
        assertEquals(c, out.get(1));
        assertEquals(e, out.get(2));
    }
}
