package org.gaitlens.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;

/** Cleaning steps on synthetic walks with known truth. */
class MotionCleanerTest {
    private static final double RATE_HZ = 60;

    private static void swapLegs(LandmarkSeries s, int i) {
        for (BodyPart part : LegSwapCorrector.PARTS) {
            LandmarkTrack l = s.track(BodyLandmark.of(Side.LEFT, part));
            LandmarkTrack r = s.track(BodyLandmark.of(Side.RIGHT, part));
            double x = l.x()[i];
            double y = l.y()[i];
            l.x()[i] = r.x()[i];
            l.y()[i] = r.y()[i];
            r.x()[i] = x;
            r.y()[i] = y;
        }
    }

    @Test
    void injectedLegSwapsAreFoundAndUndone() {
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries truth = w.series(RATE_HZ, 6, SyntheticWalk.camera(false), 0, 1, true);
        LandmarkSeries s = BodyPoints.copy(truth);
        // swap runs of 1 to 4 frames spread over the walk, at arbitrary gait phases
        List<Integer> injected = new ArrayList<>();
        int[][] runs = {{30, 1}, {77, 3}, {130, 2}, {201, 4}, {260, 1}, {311, 2}};
        for (int[] run : runs) {
            for (int i = run[0]; i < run[0] + run[1]; i++) {
                swapLegs(s, i);
                injected.add(i);
            }
        }
        double leg = BodyPoints.legLengthPx(truth);
        List<Integer> found = new LegSwapCorrector(0.1, 0.03).correct(s, leg);
        assertEquals(injected, found);
        for (BodyLandmark lm : truth.tracks().keySet()) {
            for (int i = 0; i < s.size(); i++) {
                assertEquals(truth.track(lm).x()[i], s.track(lm).x()[i], 0, lm + " frame " + i);
            }
        }
    }

    /**
     * Garbage frames (the model collapses both legs onto one line) around a run of exchanged labels: with a
     * prediction only from the two previous frames, each garbage frame spoils the residuals around it under
     * either labelling, so the run between two of them could keep its wrong labels at no extra cost (the
     * failure seen on the indoor validation clip). The predictions that skip a frame see through a single
     * garbage frame.
     */
    @Test
    void swapRunBetweenCollapsedFramesIsUndone() {
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries truth = w.series(RATE_HZ, 6, SyntheticWalk.camera(false), 0, 1, true);
        LandmarkSeries s = BodyPoints.copy(truth);
        List<Integer> injected = new ArrayList<>();
        for (int[] run : new int[][] {{61, 3}, {143, 2}, {222, 4}}) {
            collapseLegs(s, run[0] - 1);
            for (int i = run[0]; i < run[0] + run[1]; i++) {
                swapLegs(s, i);
                injected.add(i);
            }
            collapseLegs(s, run[0] + run[1]);
        }
        List<Integer> found = new LegSwapCorrector(0.1, 0.03).correct(s, BodyPoints.legLengthPx(truth));
        assertTrue(found.containsAll(injected), "found " + found + ", injected " + injected);
        // the collapsed frames themselves may go either way (both labellings fit them equally badly)
        List<Integer> extra = new ArrayList<>(found);
        extra.removeAll(injected);
        for (int i : extra) {
            assertTrue(List.of(60, 64, 142, 145, 221, 226).contains(i), "frame " + i + " exchanged");
        }
    }

