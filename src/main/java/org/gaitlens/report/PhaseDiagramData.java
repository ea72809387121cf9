package org.gaitlens.report;

import java.util.List;
import java.util.Map;

import org.gaitlens.core.Side;

/**
 * Stance and swing bars per side over time, built from the detected gait events.
 *
 * @param intervals per side, the stance and swing intervals in time order
 */
public record PhaseDiagramData(Map<Side, List<PhaseInterval>> intervals) {
    public PhaseDiagramData {
        Map<Side, List<PhaseInterval>> checked = Checks.sideMap(intervals, "intervals");
        java.util.EnumMap<Side, List<PhaseInterval>> copy = new java.util.EnumMap<>(Side.class);
        checked.forEach((side, list) -> copy.put(side, Checks.list(list, "intervals." + side)));
        intervals = java.util.Collections.unmodifiableMap(copy);
    }
}
