package org.gaitlens.assess.indicator;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.gaitlens.assess.AsymmetryEstimator;
import org.gaitlens.assess.FrontalSeries;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * Trunk list (Wu et al. 2019, J Orthop Surg Res): a lateral shift of the trunk, frontal view only. The mean of the
 * per-stride {@code trunk_shift_rel} (pooled, at least twice {@link AsymmetryEstimator#MIN_STRIDES_PER_SIDE}
 * strides) or else of the frontal series' block means, with a one-sample t-interval: possible from
 * {@link IndicatorThresholds#TRUNK_SHIFT_POSSIBLE}, likely from {@link IndicatorThresholds#TRUNK_SHIFT_LIKELY},
 * the interval excluding zero. The indicator names the side opposite the shift, since a list is more often away
 * from the painful side; the evidence says so.
 */
final class TrunkListRule implements IndicatorRule {

    private final double confidenceLevel;

    /** @param confidenceLevel coverage of the interval of the mean shift, in (0, 1) */
    TrunkListRule(double confidenceLevel) {
        this.confidenceLevel = confidenceLevel;
    }

    @Override
    public Pattern pattern() {
        return Pattern.TRUNK_LIST;
    }

    @Override
    public Indicator evaluate(IndicatorInput in) {
        String viewProblem = Evidence.frontalViewProblem(in.view());
        if (viewProblem != null) {
            return Indicator.of(Pattern.TRUNK_LIST, null, Strength.NOT_ASSESSABLE, List.of(), viewProblem);
        }
        int needed = 2 * AsymmetryEstimator.MIN_STRIDES_PER_SIDE;
        MetricSummary shift = in.summary(Metric.TRUNK_SHIFT_REL);
        SampleStats s;
        String what;
        if (shift != null && shift.pooled().n() >= needed) {
            s = shift.pooled();
            what = "strides";
        } else if (in.frontal() != null) {
            s = SampleStats.of(in.frontal().blockMeans());
            what = Decimals.format(FrontalSeries.BLOCK_S, 1) + " s blocks";
        } else {
            s = new SampleStats(0, Double.NaN, Double.NaN);
            what = "strides";
        }
        if (s.n() < needed) {
            return Indicator.of(Pattern.TRUNK_LIST, null, Strength.NOT_ASSESSABLE, List.of(),
                    "trunk shift measured in only " + s.n() + " " + what + " (" + needed + " needed)");
        }
        double t = new TDistribution(null, s.n() - 1).inverseCumulativeProbability(0.5 + confidenceLevel / 2);
        double lo = s.mean() - t * s.standardError();
        double hi = s.mean() + t * s.standardError();
        boolean clear = lo > 0 || hi < 0;
        double abs = Math.abs(s.mean());
        Side toward = s.mean() > 0 ? Side.RIGHT : Side.LEFT;
        Evidence ev = new Evidence();
        ev.trunkShift(s, confidenceLevel, lo, hi, what);
        Strength strength = !clear || abs < IndicatorThresholds.TRUNK_SHIFT_POSSIBLE ? Strength.NONE
                : abs >= IndicatorThresholds.TRUNK_SHIFT_LIKELY ? Strength.LIKELY : Strength.POSSIBLE;
        if (strength.raised()) {
            ev.trunkListSide(toward);
        }
        return Indicator.of(Pattern.TRUNK_LIST, toward.opposite(), strength, ev.sentences(), null);
    }
}
