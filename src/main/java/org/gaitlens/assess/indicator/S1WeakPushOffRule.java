package org.gaitlens.assess.indicator;

import java.util.List;
import java.util.Optional;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.PoseCameraBias;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * S1-type weak push-off (Ryu et al. 2004, J Korean Acad Rehabil Med 28:586-591): plantarflexor weakness. Primary
 * sign on a side S: plantarflexion at toe off lower. Supporting: hip extension in terminal stance lower on S; long
 * double support (a global sign, counted for the primary sign's side). Primary + one supporting: likely; primary
 * alone: possible; supporting signs alone raise nothing. Side view only.
 *
 * <p>Camera side: with pose-model landmarks filmed from one side only, a primary sign on the far leg within
 * {@link PoseCameraBias#FAR_ANKLE_PLANTARFLEXION_TOE_OFF} is not assessable (the far ankle reads less
 * plantarflexed); a larger one is raised with a caution ({@link CameraSide#judge}).
 */
final class S1WeakPushOffRule implements IndicatorRule {

    @Override
    public Pattern pattern() {
        return Pattern.S1_WEAK_PUSH_OFF;
    }

    @Override
    public Indicator evaluate(IndicatorInput in) {
        String viewProblem = Evidence.sagittalViewProblem(in.view());
        if (viewProblem != null) {
            return Indicator.of(Pattern.S1_WEAK_PUSH_OFF, null, Strength.NOT_ASSESSABLE, List.of(), viewProblem);
        }
        if (!in.assessed(Metric.ANKLE_PF_TOE_OFF_DEG)) {
            return Indicator.of(Pattern.S1_WEAK_PUSH_OFF, null, Strength.NOT_ASSESSABLE,
                    new Evidence().notes(in.asymmetry(Metric.ANKLE_PF_TOE_OFF_DEG)).sentences(),
                    "fewer than 3 strides per side with plantarflexion at toe off");
        }
        Evidence ev = new Evidence();
        SideSign primary = SideSign.lower(in, Metric.ANKLE_PF_TOE_OFF_DEG, IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        ev.sign(primary);
        Optional<Indicator> notAssessable = CameraSide.judge(Pattern.S1_WEAK_PUSH_OFF, primary,
                PoseCameraBias.FAR_ANKLE_PLANTARFLEXION_TOE_OFF, Evidence.FAR_ANKLE, in, ev);
        if (notAssessable.isPresent()) {
            return notAssessable.get();
        }
        SideSign hip = SideSign.lower(in, Metric.HIP_EXT_PEAK_DEG, IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        ev.sign(hip);
        Optional<Side> longDouble = Optional.empty();
        MetricSummary ds = in.summary(Metric.DOUBLE_SUPPORT_S);
        MetricSummary stride = in.summary(Metric.STRIDE_TIME_S);
        if (ds != null && stride != null && ds.pooled().n() > 0 && stride.pooled().mean() > 0) {
            double fraction = ds.pooled().mean() / stride.pooled().mean();
            boolean longDs = fraction > IndicatorThresholds.DOUBLE_SUPPORT_MAX_FRACTION;
            ev.doubleSupport(fraction, longDs);
            if (longDs && primary.side().isPresent()) {
                longDouble = primary.side(); // global sign: supports whichever side has the primary sign
            }
        }
        return SignCombination.indicator(Pattern.S1_WEAK_PUSH_OFF, primary.side(), List.of(hip.side(), longDouble),
                SignCombination.NEVER, ev);
    }
}
