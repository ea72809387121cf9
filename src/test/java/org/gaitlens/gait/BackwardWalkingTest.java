package org.gaitlens.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.motion.MotionCleaner;
import org.gaitlens.motion.SyntheticWalk;
import org.gaitlens.motion.ViewProblem;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;
import org.junit.jupiter.api.Test;

/**
 * Facing detection, backward passes and per-pass step counts on synthetic walks. A backward walk is made
 * by playing a forward walk backwards in time: the walker then faces +x while moving toward -x, and every
 * toe off of the forward walk becomes an initial contact (backward walking is close to forward walking
 * reversed in time, see docs/passes.md; for this synthetic walker it is exactly that).
 */
class BackwardWalkingTest {
    private static final double RATE_HZ = 60;
    private static final double DURATION_S = 8;

    private static LandmarkSeries forward() {
        return SyntheticWalk.typical().series(RATE_HZ, DURATION_S, SyntheticWalk.camera(false), 0, 1, true);
    }

    /** The same samples in reverse time order on the same time grid. */
    private static LandmarkSeries reversed(LandmarkSeries s) {
        int n = s.size();
        EnumMap<BodyLandmark, LandmarkTrack> out = new EnumMap<>(BodyLandmark.class);
        s.tracks().forEach((lm, tr) -> {
            double[] x = new double[n];
            double[] y = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = tr.x()[n - 1 - i];
                y[i] = tr.y()[n - 1 - i];
                c[i] = tr.confidence()[n - 1 - i];
            }
            out.put(lm, new LandmarkTrack(x, y, c));
        });
        return new LandmarkSeries(s.timeS(), out, s.imageWidthPx(), s.imageHeightPx(), s.pixelsPerMetre(),
                "backward");
    }

    @Test
    void forwardWalkFacesItsDirectionOfTravel() {
        CleanMotion m = new MotionCleaner(null).clean(forward());
        assertEquals(1, m.passes().size());
        WalkingPass p = m.passes().get(0);
        assertEquals(WalkingDirection.POSITIVE_X, p.direction());
        assertEquals(WalkingDirection.POSITIVE_X, p.facing());
        assertFalse(p.backward());
        assertTrue(m.viewProblems().isEmpty(), "view problems " + m.viewProblems());
        assertSame(m.anterior(), m.facingForward(), "forward walking: one normalised series");
    }

    @Test
    void backwardWalkIsDetectedAndAnteriorFollowsTheFacingSide() {
        CleanMotion m = new MotionCleaner(null).clean(reversed(forward()));
        assertEquals(1, m.passes().size());
        WalkingPass p = m.passes().get(0);
        assertEquals(WalkingDirection.NEGATIVE_X, p.direction());
        assertEquals(WalkingDirection.POSITIVE_X, p.facing());
        assertTrue(p.backward());
        assertEquals(1, m.viewProblems().size());
        ViewProblem v = m.viewProblems().get(0);
        assertEquals(ViewProblem.Kind.WALKING_BACKWARD, v.kind());
        assertTrue(v.description().contains("walking backwards (facing right while moving left)"), v.description());
        // facing-normalised: the feet point to +x (anterior); travel-normalised: the walker moves to +x
        LandmarkSeries f = m.facingForward();
        LandmarkSeries a = m.anterior();
        int mid = (p.startFrame() + p.endFrameExclusive()) / 2;
        for (Side s : Side.values()) {
            double toe = f.track(BodyLandmark.of(s, BodyPart.FOOT_INDEX)).x()[mid];
            double heel = f.track(BodyLandmark.of(s, BodyPart.HEEL)).x()[mid];
            assertTrue(toe > heel, s + " foot points anterior in the facing-normalised series");
        }
        double[] hip = a.track(BodyLandmark.LEFT_HIP).x();
        assertTrue(hip[p.endFrameExclusive() - 1] > hip[p.startFrame()], "travel toward +x in anterior()");
    }

    @Test
    void mirroringTheImageMirrorsTheFacingSide() {
        LandmarkSeries s = forward();
        double w = s.imageWidthPx();
        int n = s.size();
        EnumMap<BodyLandmark, LandmarkTrack> out = new EnumMap<>(BodyLandmark.class);
        s.tracks().forEach((lm, tr) -> {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = w - tr.x()[i];
            }
            out.put(lm, new LandmarkTrack(x, tr.y().clone(), tr.confidence().clone()));
        });
        LandmarkSeries mirrored = new LandmarkSeries(s.timeS(), out, s.imageWidthPx(), s.imageHeightPx(),
                s.pixelsPerMetre(), "mirrored");
        WalkingPass p = new MotionCleaner(null).clean(mirrored).passes().get(0);
        assertEquals(WalkingDirection.NEGATIVE_X, p.facing());
        assertEquals(WalkingDirection.NEGATIVE_X, p.direction());
    }

    @Test
    void backwardPassCountsStepsAndCadenceButNoStrides() {
        SyntheticWalk w = SyntheticWalk.typical();
        GaitResult fwd = GaitAnalyzer.analyze(forward(), GaitSettings.defaults());
        GaitResult bwd = GaitAnalyzer.analyze(reversed(forward()), GaitSettings.defaults());
        // strides, curves and rejections of the backward pass are left out; its events are kept
        for (Side s : Side.values()) {
            assertTrue(bwd.strides().get(s).isEmpty(), s + " strides " + bwd.strides().get(s).size());
        }
        assertTrue(bwd.rejections().isEmpty());
        assertFalse(bwd.events().isEmpty());
        assertFalse(fwd.strides().get(Side.LEFT).isEmpty());

        double trueCadence = 120 / w.strideTimeS;
        for (GaitResult r : List.of(fwd, bwd)) {
            assertEquals(1, r.passSteps().size());
            PassSteps ps = r.passSteps().get(0);
            // symmetric walk with steps of exactly T/2: the median step is T/2 up to the event error, which
            // on clean synthetic data is below one sample (1/60 s of 0.55 s = 3 %; measured well under 1 %)
            assertEquals(trueCadence, ps.cadenceStepsPerMin(), 0.02 * trueCadence, r.motion().cleaned().source());
            // the synthetic walker is at steady speed from the first sample, so the pass spans nearly all 8 s:
            // 8 s / 0.55 s = 14.5 contacts, 14 or 15 by phase, one fewer if an end contact is trimmed off
            assertTrue(ps.stepCount() >= 13 && ps.stepCount() <= 15, "steps " + ps.stepCount());
        }
        // the contacts of the backward pass are the forward walk's toe offs played backwards, so both passes
        // count the same number of steps up to one at either trimmed end
        assertEquals(fwd.passSteps().get(0).stepCount(), bwd.passSteps().get(0).stepCount(), 2);
        assertTrue(bwd.passSteps().get(0).backward());
    }

    @Test
    void duplicateContactsAroundALegSwapCountOnce() {
        WalkingPass pass = new WalkingPass(0, 0, 300, 0, 5, WalkingDirection.POSITIVE_X, 100);
        // contacts every 0.5 s, with one landing found on both labelled legs 0.1 s apart
        List<GaitEvent> events = List.of(ic(Side.LEFT, 1.0), ic(Side.RIGHT, 1.5), ic(Side.LEFT, 2.0),
                ic(Side.RIGHT, 2.1), ic(Side.RIGHT, 2.5), ic(Side.LEFT, 3.0),
                new GaitEvent(Side.LEFT, GaitEventType.TOE_OFF, 1.3, 0, 0));
        PassSteps ps = PassSteps.count(pass, events);
        assertEquals(List.of(1.0, 1.5, 2.0, 2.5, 3.0), ps.contactTimesS());
        assertEquals(0.5, ps.medianStepTimeS(), 1e-12);
        assertEquals(120, ps.cadenceStepsPerMin(), 1e-9);
        assertFalse(ps.backward());
    }

    @Test
    void falseFarLegContactsBetweenStepsAreDropped() {
        WalkingPass pass = new WalkingPass(0, 0, 600, 0, 10, WalkingDirection.NEGATIVE_X, 100,
                WalkingDirection.POSITIVE_X);
        // steps every 0.5 s (two of them 0.45 and 0.55 s: a mildly uneven gait) and two false contacts 0.3 s
        // after a real one, as the far leg produced in the mirrored indoor video
        List<GaitEvent> events = List.of(ic(Side.LEFT, 1.0), ic(Side.RIGHT, 1.5), ic(Side.LEFT, 1.95),
                ic(Side.RIGHT, 2.25), ic(Side.RIGHT, 2.5), ic(Side.LEFT, 3.0), ic(Side.RIGHT, 3.5),
                ic(Side.RIGHT, 3.8), ic(Side.LEFT, 4.0), ic(Side.RIGHT, 4.5));
        PassSteps ps = PassSteps.count(pass, events);
        assertEquals(List.of(1.0, 1.5, 1.95, 2.5, 3.0, 3.5, 4.0, 4.5), ps.contactTimesS());
        assertEquals(0.5, ps.medianStepTimeS(), 1e-12);
        assertTrue(ps.backward());
    }

    private static GaitEvent ic(Side s, double t) {
        return new GaitEvent(s, GaitEventType.INITIAL_CONTACT, t, 0, 0);
    }
}
