package org.gaitlens.assess.indicator;

import java.util.Optional;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.PoseCameraBias;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * Antalgic gait (Wang et al. 2022, Clin Biomech): less time on the painful leg. Signs on a side S: stance time
 * shorter (SI beyond the stance limit) and single support shorter (SI beyond the swing limit), both as
 * {@link RatioSign}s. Both on S: likely; one, the other not significantly shorter on the opposite side:
 * possible. Timing only, so any camera view.
 *
 * <p>Camera side: in a one-direction pose-model video, a sign on the far leg whose stance difference is within
 * {@link PoseCameraBias#FAR_STANCE_TIME} keeps its strength (a real antalgic gait on the far side looks the same
 * and is common) but its evidence gets a caution to film a pass walking the other way.
 */
final class AntalgicRule implements IndicatorRule {

    @Override
    public Pattern pattern() {
        return Pattern.ANTALGIC;
    }

    @Override
    public Indicator evaluate(IndicatorInput in) {
        if (!in.assessed(Metric.STANCE_TIME_S) && !in.assessed(Metric.SINGLE_SUPPORT_S)) {
            return Indicator.of(Pattern.ANTALGIC, null, Strength.NOT_ASSESSABLE, new Evidence().notes(
                    in.asymmetry(Metric.STANCE_TIME_S), in.asymmetry(Metric.SINGLE_SUPPORT_S)).sentences(),
                    "fewer than 3 strides per side with stance and single-support times");
        }
        Evidence ev = new Evidence();
        RatioSign stance = RatioSign.shorter(in, Metric.STANCE_TIME_S, IndicatorThresholds.STANCE_RATIO_LIMIT);
        ev.ratioSign(stance);
        RatioSign single = RatioSign.shorter(in, Metric.SINGLE_SUPPORT_S, IndicatorThresholds.SWING_RATIO_LIMIT);
        ev.ratioSign(single);
        Optional<Side> stanceSide = stance.side();
        Optional<Side> singleSide = single.side();
        if (stanceSide.isPresent() && singleSide.isPresent() && stanceSide.get() == singleSide.get()) {
            farStanceCaution(stance.asymmetry(), stanceSide.get(), in, ev);
            return Indicator.of(Pattern.ANTALGIC, stanceSide.get(), Strength.LIKELY, ev.sentences(), null);
        }
        Optional<Side> one = stanceSide.isPresent() ? stanceSide : singleSide;
        Asymmetry other = stanceSide.isPresent() ? single.asymmetry() : stance.asymmetry();
        if (one.isPresent() && (stanceSide.isEmpty() || singleSide.isEmpty()) && !contradicts(other, one.get())) {
            farStanceCaution(stance.asymmetry(), one.get(), in, ev);
            return Indicator.of(Pattern.ANTALGIC, one.get(), Strength.POSSIBLE, ev.sentences(), null);
        }
        return Indicator.of(Pattern.ANTALGIC, null, Strength.NONE, ev.sentences(), null);
    }

    private static void farStanceCaution(Asymmetry stance, Side side, IndicatorInput in, Evidence ev) {
        Side poseNearSide = in.poseNearSide();
        if (CameraSide.farStanceWithinBias(stance, side, poseNearSide)) {
            ev.farStanceCaution(poseNearSide, stance,
                    in.nearLegRecordings().getOrDefault(poseNearSide, java.util.List.of()));
        }
    }

    /** True when the metric is significantly shorter on the side opposite {@code side}. */
    private static boolean contradicts(Asymmetry a, Side side) {
        return a != null && a.significantlyLowerSide(IndicatorThresholds.TEMPORAL_MIN_DIFF_S)
                .map(s -> s != side).orElse(false);
    }
}
