package org.gaitlens.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.Side;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.ScaleSource;
import org.gaitlens.motion.SyntheticWalk;
import org.gaitlens.motion.WalkingDirection;
import org.junit.jupiter.api.Test;

/** The whole engine on synthetic walks whose events and parameters are known by construction. */
class GaitAnalyzerSyntheticTest {
    private static final double RATE_HZ = 60;
    private static final double FRAME_S = 1 / RATE_HZ;

    /**
     * The engine with the per-coordinate 6 Hz Butterworth filter instead of the skeletal model: this construction's
     * feet change speed abruptly (the swing heel lands at 2 v), which the one-frame bars below were set for; the
     * skeletal model on the same walk is checked in {@code SkeletalModelTest}.
     */
    static GaitSettings filtered() {
        GaitSettings d = GaitSettings.defaults();
        return d.withCleaning(d.cleaning().withSkeletalModel(false, d.cleaning().skeletonCutoffHz()));
    }

    private static GaitResult run(SyntheticWalk w, boolean mirrored, EventMethod m) {
        LandmarkSeries s = w.series(RATE_HZ, 8.0, SyntheticWalk.camera(mirrored), 0, 1, true);
        return GaitAnalyzer.analyze(s, filtered().withEventMethod(m));
    }

    /** Detected events matched to the truth: every true event inside the pass has one detection. */
    static List<double[]> match(GaitResult r, SyntheticWalk w) {
        double from = r.passes().get(0).startTimeS();
        double to = r.passes().get(0).endTimeS();
        List<double[]> errs = new ArrayList<>();
        for (SyntheticWalk.TrueEvent te : w.trueEvents(from + 0.25, to - 0.25)) {
            GaitEventType type = te.contact() ? GaitEventType.INITIAL_CONTACT : GaitEventType.TOE_OFF;
            GaitEvent best = r.events().stream().filter(e -> e.side() == te.side() && e.type() == type)
                    .min((a, b) -> Double.compare(Math.abs(a.timeS() - te.timeS()), Math.abs(b.timeS() - te.timeS())))
                    .orElseThrow();
            errs.add(new double[] {te.timeS(), best.timeS() - te.timeS()});
        }
        return errs;
    }

    @Test
    void zeniEventsWithinOneFrameOfTruth() {
        SyntheticWalk w = SyntheticWalk.typical();
        GaitResult r = run(w, false, EventMethod.ZENI);
        assertEquals(1, r.passes().size());
        assertEquals(WalkingDirection.POSITIVE_X, r.passes().get(0).direction());
        List<double[]> errs = match(r, w);
        assertTrue(errs.size() >= 16, "true events inside the pass: " + errs.size());
        double maxAbs = errs.stream().mapToDouble(e -> Math.abs(e[1])).max().orElseThrow();
        // the product's accuracy target: events within one frame
        assertTrue(maxAbs <= FRAME_S, "max event error " + maxAbs + " s");
        // no extra events: each detection is matched by a true event within one frame
        for (GaitEvent e : r.events()) {
            boolean ok = w.trueEvents(e.timeS() - FRAME_S, e.timeS() + FRAME_S).stream()
                    .anyMatch(te -> te.side() == e.side() && te.contact() == (e.type() == GaitEventType.INITIAL_CONTACT));
            assertTrue(ok, "extra event " + e);
        }
        System.out.printf("Zeni synthetic: %d events, max |error| %.4f s%n", errs.size(), maxAbs);
    }

    @Test
    void refinedEventsWithinOneFrameOfTruthAndDefault() {
        // the default refines the toe off too (pose-model foot index = foot tip); see EventMethod
        assertEquals(EventMethod.ZENI_TOE_RISE, GaitSettings.defaults().eventMethod());
        SyntheticWalk w = SyntheticWalk.typical();
        GaitResult r = run(w, false, EventMethod.ZENI_REFINED);
        List<double[]> errs = match(r, w);
        assertTrue(errs.size() >= 16, "true events inside the pass: " + errs.size());
        double maxAbs = errs.stream().mapToDouble(e -> Math.abs(e[1])).max().orElseThrow();
        // the synthetic heel arrives at 2 v and stops at contact: the 6 Hz filter spreads that stop over
        // ~+-40 ms, and the 0.78 W crossing (39 % of the drop) sits a few ms after the true contact: one frame
        assertTrue(maxAbs <= FRAME_S, "max event error " + maxAbs + " s");
        assertTrue(r.eventMethod().startsWith("Zeni 2008 refined"), r.eventMethod());
        System.out.printf("Zeni refined synthetic: %d events, max |error| %.4f s%n", errs.size(), maxAbs);
    }

