package org.gaitlens.assess.indicator;

import java.util.Optional;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * A one-sided sign read from a metric's side difference: the side where the metric is lower (or higher) by at
 * least {@code minDiff} with the confidence interval of the difference excluding zero.
 *
 * @param metric    the metric
 * @param asymmetry its asymmetry, or {@code null} when the metric was not measured
 * @param minDiff   smallest difference that counts, in the metric's unit
 * @param higher    whether the sign is a higher value ({@code false}: a lower one)
 * @param side      the side showing the sign, empty when none (or not measured or not assessed)
 */
record SideSign(Metric metric, Asymmetry asymmetry, double minDiff, boolean higher, Optional<Side> side) {

    /** The side where {@code metric} is clearly lower. */
    static SideSign lower(IndicatorInput in, Metric metric, double minDiff) {
        return read(metric, in.asymmetry(metric), minDiff, false);
    }

    /** The side where {@code metric} is clearly higher. */
    static SideSign higher(IndicatorInput in, Metric metric, double minDiff) {
        return read(metric, in.asymmetry(metric), minDiff, true);
    }

    private static SideSign read(Metric metric, Asymmetry a, double minDiff, boolean higher) {
        Optional<Side> side = a == null || !a.assessed() ? Optional.empty()
                : higher ? a.significantlyHigherSide(minDiff) : a.significantlyLowerSide(minDiff);
        return new SideSign(metric, a, minDiff, higher, side);
    }
}
