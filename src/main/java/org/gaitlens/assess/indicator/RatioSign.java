package org.gaitlens.assess.indicator;

import java.util.Optional;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * A temporal sign: the side whose mean is shorter with |SI| at least the healthy ratio limit's
 * ({@link IndicatorThresholds#siForRatio}), by at least {@link IndicatorThresholds#TEMPORAL_MIN_DIFF_S} and with
 * the confidence interval of the difference excluding zero.
 *
 * @param metric     the metric (a time)
 * @param asymmetry  its asymmetry, or {@code null} when the metric was not measured
 * @param ratioLimit healthy upper limit of the larger/smaller ratio
 * @param side       the shorter side, empty when none qualifies (or not measured or not assessed)
 */
record RatioSign(Metric metric, Asymmetry asymmetry, double ratioLimit, Optional<Side> side) {

    /** The side where {@code metric} is shorter beyond {@code ratioLimit}. */
    static RatioSign shorter(IndicatorInput in, Metric metric, double ratioLimit) {
        Asymmetry a = in.asymmetry(metric);
        if (a == null || !a.assessed()) {
            return new RatioSign(metric, a, ratioLimit, Optional.empty());
        }
        Optional<Side> lower = a.significantlyLowerSide(IndicatorThresholds.TEMPORAL_MIN_DIFF_S);
        boolean beyond = a.symmetryIndexPct().defined()
                && Math.abs(a.symmetryIndexPct().value()) >= IndicatorThresholds.siForRatio(ratioLimit);
        return new RatioSign(metric, a, ratioLimit, beyond ? lower : Optional.empty());
    }
}
