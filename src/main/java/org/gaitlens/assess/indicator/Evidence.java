package org.gaitlens.assess.indicator;

import java.util.ArrayList;
import java.util.List;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.CameraView;
import org.gaitlens.assess.Fmt;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.assess.PoseCameraBias;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.metric.References;

/**
 * The evidence sentences of one indicator, collected in the order the rule finds them. Every sentence an
 * indicator carries is worded here, from the numbers the rule passes in; the wording is part of
 * {@code summary.json} and the reports, so a change here changes outputs. One instance per evaluation.
 */
final class Evidence {

    /**
     * The wording of a camera-side check ({@link CameraSide#judge}).
     *
     * @param farSign      the far leg's sign, e.g. "knee's excess loading flexion"
     * @param bias         the measured bias, as a sentence tail after "all walking was filmed ...; "
     * @param notAssessable the not-assessable reason, before "; film walking in both directions"
     */
    record CameraSideText(String farSign, String bias, String notAssessable) {
    }

    /** L4: the far knee's loading-response flexion. */
    static final CameraSideText NEAR_KNEE = new CameraSideText("knee's excess loading flexion",
            "the pose model reads the near knee's loading-response flexion up to "
                    + Decimals.format(PoseCameraBias.NEAR_KNEE_LOADING_FLEXION.allowance(), 1)
                    + " deg lower than the far knee's",
            "more loading-response knee flexion on the far leg, within the pose model's near-knee bias");

    /** S1: the far ankle's plantarflexion at toe off. */
    static final CameraSideText FAR_ANKLE = new CameraSideText("ankle's deficit",
            "the pose model reads the far ankle's plantarflexion at toe off up to "
                    + Decimals.format(PoseCameraBias.FAR_ANKLE_PLANTARFLEXION_TOE_OFF.allowance(), 1)
                    + " deg lower than the near ankle's",
            "less plantarflexion at toe off on the far leg, within the pose model's far-ankle bias");

    private final List<String> sentences = new ArrayList<>();

    /** The sentences so far (live; {@link org.gaitlens.assess.Indicator} copies them). */
    List<String> sentences() {
        return sentences;
    }

    /** The not-assessable reason of a rule that needs a side view, or {@code null} for a side view. */
    static String sagittalViewProblem(CameraView view) {
        return view == CameraView.SIDE ? null
                : view == CameraView.FRONTAL ? "it needs a side (sagittal) view, the camera was frontal"
                : "the camera view could not be determined";
    }

    /** The not-assessable reason of a rule that needs a frontal view, or {@code null} for a frontal view. */
    static String frontalViewProblem(CameraView view) {
        return view == CameraView.FRONTAL ? null
                : view == CameraView.SIDE ? "it needs a frontal view, the camera was at the side"
                : "the camera view could not be determined";
    }

    /** Why each given asymmetry was not assessed (absent ones and assessed ones add nothing). */
    Evidence notes(Asymmetry... as) {
        for (Asymmetry a : as) {
            if (a != null && a.note() != null) {
                sentences.add(a.note());
            }
        }
        return this;
    }

    /**
     * For a sign's metric: nothing when it was not measured, the asymmetry alone (with why it was not assessed)
     * when it was not assessed; returns whether the asymmetry and a verdict are still to be said.
     */
    private boolean verdictFollows(Metric m, Asymmetry a) {
        if (a != null && !a.assessed()) {
            sentences.add(Fmt.asymmetry(m, a));
        }
        return a != null && a.assessed();
    }

    /** The metric's asymmetry and the sign's verdict; nothing for an unmeasured metric. */
    void sign(SideSign s) {
        Metric m = s.metric();
        Asymmetry a = s.asymmetry();
        if (!verdictFollows(m, a)) {
            return;
        }
        String minDiff = Decimals.format(s.minDiff(), m.decimals()) + " " + m.unit();
        sentences.add(Fmt.asymmetry(m, a) + (s.side().isPresent()
                ? " -> " + (s.higher() ? "higher" : "lower") + " on the " + Fmt.side(s.side().get())
                        + " side by at least " + minDiff
                : " -> no clear side difference of " + minDiff + " or more"));
    }

    /** The metric's asymmetry and the temporal sign's verdict; nothing for an unmeasured metric. */
    void ratioSign(RatioSign s) {
        Metric m = s.metric();
        Asymmetry a = s.asymmetry();
        if (!verdictFollows(m, a)) {
            return;
        }
        double siLimit = IndicatorThresholds.siForRatio(s.ratioLimit());
        sentences.add(Fmt.asymmetry(m, a) + (s.side().isPresent()
                ? " -> " + Fmt.side(s.side().get()) + " shorter, beyond the healthy limit |SI| " + Decimals.format(siLimit, 2)
                        + " % (ratio " + s.ratioLimit() + ", " + References.PATTERSON_2010 + ")"
                : " -> within healthy limits or not statistically clear (|SI| limit " + Decimals.format(siLimit, 2)
                        + " %, difference >= " + IndicatorThresholds.TEMPORAL_MIN_DIFF_S + " s, CI excluding 0)"));
    }

    /**
     * Antalgic: the far stance's shortness is within {@link PoseCameraBias#FAR_STANCE_TIME}.
     *
     * @param recordings the recordings of a pooled session that were all filmed so; empty for one recording
     */
    void farStanceCaution(Side poseNearSide, Asymmetry stance, List<String> recordings) {
        sentences.add("Caution: all walking was filmed with the " + Fmt.side(poseNearSide) + " side toward the camera"
                + inRecordings(recordings) + ", "
                + "and the pose model reads the far leg's toe off early, so its stance up to "
                + Decimals.format(1000 * PoseCameraBias.FAR_STANCE_TIME.allowance(), 0)
                + " ms shorter than the near leg's (docs/accuracy.md); this difference, "
                + Decimals.format(1000 * stance.absoluteDifference(), 0) + " ms, is within that. "
                + "Film a pass walking the other way to confirm it");
    }

