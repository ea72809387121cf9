package org.gaitlens.motion.mocap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.validation.ValidationTrials;
import org.junit.jupiter.api.Test;

/** Projection on hand-made points, framing of synthetic and real walks. */
class VirtualCameraTest {

    /** Camera at the origin looking along +y, z up (image right = y x z = +x). */
    private static final VirtualCamera CAM = new VirtualCamera(new double[] {0, 0, 0}, new double[] {0, 1, 0},
            new double[] {0, 0, 1}, 1000, 1280, 720);

    @Test
    void pointOnTheOpticalAxisLandsInTheImageCentre() {
        double[] px = CAM.project(new double[] {0, 5, 0});
        assertEquals(640, px[0], 1e-9);
        assertEquals(360, px[1], 1e-9);
    }

    @Test
    void oneMetreVerticalSegmentSpansFocalLengthOverDistance() {
        for (double d : new double[] {2, 5, 8}) {
            double[] top = CAM.project(new double[] {0.3, d, 1.2});
            double[] bottom = CAM.project(new double[] {0.3, d, 0.2});
            assertEquals(1000 / d, bottom[1] - top[1], 1e-9, "distance " + d);
            assertEquals(top[0], bottom[0], 1e-9);
            assertEquals(1000 / d, CAM.pixelsPerMetreAt(d), 1e-12);
        }
    }

    @Test
    void imageAxesPointRightAndDown() {
        double[] right = CAM.project(new double[] {1, 5, 0});
        double[] up = CAM.project(new double[] {0, 5, 1});
        assertEquals(640 + 200, right[0], 1e-9);
        assertEquals(360 - 200, up[1], 1e-9);
    }

    @Test
    void pointsBehindTheCameraOrUnknownAreNaN() {
        assertTrue(Double.isNaN(CAM.project(new double[] {0, -1, 0})[0]));
        assertTrue(Double.isNaN(CAM.project(new double[] {Double.NaN, 1, 0})[1]));
    }

    @Test
    void rejectsNonPerpendicularAxes() {
        assertThrows(IllegalArgumentException.class, () -> new VirtualCamera(new double[3],
                new double[] {0, 1, 0}, new double[] {0, 1, 0}, 1000, 10, 10));
    }

    /** A stick walker moving +x at 1 m/s with z up: hips 0.9 m, knees 0.5, ankles 0.1, heels 0.05, toes. */
    private static JointTrajectories stickWalker(int n, double rateHz) {
        double[] t = new double[n];
        Map<BodyLandmark, double[][]> p = new EnumMap<>(BodyLandmark.class);
        Map<BodyLandmark, String> d = new EnumMap<>(BodyLandmark.class);
        BodyPart[] parts = {BodyPart.HIP, BodyPart.KNEE, BodyPart.ANKLE, BodyPart.HEEL, BodyPart.FOOT_INDEX, BodyPart.SHOULDER};
        double[] heights = {0.9, 0.5, 0.1, 0.05, 0.03, 1.45};
        double[] ahead = {0, 0, 0, -0.05, 0.15, 0};
        for (Side s : Side.values()) {
            double lateral = s == Side.LEFT ? 0.1 : -0.1;
            for (int k = 0; k < parts.length; k++) {
                double[][] traj = new double[n][];
                for (int i = 0; i < n; i++) {
                    t[i] = i / rateHz;
                    traj[i] = new double[] {t[i] + ahead[k], 2.0 + lateral, heights[k]};
                }
                p.put(BodyLandmark.of(s, parts[k]), traj);
                d.put(BodyLandmark.of(s, parts[k]), "synthetic");
            }
        }
        return new JointTrajectories(t, p, d, 0.0, List.of(), "stick walker");
    }

    @Test
    void detectsUpAndForwardOfASyntheticWalk() {
        WalkingFrame wf = WalkingFrame.detect(stickWalker(300, 100));
        assertEquals(1.0, wf.up()[2], 1e-12);
        assertEquals(1.0, wf.forward()[0], 1e-12);
        // left = up x forward = z x x = +y
        assertEquals(1.0, wf.left()[1], 1e-12);
    }

