package org.gaitlens.report;

import java.util.List;
import java.util.Map;

import org.gaitlens.core.Side;

/**
 * Per-stride values of one metric over time, per side, to show fatigue or variability.
 *
 * @param metric metric label, e.g. "Stride time"
 * @param unit   unit, e.g. "s"
 * @param points per side, the stride values in time order
 */
public record StrideSeries(String metric, String unit, Map<Side, List<StridePoint>> points) {
    public StrideSeries {
        Checks.requireText(metric, "metric");
        unit = unit == null ? "" : unit;
        Map<Side, List<StridePoint>> checked = Checks.sideMap(points, "points");
        java.util.EnumMap<Side, List<StridePoint>> copy = new java.util.EnumMap<>(Side.class);
        checked.forEach((side, list) -> copy.put(side, Checks.list(list, "points." + side)));
        points = java.util.Collections.unmodifiableMap(copy);
    }
}
