package org.gaitlens.assess;

import org.gaitlens.assess.indicator.LumbarIndicators;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssessorTest {

    private final Assessor assessor = LumbarIndicators.assessor();

    private static List<Indicator> raisedIndicators(Assessment a) {
        return a.indicators().stream().filter(i -> i.strength().raised()).toList();
    }

    private static Set<String> raised(Assessment a) {
        return raisedIndicators(a).stream().map(i -> i.pattern() + "/" + i.side()).collect(Collectors.toSet());
    }

    /**
     * Healthy walk, 10 strides per side, seeded scatter. The thresholds are 4.8 or more standard errors of a
     * side difference away from zero for every metric (e.g. stance: 0.032 s vs SE 0.0067 s; angles: 5 deg vs
     * SE 0.89 deg), so no seed should raise anything; 20 seeds show the result is not one lucky draw.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void symmetricWalkRaisesNothing(long seed) {
        Assessment a = assessor.assess(new SyntheticWalk(seed).build());
        assertEquals(Set.of(), raised(a), () -> a.indicators().toString());
        assertEquals(SymmetryVerdict.Level.SYMMETRIC, a.symmetry().level(), () -> a.symmetry().reasons().toString());
        assertNull(a.symmetry().affectedSide());
        assertTrue(a.quality().trustworthy(), () -> a.quality().reasons().toString());
        // every sagittal pattern assessed (NONE), trunk list not assessable from the side
        assertEquals(Strength.NONE, a.indicator(Pattern.ANTALGIC).strength());
        assertEquals(Strength.NONE, a.indicator(Pattern.L5_FOOT_DROP).strength());
        assertEquals(Strength.NONE, a.indicator(Pattern.S1_WEAK_PUSH_OFF).strength());
        assertEquals(Strength.NONE, a.indicator(Pattern.L4_KNEE).strength());
        assertEquals(Strength.NOT_ASSESSABLE, a.indicator(Pattern.TRUNK_LIST).strength());
        // healthy means are inside every reference range
        assertTrue(a.metrics().stream().allMatch(m -> m.flags().isEmpty()),
                () -> a.metrics().stream().flatMap(m -> m.flags().stream()).map(ReferenceFlag::text).toList().toString());
        // identical curve shapes: waveforms agree closely (per-stride offsets of SD 1 deg, 10 strides)
        for (WaveformAsymmetry w : a.waveforms()) {
            assertTrue(w.rmsDifferenceDeg() < 2.0, w.joint() + " rms " + w.rmsDifferenceDeg());
        }
    }

    /**
     * Right side: stance 0.58 s vs 0.66 s (SI -12.9 %, beyond the 4.88 % limit), single support 0.44 s vs
     * 0.52 s (the right leg's single support is the left leg's swing; left swing stays 0.44 s, right swing
     * becomes 0.52 s since the stride is unchanged) -> antalgic right, likely. Right mid-swing dorsiflexion
     * -6 deg vs 3 deg (9 deg less) and clearance 0.008 vs 0.020 leg lengths (0.012 less) -> foot drop right,
     * likely. Nothing else changes, so nothing else may be raised.
     */
    @Test
    void asymmetricWalkRaisesExactlyAntalgicAndFootDropOnTheRight() {
        AssessmentInput in = new SyntheticWalk(42)
                .set(Side.RIGHT, Metric.STANCE_TIME_S, 0.58)
                .set(Side.RIGHT, Metric.SWING_TIME_S, 0.52)
                .set(Side.RIGHT, Metric.STANCE_PCT, 52.7)
                .set(Side.LEFT, Metric.SINGLE_SUPPORT_S, 0.52)
                .set(Side.RIGHT, Metric.SINGLE_SUPPORT_S, 0.44)
                .set(Side.LEFT, Metric.DOUBLE_SUPPORT_S, 0.14)
                .set(Side.RIGHT, Metric.DOUBLE_SUPPORT_S, 0.14)
                .set(Side.RIGHT, Metric.ANKLE_DF_SWING_DEG, -6.0)
                .set(Side.RIGHT, Metric.FOOT_CLEARANCE_REL, 0.008)
                .build();
        Assessment a = assessor.assess(in);
        assertEquals(Set.of("ANTALGIC/RIGHT", "L5_FOOT_DROP/RIGHT"), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.LIKELY, a.indicator(Pattern.ANTALGIC).strength());
        assertEquals(Strength.LIKELY, a.indicator(Pattern.L5_FOOT_DROP).strength());
        Indicator antalgic = a.indicator(Pattern.ANTALGIC);
        assertTrue(antalgic.statement().contains("a screening indicator, not a diagnosis"), antalgic.statement());
        assertTrue(antalgic.evidence().stream().anyMatch(s -> s.startsWith("Stance time") && s.contains("right shorter")),
                antalgic.evidence().toString());
        assertEquals(SymmetryVerdict.Level.MARKEDLY_ASYMMETRIC, a.symmetry().level());
        assertEquals(Side.RIGHT, a.symmetry().affectedSide());
        // stance SI is negative (right shorter) with the whole interval below zero
        Asymmetry stance = a.metric(Metric.STANCE_TIME_S).orElseThrow().asymmetry();
        assertTrue(stance.symmetryIndexPct().ciHigh() < 0);
        // the reduced right dorsiflexion is also below the healthy range
        List<ReferenceFlag> dfFlags = a.metric(Metric.ANKLE_DF_SWING_DEG).orElseThrow().flags();
        assertEquals(1, dfFlags.size());
        assertEquals(Side.RIGHT, dfFlags.get(0).side());
        assertEquals(ReferenceFlag.Direction.BELOW, dfFlags.get(0).direction());
    }

    @Test
    void shorterStanceAloneIsPossibleAntalgic() {
        // left stance 0.62 vs 0.66 s (ratio 1.065, SI 6.3 %: beyond the 1.05 limit, below the 1.10 'marked'
        // limit), single support unchanged: one sign, not contradicted
        Assessment a = assessor.assess(new SyntheticWalk(21).set(Side.LEFT, Metric.STANCE_TIME_S, 0.62).build());
        assertEquals(Set.of("ANTALGIC/LEFT"), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.POSSIBLE, a.indicator(Pattern.ANTALGIC).strength());
        assertEquals(SymmetryVerdict.Level.MILDLY_ASYMMETRIC, a.symmetry().level());
        assertEquals(Side.LEFT, a.symmetry().affectedSide());
    }

    @Test
    void weakPushOffRaisesOnlyS1() {
        // left plantarflexion at toe off 8 vs 18 deg, left hip extension 8 vs 15 deg
        AssessmentInput in = new SyntheticWalk(5)
                .set(Side.LEFT, Metric.ANKLE_PF_TOE_OFF_DEG, 8.0)
                .set(Side.LEFT, Metric.HIP_EXT_PEAK_DEG, 8.0)
                .build();
        Assessment a = assessor.assess(in);
        assertEquals(Set.of("S1_WEAK_PUSH_OFF/LEFT"), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.LIKELY, a.indicator(Pattern.S1_WEAK_PUSH_OFF).strength());
    }

    @Test
    void plantarflexionAloneIsOnlyPossible() {
        Assessment a = assessor.assess(new SyntheticWalk(6).set(Side.RIGHT, Metric.ANKLE_PF_TOE_OFF_DEG, 10.0).build());
        assertEquals(Set.of("S1_WEAK_PUSH_OFF/RIGHT"), raised(a));
        assertEquals(Strength.POSSIBLE, a.indicator(Pattern.S1_WEAK_PUSH_OFF).strength());
    }

    @Test
    void kneeFlexionInLoadingRaisesOnlyL4() {
        // left knee flexion peak in loading 28 vs 18 deg, at contact 12 vs 5 deg
        AssessmentInput in = new SyntheticWalk(7)
                .set(Side.LEFT, Metric.KNEE_FLEX_LOADING_PEAK_DEG, 28.0)
                .set(Side.LEFT, Metric.KNEE_FLEX_IC_DEG, 12.0)
                .build();
        Assessment a = assessor.assess(in);
        assertEquals(Set.of("L4_KNEE/LEFT"), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.LIKELY, a.indicator(Pattern.L4_KNEE).strength());
    }

    @Test
    void kneeFlexionAtContactAloneRaisesNothing() {
        // left knee 7 deg more flexed at contact (12 vs 5 deg), loading peak unchanged: not specific for L4
        AssessmentInput in = new SyntheticWalk(7).set(Side.LEFT, Metric.KNEE_FLEX_IC_DEG, 12.0).build();
        Assessment a = assessor.assess(in);
        assertEquals(Set.of(), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.NONE, a.indicator(Pattern.L4_KNEE).strength());
    }

    @Test
    void kneeFlexionInLoadingAloneIsOnlyPossibleL4() {
        AssessmentInput in = new SyntheticWalk(7).set(Side.RIGHT, Metric.KNEE_FLEX_LOADING_PEAK_DEG, 28.0).build();
        Assessment a = assessor.assess(in);
        assertEquals(Set.of("L4_KNEE/RIGHT"), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.POSSIBLE, a.indicator(Pattern.L4_KNEE).strength());
    }

    /** Quality facts of a one-direction pose-model video with {@code near} toward the camera. */
    private static QualityFacts filmedFrom(Side near) {
        return new QualityFacts(0.95, java.util.Map.of(), 0, 2, ScaleBasis.PATIENT_HEIGHT, java.util.List.of(), near);
    }

    @Test
    void farKneeExcessWithinTheNearKneeBiasIsNotAssessable() {
        // right knee 7 deg more flexed in loading (25 vs 18), right leg far from the camera: the pose model's
        // near-knee bias (up to 8.1 deg, PoseCameraBias.NEAR_KNEE_LOADING_FLEXION) alone can give that
        AssessmentInput in = new SyntheticWalk(7).set(Side.RIGHT, Metric.KNEE_FLEX_LOADING_PEAK_DEG, 25.0)
                .quality(filmedFrom(Side.LEFT)).build();
        Assessment a = assessor.assess(in);
        Indicator l4 = a.indicator(Pattern.L4_KNEE);
        assertEquals(Strength.NOT_ASSESSABLE, l4.strength(), l4::toString);
        assertTrue(l4.statement().contains("both directions"), l4.statement());
        assertTrue(String.join(" ", l4.evidence()).contains("far"), () -> l4.evidence().toString());
        // nor does the same difference make the walk "asymmetric" in the overall verdict
        assertEquals(SymmetryVerdict.Level.SYMMETRIC, a.symmetry().level(), () -> a.symmetry().reasons().toString());
        assertTrue(a.symmetry().reasons().stream().anyMatch(r -> r.contains("not rated")),
                () -> a.symmetry().reasons().toString());
        // the same walk filmed from the right (the flexed knee near the camera) raises it as before
        Assessment near = assessor.assess(new SyntheticWalk(7)
                .set(Side.RIGHT, Metric.KNEE_FLEX_LOADING_PEAK_DEG, 25.0).quality(filmedFrom(Side.RIGHT)).build());
        assertEquals(Strength.POSSIBLE, near.indicator(Pattern.L4_KNEE).strength());
        // and so does motion capture or a walk filmed from both sides (no near side)
        Assessment both = assessor.assess(new SyntheticWalk(7)
                .set(Side.RIGHT, Metric.KNEE_FLEX_LOADING_PEAK_DEG, 25.0).build());
        assertEquals(Strength.POSSIBLE, both.indicator(Pattern.L4_KNEE).strength());
    }

    @Test
    void farKneeExcessWithinTheBiasIsAssessedWhenAnotherRecordingShowsTheLegNear() {
        // the walk of farKneeExcessWithinTheNearKneeBiasIsNotAssessable pooled from two clips: the right leg was far
        // in one and near in the other, so the near/far bias does not decide the sign and it is raised; the
        // evidence names the clips that showed each leg near the camera
        QualityFacts pooled = new QualityFacts(0.95, java.util.Map.of(), 0, 2, ScaleBasis.PATIENT_HEIGHT,
                java.util.List.of(), null, java.util.Map.of(Side.LEFT, java.util.List.of("there.mp4"),
                        Side.RIGHT, java.util.List.of("back.mp4")));
        Assessment a = assessor.assess(new SyntheticWalk(7).set(Side.RIGHT, Metric.KNEE_FLEX_LOADING_PEAK_DEG, 26.0)
                .quality(pooled).build());
        Indicator l4 = a.indicator(Pattern.L4_KNEE);
        assertEquals(Strength.POSSIBLE, l4.strength(), l4::toString);
        assertEquals(Side.RIGHT, l4.side());
        assertTrue(l4.evidence().stream().anyMatch(e -> e.contains("left leg was filmed near the camera in there.mp4")
                && e.contains("right leg in back.mp4")), () -> l4.evidence().toString());
    }

    @Test
    void farKneeExcessBeyondTheBiasIsRaisedWithACaution() {
        // 12 deg more (30 vs 18) on the far right knee: more than the 8.1 deg bias
        Assessment a = assessor.assess(new SyntheticWalk(7).set(Side.RIGHT, Metric.KNEE_FLEX_LOADING_PEAK_DEG, 30.0)
                .quality(filmedFrom(Side.LEFT)).build());
        Indicator l4 = a.indicator(Pattern.L4_KNEE);
        assertEquals(Strength.POSSIBLE, l4.strength(), l4::toString);
        assertEquals(Side.RIGHT, l4.side());
        assertTrue(String.join(" ", l4.evidence()).contains("Caution"), () -> l4.evidence().toString());
    }

    @Test
    void shorterFarStanceWithinTheCameraSideBiasIsRaisedWithACaution() {
        // left single support 0.06 s shorter (0.38 vs 0.44 s, the antalgic sign) and stance 8 ms shorter (0.652 vs
        // 0.66 s), left leg far from the camera: still possible antalgic, with a caution (the camera side alone can
        // shorten the far stance by up to 10 ms, PoseCameraBias.FAR_STANCE_TIME)
        Assessment a = assessor.assess(new SyntheticWalk(21).set(Side.LEFT, Metric.SINGLE_SUPPORT_S, 0.38)
                .set(Side.LEFT, Metric.STANCE_TIME_S, 0.652).quality(filmedFrom(Side.RIGHT)).build());
        Indicator antalgic = a.indicator(Pattern.ANTALGIC);
        assertEquals(Strength.POSSIBLE, antalgic.strength());
        assertEquals(Side.LEFT, antalgic.side());
        assertTrue(String.join(" ", antalgic.evidence()).contains("Caution"), () -> antalgic.evidence().toString());
        // near side, or 0.1 s shorter (beyond the bias): no caution
        for (Assessment b : List.of(
                assessor.assess(new SyntheticWalk(21).set(Side.LEFT, Metric.SINGLE_SUPPORT_S, 0.38)
                        .set(Side.LEFT, Metric.STANCE_TIME_S, 0.652).quality(filmedFrom(Side.LEFT)).build()),
                assessor.assess(new SyntheticWalk(21).set(Side.LEFT, Metric.STANCE_TIME_S, 0.56)
                        .quality(filmedFrom(Side.RIGHT)).build()))) {
            assertTrue(b.indicator(Pattern.ANTALGIC).strength().raised());
            assertFalse(String.join(" ", b.indicator(Pattern.ANTALGIC).evidence()).contains("Caution"),
                    () -> b.indicator(Pattern.ANTALGIC).evidence().toString());
        }
    }

    @Test
    void farAnklePlantarflexionDeficitWithinTheFarAnkleBiasIsNotAssessable() {
        // right plantarflexion at toe off 12 vs 18 deg (6 deg less), right leg far from the camera: the pose
        // model's far-ankle bias (up to 7.5 deg, PoseCameraBias.FAR_ANKLE_PLANTARFLEXION_TOE_OFF) alone can give that
        AssessmentInput in = new SyntheticWalk(6).set(Side.RIGHT, Metric.ANKLE_PF_TOE_OFF_DEG, 12.0)
                .quality(filmedFrom(Side.LEFT)).build();
        Assessment a = assessor.assess(in);
        Indicator s1 = a.indicator(Pattern.S1_WEAK_PUSH_OFF);
        assertEquals(Strength.NOT_ASSESSABLE, s1.strength(), s1::toString);
        assertTrue(s1.statement().contains("both directions"), s1.statement());
        assertEquals(SymmetryVerdict.Level.SYMMETRIC, a.symmetry().level(), () -> a.symmetry().reasons().toString());
        assertTrue(a.symmetry().reasons().stream().anyMatch(r -> r.contains("far-ankle bias")),
                () -> a.symmetry().reasons().toString());
        // filmed with the weak (right) ankle near the camera, or without a single near side: raised as before
        for (QualityFacts q : new QualityFacts[] {filmedFrom(Side.RIGHT), null}) {
            SyntheticWalk w = new SyntheticWalk(6).set(Side.RIGHT, Metric.ANKLE_PF_TOE_OFF_DEG, 12.0);
            Assessment b = assessor.assess((q == null ? w : w.quality(q)).build());
            assertEquals(Strength.POSSIBLE, b.indicator(Pattern.S1_WEAK_PUSH_OFF).strength(), "near side " + q);
            assertEquals(Side.RIGHT, b.indicator(Pattern.S1_WEAK_PUSH_OFF).side());
        }
    }

    @Test
    void farAnklePlantarflexionDeficitBeyondTheBiasIsRaisedWithACaution() {
        // 16 deg less (2 vs 18) on the far right ankle: more than the 7.5 deg bias
        Assessment a = assessor.assess(new SyntheticWalk(6).set(Side.RIGHT, Metric.ANKLE_PF_TOE_OFF_DEG, 2.0)
                .quality(filmedFrom(Side.LEFT)).build());
        Indicator s1 = a.indicator(Pattern.S1_WEAK_PUSH_OFF);
        assertEquals(Strength.POSSIBLE, s1.strength(), s1::toString);
        assertEquals(Side.RIGHT, s1.side());
        assertTrue(String.join(" ", s1.evidence()).contains("Caution"), () -> s1.evidence().toString());
    }

    @Test
    void lessDorsiflexionOnTheFootThatClearsBetterIsNotFootDrop() {
        // left: 8 deg less mid-swing dorsiflexion, but the right foot clears the floor lower (0.006 vs 0.020 leg
        // lengths) and the left shows no steppage: the signs contradict each other
        AssessmentInput in = new SyntheticWalk(8)
                .set(Side.LEFT, Metric.ANKLE_DF_SWING_DEG, -5.0)
                .set(Side.RIGHT, Metric.FOOT_CLEARANCE_REL, 0.006)
                .build();
        Assessment a = assessor.assess(in);
        Indicator l5 = a.indicator(Pattern.L5_FOOT_DROP);
        assertEquals(Strength.NONE, l5.strength(), l5::toString);
        assertTrue(String.join(" ", l5.evidence()).contains("conflict"), () -> l5.evidence().toString());
        // with steppage on the left (knee 10 deg more flexed in swing) the low clearance on the right no longer
        // speaks against it
        Assessment b = assessor.assess(new SyntheticWalk(8)
                .set(Side.LEFT, Metric.ANKLE_DF_SWING_DEG, -5.0)
                .set(Side.RIGHT, Metric.FOOT_CLEARANCE_REL, 0.006)
                .set(Side.LEFT, Metric.KNEE_FLEX_SWING_PEAK_DEG, 72.0)
                .build());
        assertEquals(Strength.LIKELY, b.indicator(Pattern.L5_FOOT_DROP).strength());
        assertEquals(Side.LEFT, b.indicator(Pattern.L5_FOOT_DROP).side());
        // hip steppage on the left counts too, even when the right knee flexes more in swing
        Assessment c = assessor.assess(new SyntheticWalk(8)
                .set(Side.LEFT, Metric.ANKLE_DF_SWING_DEG, -5.0)
                .set(Side.RIGHT, Metric.FOOT_CLEARANCE_REL, 0.006)
                .set(Side.RIGHT, Metric.KNEE_FLEX_SWING_PEAK_DEG, 72.0)
                .set(Side.LEFT, Metric.HIP_FLEX_SWING_PEAK_DEG, 38.0)
                .build());
        assertTrue(c.indicator(Pattern.L5_FOOT_DROP).strength().raised(), () -> c.indicators().toString());
        assertEquals(Side.LEFT, c.indicator(Pattern.L5_FOOT_DROP).side());
    }

    @Test
    void steppageWithFlatContactWithoutDorsiflexionLossIsPossibleFootDrop() {
        // right: lower clearance, 10 deg more knee flexion in swing, no heel-first contacts; dorsiflexion unchanged
        AssessmentInput in = new SyntheticWalk(8)
                .set(Side.RIGHT, Metric.FOOT_CLEARANCE_REL, 0.006)
                .set(Side.RIGHT, Metric.KNEE_FLEX_SWING_PEAK_DEG, 72.0)
                .set(Side.RIGHT, Metric.CONTACT_HEEL_FIRST_FRAC, 0.0)
                .build();
        Assessment a = assessor.assess(in);
        assertEquals(Set.of("L5_FOOT_DROP/RIGHT"), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.POSSIBLE, a.indicator(Pattern.L5_FOOT_DROP).strength());
    }

    @Test
    void trunkListInFrontalViewNamesTheSideOppositeTheShift() {
        // mean shift +0.08 trunk lengths (4.6 deg toward the right), SD 0.01 over 20 strides
        AssessmentInput in = new SyntheticWalk(9).frontal(Metric.TRUNK_SHIFT_REL, 0.08, 0.01).build();
        Assessment a = assessor.assess(in);
        assertEquals(Set.of("TRUNK_LIST/LEFT"), raised(a), () -> a.indicators().toString());
        assertEquals(Strength.POSSIBLE, a.indicator(Pattern.TRUNK_LIST).strength());
        assertEquals(Strength.NOT_ASSESSABLE, a.indicator(Pattern.L5_FOOT_DROP).strength());
        assertEquals(Strength.NONE, a.indicator(Pattern.ANTALGIC).strength(), "timing works in a frontal view");
        // 0.12 (6.9 deg toward the left) is beyond the likely limit and names the right side
        Assessment b = assessor.assess(new SyntheticWalk(9).frontal(Metric.TRUNK_SHIFT_REL, -0.12, 0.01).build());
        assertEquals(Strength.LIKELY, b.indicator(Pattern.TRUNK_LIST).strength());
        assertEquals(Side.RIGHT, b.indicator(Pattern.TRUNK_LIST).side());
        // an upright trunk raises nothing
        Assessment c = assessor.assess(new SyntheticWalk(9).frontal(Metric.TRUNK_SHIFT_REL, 0.0, 0.01).build());
        assertEquals(Set.of(), raised(c));
        assertEquals(Strength.NONE, c.indicator(Pattern.TRUNK_LIST).strength());
    }

    @Test
    void trunkListFallsBackToTheFrontalSeries() {
        // 8 s at 30 Hz, shift 0.07 +- 0.02 sin(step rhythm): 8 one-second block means of about 0.07
        int n = 240;
        double[] t = new double[n];
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 30.0;
            shift[i] = 0.07 + 0.02 * Math.sin(2 * Math.PI * 0.9 * t[i]);
        }
        SyntheticWalk w = new SyntheticWalk(10).view(CameraView.FRONTAL).frontalSeries(new FrontalSeries(t, shift));
        Assessment a = assessor.assess(w.build());
        assertEquals(Strength.POSSIBLE, a.indicator(Pattern.TRUNK_LIST).strength(),
                () -> a.indicator(Pattern.TRUNK_LIST).evidence().toString());
        assertEquals(Side.LEFT, a.indicator(Pattern.TRUNK_LIST).side());
    }

    @Test
    void twoStridesPerSideAreRefused() {
        Assessment a = assessor.assess(new SyntheticWalk(3).strides(2)
                .set(Side.RIGHT, Metric.STANCE_TIME_S, 0.50).build());
        assertEquals(Set.of(), raised(a));
        assertEquals(Strength.NOT_ASSESSABLE, a.indicator(Pattern.ANTALGIC).strength());
        assertEquals(SymmetryVerdict.Level.INSUFFICIENT_DATA, a.symmetry().level());
        Asymmetry stance = a.metric(Metric.STANCE_TIME_S).orElseThrow().asymmetry();
        assertFalse(stance.assessed());
        assertTrue(stance.note().contains("insufficient strides"));
        assertFalse(a.quality().trustworthy());
        assertTrue(a.quality().reasons().stream().anyMatch(r -> r.contains("Only 2 left strides")));
    }

    @Test
    void qualityVerdictReasonsAndCautions() {
        QualityFacts q = new QualityFacts(0.55, Map.of(Side.LEFT, Map.of("STRIDE_TIME_IMPLAUSIBLE", 12)), 3, 1,
                ScaleBasis.NONE, List.of("second person entered the frame at 4.2 s"));
        Assessment a = assessor.assess(new SyntheticWalk(4).quality(q).view(CameraView.UNKNOWN).build());
        QualityVerdict v = a.quality();
        assertFalse(v.trustworthy());
        assertEquals(2, v.reasons().size(), v.reasons().toString()); // coverage 55 % < 60 %, view unknown
        assertTrue(v.cautions().stream().anyMatch(c -> c.contains("More left strides were rejected (12")));
        assertTrue(v.cautions().stream().anyMatch(c -> c.contains("3 left/right leg swaps")));
        assertTrue(v.cautions().stream().anyMatch(c -> c.contains("No scale")));
        assertTrue(v.cautions().contains("second person entered the frame at 4.2 s"));
        assertEquals(12, v.stridesRejected().get(Side.LEFT));
        assertEquals(10, v.stridesUsed().get(Side.RIGHT));
        // unknown view: sagittal patterns are not assessable
        assertEquals(Strength.NOT_ASSESSABLE, a.indicator(Pattern.L4_KNEE).strength());
    }

    @Test
    void outOfRangeValuesAreFlaggedPerSideOrPooled() {
        Assessment a = assessor.assess(new SyntheticWalk(13)
                .set(Side.LEFT, Metric.SPEED_M_PER_S, 0.70)
                .set(Side.RIGHT, Metric.SPEED_M_PER_S, 0.70)
                .set(Side.LEFT, Metric.KNEE_FLEX_SWING_PEAK_DEG, 45.0)
                .set(Side.RIGHT, Metric.KNEE_FLEX_SWING_PEAK_DEG, 45.0)
                .build());
        List<ReferenceFlag> speed = a.metric(Metric.SPEED_M_PER_S).orElseThrow().flags();
        assertEquals(1, speed.size());
        assertNull(speed.get(0).side(), "speed is pooled");
        assertEquals(ReferenceFlag.Direction.BELOW, speed.get(0).direction());
        assertEquals(2, a.metric(Metric.KNEE_FLEX_SWING_PEAK_DEG).orElseThrow().flags().size());
        assertNull(a.metric(Metric.SPEED_M_PER_S).orElseThrow().asymmetry(), "no asymmetry for pooled metrics");
        // symmetric slowness raises no side-specific indicator
        assertEquals(Set.of(), raised(a));
    }

    @Test
    void jsonRoundTripKeepsEverything() throws Exception {
        AssessmentInput in = new SyntheticWalk(42)
                .set(Side.RIGHT, Metric.STANCE_TIME_S, 0.58)
                .set(Side.RIGHT, Metric.ANKLE_DF_SWING_DEG, -6.0)
                .build();
        Assessment a = assessor.assess(in);
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(a);
        assertTrue(text.contains("\"metric\":\"stance_time_s\""), "metrics are written by key");
        assertTrue(text.contains("\"NaN\""), "undefined numbers are written as NaN strings");
        Assessment back = json.readValue(text, Assessment.class);
        assertEquals(text, json.writeValueAsString(back));
        assertEquals(raisedIndicators(a).size(), raisedIndicators(back).size());
    }
}