    @Test
    void sideViewsOfASyntheticWalk() {
        JointTrajectories j = stickWalker(300, 100);
        VirtualCamera.Setup setup = new VirtualCamera.Setup(CameraView.LEFT_SIDE, 5, 1, 1280, 720, 1000, 0.05);
        VirtualCamera left = VirtualCamera.framing(j, setup);
        // camera 5 m to the walker's left of the walking line (y = 2), 1 m above the floor (heels at 0.05 m),
        // at the middle of the 0..2.99 m path
        assertEquals(1.495, left.positionM()[0], 1e-9);
        assertEquals(7.0, left.positionM()[1], 1e-9);
        assertEquals(1.05, left.positionM()[2], 1e-9);
        LandmarkSeries s = left.project(j, "test");
        assertEquals(1000 / 5.0, s.pixelsPerMetre(), 1e-9);
        LandmarkTrack hip = s.track(BodyLandmark.LEFT_HIP);
        // seen from the left the walker moves right-to-left
        assertTrue(hip.x()[299] < hip.x()[0]);
        // the left hip is 0.1 m nearer than the walking line: depth 4.9 m; hip 0.15 m below the camera
        assertEquals(360 + 1000 * 0.15 / 4.9, hip.y()[0], 1e-9);
        assertEquals(1.0, hip.confidence()[0], 0.0);
        LandmarkTrack rhip = VirtualCamera.framing(j, new VirtualCamera.Setup(CameraView.RIGHT_SIDE, 5, 1, 1280,
                720, 1000, 0.05)).project(j, "r").track(BodyLandmark.RIGHT_HIP);
        assertTrue(rhip.x()[299] > rhip.x()[0]);
    }

    @Test
    void autoFocalLengthKeepsEveryJointInsideTheImage() {
        for (ValidationTrials.Trial t : ValidationTrials.all()) {
            for (CameraView v : CameraView.values()) {
                LandmarkSeries s = t.view(v);
                double minX = Double.POSITIVE_INFINITY;
                double maxX = Double.NEGATIVE_INFINITY;
                double minY = Double.POSITIVE_INFINITY;
                double maxY = Double.NEGATIVE_INFINITY;
                for (LandmarkTrack tr : s.tracks().values()) {
                    for (int i = 0; i < tr.size(); i++) {
                        if (tr.has(i)) {
                            minX = Math.min(minX, tr.x()[i]);
                            maxX = Math.max(maxX, tr.x()[i]);
                            minY = Math.min(minY, tr.y()[i]);
                            maxY = Math.max(maxY, tr.y()[i]);
                        }
                    }
                }
                String what = t.name() + " " + v;
                // 5 % margin of the half image: 32 px of 1280, 18 px of 720; the binding axis touches it
                assertTrue(minX >= 32 - 1e-6 && maxX <= 1248 + 1e-6, what + " x " + minX + ".." + maxX);
                assertTrue(minY >= 18 - 1e-6 && maxY <= 702 + 1e-6, what + " y " + minY + ".." + maxY);
                assertTrue(s.pixelsPerMetre() > 50, what + " ppm " + s.pixelsPerMetre());
                if (v.isSagittal()) {
                    // side view: the hips move along the image x axis, in the direction the view says
                    LandmarkTrack hip = s.track(BodyLandmark.LEFT_HIP);
                    int first = 0;
                    while (!hip.has(first)) {
                        first++;
                    }
                    int last = hip.size() - 1;
                    while (!hip.has(last)) {
                        last--;
                    }
                    double dx = hip.x()[last] - hip.x()[first];
                    boolean treadmill = t.name().contains("treadmill");
                    if (!treadmill) {
                        assertTrue(v == CameraView.LEFT_SIDE ? dx < -100 : dx > 100, what + " dx " + dx);
                    }
                }
            }
        }
    }

    @Test
    void lateralHipDistanceIsSmallInSideViewAndLargeInFrontalView() {
        ValidationTrials.Trial t = ValidationTrials.load("btk_PiG_Motion-FlatFoot-Full");
        LandmarkSeries side = t.sideView(Side.LEFT);
        LandmarkSeries front = t.view(CameraView.FRONT);
        int i = side.size() / 2;
        double sideDx = Math.abs(side.track(BodyLandmark.LEFT_HIP).x()[i] - side.track(BodyLandmark.RIGHT_HIP).x()[i]);
        double frontDx = Math.abs(front.track(BodyLandmark.LEFT_HIP).x()[i]
                - front.track(BodyLandmark.RIGHT_HIP).x()[i]);
        // PiG hip centres are ~0.13 m apart across the body: side view sees almost none of it (pelvic
        // rotation only), the frontal view all of it, scaled by f/depth
        assertTrue(sideDx < 0.05 * side.pixelsPerMetre(), "side " + sideDx);
        assertTrue(frontDx > 0.08 * front.pixelsPerMetre() * 0.5, "front " + frontDx);
        // in a frontal view from the front, the walker's left appears on the image right
        assertTrue(front.track(BodyLandmark.LEFT_HIP).x()[i] > front.track(BodyLandmark.RIGHT_HIP).x()[i]);
    }
}
