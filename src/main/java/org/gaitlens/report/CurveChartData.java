package org.gaitlens.report;

import java.util.Map;

import org.gaitlens.core.Side;

/**
 * Left and right joint-angle curves of one joint over the normalised gait cycle, with an optional
 * healthy reference band.
 *
 * @param joint     joint name, e.g. "Knee"
 * @param angleName what is plotted with its sign, e.g. "flexion (+) / extension (-)"
 * @param unit      unit of the values, normally "deg"
 * @param sides     per-side curves; a side may be missing (not tracked)
 * @param reference healthy reference band, or {@code null} where none is documented
 */
public record CurveChartData(String joint, String angleName, String unit, Map<Side, SideCurve> sides,
                             ReferenceBand reference) {
    /** Points per normalised cycle: 0, 1, ..., 100 %. */
    public static final int POINTS = 101;

    public CurveChartData {
        Checks.requireText(joint, "joint");
        angleName = angleName == null ? "" : angleName;
        unit = unit == null ? "" : unit;
        sides = Checks.sideMap(sides, "sides");
    }
}
