package org.gaitlens.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One analysis of a session's recordings (one, or several pooled) with one set of settings. The recordings are
 * listed by {@link RunRepository#recordingIds}; {@code (recordingId, settingsHash)} is unique, and for several
 * recordings the settings hash covers all their contents, which makes re-running a batch idempotent. A run returned by a claim is the worker's ticket: finishing, failing and
 * heartbeats check that {@link #attempts()} still matches, so a worker whose stale claim was taken over cannot
 * overwrite the new owner's work.
 *
 * @param id              database id
 * @param recordingId     the recording analysed; for a run of several recordings the first of them
 * @param settingsHash    hash of the canonical settings (the caller computes it; e.g. SHA-256 of the JSON)
 * @param settingsJson    the settings, as JSON text, so the run can be reproduced
 * @param softwareVersion gaitlens version that created the run
 * @param status          where the run stands
 * @param worker          who holds or last held the claim
 * @param attempts        how many times the run was claimed
 * @param createdAt       when the run was queued
 * @param startedAt       when the latest claim began
 * @param heartbeatAt     the latest sign of life of the worker holding the claim
 * @param finishedAt      when it became DONE or FAILED
 * @param errorMessage    why it failed
 * @param supersededBy    the later run of the same session that replaced this one (a clip was added); empty while
 *                        this run is current. A superseded run keeps its results.
 */
public record AnalysisRun(
        long id,
        long recordingId,
        String settingsHash,
        String settingsJson,
        String softwareVersion,
        RunStatus status,
        Optional<String> worker,
        int attempts,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> heartbeatAt,
        Optional<Instant> finishedAt,
        Optional<String> errorMessage,
        OptionalLong supersededBy) {

    public AnalysisRun {
        Checks.positiveId("id", id);
        Checks.positiveId("recordingId", recordingId);
        Checks.notBlank("settingsHash", settingsHash);
        Checks.notBlank("settingsJson", settingsJson);
        Checks.notBlank("softwareVersion", softwareVersion);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(worker, "worker");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(supersededBy, "supersededBy");
    }

    /** Whether a later run of the same session replaced this one. */
    public boolean superseded() {
        return supersededBy.isPresent();
    }
}
