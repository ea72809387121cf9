package org.gaitlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Analysis runs: the work queue of the batch runner and the web app.
 *
 * <p>Idempotence: {@link #enqueue} returns the existing run for the same recording (content hash) and settings
 * hash, so a re-started batch skips what is {@link RunStatus#DONE}. Crash safety: results are written by
 * {@link #complete} in the same transaction that marks the run done, so a worker killed at any moment leaves
 * either a finished run with all its results or a {@link RunStatus#RUNNING} run with none, which
 * {@link #requeueStale} hands back to the queue once its heartbeat is old. Concurrency: {@link #claim} and
 * {@link #claimNext} give each queued run to exactly one worker, across threads, processes and machines.
 */
public final class RunRepository {
    private static final String COLUMNS = "id, recording_id, settings_hash, settings_json, software_version, status, "
            + "worker, attempts, created_at, started_at, heartbeat_at, finished_at, error_message";
    /** Longest error message kept; stack traces belong in the log. */
    static final int MAX_ERROR_CHARS = 4000;
    /** Claim attempts when other workers keep taking the chosen run first. */
    private static final int MAX_CLAIM_ROUNDS = 100;

    private final Database db;
    private final ResultRepository results;

    RunRepository(Database db, ResultRepository results) {
        this.db = db;
        this.results = results;
    }

    /**
     * The run of this recording with these settings: the stored one whatever its status, or a new
     * {@link RunStatus#QUEUED} one. Safe when several workers enqueue the same video at once.
     *
     * @param recordingId     the recording to analyse
     * @param settingsJson    the analysis settings as JSON text
     * @param settingsHash    hash of the canonical settings; equal settings must give equal hashes
     * @param softwareVersion the gaitlens version queueing it
     */
    public AnalysisRun enqueue(long recordingId, String settingsJson, String settingsHash, String softwareVersion) {
        Checks.positiveId("recordingId", recordingId);
        Checks.notBlank("settingsJson", settingsJson);
        Checks.notBlank("settingsHash", settingsHash);
        Checks.notBlank("softwareVersion", softwareVersion);
        Instant now = Instant.now();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO analysis_run (recording_id, settings_hash, "
                    + "settings_json, software_version, status, attempts, created_at) VALUES (?, ?, ?, ?, 'QUEUED', 0, ?) "
                    + "ON CONFLICT (recording_id, settings_hash) DO NOTHING")) {
                ps.setLong(1, recordingId);
                ps.setString(2, settingsHash);
                ps.setString(3, settingsJson);
                ps.setString(4, softwareVersion);
                ps.setString(5, Database.timestamp(now));
                return ps.executeUpdate();
            }
        });
        return find(recordingId, settingsHash).orElseThrow(
                () -> new StoreException("run of recording " + recordingId + " vanished right after it was queued"));
    }

    /** The run with this database id. */
    public AnalysisRun get(long id) {
        return db.read(c -> select(c, id)).orElseThrow(() -> new RecordNotFoundException("no analysis run with id " + id));
    }

    /** The run of this recording with this settings hash, if any. */
    public Optional<AnalysisRun> find(long recordingId, String settingsHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM analysis_run WHERE recording_id = ? AND settings_hash = ?")) {
                ps.setLong(1, recordingId);
                ps.setString(2, settingsHash);
                return one(ps);
            }
        });
    }

    /** The run of the recording with this content hash and this settings hash, if any. */
    public Optional<AnalysisRun> findByContent(String sha256, String settingsHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed("a") + " FROM analysis_run a "
                    + "JOIN recording r ON r.id = a.recording_id WHERE r.sha256 = ? AND a.settings_hash = ?")) {
                ps.setString(1, sha256);
                ps.setString(2, settingsHash);
                return one(ps);
            }
        });
    }

    /** The finished run of this content with these settings: when present, the batch skips the video. */
    public Optional<AnalysisRun> findDone(String sha256, String settingsHash) {
        return findByContent(sha256, settingsHash).filter(r -> r.status() == RunStatus.DONE);
    }

    /** The runs of a recording, oldest first. */
    public List<AnalysisRun> listByRecording(long recordingId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM analysis_run WHERE recording_id = ? ORDER BY id")) {
                ps.setLong(1, recordingId);
                return all(ps);
            }
        });
    }

    /** All runs with this status, oldest first. */
    public List<AnalysisRun> list(RunStatus status) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM analysis_run WHERE status = ? ORDER BY id")) {
                ps.setString(1, status.name());
                return all(ps);
            }
        });
    }

    /** How many runs are in each status (every status present, zero when none). */
    public Map<RunStatus, Integer> countByStatus() {
        return db.read(c -> {
            Map<RunStatus, Integer> out = new EnumMap<>(RunStatus.class);
            for (RunStatus s : RunStatus.values()) {
                out.put(s, 0);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM analysis_run GROUP BY status");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(RunStatus.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /**
     * Claims this run for a worker if it is queued.
     *
     * @return the run, now {@link RunStatus#RUNNING} and held by {@code worker}; empty when it was not queued
     *         (done, failed, or another worker got it first)
     */
    public Optional<AnalysisRun> claim(long runId, String worker) {
        Checks.notBlank("worker", worker);
        Instant now = Instant.now();
        return db.write(c -> markRunning(c, runId, worker, now) ? select(c, runId) : Optional.empty());
    }

    /**
     * Claims the oldest queued run for a worker.
     *
     * @return the run, now {@link RunStatus#RUNNING}; empty when nothing is queued
     */
    public Optional<AnalysisRun> claimNext(String worker) {
        Checks.notBlank("worker", worker);
        for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
            Instant now = Instant.now();
            // Empty: nothing queued. Present but empty inside: another worker took the chosen run; try again.
            Optional<Optional<AnalysisRun>> outcome = db.write(c -> {
                Long candidate = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM analysis_run WHERE status = 'QUEUED' "
                        + "ORDER BY id LIMIT 1" + db.dialect().lockSkipLocked());
                        ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        candidate = rs.getLong(1);
                    }
                }
                if (candidate == null) {
                    return Optional.empty();
                }
                return Optional.of(markRunning(c, candidate, worker, now) ? select(c, candidate) : Optional.empty());
            });
            if (outcome.isEmpty()) {
                return Optional.empty();
            }
            if (outcome.get().isPresent()) {
                return outcome.get();
            }
        }
        throw new StoreException("could not claim a queued run after " + MAX_CLAIM_ROUNDS
                + " tries: other workers kept taking them first");
    }

    private static boolean markRunning(Connection c, long runId, String worker, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET status = 'RUNNING', worker = ?, "
                + "attempts = attempts + 1, started_at = ?, heartbeat_at = ?, finished_at = NULL, error_message = NULL "
                + "WHERE id = ? AND status = 'QUEUED'")) {
            ps.setString(1, worker);
            ps.setString(2, Database.timestamp(now));
            ps.setString(3, Database.timestamp(now));
            ps.setLong(4, runId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Records that the worker holding a claim is still alive, so {@link #requeueStale} leaves the run alone.
     *
     * @param claimed the run as the claim returned it
     * @throws RunStateException when the claim was taken away (the run was re-queued as stale)
     */
    public AnalysisRun heartbeat(AnalysisRun claimed) {
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET heartbeat_at = ? "
                    + "WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
                ps.setString(1, Database.timestamp(now));
                ps.setLong(2, claimed.id());
                ps.setInt(3, claimed.attempts());
                requireHeld(c, claimed, ps.executeUpdate());
            }
            return select(c, claimed.id()).orElseThrow();
        });
    }

    /**
     * {@link #heartbeat} for many claims in one transaction (an engine that holds a whole wave of runs at once, the
     * Spark job). A claim that was taken away is left alone; completing that run reports it.
     *
     * @return how many of the claims are still held
     */
    public int heartbeatAll(Collection<AnalysisRun> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        return db.write(c -> {
            int held = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET heartbeat_at = ? "
                    + "WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
                for (AnalysisRun r : claimed) {
                    ps.setString(1, Database.timestamp(now));
                    ps.setLong(2, r.id());
                    ps.setInt(3, r.attempts());
                    held += ps.executeUpdate();
                }
            }
            return held;
        });
    }

    /**
     * Stores a run's results and marks it {@link RunStatus#DONE}, in one transaction: either all of it is
     * stored, or nothing is and the run stays as it was.
     *
     * @param claimed the run as the claim returned it
     * @param runResults summary, metrics, strides and artifact references
     * @throws RunStateException when the claim was taken away (the run was re-queued as stale)
     */
    public AnalysisRun complete(AnalysisRun claimed, RunResults runResults) {
        return complete(claimed, runResults, () -> { });
    }

    /** As {@link #complete(AnalysisRun, RunResults)}; {@code beforeCommit} runs inside the transaction (tests). */
    AnalysisRun complete(AnalysisRun claimed, RunResults runResults, Runnable beforeCommit) {
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET status = 'DONE', finished_at = ?, "
                    + "heartbeat_at = ?, error_message = NULL WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
                ps.setString(1, Database.timestamp(now));
                ps.setString(2, Database.timestamp(now));
                ps.setLong(3, claimed.id());
                ps.setInt(4, claimed.attempts());
                requireHeld(c, claimed, ps.executeUpdate());
            }
            results.replace(c, claimed.id(), runResults, now);
            beforeCommit.run();
            return select(c, claimed.id()).orElseThrow();
        });
    }

    /**
     * Marks a claimed run {@link RunStatus#FAILED} with the reason; results stored earlier are removed.
     *
     * @param claimed      the run as the claim returned it
     * @param errorMessage what went wrong, for the user (cut to {@value #MAX_ERROR_CHARS} characters)
     * @throws RunStateException when the claim was taken away
     */
    public AnalysisRun fail(AnalysisRun claimed, String errorMessage) {
        Checks.notBlank("errorMessage", errorMessage);
        String message = errorMessage.length() > MAX_ERROR_CHARS ? errorMessage.substring(0, MAX_ERROR_CHARS) : errorMessage;
        Instant now = Instant.now();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET status = 'FAILED', finished_at = ?, "
                    + "heartbeat_at = ?, error_message = ? WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
                ps.setString(1, Database.timestamp(now));
                ps.setString(2, Database.timestamp(now));
                ps.setString(3, message);
                ps.setLong(4, claimed.id());
                ps.setInt(5, claimed.attempts());
                requireHeld(c, claimed, ps.executeUpdate());
            }
            results.delete(c, claimed.id());
            return select(c, claimed.id()).orElseThrow();
        });
    }

    /**
     * Puts a failed run back in the queue (a deliberate retry).
     *
     * @throws RunStateException when the run is not {@link RunStatus#FAILED}
     */
    public AnalysisRun requeueFailed(long runId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET status = 'QUEUED', worker = NULL "
                    + "WHERE id = ? AND status = 'FAILED'")) {
                ps.setLong(1, runId);
                if (ps.executeUpdate() != 1) {
                    AnalysisRun now = select(c, runId).orElseThrow(
                            () -> new RecordNotFoundException("no analysis run with id " + runId));
                    throw new RunStateException("run " + runId + " is " + now.status() + ", only a FAILED run can be re-queued");
                }
            }
            return select(c, runId).orElseThrow();
        });
    }

    /**
     * Puts back in the queue every running run whose worker has given no sign of life since {@code heartbeatBefore}
     * (a worker killed with {@code kill -9}, a machine that went down). Their attempts count stays, so the old
     * worker, if it was only slow, can no longer finish them.
     *
     * @return how many runs were re-queued
     */
    public int requeueStale(Instant heartbeatBefore) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET status = 'QUEUED' "
                    + "WHERE status = 'RUNNING' AND heartbeat_at < ?")) {
                ps.setString(1, Database.timestamp(heartbeatBefore));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Puts one running run back in the queue because its worker is known to be gone (a process on this machine
     * that no longer exists), without waiting for its heartbeat to grow stale. Nothing changes when the run was
     * meanwhile finished, failed, or claimed again (another attempt).
     *
     * @param claimed the run as last read, whose {@link AnalysisRun#attempts()} identifies the dead claim
     * @return whether the run was re-queued
     */
    public boolean requeueAbandoned(AnalysisRun claimed) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE analysis_run SET status = 'QUEUED' "
                    + "WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
                ps.setLong(1, claimed.id());
                ps.setInt(2, claimed.attempts());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private void requireHeld(Connection c, AnalysisRun claimed, int updated) throws SQLException {
        if (updated == 1) {
            return;
        }
        AnalysisRun now = select(c, claimed.id())
                .orElseThrow(() -> new RecordNotFoundException("no analysis run with id " + claimed.id()));
        throw new RunStateException("run " + claimed.id() + " is no longer held by " + claimed.worker().orElse("this worker")
                + " (attempt " + claimed.attempts() + "): it is " + now.status() + ", attempt " + now.attempts()
                + now.worker().map(w -> ", worker " + w).orElse(""));
    }

    private Optional<AnalysisRun> select(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM analysis_run WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    private static String prefixed(String alias) {
        StringBuilder sb = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            sb.append(sb.length() == 0 ? "" : ", ").append(alias).append('.').append(col);
        }
        return sb.toString();
    }

    private static Optional<AnalysisRun> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static List<AnalysisRun> all(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<AnalysisRun> out = new ArrayList<>();
            while (rs.next()) {
                out.add(map(rs));
            }
            return out;
        }
    }

    private static AnalysisRun map(ResultSet rs) throws SQLException {
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
                Optional.ofNullable(rs.getString("error_message")));
    }
}
