package org.gaitlens.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored artifact reference.
 *
 * @param id        database id
 * @param runId     the run that produced it
 * @param ref       kind, path relative to the data directory, and content hash
 * @param createdAt when it was recorded
 */
public record Artifact(long id, long runId, ArtifactRef ref, Instant createdAt) {

    public Artifact {
        Checks.positiveId("id", id);
        Checks.positiveId("runId", runId);
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