    @Test
    void parametersEqualConstruction() {
        SyntheticWalk w = SyntheticWalk.typical();
        GaitResult r = run(w, false, EventMethod.ZENI);
        assertTrue(r.rejections().isEmpty(), "rejections: " + r.rejections());
        assertEquals(ScaleSource.CALIBRATION, r.scale().source());
        for (Side s : Side.values()) {
            assertTrue(r.strides().get(s).size() >= 4, s + " strides " + r.strides().get(s).size());
            for (Stride st : r.strides().get(s)) {
                // event times are within one frame (tested above); a difference of two events within 2 frames
                assertEquals(w.strideTimeS, st.strideTimeS(), 2 * FRAME_S);
                assertEquals(0.62 * w.strideTimeS, st.stanceTimeS(), 2 * FRAME_S);
                assertEquals(62, st.stancePct(), 100 * 2 * FRAME_S / w.strideTimeS);
                if (Double.isNaN(st.stepTimeS())) {
                    // by definition only when the other foot's preceding contact is outside the pass
                    assertTrue(r.events().stream().noneMatch(e -> e.side() == s.opposite()
                            && e.type() == GaitEventType.INITIAL_CONTACT && e.timeS() < st.startTimeS()));
                } else {
                    assertEquals(0.5 * w.strideTimeS, st.stepTimeS(), 2 * FRAME_S);
                    assertEquals(0.5 * w.strideLengthM, st.stepLengthM(), 2 * w.speedMPerS * FRAME_S);
                }
                // single support = the other foot's swing = (1 - 0.62) T
                assertEquals(0.38 * w.strideTimeS, st.singleSupportS(), 2 * FRAME_S);
                assertEquals(0.12 * w.strideTimeS, st.initialDoubleSupportS(), 2 * FRAME_S);
                assertEquals(120 / w.strideTimeS, st.cadenceStepsPerMin(), 120 / w.strideTimeS * 2 * FRAME_S);
                // heel x at contact: the heel is fixed from contact on, so only the timing error of the contact
                // moves it, at the heel's speed just before contact (2 v): 2 v * 1 frame = 0.043 m; the heel
                // is still at the floor point after contact, which halves the typical error
                assertEquals(w.strideLengthM, st.strideLengthM(), 2 * w.speedMPerS * FRAME_S);
                assertEquals(w.speedMPerS, st.speedMPerS(), 0.05 * w.speedMPerS);
                // trunk lean is constant by construction, the filter keeps a constant unchanged
                assertEquals(w.trunkLeanDeg, st.kinematics().trunkLeanMeanDeg(), 0.01);
            }
            ParameterStats ps = r.summary(s, StrideParameter.STRIDE_TIME);
            assertEquals(r.strides().get(s).size(), ps.n());
            assertEquals(w.strideTimeS, ps.mean(), FRAME_S);
        }
    }

    @Test
    void asymmetricStanceIsReproducedPerSide() {
        // left stance 64 %, right 56 % of a 1.1 s stride; right contact at 52 % of the left stride
        SyntheticWalk w = new SyntheticWalk(1.75, 1.1, 1.3, 0.64, 0.56, 0.52, 5);
        GaitResult r = run(w, false, EventMethod.ZENI);
        assertTrue(r.rejections().isEmpty(), "rejections: " + r.rejections());
        // two events per difference, each within one frame
        assertEquals(0.64 * 1.1, r.summary(Side.LEFT, StrideParameter.STANCE_TIME).mean(), 2 * FRAME_S);
        assertEquals(0.56 * 1.1, r.summary(Side.RIGHT, StrideParameter.STANCE_TIME).mean(), 2 * FRAME_S);
        assertEquals(0.52 * 1.1, r.summary(Side.RIGHT, StrideParameter.STEP_TIME).mean(), 2 * FRAME_S);
        assertEquals(0.48 * 1.1, r.summary(Side.LEFT, StrideParameter.STEP_TIME).mean(), 2 * FRAME_S);
        // single support of the left = right swing (44 %), of the right = left swing (36 %)
        assertEquals(0.44 * 1.1, r.summary(Side.LEFT, StrideParameter.SINGLE_SUPPORT).mean(), 2 * FRAME_S);
        assertEquals(0.36 * 1.1, r.summary(Side.RIGHT, StrideParameter.SINGLE_SUPPORT).mean(), 2 * FRAME_S);
    }

    @Test
    void mirroredWalkGivesTheSameParameters() {
        SyntheticWalk w = SyntheticWalk.typical();
        GaitResult a = run(w, false, EventMethod.ZENI);
        GaitResult b = run(w, true, EventMethod.ZENI);
        assertEquals(WalkingDirection.NEGATIVE_X, b.passes().get(0).direction());
        for (Side s : Side.values()) {
            for (StrideParameter p : StrideParameter.values()) {
                double va = a.summary(s, p).mean();
                double vb = b.summary(s, p).mean();
                // mirroring is exact in floating point up to rounding of W - x: equal to 1e-6
                assertEquals(va, vb, 1e-6 * Math.max(1, Math.abs(va)), s + " " + p);
            }
        }
    }

    @Test
    void stenumEventsAreFoundAndInterleave() {
        SyntheticWalk w = SyntheticWalk.typical();
        GaitResult r = run(w, false, EventMethod.STENUM);
        assertTrue(r.rejections().isEmpty(), "rejections: " + r.rejections());
        for (Side s : Side.values()) {
            assertTrue(r.strides().get(s).size() >= 4);
            // the ankle is not the contact point: no exact timing claim, but stride time (difference of two
            // like events) is exact up to the sub-frame interpolation, 2 frames
            assertEquals(w.strideTimeS, r.summary(s, StrideParameter.STRIDE_TIME).mean(), 2 * FRAME_S);
        }
    }
}
