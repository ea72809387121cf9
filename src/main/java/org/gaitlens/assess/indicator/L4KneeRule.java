package org.gaitlens.assess.indicator;

import java.util.List;
import java.util.Optional;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.PoseCameraBias;
import org.gaitlens.assess.Strength;
import org.gaitlens.metric.Metric;

/**
 * L4-type knee pattern (Yokogawa et al. 2015, PLoS One): quadriceps weakness. Primary sign on a side S: knee
 * flexion peak in loading response higher. Supporting: knee flexion at initial contact higher on S. Both: likely;
 * the primary sign alone: possible; the supporting sign alone raises nothing. Side view only.
 *
 * <p>The pattern is defined by the loading response: without that sign the indicator stays off, as S1 does without
 * its primary sign. More knee flexion at contact alone is not specific: a shorter step, a flexed-knee gait, or in
 * a side video the near knee's straightening by the pose model (docs/accuracy.md) give it too.
 *
 * <p>Camera side: with pose-model landmarks filmed from one side only, a primary sign on the far leg within
 * {@link PoseCameraBias#NEAR_KNEE_LOADING_FLEXION} is not assessable (the pose model reads the near knee's
 * loading flexion lower than the far knee's); a larger one is raised with a caution ({@link CameraSide#judge}).
 */
final class L4KneeRule implements IndicatorRule {

    @Override
    public Pattern pattern() {
        return Pattern.L4_KNEE;
    }

    @Override
    public Indicator evaluate(IndicatorInput in) {
        String viewProblem = Evidence.sagittalViewProblem(in.view());
        if (viewProblem != null) {
            return Indicator.of(Pattern.L4_KNEE, null, Strength.NOT_ASSESSABLE, List.of(), viewProblem);
        }
        if (!in.assessed(Metric.KNEE_FLEX_LOADING_PEAK_DEG) && !in.assessed(Metric.KNEE_FLEX_IC_DEG)) {
            return Indicator.of(Pattern.L4_KNEE, null, Strength.NOT_ASSESSABLE, new Evidence().notes(
                    in.asymmetry(Metric.KNEE_FLEX_LOADING_PEAK_DEG), in.asymmetry(Metric.KNEE_FLEX_IC_DEG))
                    .sentences(), "fewer than 3 strides per side with knee flexion at contact or in loading response");
        }
        Evidence ev = new Evidence();
        SideSign primary = SideSign.higher(in, Metric.KNEE_FLEX_LOADING_PEAK_DEG,
                IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        ev.sign(primary);
        SideSign atContact = SideSign.higher(in, Metric.KNEE_FLEX_IC_DEG, IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        ev.sign(atContact);
        Optional<Indicator> notAssessable = CameraSide.judge(Pattern.L4_KNEE, primary,
                PoseCameraBias.NEAR_KNEE_LOADING_FLEXION, Evidence.NEAR_KNEE, in, ev);
        if (notAssessable.isPresent()) {
            return notAssessable.get();
        }
        return SignCombination.indicator(Pattern.L4_KNEE, primary.side(), List.of(atContact.side()),
                SignCombination.NEVER, ev);
    }
}
