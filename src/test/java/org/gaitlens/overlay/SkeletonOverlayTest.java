package org.gaitlens.overlay;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;
import org.junit.jupiter.api.Test;

class SkeletonOverlayTest {
    private static final int W = 640;
    private static final int H = 480;

    /** A standing figure facing the camera (person's left on image right), hips at y 260. */
    private static PoseFrame figure(Map<BodyLandmark, Double> confidence) {
        Map<BodyLandmark, double[]> xy = new EnumMap<>(BodyLandmark.class);
        xy.put(BodyLandmark.NOSE, new double[] {320.5, 100.5});
        xy.put(BodyLandmark.LEFT_EYE_INNER, new double[] {325.5, 95.5});
        xy.put(BodyLandmark.LEFT_EYE, new double[] {330.5, 95.5});
        xy.put(BodyLandmark.LEFT_EYE_OUTER, new double[] {334.5, 95.5});
        xy.put(BodyLandmark.RIGHT_EYE_INNER, new double[] {315.5, 95.5});
        xy.put(BodyLandmark.RIGHT_EYE, new double[] {310.5, 95.5});
        xy.put(BodyLandmark.RIGHT_EYE_OUTER, new double[] {306.5, 95.5});
        xy.put(BodyLandmark.LEFT_EAR, new double[] {340.5, 100.5});
        xy.put(BodyLandmark.RIGHT_EAR, new double[] {300.5, 100.5});
        xy.put(BodyLandmark.MOUTH_LEFT, new double[] {326.5, 110.5});
        xy.put(BodyLandmark.MOUTH_RIGHT, new double[] {314.5, 110.5});
        xy.put(BodyLandmark.LEFT_SHOULDER, new double[] {360.5, 150.5});
        xy.put(BodyLandmark.RIGHT_SHOULDER, new double[] {280.5, 150.5});
        xy.put(BodyLandmark.LEFT_ELBOW, new double[] {380.5, 200.5});
        xy.put(BodyLandmark.RIGHT_ELBOW, new double[] {260.5, 200.5});
        xy.put(BodyLandmark.LEFT_WRIST, new double[] {390.5, 245.5});
        xy.put(BodyLandmark.RIGHT_WRIST, new double[] {200.5, 240.5});
        xy.put(BodyLandmark.LEFT_PINKY, new double[] {392.5, 255.5});
        xy.put(BodyLandmark.RIGHT_PINKY, new double[] {198.5, 250.5});
        xy.put(BodyLandmark.LEFT_INDEX, new double[] {390.5, 257.5});
        xy.put(BodyLandmark.RIGHT_INDEX, new double[] {200.5, 252.5});
        xy.put(BodyLandmark.LEFT_THUMB, new double[] {386.5, 252.5});
        xy.put(BodyLandmark.RIGHT_THUMB, new double[] {204.5, 247.5});
        xy.put(BodyLandmark.LEFT_HIP, new double[] {345.5, 260.5});
        xy.put(BodyLandmark.RIGHT_HIP, new double[] {295.5, 260.5});
        xy.put(BodyLandmark.LEFT_KNEE, new double[] {350.5, 340.5});
        xy.put(BodyLandmark.RIGHT_KNEE, new double[] {290.5, 340.5});
        xy.put(BodyLandmark.LEFT_ANKLE, new double[] {352.5, 420.5});
        xy.put(BodyLandmark.RIGHT_ANKLE, new double[] {288.5, 420.5});
        xy.put(BodyLandmark.LEFT_HEEL, new double[] {350.5, 432.5});
        xy.put(BodyLandmark.RIGHT_HEEL, new double[] {290.5, 432.5});
        xy.put(BodyLandmark.LEFT_FOOT_INDEX, new double[] {365.5, 440.5});
        xy.put(BodyLandmark.RIGHT_FOOT_INDEX, new double[] {275.5, 440.5});
        List<LandmarkPoint> pts = new ArrayList<>();
        for (BodyLandmark lm : BodyLandmark.values()) {
            double c = confidence.getOrDefault(lm, 0.99);
            pts.add(new LandmarkPoint(xy.get(lm)[0], xy.get(lm)[1], 0, c, 0.99, 0, 0, 0));
        }
        return new PoseFrame(7, 0.2335, pts, 0.95);
    }

