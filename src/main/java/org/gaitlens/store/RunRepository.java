package org.gaitlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Analysis runs: the work queue of the batch runner and the web app. A run analyses one recording or several
 * recordings of a session pooled ({@link #recordingIds}); a run replaced by a later one of the same session (a clip
 * was added) is kept, marked {@link #supersede superseded}.
 *
 * <p>Idempotence: {@link #enqueue} returns the existing run for the same recordings (content hashes) and settings
 * hash, so a re-started batch skips what is {@link RunStatus#DONE}. Crash safety: results are written by
 * {@link #complete} in the same transaction that marks the run done, so a worker killed at any moment leaves
 * either a finished run with all its results or a {@link RunStatus#RUNNING} run with none, which
 * {@link #requeueStale} hands back to the queue once its heartbeat is old. Concurrency: {@link #claim} and
 * {@link #claimNext} give each queued run to exactly one worker, across threads, processes and machines.
 *
 * <p>Longer than most files: every step of a run's life (queue with its recordings, claim, heartbeat, finish,
 * supersede, recovery) is one guarded SQL transaction, and they read best side by side; the row mapping is in
 * {@link RunRows}, the runs' recordings and the superseding in {@link RunRecordings}.
 */
public final class RunRepository {
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
        return enqueue(List.of(recordingId), settingsJson, settingsHash, softwareVersion);
    }

    /**
     * The run of this set of recordings (a session filmed as several clips, pooled) with these settings: the stored
     * one whatever its status, or a new {@link RunStatus#QUEUED} one listing the recordings in the given order.
     * Safe when several workers enqueue the same set at once.
     *
     * @param recordingIds    the recordings, in session order; the first is the run's {@link AnalysisRun#recordingId()}
     * @param settingsHash    for one recording the hash of the canonical settings; for several a hash over those
     *                        settings and the sorted contents (SHA-256) of all the recordings, so that the first
     *                        recording with another set of clips is another run
     * @throws IllegalArgumentException when the list is empty or names a recording twice
     */
    public AnalysisRun enqueue(List<Long> recordingIds, String settingsJson, String settingsHash,
            String softwareVersion) {
        if (recordingIds.isEmpty() || recordingIds.stream().distinct().count() != recordingIds.size()) {
            throw new IllegalArgumentException("a run needs one or more distinct recordings, was " + recordingIds);
        }
        recordingIds.forEach(id -> Checks.positiveId("recordingId", id));
        Checks.notBlank("settingsJson", settingsJson);
        Checks.notBlank("settingsHash", settingsHash);
        Checks.notBlank("softwareVersion", softwareVersion);
        long first = recordingIds.get(0);
        Instant now = Instant.now();
        db.write(c -> {
            int inserted;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO analysis_run (recording_id, settings_hash, "
                    + "settings_json, software_version, status, attempts, created_at) VALUES (?, ?, ?, ?, 'QUEUED', 0, ?) "
                    + "ON CONFLICT (recording_id, settings_hash) DO NOTHING")) {
                ps.setLong(1, first);
                ps.setString(2, settingsHash);
                ps.setString(3, settingsJson);
                ps.setString(4, softwareVersion);
                ps.setString(5, Database.timestamp(now));
                inserted = ps.executeUpdate();
            }
            if (inserted == 1) {
                // Same transaction: no reader ever sees the run without its recordings.
                RunRecordings.insert(c, selectId(c, first, settingsHash), recordingIds);
            }
            return inserted;
        });
        return find(first, settingsHash).orElseThrow(
                () -> new StoreException("run of recording " + first + " vanished right after it was queued"));
    }

    private static long selectId(Connection c, long recordingId, String settingsHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM analysis_run WHERE recording_id = ? AND settings_hash = ?")) {
            ps.setLong(1, recordingId);
            ps.setString(2, settingsHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The recordings a run analyses, in session order (one for a run of a single recording). */
    public List<Long> recordingIds(long runId) {
        return db.read(c -> RunRecordings.ids(c, runId));
    }

    /**
     * Marks a run as replaced by a later run of the same session (a clip was added and the pooled analysis ran
     * again). The old run keeps its status and results; nothing changes when it already is superseded.
     *
     * @throws IllegalArgumentException when both are the same run
     * @throws RecordNotFoundException  when either run does not exist
     */
    public AnalysisRun supersede(long oldRunId, long newRunId) {
        if (oldRunId == newRunId) {
            throw new IllegalArgumentException("a run cannot supersede itself, run " + oldRunId);
        }
        return db.write(c -> {
            RunRows.select(c, newRunId).orElseThrow(() -> new RecordNotFoundException("no analysis run with id " + newRunId));
            RunRecordings.supersede(c, oldRunId, newRunId);
            return RunRows.select(c, oldRunId).orElseThrow(() -> new RecordNotFoundException("no analysis run with id "
                    + oldRunId));
        });
    }

    /** The run with this database id. */
    public AnalysisRun get(long id) {
        return db.read(c -> RunRows.select(c, id)).orElseThrow(() -> new RecordNotFoundException("no analysis run with id " + id));
    }

    /** The run of this recording with this settings hash, if any. */
    public Optional<AnalysisRun> find(long recordingId, String settingsHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + RunRows.COLUMNS + " FROM analysis_run WHERE recording_id = ? AND settings_hash = ?")) {
                ps.setLong(1, recordingId);
                ps.setString(2, settingsHash);
                return RunRows.one(ps);
            }
        });
    }

    /** The run of the recording with this content hash and this settings hash, if any. */
    public Optional<AnalysisRun> findByContent(String sha256, String settingsHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.prefixed("a") + " FROM analysis_run a "
                    + "JOIN recording r ON r.id = a.recording_id WHERE r.sha256 = ? AND a.settings_hash = ?")) {
                ps.setString(1, sha256);
                ps.setString(2, settingsHash);
                return RunRows.one(ps);
            }
        });
    }

    /** The finished run of this content with these settings: when present, the batch skips the video. */
    public Optional<AnalysisRun> findDone(String sha256, String settingsHash) {
        return findByContent(sha256, settingsHash).filter(r -> r.status() == RunStatus.DONE);
    }

    /** The runs that analysed a recording (alone or pooled with others), oldest first. */
    public List<AnalysisRun> listByRecording(long recordingId) {
        return db.read(c -> RunRecordings.runsOfRecording(c, recordingId));
    }

    /** The runs that analysed any recording of a session, superseded ones included, oldest first. */
    public List<AnalysisRun> listBySession(long sessionId) {
        return db.read(c -> RunRecordings.runsOfSession(c, sessionId));
    }

    /** All runs with this status, oldest first. */
    public List<AnalysisRun> list(RunStatus status) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + RunRows.COLUMNS + " FROM analysis_run WHERE status = ? ORDER BY id")) {
                ps.setString(1, status.name());
                return RunRows.all(ps);
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
        return db.write(c -> markRunning(c, runId, worker, now) ? RunRows.select(c, runId) : Optional.empty());
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
                return Optional.of(markRunning(c, candidate, worker, now) ? RunRows.select(c, candidate) : Optional.empty());
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
            return RunRows.select(c, claimed.id()).orElseThrow();
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
     * stored, or nothing is and the run stays as it was. In the same transaction the session's finished runs this
     * one replaces (same settings, a subset of its recordings: before a clip was added) are marked superseded by it;
     * their results are kept.
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
            RunRecordings.supersedeSubsets(c, claimed.id());
            beforeCommit.run();
            return RunRows.select(c, claimed.id()).orElseThrow();
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
            return RunRows.select(c, claimed.id()).orElseThrow();
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
                    AnalysisRun now = RunRows.select(c, runId).orElseThrow(
                            () -> new RecordNotFoundException("no analysis run with id " + runId));
                    throw new RunStateException("run " + runId + " is " + now.status() + ", only a FAILED run can be re-queued");
                }
            }
            return RunRows.select(c, runId).orElseThrow();
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
        AnalysisRun now = RunRows.select(c, claimed.id())
                .orElseThrow(() -> new RecordNotFoundException("no analysis run with id " + claimed.id()));
        throw new RunStateException("run " + claimed.id() + " is no longer held by " + claimed.worker().orElse("this worker")
                + " (attempt " + claimed.attempts() + "): it is " + now.status() + ", attempt " + now.attempts()
                + now.worker().map(w -> ", worker " + w).orElse(""));
    }
}
