package org.gaitlens.core;

/**
 * Receives progress of long work. Implementations must be cheap and thread-safe; they are called from
 * worker threads.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param stage short name of the current stage, e.g. {@code "pose"}
     * @param done  units finished so far
     * @param total expected units in this stage, or {@code <= 0} when unknown
     */
    void update(String stage, long done, long total);
}
