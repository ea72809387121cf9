package org.gaitlens.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;

/**
 * The leg chain (forward kinematics, per-frame fit with joint limits) and the skeletal model on the synthetic walker,
 * whose segments are rigid by construction (two-link knee, foot fixed to the ankle).
 */
class SkeletalModelTest {
    private static final LegGeometry LEG = new LegGeometry(100, 95, -18, 42, -16);

    private static double[][] points(LegPose p) {
        return new LegPoseFit(LEG).points(p);
    }

    @Test
    void theFitRecoversAPoseFromItsOwnLandmarks() {
        LegPose truth = new LegPose(400, 300, Math.toRadians(20), Math.toRadians(-5), Math.toRadians(100));
        double[][] pts = points(truth);
        double[] x = new double[5];
        double[] y = new double[5];
        for (int k = 0; k < 5; k++) {
            x[k] = pts[k][0];
            y[k] = pts[k][1];
        }
        double[] w = {1, 1, 1, 1, 1};
        LegPoseFit.Result r = new LegPoseFit(LEG).fit(x, y, w, new LegPose(390, 310, 0, 0, Math.PI / 2));
        assertEquals(20, Math.toDegrees(r.pose().thighRad()), 1e-4);
        assertEquals(-5, Math.toDegrees(r.pose().shankRad()), 1e-4);
        assertEquals(100, Math.toDegrees(r.pose().footRad()), 1e-4);
        assertEquals(0, r.costPx2(), 1e-6);
        assertEquals(5, r.landmarks());
    }

    @Test
    void withoutTheKneeThePreviousFramesKneeSideIsKept() {
        // hip, ankle and foot only: the knee may lie on either side of the hip-ankle line; started from the previous
        // frame's pose (flexed 25 deg) the fit stays on the flexed side (30 deg), not the mirror image (-30 deg)
        LegPose truth = new LegPose(400, 300, Math.toRadians(25), Math.toRadians(-5), Math.toRadians(95));
        double[][] pts = points(truth);
        double[] x = {pts[0][0], Double.NaN, pts[2][0], pts[3][0], pts[4][0]};
        double[] y = {pts[0][1], Double.NaN, pts[2][1], pts[3][1], pts[4][1]};
        LegPoseFit.Result r = new LegPoseFit(LEG).fit(x, y, new double[] {1, 0, 1, 1, 1},
                new LegPose(402, 301, Math.toRadians(22), Math.toRadians(-3), Math.PI / 2));
        assertEquals(30, Math.toDegrees(r.pose().thighRad() - r.pose().shankRad()), 0.5, "knee flexion");
        assertEquals(4, r.landmarks());
    }

    @Test
    void aKneeBeyondItsRangeCostsMore() {
        // the soft limit: 10 deg beyond the -10 deg hyperextension limit costs (0.01 thigh lengths per deg x 10)^2
        assertEquals(-10, LegPoseFit.excessDeg(-20, LegPoseFit.KNEE_RANGE_DEG), 1e-12);
        assertEquals(0, LegPoseFit.excessDeg(45, LegPoseFit.KNEE_RANGE_DEG), 1e-12);
        assertEquals(5, LegPoseFit.excessDeg(45, LegPoseFit.ANKLE_RANGE_DEG), 1e-12);
    }

    @Test
    void segmentGeometryAndAnglesOfTheSyntheticWalkerAreKept() {
        // exact landmarks: the model's knee and ankle angles follow the construction within the smoothing (4 Hz)
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries s = w.series(60, 6, SyntheticWalk.camera(false), 0, 1, true);
        CleanMotion m = new MotionCleaner(CleaningSettings.defaults()).clean(s);
        LandmarkSeries a = m.anterior();
        WalkingPass p = m.passes().get(0);
        double sum = 0;
        int n = 0;
        for (int i = p.startFrame(); i < p.endFrameExclusive(); i++) {
            Map<BodyLandmark, double[]> truth = w.pose(a.timeS()[i]);
            for (Side side : Side.values()) {
                double kTrue = knee(truth.get(BodyLandmark.of(side, BodyPart.HIP)),
                        truth.get(BodyLandmark.of(side, BodyPart.KNEE)), truth.get(BodyLandmark.of(side, BodyPart.ANKLE)));
                double kMeasured = knee(xy(a, side, BodyPart.HIP, i, w), xy(a, side, BodyPart.KNEE, i, w),
                        xy(a, side, BodyPart.ANKLE, i, w));
                sum += (kMeasured - kTrue) * (kMeasured - kTrue);
                n++;
            }
        }
        // 4 Hz smoothing of a 0.9 Hz gait with a 60 deg knee swing: about 2 deg RMS (the rendered samples: 1.0 deg)
        assertTrue(Math.sqrt(sum / n) < 2.5, "knee RMS " + Math.sqrt(sum / n));
    }

