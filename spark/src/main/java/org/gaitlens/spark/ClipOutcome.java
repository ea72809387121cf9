package org.gaitlens.spark;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * What an executor's task made of one clip: its status and its rows for each of the job's tables.
 *
 * @param key       the run's key
 * @param runId     the store's run
 * @param done      whether the analysis succeeded (else {@code error} says why: a corrupt clip, no walker)
 * @param error     the failure's message, empty when done
 * @param frames    video frames analysed (0 for other inputs and failures)
 * @param analysisS seconds the task spent on the clip
 * @param rows      rows per table ({@link ResultTables.Table}), each as that table's schema
 */
record ClipOutcome(String key, long runId, boolean done, String error, int frames, double analysisS,
        EnumMap<ResultTables.Table, List<Row>> rows) implements Serializable {

    ClipOutcome {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(rows, "rows");
    }

    /** The rows of one table (none when the clip has none for it). */
    List<Row> rows(ResultTables.Table table) {
        return rows.getOrDefault(table, List.of());
    }

    /** This outcome without its rows (what the driver collects). */
    ClipOutcome withoutRows() {
        return new ClipOutcome(key, runId, done, error, frames, analysisS, new EnumMap<>(ResultTables.Table.class));
    }
}
