package org.gaitlens.store;

/**
 * Where an analysis run stands. Transitions: {@code QUEUED -> RUNNING} (claim), {@code RUNNING -> DONE}
 * (results stored in the same transaction), {@code RUNNING -> FAILED} (error recorded),
 * {@code RUNNING -> QUEUED} (stale claim of a killed worker), {@code FAILED -> QUEUED} (retry).
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Whether the run will not change again without a deliberate retry. */
    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