    private static Mat greyWithTexturedHead() {
        Mat m = new Mat(H, W, CV_8UC3, new Scalar(128, 128, 128, 0));
        Random rnd = new Random(42);
        try (UByteIndexer ix = m.createIndexer()) {
            for (int y = 70; y < 130; y++) {
                for (int x = 290; x < 350; x++) {
                    int v = rnd.nextInt(256);
                    ix.put(y, x, 0, v);
                    ix.put(y, x, 1, v);
                    ix.put(y, x, 2, v);
                }
            }
        }
        return m;
    }

    private static int[] bgr(Mat m, int x, int y) {
        try (UByteIndexer ix = m.createIndexer()) {
            return new int[] {ix.get(y, x, 0), ix.get(y, x, 1), ix.get(y, x, 2)};
        }
    }

    private static void assertColour(Scalar expected, int[] actual) {
        // Anti-aliasing leaves the centre of a filled dot of radius >= 3 fully covered: allow 2 levels.
        for (int c = 0; c < 3; c++) {
            assertEquals(expected.get(c), actual[c], 2.0, "channel " + c);
        }
    }

    private static double variance(Mat m, int x0, int y0, int x1, int y1) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        try (UByteIndexer ix = m.createIndexer()) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    double v = ix.get(y, x, 1);
                    s += v;
                    s2 += v * v;
                    n++;
                }
            }
        }
        double mean = s / n;
        return s2 / n - mean * mean;
    }

    @Test
    void drawsLeftAndRightJointsInTheirColoursAndSkipsUncertainOnes() {
        try (Mat img = greyWithTexturedHead()) {
            PoseFrame pose = figure(Map.of(BodyLandmark.RIGHT_WRIST, 0.1, BodyLandmark.RIGHT_PINKY, 0.1,
                    BodyLandmark.RIGHT_INDEX, 0.1, BodyLandmark.RIGHT_THUMB, 0.1));
            new SkeletonOverlay(0.5, false, true).draw(img, pose);
            // Landmark (350.5, 340.5) covers pixel index (350, 340).
            assertColour(SkeletonOverlay.LEFT_BGR, bgr(img, 350, 340));
            assertColour(SkeletonOverlay.LEFT_BGR, bgr(img, 352, 420));
            assertColour(SkeletonOverlay.RIGHT_BGR, bgr(img, 290, 340));
            assertColour(SkeletonOverlay.RIGHT_BGR, bgr(img, 280, 150));
            // Midway along the left shin (bone drawn in the left colour).
            assertColour(SkeletonOverlay.LEFT_BGR, bgr(img, 351, 380));
            // The hip line across the body is in the centre colour.
            assertColour(SkeletonOverlay.CENTRE_BGR, bgr(img, 320, 260));
            // The low-confidence right wrist is not drawn: the grey background stays.
            int[] wrist = bgr(img, 200, 240);
            assertEquals(128, wrist[0]);
            assertEquals(128, wrist[1]);
            // Time text box in the top-left corner is dark.
            assertTrue(bgr(img, 2, 2)[0] < 20);
        }
    }

    @Test
    void blursTheFaceOnlyWhenAsked() {
        PoseFrame pose = figure(Map.of());
        try (Mat plain = greyWithTexturedHead(); Mat blurred = greyWithTexturedHead()) {
            double before = variance(plain, 300, 85, 340, 120);
            new SkeletonOverlay(0.5, false, false).draw(plain, pose);
            new SkeletonOverlay(0.5, true, false).draw(blurred, pose);
            double after = variance(blurred, 300, 85, 340, 120);
            double notBlurred = variance(plain, 300, 85, 340, 120);
            // Uniform noise has variance ~5400; a Gaussian blur with sigma >~ 6 px averages >~ 100 pixels,
            // cutting it by well over 10x. Skeleton lines drawn over the face add some variance back,
            // which is why the bound is a factor 5 and the unblurred reference is measured after drawing too.
            assertTrue(before > 4000, "texture variance " + before);
            assertTrue(after < notBlurred / 5, "blurred " + after + " vs not blurred " + notBlurred);
            // Far from the head nothing changes (grey background at the image bottom-left).
            assertEquals(0.0, variance(blurred, 10, 400, 60, 470), 1e-9);
        }
    }

    @Test
    void missingPoseDrawsOnlyTheTime() {
        try (Mat img = greyWithTexturedHead()) {
            new SkeletonOverlay().draw(img, PoseFrame.missing(3, 0.1));
            assertEquals(128, bgr(img, 350, 340)[0]);
            assertTrue(bgr(img, 2, 2)[0] < 20);
        }
    }
}
