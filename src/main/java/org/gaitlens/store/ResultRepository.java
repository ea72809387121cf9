package org.gaitlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gaitlens.core.Side;

/**
 * Results of finished runs: the summary document, tall metric and per-stride rows, and artifact references.
 * They are written only through {@link RunRepository#complete}, in the transaction that marks the run done.
 */
public final class ResultRepository {
    private final Database db;

    ResultRepository(Database db) {
        this.db = db;
    }

    /** The run's summary document (JSON text), if the run finished. */
    public Optional<String> summaryJson(long runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT summary_json FROM run_summary WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The run's summary, asymmetry and indicator values: side-less first, then left, then right; by name. */
    public List<MetricValue> metrics(long runId) {
        List<MetricValue> out = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT category, side, metric, value, unit FROM run_metric WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<MetricValue> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new MetricValue(rs.getString("category"),
                                Optional.ofNullable(rs.getString("side")).map(Side::valueOf), rs.getString("metric"),
                                Database.nullableDouble(rs, "value"), rs.getString("unit")));
                    }
                    return list;
                }
            }
        });
        // Sorted here, not in SQL: the two databases order NULL sides differently.
        out.sort(Comparator.comparingInt((MetricValue m) -> m.side().map(s -> s.ordinal() + 1).orElse(0))
                .thenComparing(MetricValue::metric));
        return out;
    }

    /** The run's per-stride values, by side, stride index and metric name. */
    public List<StrideValue> strides(long runId) {
        List<StrideValue> out = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT side, stride_index, metric, value, unit "
                    + "FROM stride_metric WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StrideValue> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new StrideValue(Side.valueOf(rs.getString("side")), rs.getInt("stride_index"),
                                rs.getString("metric"), Database.nullableDouble(rs, "value"), rs.getString("unit")));
                    }
                    return list;
                }
            }
        });
        // Sorted here, not in SQL: text collation differs between the databases.
        out.sort(Comparator.comparing(StrideValue::side).thenComparingInt(StrideValue::strideIndex)
                .thenComparing(StrideValue::metric));
        return out;
    }

    /** The files the run produced, in the order they were recorded. */
    public List<Artifact> artifacts(long runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, run_id, kind, rel_path, sha256, created_at "
                    + "FROM artifact WHERE run_id = ? ORDER BY id")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Artifact> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new Artifact(rs.getLong("id"), rs.getLong("run_id"),
                                new ArtifactRef(rs.getString("kind"), rs.getString("rel_path"), rs.getString("sha256")),
                                Database.instant(rs.getString("created_at"))));
                    }
                    return list;
                }
            }
        });
    }

    /** Replaces whatever results the run has with these, inside the caller's transaction. */
    void replace(Connection c, long runId, RunResults results, Instant now) throws SQLException {
        delete(c, runId);
        String stamp = Database.timestamp(now);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_summary (run_id, summary_json, stored_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, results.summaryJson());
            ps.setString(3, stamp);
            ps.executeUpdate();
        }
        if (!results.metrics().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run_metric (run_id, category, side, metric, value, unit) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (MetricValue m : results.metrics()) {
                    ps.setLong(1, runId);
                    ps.setString(2, m.category());
                    Database.setNullableString(ps, 3, m.side().map(Enum::name).orElse(null));
                    ps.setString(4, m.metric());
                    Database.setNullableDouble(ps, 5, m.value());
                    ps.setString(6, m.unit());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!results.strides().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stride_metric "
                    + "(run_id, side, stride_index, metric, value, unit) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (StrideValue s : results.strides()) {
                    ps.setLong(1, runId);
                    ps.setString(2, s.side().name());
                    ps.setInt(3, s.strideIndex());
                    ps.setString(4, s.metric());
                    Database.setNullableDouble(ps, 5, s.value());
                    ps.setString(6, s.unit());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!results.artifacts().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO artifact "
                    + "(run_id, kind, rel_path, sha256, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (ArtifactRef a : results.artifacts()) {
                    ps.setLong(1, runId);
                    ps.setString(2, a.kind());
                    ps.setString(3, a.relativePath());
                    ps.setString(4, a.sha256());
                    ps.setString(5, stamp);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Removes the run's results inside the caller's transaction. */
    void delete(Connection c, long runId) throws SQLException {
        for (String table : new String[] {"run_summary", "run_metric", "stride_metric", "artifact"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
        }
    }
}
