package org.gaitlens.report;

import org.gaitlens.core.Side;

/**
 * One bar of the Movement Analysis Profile ({@link MapChart}): a Gait Variable Score or a GPS-2D with the same score
 * of healthy walkers.
 *
 * @param group          the bar's group on the x axis, e.g. "Hip", "Knee", "Ankle", "GPS-2D"
 * @param side           the side, or {@code null} for the GPS-2D of both sides
 * @param valueDeg       the session's score, or {@code null} when it could not be computed
 * @param ciLowDeg       lower 95 % confidence limit, or {@code null}
 * @param ciHighDeg      upper 95 % confidence limit, or {@code null}
 * @param healthyMeanDeg mean score of healthy walkers in the matched band
 * @param healthyP95Deg  95th percentile of healthy walkers' scores (the healthy range is 0 to it)
 */
public record MapItem(String group, Side side, Double valueDeg, Double ciLowDeg, Double ciHighDeg,
                      double healthyMeanDeg, double healthyP95Deg) {
    public MapItem {
        Checks.requireText(group, "group");
        Checks.requireFiniteOrNull(valueDeg, "valueDeg");
        Checks.requireFiniteOrNull(ciLowDeg, "ciLowDeg");
        Checks.requireFiniteOrNull(ciHighDeg, "ciHighDeg");
        if ((ciLowDeg == null) != (ciHighDeg == null) || ciLowDeg != null && ciLowDeg > ciHighDeg) {
            throw new IllegalArgumentException("CI must have both limits, low <= high, were " + ciLowDeg + " and "
                    + ciHighDeg);
        }
        Checks.requireFinite(healthyMeanDeg, "healthyMeanDeg");
        Checks.requireFinite(healthyP95Deg, "healthyP95Deg");
    }
}