    @Test
    void aFootPutOnTheOtherFootForTwoFramesIsDroppedAsAnOutlier() {
        // the pose model's far-foot collapse (docs/accuracy.md): in frames 100 and 102 the left ankle, heel and foot
        // tip are placed on the right ones, 90-130 px away; the fitted body drops them and stays close to the body
        // fitted to the same noisy walk without the collapse
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries s = w.series(30, 6, SyntheticWalk.camera(false), 1.0, 7, true);
        LandmarkSeries undisturbed = w.series(30, 6, SyntheticWalk.camera(false), 1.0, 7, true);
        for (int f : new int[] {100, 102}) {
            for (BodyPart part : List.of(BodyPart.ANKLE, BodyPart.HEEL, BodyPart.FOOT_INDEX)) {
                LandmarkTrack l = s.track(BodyLandmark.of(Side.LEFT, part));
                LandmarkTrack r = s.track(BodyLandmark.of(Side.RIGHT, part));
                l.x()[f] = r.x()[f];
                l.y()[f] = r.y()[f];
            }
        }
        CleaningSettings filtered = CleaningSettings.defaults().withSkeletalModel(false, 4);
        double skeletal = change(s, undisturbed, CleaningSettings.defaults());
        double butterworth = change(s, undisturbed, filtered);
        // dropped, the two frames are bridged by the motion model through the heel strike at frame ~103 (the
        // ankle decelerates from 2 v there): a few px from the measured ankle; the per-coordinate Hampel and
        // Butterworth let the collapse through
        assertTrue(skeletal < 6 && skeletal < butterworth / 3, "largest left ankle change around the collapse: "
                + "skeletal model " + skeletal + " px, Butterworth " + butterworth + " px");
    }

    /** Largest left-ankle difference in frames 95-107 between the cleaned {@code a} and {@code b}, px. */
    private static double change(LandmarkSeries a, LandmarkSeries b, CleaningSettings settings) {
        LandmarkTrack ta = new MotionCleaner(settings).clean(a).cleaned().track(BodyLandmark.LEFT_ANKLE);
        LandmarkTrack tb = new MotionCleaner(settings).clean(b).cleaned().track(BodyLandmark.LEFT_ANKLE);
        double worst = 0;
        for (int f = 95; f <= 107; f++) {
            worst = Math.max(worst, Math.hypot(ta.x()[f] - tb.x()[f], ta.y()[f] - tb.y()[f]));
        }
        return worst;
    }

    @Test
    void theGeometryIsTheMedianOfCompleteFrames() {
        double[][] x = new double[6][5];
        double[][] y = new double[6][5];
        double[][] w = new double[6][5];
        for (int i = 0; i < 6; i++) {
            LegPose p = new LegPose(100 + 10 * i, 200, Math.toRadians(5 * i), Math.toRadians(-3 * i), Math.toRadians(90));
            double[][] pts = points(p);
            for (int k = 0; k < 5; k++) {
                x[i][k] = pts[k][0];
                y[i][k] = pts[k][1];
                w[i][k] = 1;
            }
        }
        LegGeometry g = SkeletalModel.geometry(x, y, w);
        assertNotNull(g);
        assertEquals(100, g.thighPx(), 1e-9);
        assertEquals(95, g.shankPx(), 1e-9);
        assertEquals(-18, g.heelU(), 1e-9);
        assertEquals(42, g.toeU(), 1e-9);
        assertEquals(-16, g.soleN(), 1e-9);
    }

    private static double[] xy(LandmarkSeries a, Side side, BodyPart part, int i, SyntheticWalk w) {
        LandmarkTrack t = a.track(BodyLandmark.of(side, part));
        SyntheticWalk.Camera cam = SyntheticWalk.camera(false);
        return new double[] {(t.x()[i] - cam.originXPx()) / cam.pixelsPerMetre(),
            (cam.floorYPx() - t.y()[i]) / cam.pixelsPerMetre()};
    }

    /** Knee flexion from metres, y up (the sign does not matter for the RMS of a consistently signed angle). */
    private static double knee(double[] hip, double[] knee, double[] ankle) {
        double a1 = Math.atan2(knee[0] - hip[0], hip[1] - knee[1]);
        double a2 = Math.atan2(ankle[0] - knee[0], knee[1] - ankle[1]);
        return Math.toDegrees(a1 - a2);
    }
}
