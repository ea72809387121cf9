package org.gaitlens.assess.indicator;

import java.util.List;
import java.util.Optional;
import org.gaitlens.assess.AsymmetryEstimator;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * L5-type foot drop / steppage (Lee et al. 2010, J Back Musculoskelet Rehabil 23:49-54): dorsiflexor weakness.
 * Primary sign on a side S: dorsiflexion in mid-swing lower. Supporting signs on S: lower foot clearance, more
 * knee (or else hip) flexion in swing (steppage), flat or toe-first contact. Primary + one supporting: likely;
 * primary alone, or two supporting signs without it: possible. Not raised when the primary side's foot clears the
 * floor clearly better than the other without steppage on its side: a dropped foot that clears better is a
 * contradiction. Side view only.
 */
final class L5FootDropRule implements IndicatorRule {

    /** Supporting signs on one side that raise a possible foot drop without the primary sign. */
    private static final int SUPPORTING_ALONE = 2;

    @Override
    public Pattern pattern() {
        return Pattern.L5_FOOT_DROP;
    }

    @Override
    public Indicator evaluate(IndicatorInput in) {
        String viewProblem = Evidence.sagittalViewProblem(in.view());
        if (viewProblem != null) {
            return Indicator.of(Pattern.L5_FOOT_DROP, null, Strength.NOT_ASSESSABLE, List.of(), viewProblem);
        }
        if (!in.assessed(Metric.ANKLE_DF_SWING_DEG) && !in.assessed(Metric.FOOT_CLEARANCE_REL)) {
            return Indicator.of(Pattern.L5_FOOT_DROP, null, Strength.NOT_ASSESSABLE, new Evidence().notes(
                    in.asymmetry(Metric.ANKLE_DF_SWING_DEG), in.asymmetry(Metric.FOOT_CLEARANCE_REL))
                    .sentences(), "fewer than 3 strides per side with swing dorsiflexion or foot clearance");
        }
        Evidence ev = new Evidence();
        SideSign primary = SideSign.lower(in, Metric.ANKLE_DF_SWING_DEG, IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        ev.sign(primary);
        SideSign lowClearance = SideSign.lower(in, Metric.FOOT_CLEARANCE_REL,
                IndicatorThresholds.CLEARANCE_MIN_DIFF_REL);
        ev.sign(lowClearance);
        SideSign kneeSteppage = SideSign.higher(in, Metric.KNEE_FLEX_SWING_PEAK_DEG,
                IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        ev.sign(kneeSteppage);
        SideSign hipSteppage = SideSign.higher(in, Metric.HIP_FLEX_SWING_PEAK_DEG,
                IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        ev.sign(hipSteppage);
        Optional<Side> flatContact = flatContact(in.summary(Metric.CONTACT_HEEL_FIRST_FRAC), ev);
        Optional<Side> p = primary.side();
        Optional<Side> steppage = kneeSteppage.side().isPresent() ? kneeSteppage.side() : hipSteppage.side();
        if (p.isPresent() && lowClearance.side().isPresent() && lowClearance.side().get() != p.get()
                && !kneeSteppage.side().equals(p) && !hipSteppage.side().equals(p)) {
            ev.footDropConflict(p.get());
            return Indicator.of(Pattern.L5_FOOT_DROP, null, Strength.NONE, ev.sentences(), null);
        }
        if (p.isPresent()) {
            double mean = in.summary(Metric.ANKLE_DF_SWING_DEG).perSide().get(p.get()).mean();
            if (Metric.ANKLE_DF_SWING_DEG.reference().compare(mean) < 0) {
                ev.dorsiflexionBelowRange(p.get(), mean);
            }
        }
        return SignCombination.indicator(Pattern.L5_FOOT_DROP, p, List.of(lowClearance.side(), steppage, flatContact),
                SUPPORTING_ALONE, ev);
    }

    /**
     * The side with flat or toe-first contact: fewer than {@link IndicatorThresholds#HEEL_FIRST_MAX_FRAC} of its
     * contacts heel-first while the other side has at least that many; empty without enough strides on a side.
     */
    private static Optional<Side> flatContact(MetricSummary heelFirst, Evidence ev) {
        if (heelFirst == null) {
            return Optional.empty();
        }
        SampleStats l = heelFirst.perSide().get(Side.LEFT);
        SampleStats r = heelFirst.perSide().get(Side.RIGHT);
        int min = AsymmetryEstimator.MIN_STRIDES_PER_SIDE;
        if (l == null || r == null || l.n() < min || r.n() < min) {
            return Optional.empty();
        }
        for (Side s : Side.values()) {
            SampleStats mine = s == Side.LEFT ? l : r;
            SampleStats other = s == Side.LEFT ? r : l;
            if (mine.mean() < IndicatorThresholds.HEEL_FIRST_MAX_FRAC
                    && other.mean() >= IndicatorThresholds.HEEL_FIRST_MAX_FRAC) {
                ev.flatContact(s, mine, other);
                return Optional.of(s);
            }
        }
        ev.noFlatContact(l, r);
        return Optional.empty();
    }
}
