package org.gaitlens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tidy tables over finished runs, for researchers: one row per stride, and one row per session and side. Metrics
 * are pivoted into columns here in Java (not in SQL, which differs between the databases), sorted by name.
 * Recordings not assigned to a session appear with empty patient and session columns. Runs superseded by a later
 * run of their session (a clip was added) are left out: their strides are in the later run.
 *
 * <p>Sessions of several recordings (pooled): each stride row names its own recording ({@code recording_id},
 * {@code recording_path}, {@code view}, and {@value #RECORDING} = the file name); a session row names the run's first
 * recording and counts the run's recordings ({@value #RECORDINGS}).
 */
public final class ExportQueries {
    /** Columns before the metric columns in every export. */
    public static final List<String> CONTEXT_COLUMNS = List.of("patient", "session_date", "session_label",
            "recording_id", "recording_path", "view", "run_id", "settings_hash", "software_version", "side");

    /** Stride table column after {@code stride_index}: the file name of the stride's recording. */
    public static final String RECORDING = "recording";
    /** Session table column after the context columns: how many recordings the run pooled. */
    public static final String RECORDINGS = "recordings";

    private static final String CONTEXT_SELECT = "SELECT a.id AS run_id, a.settings_hash, a.software_version, "
            + "r.id AS recording_id, r.file_path, r.view, p.pseudonym, s.session_date, s.label, ";
    private static final String CONTEXT_JOINS = " JOIN analysis_run a ON a.id = m.run_id "
            + "JOIN recording r ON r.id = a.recording_id "
            + "LEFT JOIN gait_session s ON s.id = r.session_id "
            + "LEFT JOIN patient p ON p.id = s.patient_id "
            + "WHERE a.status = 'DONE' AND a.superseded_by IS NULL";

    private final Database db;

    ExportQueries(Database db) {
        this.db = db;
    }

    /** Patient, session and run facts shared by all rows of one run. */
    private record RunContext(String patient, String sessionDate, String sessionLabel, long recordingId,
            String recordingPath, String view, long runId, String settingsHash, String softwareVersion) {

        static RunContext of(ResultSet rs) throws SQLException {
            return new RunContext(rs.getString("pseudonym"), rs.getString("session_date"), rs.getString("label"),
                    rs.getLong("recording_id"), rs.getString("file_path"), rs.getString("view"), rs.getLong("run_id"),
                    rs.getString("settings_hash"), rs.getString("software_version"));
        }

        /** The context cells of one row, in {@link #CONTEXT_COLUMNS} order; null where unknown. */
        List<Object> cells(String side) {
            return new ArrayList<>(Arrays.asList(patient, sessionDate, sessionLabel, recordingId, recordingPath, view,
                    runId, settingsHash, softwareVersion, side));
        }

        /** As {@link #cells(String)}, for a row of one recording of the run. */
        List<Object> cells(String side, RunRecording rec) {
            return new ArrayList<>(Arrays.asList(patient, sessionDate, sessionLabel, rec.id(), rec.path(), rec.view(),
                    runId, settingsHash, softwareVersion, side));
        }
    }

    /** A recording of a run. */
    private record RunRecording(long id, String path, String view) {
        /** The file name. */
        String fileName() {
            int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            return path.substring(slash + 1);
        }
    }

    /** Each run's recordings in run order (position 0, 1, ...). */
    private Map<Long, List<RunRecording>> runRecordings() {
        return db.read(c -> {
            Map<Long, List<RunRecording>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rr.run_id, r.id, r.file_path, r.view "
                    + "FROM run_recording rr JOIN recording r ON r.id = rr.recording_id ORDER BY rr.run_id, rr.position");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RunRecording(rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    private static final Comparator<RunContext> CONTEXT_ORDER = Comparator
            .comparing(RunContext::patient, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RunContext::sessionDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RunContext::sessionLabel, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(RunContext::runId);

    /**
     * One row per stride of every finished run: the context columns ({@link #CONTEXT_COLUMNS}), then
     * {@code stride_index}, {@value #RECORDING}, then one column per stride metric ({@code pass} is the pass within
     * the stride's recording).
     *
     * @param pseudonym only this patient's runs, or every run when empty
     */
    public TidyTable strideTable(Optional<String> pseudonym) {
        record Key(long runId, String side, int strideIndex) {
        }
        Map<Long, RunContext> contexts = new HashMap<>();
        Map<Key, Map<String, Double>> values = new LinkedHashMap<>();
        TreeSet<String> metrics = new TreeSet<>();
        db.read(c -> {
            String sql = CONTEXT_SELECT + "m.side, m.stride_index, m.metric, m.value FROM stride_metric m"
                    + CONTEXT_JOINS + (pseudonym.isPresent() ? " AND p.pseudonym = ?" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (pseudonym.isPresent()) {
                    ps.setString(1, pseudonym.get());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long runId = rs.getLong("run_id");
                        if (!contexts.containsKey(runId)) {
                            contexts.put(runId, RunContext.of(rs));
                        }
                        Key key = new Key(runId, rs.getString("side"), rs.getInt("stride_index"));
                        String metric = rs.getString("metric");
                        metrics.add(metric);
                        values.computeIfAbsent(key, k -> new HashMap<>()).put(metric, Database.nullableDouble(rs, "value"));
                    }
                }
            }
            return null;
        });
        Map<Long, List<RunRecording>> recordings = runRecordings();
        metrics.remove(RECORDING);
        List<String> columns = new ArrayList<>(CONTEXT_COLUMNS);
        columns.add("stride_index");
        columns.add(RECORDING);
        List<String> metricColumns = metricColumns(metrics, columns);
        columns.addAll(metricColumns);
        List<Key> keys = new ArrayList<>(values.keySet());
        keys.sort(Comparator.comparing((Key k) -> contexts.get(k.runId()), CONTEXT_ORDER)
                .thenComparing(Key::side).thenComparingInt(Key::strideIndex));
        List<List<Object>> rows = new ArrayList<>();
        for (Key k : keys) {
            Map<String, Double> v = values.get(k);
            // Runs of one recording store no position: theirs is 0.
            Double position = v.get(RECORDING);
            RunRecording rec = recordings.get(k.runId()).get(position == null ? 0 : position.intValue());
            List<Object> row = contexts.get(k.runId()).cells(k.side(), rec);
            row.add((long) k.strideIndex());
            row.add(rec.fileName());
            for (String m : metrics) {
                row.add(v.get(m));
            }
            rows.add(row);
        }
        return new TidyTable(columns, rows);
    }

    /**
     * One row per finished run and side: the context columns ({@link #CONTEXT_COLUMNS}), {@value #RECORDINGS}, then
     * one column per metric. Side-less values (asymmetry indices, indicators) describe both sides and are repeated on each of the
     * run's rows; a run with only side-less values gets one row with an empty side. A session with several
     * recordings analysed one by one has rows for each recording's run; a pooled session has the rows of its one run.
     *
     * @param pseudonym only this patient's runs, or every run when empty
     */
    public TidyTable sessionSideTable(Optional<String> pseudonym) {
        Map<Long, RunContext> contexts = new HashMap<>();
        // run -> side ("" for side-less) -> metric -> value
        Map<Long, Map<String, Map<String, Double>>> values = new HashMap<>();
        TreeSet<String> metrics = new TreeSet<>();
        db.read(c -> {
            String sql = CONTEXT_SELECT + "m.side, m.metric, m.value FROM run_metric m" + CONTEXT_JOINS
                    + (pseudonym.isPresent() ? " AND p.pseudonym = ?" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (pseudonym.isPresent()) {
                    ps.setString(1, pseudonym.get());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long runId = rs.getLong("run_id");
                        if (!contexts.containsKey(runId)) {
                            contexts.put(runId, RunContext.of(rs));
                        }
                        String side = Optional.ofNullable(rs.getString("side")).orElse("");
                        String metric = rs.getString("metric");
                        metrics.add(metric);
                        values.computeIfAbsent(runId, k -> new TreeMap<>())
                                .computeIfAbsent(side, k -> new HashMap<>())
                                .put(metric, Database.nullableDouble(rs, "value"));
                    }
                }
            }
            return null;
        });
        Map<Long, List<RunRecording>> recordings = runRecordings();
        List<String> columns = new ArrayList<>(CONTEXT_COLUMNS);
        columns.add(RECORDINGS);
        columns.addAll(metricColumns(metrics, columns));
        List<Long> runs = new ArrayList<>(contexts.keySet());
        runs.sort(Comparator.comparing(contexts::get, CONTEXT_ORDER));
        List<List<Object>> rows = new ArrayList<>();
        for (long runId : runs) {
            Map<String, Map<String, Double>> bySide = values.get(runId);
            Map<String, Double> sideless = bySide.getOrDefault("", Map.of());
            List<String> sides = bySide.keySet().stream().filter(s -> !s.isEmpty()).toList();
            for (String side : sides.isEmpty() ? List.of("") : sides) {
                Map<String, Double> own = bySide.getOrDefault(side, Map.of());
                List<Object> row = contexts.get(runId).cells(side.isEmpty() ? null : side);
                row.add((long) recordings.get(runId).size());
                for (String m : metrics) {
                    row.add(own.containsKey(m) ? own.get(m) : sideless.get(m));
                }
                rows.add(row);
            }
        }
        return new TidyTable(columns, rows);
    }

    /** Metric column names; a metric named like a context column gets a {@code metric.} prefix. */
    private static List<String> metricColumns(TreeSet<String> metrics, List<String> taken) {
        List<String> out = new ArrayList<>();
        for (String m : metrics) {
            out.add(taken.contains(m) ? "metric." + m : m);
        }
        return out;
    }
}