    /** L4 / S1: the far leg's sign is within the camera-side bias. */
    void withinCameraSideBias(Side far, Asymmetry a, Side poseNearSide, List<String> recordings, CameraSideText text) {
        sentences.add("The " + Fmt.side(far) + " (far) " + text.farSign() + " of " + Decimals.format(a.absoluteDifference(), 1)
                + " deg is within what the camera side alone gives: " + filmedFromOneSide(poseNearSide, recordings, text)
                + ". Film a pass walking the other way to assess it");
    }

    /** L4 / S1: the far leg's sign exceeds the camera-side bias. */
    void beyondCameraSideBias(Side poseNearSide, List<String> recordings, CameraSideText text) {
        sentences.add("Caution: " + filmedFromOneSide(poseNearSide, recordings, text) + "; the difference exceeds that");
    }

    /**
     * L4 / S1 in a pooled session: each leg was filmed near the camera in some recording, so the far-leg rule does
     * not apply; names the recordings that supplied each leg's near view.
     */
    void bothDirections(java.util.Map<Side, List<String>> nearIn, CameraSideText text) {
        sentences.add("Both walking directions pooled: the left leg was filmed near the camera in "
                + String.join(", ", nearIn.getOrDefault(Side.LEFT, List.of())) + ", the right leg in "
                + String.join(", ", nearIn.getOrDefault(Side.RIGHT, List.of())) + "; " + text.bias()
                + " (docs/accuracy.md), and each leg was seen from both sides, so the sign is assessed");
    }

    private static String filmedFromOneSide(Side poseNearSide, List<String> recordings, CameraSideText text) {
        return "all walking was filmed with the " + Fmt.side(poseNearSide) + " side toward the camera"
                + inRecordings(recordings) + "; " + text.bias() + " (docs/accuracy.md)";
    }

    /** " (recordings a.mp4, b.mp4)" for a pooled session, "" for one recording. */
    private static String inRecordings(List<String> recordings) {
        return recordings.isEmpty() ? "" : " (recordings " + String.join(", ", recordings) + ")";
    }

    /** L5: less dorsiflexion on {@code primary}, but that foot clears the floor better, without steppage. */
    void footDropConflict(Side primary) {
        sentences.add("Less dorsiflexion in mid-swing on the " + Fmt.side(primary) + " side, but that foot clears "
                + "the floor better than the " + Fmt.side(primary.opposite()) + " one, without steppage: "
                + "the signs conflict, so no foot-drop pattern is reported");
    }

    /** L5: the primary side's mid-swing dorsiflexion is below the healthy range. */
    void dorsiflexionBelowRange(Side side, double meanDeg) {
        Metric m = Metric.ANKLE_DF_SWING_DEG;
        sentences.add("Dorsiflexion in mid-swing on the " + Fmt.side(side) + " side, " + m.formatWithUnit(meanDeg)
                + ", is below the healthy range (" + m.reference().source() + ")");
    }

    /** L5: flat or toe-first contact on {@code side} only. */
    void flatContact(Side side, SampleStats mine, SampleStats other) {
        Metric m = Metric.CONTACT_HEEL_FIRST_FRAC;
        sentences.add("Heel-first contacts: " + Fmt.side(side) + " " + m.format(mine.mean()) + " of " + mine.n()
                + " strides, " + Fmt.side(side.opposite()) + " " + m.format(other.mean()) + " of " + other.n()
                + " -> flat or toe-first contact on the " + Fmt.side(side) + " side");
    }

    /** L5: no one-sided flat or toe-first contact. */
    void noFlatContact(SampleStats left, SampleStats right) {
        Metric m = Metric.CONTACT_HEEL_FIRST_FRAC;
        sentences.add("Heel-first contacts: left " + m.format(left.mean()) + ", right " + m.format(right.mean())
                + " -> no one-sided flat or toe-first contact");
    }

    /** S1: double support as a fraction of the stride against its limit. */
    void doubleSupport(double fraction, boolean longDoubleSupport) {
        sentences.add("Double support " + Decimals.format(100 * fraction, 1) + " % of the stride ("
                + (longDoubleSupport ? "above" : "within") + " the "
                + Decimals.format(100 * IndicatorThresholds.DOUBLE_SUPPORT_MAX_FRACTION, 0) + " % limit; "
                + References.PERRY_BURNFIELD_2010 + ", " + References.HOLLMAN_2011 + ")");
    }

    /**
     * Trunk list: the mean shift with its interval.
     *
     * @param what what the values are means of, e.g. "strides"
     */
    void trunkShift(SampleStats s, double confidenceLevel, double lo, double hi, String what) {
        Metric m = Metric.TRUNK_SHIFT_REL;
        sentences.add("Trunk lateral shift " + m.formatWithUnit(s.mean()) + " (about "
                + Decimals.format(Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, s.mean())))), 1) + " deg; "
                + Math.round(confidenceLevel * 100) + " % CI " + m.format(lo) + " to " + m.format(hi) + ", n "
                + s.n() + " " + what + "; positive = toward the right); limits "
                + IndicatorThresholds.TRUNK_SHIFT_POSSIBLE + " possible, " + IndicatorThresholds.TRUNK_SHIFT_LIKELY
                + " likely");
    }

    /** Trunk list: why the indicator names the side opposite the shift. */
    void trunkListSide(Side toward) {
        sentences.add("The trunk is shifted toward the " + Fmt.side(toward) + "; a list is more often away from the "
                + "painful side (" + References.WU_2019 + "), so the indicator names the "
                + Fmt.side(toward.opposite()) + " side");
    }
}
