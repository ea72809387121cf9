package org.gaitlens.report;

import java.util.Objects;

import org.gaitlens.core.Side;

/**
 * First vs latest session's curve of one joint on one side.
 *
 * @param joint       joint name, e.g. "Knee"
 * @param angleName   what is plotted with its sign; may be empty
 * @param unit        unit, normally "deg"
 * @param side        the side
 * @param firstLabel  legend label of the first session, e.g. "2024-01-10 baseline"
 * @param first       first session's curve
 * @param latestLabel legend label of the latest session
 * @param latest      latest session's curve
 * @param reference   healthy reference band, or {@code null}
 */
public record CurveOverlay(String joint, String angleName, String unit, Side side, String firstLabel,
                           SideCurve first, String latestLabel, SideCurve latest, ReferenceBand reference) {
    public CurveOverlay {
        Checks.requireText(joint, "joint");
        angleName = angleName == null ? "" : angleName;
        unit = unit == null ? "" : unit;
        Objects.requireNonNull(side, "side");
        Checks.requireText(firstLabel, "firstLabel");
        Objects.requireNonNull(first, "first");
        Checks.requireText(latestLabel, "latestLabel");
        Objects.requireNonNull(latest, "latest");
    }
}
