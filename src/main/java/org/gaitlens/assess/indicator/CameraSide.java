package org.gaitlens.assess.indicator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.PoseCameraBias;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Side;

/**
 * Whether a side difference in a pose-model video filmed from one side only ({@code poseNearSide}, see
 * {@link org.gaitlens.assess.QualityFacts#poseNearSide()}) can come from the camera side alone, by the measured
 * {@link PoseCameraBias} ({@link PoseCameraBias#farSign}, {@link PoseCameraBias#withinAllowance}). With landmarks
 * from motion capture or walks filmed in both directions
 * {@code poseNearSide} is {@code null} and nothing here applies.
 */
public final class CameraSide {

    private CameraSide() {
    }

    /**
     * The camera-side rule shared by L4 and S1, for a primary sign on the far leg: within the bias the pattern is
     * not assessable (returned, with the reason in the evidence); beyond it the sign stands and the evidence gets
     * a caution (empty returned). Empty without evidence when the primary sign is not on the far leg. In a pooled
     * session whose recordings showed each leg near the camera ({@link IndicatorInput#nearLegRecordings()}), a
     * primary sign gets a sentence naming those recordings.
     */
    static Optional<Indicator> judge(Pattern p, SideSign primary, PoseCameraBias bias, Evidence.CameraSideText text,
            IndicatorInput in, Evidence ev) {
        Side poseNearSide = in.poseNearSide();
        if (primary.side().isPresent() && poseNearSide == null && bothLegsNear(in.nearLegRecordings())) {
            ev.bothDirections(in.nearLegRecordings(), text);
        }
        if (primary.side().isEmpty() || !bias.farSign(primary.asymmetry(), poseNearSide)) {
            return Optional.empty();
        }
        List<String> recordings = in.nearLegRecordings().getOrDefault(poseNearSide, List.of());
        if (bias.withinAllowance(primary.asymmetry(), poseNearSide)) {
            ev.withinCameraSideBias(primary.side().get(), primary.asymmetry(), poseNearSide, recordings, text);
            return Optional.of(Indicator.of(p, null, Strength.NOT_ASSESSABLE, ev.sentences(),
                    text.notAssessable() + "; film walking in both directions"));
        }
        ev.beyondCameraSideBias(poseNearSide, recordings, text);
        return Optional.empty();
    }

    private static boolean bothLegsNear(Map<Side, List<String>> nearIn) {
        return !nearIn.getOrDefault(Side.LEFT, List.of()).isEmpty()
                && !nearIn.getOrDefault(Side.RIGHT, List.of()).isEmpty();
    }

    /**
     * Whether a shorter stance on {@code side} is a far-leg one within {@link PoseCameraBias#FAR_STANCE_TIME}: the
     * far stance reads shorter by no more than the allowance.
     */
    static boolean farStanceWithinBias(Asymmetry stance, Side side, Side poseNearSide) {
        if (poseNearSide == null || side != poseNearSide.opposite() || stance == null || !stance.assessed()
                || !(stance.absoluteDifference() <= PoseCameraBias.FAR_STANCE_TIME.allowance())) {
            return false;
        }
        SampleStats far = stance.side(side);
        SampleStats near = stance.side(poseNearSide);
        // a far stance that does not read shorter is not explained by the camera-side bias
        return far != null && near != null && far.mean() < near.mean();
    }
}
