package org.gaitlens.report;

import java.util.List;

/**
 * A trend chart across sessions.
 *
 * @param title e.g. "Gait speed", "Stance-time asymmetry"
 * @param unit  unit of the values
 * @param lines the lines (per side, or one)
 */
public record TrendSeries(String title, String unit, List<TrendLine> lines) {
    public TrendSeries {
        Checks.requireText(title, "title");
        unit = unit == null ? "" : unit;
        lines = Checks.list(lines, "lines");
    }
}
