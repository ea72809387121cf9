package org.gaitlens.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChangeClassifierTest {

    private final ChangeClassifier c = new ChangeClassifier();
    private static final OptionalDouble NO_OWN = OptionalDouble.empty();

    /** Speed sessions of 10 strides with SD 0.03 m/s: SE 0.009487 each, sampling term 1.96 sqrt(2) 0.009487 = 0.0263. */
    private static SessionValue speed(double mean) {
        return SessionValue.ofStrides(mean, 0.03, 10);
    }

    @Test
    void speedUsesPereraThresholds() {
        // +0.08 m/s > 0.05 (Perera small meaningful change, larger than the 0.0263 sampling term): improved,
        // not substantial (< 0.10)
        ChangeResult r = c.classify(GaitMetric.SPEED_M_PER_S, speed(1.00), speed(1.08), NO_OWN);
        assertEquals(ChangeOutcome.IMPROVED, r.outcome());
        assertEquals(0.05, r.threshold(), 1e-12);
        assertEquals(0.026295, r.samplingThreshold(), 1e-6);
        assertTrue(r.thresholdSource().startsWith("published"), r.thresholdSource());
        assertFalse(r.substantial());
        // +0.12 m/s reaches the 0.10 m/s substantial change
        assertTrue(c.classify(GaitMetric.SPEED_M_PER_S, speed(1.00), speed(1.12), NO_OWN).substantial());
        // +0.04 m/s is within 0.05
        assertEquals(ChangeOutcome.NO_DETECTABLE_CHANGE,
                c.classify(GaitMetric.SPEED_M_PER_S, speed(1.00), speed(1.04), NO_OWN).outcome());
        // -0.10 m/s: worse
        assertEquals(ChangeOutcome.WORSENED, c.classify(GaitMetric.SPEED_M_PER_S, speed(1.10), speed(1.00), NO_OWN).outcome());
    }

    @Test
    void ownRepeatabilityRaisesTheThresholdWhenLarger() {
        ChangeResult r = c.classify(GaitMetric.SPEED_M_PER_S, speed(1.00), speed(1.08), OptionalDouble.of(0.09));
        assertEquals(ChangeOutcome.NO_DETECTABLE_CHANGE, r.outcome());
        assertEquals(0.09, r.threshold(), 0.0);
        assertTrue(r.thresholdSource().startsWith("own"));
        // a smaller own repeatability does not lower the published threshold
        assertEquals(0.05, c.classify(GaitMetric.SPEED_M_PER_S, speed(1.00), speed(1.08), OptionalDouble.of(0.01))
                .threshold(), 0.0);
    }

    @Test
    void samplingErrorOfFewScatteredStridesDominates() {
        // knee swing peak, 3 strides with SD 10 deg per session: SE 5.7735, sampling 1.96 x sqrt(2) x 5.7735 = 16.003
        // deg > published 5 deg, so a 12 deg change is not detectable
        SessionValue before = SessionValue.ofStrides(50, 10, 3);
        SessionValue after = SessionValue.ofStrides(62, 10, 3);
        ChangeResult r = c.classify(GaitMetric.KNEE_FLEX_SWING_PEAK_DEG, before, after, NO_OWN);
        assertEquals(16.0034, r.threshold(), 1e-3);
        assertEquals(ChangeOutcome.NO_DETECTABLE_CHANGE, r.outcome());
        assertTrue(r.thresholdSource().startsWith("sampling"));
    }

    @Test
    void lowerIsBetterForDoubleSupport() {
        ChangeResult r = c.classify(GaitMetric.DOUBLE_SUPPORT_S, SessionValue.ofStrides(0.30, 0.01, 10),
                SessionValue.ofStrides(0.25, 0.01, 10), NO_OWN);
        assertEquals(ChangeOutcome.IMPROVED, r.outcome());
        assertEquals(0.02, r.threshold(), 1e-12); // published 0.02 s > sampling 1.96 sqrt(2) 0.00316 = 0.0088 s
    }

    @Test
    void towardRangeForStanceTime() {
        // healthy stance range 0.57-0.78 s
        SessionValue precise050 = new SessionValue(0.50, 0.001, 10);
        SessionValue precise060 = new SessionValue(0.60, 0.001, 10);
        SessionValue precise070 = new SessionValue(0.70, 0.001, 10);
        SessionValue precise080 = new SessionValue(0.80, 0.001, 10);
        SessionValue precise090 = new SessionValue(0.90, 0.001, 10);
        assertEquals(ChangeOutcome.IMPROVED, c.classify(GaitMetric.STANCE_TIME_S, precise050, precise060, NO_OWN).outcome());
        assertEquals(ChangeOutcome.CHANGED_WITHIN_RANGE,
                c.classify(GaitMetric.STANCE_TIME_S, precise060, precise070, NO_OWN).outcome());
        assertEquals(ChangeOutcome.WORSENED, c.classify(GaitMetric.STANCE_TIME_S, precise080, precise090, NO_OWN).outcome());
        assertEquals(ChangeOutcome.WORSENED, c.classify(GaitMetric.STANCE_TIME_S, precise060, precise050, NO_OWN).outcome());
    }

    @Test
    void asymmetryImprovesTowardZero() {
        // stance SI -12.4 % (SE 0.7) -> -3.0 % (SE 0.8): sampling 1.96 sqrt(0.49 + 0.64) = 2.0835 %, change 9.4 %
        ChangeResult r = c.classifyAsymmetry("stance_time_s SI", "%", new SessionValue(-12.4, 0.7, 0),
                new SessionValue(-3.0, 0.8, 0), NO_OWN);
        assertEquals(ChangeOutcome.IMPROVED, r.outcome());
        assertEquals(2.0835, r.threshold(), 1e-4);
        // flipping to +15 % is a larger asymmetry: worse
        assertEquals(ChangeOutcome.WORSENED, c.classifyAsymmetry("stance_time_s SI", "%",
                new SessionValue(-12.4, 0.7, 0), new SessionValue(15.0, 0.8, 0), NO_OWN).outcome());
        // from an assessed asymmetry's index value
        Asymmetry a = new AsymmetryEstimator().estimate(new double[] {0.60, 0.62, 0.58}, new double[] {0.70, 0.73, 0.67},
                true);
        SessionValue v = SessionValue.of(a.symmetryIndexPct());
        assertEquals(3.116121, v.standardError(), 1e-6);
    }

    @Test
    void noThresholdAtAllIsNotAssessable() {
        // foot clearance has no published threshold; single strides have no SE; no own repeatability
        ChangeResult r = c.classify(GaitMetric.FOOT_CLEARANCE_REL, SessionValue.ofStrides(0.01, 0, 1),
                SessionValue.ofStrides(0.02, 0, 1), NO_OWN);
        assertEquals(ChangeOutcome.NOT_ASSESSABLE, r.outcome());
    }

    @Test
    void repeatabilityFromPassDifferences() {
        // differences 0.03 and -0.04: RMS = sqrt((0.0009 + 0.0016) / 2) = 0.0353553; x 1.959964 = 0.0692951
        assertEquals(0.0692951, ChangeClassifier.repeatabilityFromPassDifferences(0.03, -0.04), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> ChangeClassifier.repeatabilityFromPassDifferences(Double.NaN));
    }
}
