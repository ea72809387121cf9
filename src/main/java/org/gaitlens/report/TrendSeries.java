package org.gaitlens.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A trend chart across sessions.
 *
 * @param title e.g. "Gait speed", "Stance-time asymmetry"
 * @param unit  unit of the values
 * @param lines   the lines (per side, or one)
 * @param healthy the healthy range per session drawn behind the lines, or {@code null} (then absent from the JSON)
 */
public record TrendSeries(String title, String unit, List<TrendLine> lines,
                          @JsonInclude(JsonInclude.Include.NON_NULL) TrendBand healthy) {
    public TrendSeries {
        Checks.requireText(title, "title");
        unit = unit == null ? "" : unit;
        lines = Checks.list(lines, "lines");
    }

    /** A trend without a healthy range. */
    public TrendSeries(String title, String unit, List<TrendLine> lines) {
        this(title, unit, lines, null);
    }
}
