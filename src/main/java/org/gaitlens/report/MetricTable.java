package org.gaitlens.report;

import java.util.List;

/**
 * A titled table of metrics, e.g. "Spatiotemporal parameters" or "Kinematics (key values)".
 *
 * @param title title shown above the table
 * @param note  optional footnote, e.g. how asymmetry is signed ("SI > 0: right larger"); may be empty
 * @param rows  the rows in display order
 */
public record MetricTable(String title, String note, List<MetricRow> rows) {
    public MetricTable {
        Checks.requireText(title, "title");
        note = note == null ? "" : note;
        rows = Checks.list(rows, "rows");
    }

    /** Whether a row has the healthy dataset's reference (then the table shows a z column). */
    public boolean anyNormative() {
        return rows.stream().anyMatch(r -> r.normative() != null);
    }
}
