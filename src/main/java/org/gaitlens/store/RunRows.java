package org.gaitlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading {@code analysis_run} rows into {@link AnalysisRun}s, for {@link RunRepository}. */
final class RunRows {
    static final String COLUMNS = "id, recording_id, settings_hash, settings_json, software_version, status, "
            + "worker, attempts, created_at, started_at, heartbeat_at, finished_at, error_message, superseded_by";

    private RunRows() {
    }

    static Optional<AnalysisRun> select(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM analysis_run WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    static String prefixed(String alias) {
        StringBuilder sb = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            sb.append(sb.length() == 0 ? "" : ", ").append(alias).append('.').append(col);
        }
        return sb.toString();
    }

    static Optional<AnalysisRun> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    static List<AnalysisRun> all(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<AnalysisRun> out = new ArrayList<>();
            while (rs.next()) {
                out.add(map(rs));
            }
            return out;
        }
    }

    static AnalysisRun map(ResultSet rs) throws SQLException {
        return new AnalysisRun(
                rs.getLong("id"),
                rs.getLong("recording_id"),
                rs.getString("settings_hash"),
                rs.getString("settings_json"),
                rs.getString("software_version"),
                RunStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("worker")),
                rs.getInt("attempts"),
                Database.instant(rs.getString("created_at")),
                Database.optionalInstant(rs, "started_at"),
                Database.optionalInstant(rs, "heartbeat_at"),
                Database.optionalInstant(rs, "finished_at"),
                Optional.ofNullable(rs.getString("error_message")),
                Database.optionalLong(rs, "superseded_by"));
    }
}