    @Test
    void outOfViewFlagsFollowAResampledGrid() {
        // old samples at 0, 1, 2, 3 s with sample 2 out of view; new grid every 0.5 s: 1.5 and 2.5 s are
        // interpolated from sample 2, so they are out of view too
        boolean[] flags = MotionCleaner.onNewGrid(new boolean[] {false, false, true, false},
                new double[] {0, 1, 2, 3}, new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3});
        assertEquals(List.of(false, false, false, true, true, true, false), toList(flags));
    }

    private static List<Boolean> toList(boolean[] b) {
        List<Boolean> out = new ArrayList<>();
        for (boolean x : b) {
            out.add(x);
        }
        return out;
    }

    /** Moves both legs' points of frame {@code i} to their left/right midpoint. */
    private static void collapseLegs(LandmarkSeries s, int i) {
        for (BodyPart part : LegSwapCorrector.PARTS) {
            LandmarkTrack l = s.track(BodyLandmark.of(Side.LEFT, part));
            LandmarkTrack r = s.track(BodyLandmark.of(Side.RIGHT, part));
            double x = (l.x()[i] + r.x()[i]) / 2;
            double y = (l.y()[i] + r.y()[i]) / 2;
            l.x()[i] = x;
            r.x()[i] = x;
            l.y()[i] = y;
            r.y()[i] = y;
        }
    }

    @Test
    void noSwapsAreInventedOnACleanOrNoisyWalk() {
        SyntheticWalk w = SyntheticWalk.typical();
        for (double noisePx : new double[] {0, 2}) {
            // 2 px noise ~ 8 mm at 250 px/m: the heavy model's median landmark error is 3-9 px
            LandmarkSeries s = w.series(RATE_HZ, 6, SyntheticWalk.camera(false), noisePx, 7, true);
            assertEquals(List.of(), new LegSwapCorrector(0.1, 0.03).correct(s, BodyPoints.legLengthPx(s)),
                    "noise " + noisePx);
        }
    }

    @Test
    void thereAndBackWalkGivesTwoPassesWithoutTheTurn() {
        SyntheticWalk w = SyntheticWalk.typical();
        double passS = 5;
        double turnS = 1.5;
        SyntheticWalk.Camera camA = new SyntheticWalk.Camera(250, 200, 1000, 3000, 1100, false);
        LandmarkSeries a = w.series(RATE_HZ, passS, camA, 0, 1, true);
        int na = a.size();
        double hipEndPx = a.track(BodyLandmark.LEFT_HIP).x()[na - 1];
        // pass B walks back: mirrored camera whose origin puts B's first hip where A's last one is
        double hipStartM = w.pose(0).get(BodyLandmark.LEFT_HIP)[0];
        double origin = 3000 - hipEndPx - 250 * hipStartM;
        LandmarkSeries b = w.series(RATE_HZ, passS, new SyntheticWalk.Camera(250, origin, 1000, 3000, 1100, true), 0, 1,
                true);
        LandmarkSeries all = concat(a, b, (int) Math.round(turnS * RATE_HZ));
        CleanMotion m = new MotionCleaner(null).clean(all);
        assertEquals(2, m.passes().size(), "passes " + m.passes());
        WalkingPass p0 = m.passes().get(0);
        WalkingPass p1 = m.passes().get(1);
        assertEquals(WalkingDirection.POSITIVE_X, p0.direction());
        assertEquals(WalkingDirection.NEGATIVE_X, p1.direction());
        // turn frames (passS .. passS + turnS) are not in any pass
        assertTrue(p0.endTimeS() <= passS, "pass 0 ends " + p0.endTimeS());
        assertTrue(p1.startTimeS() >= passS + turnS, "pass 1 starts " + p1.startTimeS());
        // most of each walking stretch is kept: the velocity smoothing (0.6 s) and the ends' slow-down cost
        // well under a second at each end
        assertTrue(p0.durationS() > passS - 1.2, "pass 0 duration " + p0.durationS());
        assertTrue(p1.durationS() > passS - 1.2, "pass 1 duration " + p1.durationS());
        // direction normalisation: in both passes the walker moves toward +x in the anterior series
        double[] hx = BodyPoints.midpoint(m.anterior(), BodyPart.HIP)[0];
        for (WalkingPass p : m.passes()) {
            assertTrue(hx[p.endFrameExclusive() - 1] > hx[p.startFrame()]);
        }
        assertTrue(Double.isNaN(hx[(int) Math.round((passS + turnS / 2) * RATE_HZ)]), "turn is NaN in anterior");
        assertTrue(m.viewProblems().isEmpty());
    }

    /** A then a turn (linear blend of every landmark from A's last to B's first frame) then B. */
    static LandmarkSeries concat(LandmarkSeries a, LandmarkSeries b, int turnFrames) {
        int na = a.size();
        int nb = b.size();
        int n = na + turnFrames + nb;
        double dt = a.timeS()[1] - a.timeS()[0];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        Map<BodyLandmark, LandmarkTrack> tracks = new EnumMap<>(BodyLandmark.class);
        for (BodyLandmark lm : a.tracks().keySet()) {
            double[] x = new double[n];
            double[] y = new double[n];
            double[] c = new double[n];
            LandmarkTrack ta = a.track(lm);
            LandmarkTrack tb = b.track(lm);
            for (int i = 0; i < n; i++) {
                if (i < na) {
                    x[i] = ta.x()[i];
                    y[i] = ta.y()[i];
                } else if (i < na + turnFrames) {
                    double u = (i - na + 1.0) / (turnFrames + 1);
                    x[i] = (1 - u) * ta.x()[na - 1] + u * tb.x()[0];
                    y[i] = (1 - u) * ta.y()[na - 1] + u * tb.y()[0];
                } else {
                    x[i] = tb.x()[i - na - turnFrames];
                    y[i] = tb.y()[i - na - turnFrames];
                }
                c[i] = 0.99;
            }
            tracks.put(lm, new LandmarkTrack(x, y, c));
        }
        return new LandmarkSeries(t, tracks, a.imageWidthPx(), a.imageHeightPx(), a.pixelsPerMetre(), "there and back");
    }

    @Test
    void walkingTowardTheCameraIsReportedAsAViewProblem() {
        // a standing pose growing 1.0 -> 1.5 times about a fixed point over 3 s: approaching the camera
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries pose = w.series(new double[] {0.5, 0.6}, SyntheticWalk.camera(false), 0, 1, false);
        int n = 180;
        double[] t = new double[n];
        Map<BodyLandmark, LandmarkTrack> tracks = new EnumMap<>(BodyLandmark.class);
        for (BodyLandmark lm : pose.tracks().keySet()) {
            tracks.put(lm, new LandmarkTrack(new double[n], new double[n], new double[n]));
        }
        for (int i = 0; i < n; i++) {
            t[i] = i / RATE_HZ;
            double k = 1 + 0.5 * i / (n - 1.0);
            for (BodyLandmark lm : pose.tracks().keySet()) {
                LandmarkTrack tr = tracks.get(lm);
                tr.x()[i] = 800 + k * (pose.track(lm).x()[0] - 800);
                tr.y()[i] = 500 + k * (pose.track(lm).y()[0] - 500);
                tr.confidence()[i] = 0.9;
            }
        }
        CleanMotion m = new MotionCleaner(null).clean(new LandmarkSeries(t, tracks, 3000, 1400, Double.NaN, "approach"));
        assertTrue(m.passes().isEmpty());
        assertEquals(1, m.viewProblems().size());
        assertEquals(ViewProblem.Kind.WALKING_TOWARD_CAMERA, m.viewProblems().get(0).kind());
    }

    @Test
    void scaleFromPatientHeight() {
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries s = w.series(RATE_HZ, 6, SyntheticWalk.camera(false), 0, 1, false);
        CleanMotion m = new MotionCleaner(CleaningSettings.defaults().withHeightCm(175)).clean(s);
        assertEquals(ScaleSource.PATIENT_HEIGHT_NOSE_HEEL, m.scale().source());
        // the synthetic nose peaks at 0.90 H (the estimator's factor) and bobs 2 cm; the 90th percentile
        // sits within 0.5 % of the peak: 1 % tolerance
        assertEquals(250, m.scale().pixelsPerMetre(), 2.5);
        CleanMotion none = new MotionCleaner(null).clean(s);
        assertEquals(ScaleSource.NONE, none.scale().source());
        assertFalse(none.scale().known());
        // leg length (thigh + shank) is known by construction and does not depend on the scale
        assertEquals(w.legLengthM() * 250, none.scale().legLengthPx(), 0.5);
    }

    @Test
    void lowConfidenceSamplesAreMaskedAndShortGapsFilled() {
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries s = w.series(RATE_HZ, 4, SyntheticWalk.camera(false), 0, 1, true);
        LandmarkTrack knee = s.track(BodyLandmark.LEFT_KNEE);
        for (int i = 100; i < 105; i++) {
            knee.confidence()[i] = 0.1; // 5 frames = 0.1 s: filled
        }
        for (int i = 150; i < 180; i++) {
            knee.confidence()[i] = 0.1; // 30 frames = 0.5 s: left as a gap
        }
        CleanMotion m = new MotionCleaner(null).clean(s);
        assertEquals(35, m.log().lowConfidenceSamples());
        // a noise-free walk has no outliers: nothing else may be rejected and filled
        assertEquals(0, m.log().outlierSamples());
        assertEquals(5, m.log().filledSamples());
        assertEquals(30, m.log().unfilledGapSamples());
        assertTrue(Double.isNaN(m.cleaned().track(BodyLandmark.LEFT_KNEE).x()[160]));
        // 5 frames of a smooth trajectory bridged by a cubic: within 2 px of the truth (knee moves <= 4 px/frame)
        assertEquals(s.track(BodyLandmark.LEFT_KNEE).x()[99] * 0 + w.series(new double[] {102 / RATE_HZ, 103 / RATE_HZ},
                SyntheticWalk.camera(false), 0, 1, true).track(BodyLandmark.LEFT_KNEE).x()[0],
                m.cleaned().track(BodyLandmark.LEFT_KNEE).x()[102], 2);
        // the input is not modified
        assertEquals(0.1, s.track(BodyLandmark.LEFT_KNEE).confidence()[100], 0);
        assertFalse(Double.isNaN(s.track(BodyLandmark.LEFT_KNEE).x()[160]));
    }

    @Test
    void pointsOutsideTheImageAreMissingAndNotBridged() {
        SyntheticWalk w = SyntheticWalk.typical();
        LandmarkSeries s = w.series(RATE_HZ, 4, SyntheticWalk.camera(false), 0, 1, true);
        LandmarkTrack heel = s.track(BodyLandmark.LEFT_HEEL);
        int width = s.imageWidthPx();
        for (int i = 0; i < 6; i++) {
            heel.x()[i] = width + 20.0 - i; // the model's guess for a heel not yet in view
        }
        for (int i = 120; i < 125; i++) {
            heel.y()[i] = s.imageHeightPx() + 5.0; // 5 frames (0.08 s) below the image: a gap short enough to fill
        }
        heel.confidence()[125] = 0.1; // a low-confidence sample right after it: same gap, not bridged either
        CleanMotion m = new MotionCleaner(null).clean(s);
        assertEquals(11, m.log().outsideImageSamples());
        assertEquals(1, m.log().lowConfidenceSamples());
        // only samples the Hampel filter rejected (beside the gaps, where its window is one-sided) may be filled
        assertTrue(m.log().filledSamples() <= m.log().outlierSamples(), "filled: " + m.log());
        LandmarkTrack cleaned = m.cleaned().track(BodyLandmark.LEFT_HEEL);
        for (int i : new int[] {0, 5, 120, 124, 125}) {
            assertTrue(Double.isNaN(cleaned.x()[i]) && Double.isNaN(cleaned.y()[i]), "frame " + i);
        }
        assertFalse(Double.isNaN(cleaned.x()[8]));
        assertFalse(Double.isNaN(cleaned.x()[128]));
        // interior samples left missing: the out-of-view stretch and the sample beside it
        assertTrue(m.log().unfilledGapSamples() >= 6, "unfilled: " + m.log());
        assertTrue(m.log().notes().stream().anyMatch(n -> n.startsWith("11 landmark samples lay outside the image")),
                "notes " + m.log().notes());
    }
}
