package org.gaitlens.batch;

/**
 * Receives what a {@link BatchRunner} is doing, for a progress display. Called from worker threads; implementations
 * must be thread-safe and quick.
 */
public interface BatchListener {
    /** A listener that ignores everything. */
    BatchListener NONE = new BatchListener() {
    };

    /** The batch begins with this many items on this many workers. */
    default void batchStarted(int items, int workers) {
    }

    /** A worker starts analysing an item. */
    default void itemStarted(BatchItem item) {
    }

    /** Progress of a running item (stage names and units as {@link org.gaitlens.core.ProgressListener}). */
    default void itemProgress(BatchItem item, String stage, long done, long total) {
    }

    /** An item is finished: done, skipped, failed or not started. */
    default void itemFinished(ItemOutcome outcome) {
    }
}
