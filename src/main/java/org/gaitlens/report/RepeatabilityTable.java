package org.gaitlens.report;

import java.util.List;

/**
 * The main values of a session per walking pass or per recording, side by side, with their range: how well the
 * session repeats itself.
 *
 * @param title   e.g. "Pass to pass" or "Recording to recording"
 * @param note    how to read it
 * @param columns one per pass or recording, e.g. "a.mp4 pass 1 (L 2, R 2)"
 * @param rows    the values
 */
public record RepeatabilityTable(String title, String note, List<String> columns, List<Row> rows) {
    public RepeatabilityTable {
        Checks.requireText(title, "title");
        note = note == null ? "" : note;
        columns = Checks.list(columns, "columns");
        rows = Checks.list(rows, "rows");
        for (Row r : rows) {
            if (r.values().size() != columns.size()) {
                throw new IllegalArgumentException("row " + r.label() + " has " + r.values().size() + " values for "
                        + columns.size() + " columns");
            }
        }
    }

    /**
     * One value per column and their range.
     *
     * @param label    metric label, with the side where it is one side's
     * @param unit     unit
     * @param decimals decimals to show
     * @param values   the mean of each pass's or recording's strides; {@code null} where it has none
     * @param range    largest minus smallest value, or {@code null} with fewer than two values
     */
    public record Row(String label, String unit, int decimals, List<Double> values, Double range) {
        public Row {
            Checks.requireText(label, "label");
            values = Checks.nullableList(values);
        }
    }
}
