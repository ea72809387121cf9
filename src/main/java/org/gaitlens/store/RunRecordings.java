package org.gaitlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The recordings of analysis runs ({@code run_recording}): a run's recordings, the runs of a recording or a
 * session, and the superseding of a session's earlier runs, inside the transactions of {@link RunRepository}.
 */
final class RunRecordings {
    private RunRecordings() {
    }

    /** Lists a new run's recordings in session order. */
    static void insert(Connection c, long runId, List<Long> recordingIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_recording (run_id, recording_id, position) VALUES (?, ?, ?)")) {
            for (int i = 0; i < recordingIds.size(); i++) {
                ps.setLong(1, runId);
                ps.setLong(2, recordingIds.get(i));
                ps.setInt(3, i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The recordings of a run, in session order. */
    static List<Long> ids(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT recording_id FROM run_recording WHERE run_id = ? ORDER BY position")) {
            ps.setLong(1, runId);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    /** The runs that analysed a recording (alone or pooled with others), oldest first. */
    static List<AnalysisRun> runsOfRecording(Connection c, long recordingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.prefixed("a") + " FROM analysis_run a "
                + "WHERE a.id IN (SELECT run_id FROM run_recording WHERE recording_id = ?) ORDER BY a.id")) {
            ps.setLong(1, recordingId);
            return RunRows.all(ps);
        }
    }

    /** The runs that analysed any recording of a session, superseded ones included, oldest first. */
    static List<AnalysisRun> runsOfSession(Connection c, long sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.prefixed("a") + " FROM analysis_run a "
                + "WHERE a.id IN (SELECT rr.run_id FROM run_recording rr JOIN recording r ON r.id = rr.recording_id "
                + "WHERE r.session_id = ?) ORDER BY a.id")) {
            ps.setLong(1, sessionId);
            return RunRows.all(ps);
        }
    }

    /** Marks {@code oldRunId} superseded by {@code newRunId} unless it already is. */
    static void supersede(Connection c, long oldRunId, long newRunId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET superseded_by = ? "
                + "WHERE id = ? AND superseded_by IS NULL")) {
            ps.setLong(1, newRunId);
            ps.setLong(2, oldRunId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks as superseded by a just finished run the current finished runs of its session that it replaces: same
     * settings JSON, and every recording of theirs among its own, which are more (the session before a clip was
     * added). Runs of the same recordings with other settings are other analyses and stay current.
     */
    static void supersedeSubsets(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET superseded_by = ? WHERE id IN ("
                + "SELECT o.id FROM analysis_run o JOIN analysis_run n ON n.id = ? "
                + "WHERE o.id <> n.id AND o.status = 'DONE' AND o.superseded_by IS NULL "
                + "AND o.settings_json = n.settings_json "
                // every recording of the old run is one of the new run's ...
                + "AND NOT EXISTS (SELECT 1 FROM run_recording x WHERE x.run_id = o.id AND x.recording_id NOT IN "
                + "(SELECT y.recording_id FROM run_recording y WHERE y.run_id = n.id)) "
                // ... and the new run has more
                + "AND (SELECT COUNT(*) FROM run_recording x WHERE x.run_id = o.id) "
                + "< (SELECT COUNT(*) FROM run_recording y WHERE y.run_id = n.id))")) {
            ps.setLong(1, runId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

}
