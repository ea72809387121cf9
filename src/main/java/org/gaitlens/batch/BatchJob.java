package org.gaitlens.batch;

import java.util.List;
import java.util.Map;

/** One batch on a {@link BatchEngine}: discovery, then the run. */
public interface BatchJob extends AutoCloseable {
    /**
     * The items of the request's input and what was passed over (docs/batch.md).
     *
     * @throws org.gaitlens.core.InvalidInputException when the input is neither a folder nor a manifest
     */
    BatchDiscovery.Result discover();

    /**
     * Runs the items; returns when every item has an outcome (done, skipped, failed, or not started because the job
     * was stopped).
     *
     * @param base     the batch's settings (each item's overrides apply on top)
     * @param listener progress receiver
     */
    BatchReport run(List<BatchItem> items, RunSettings base, BatchListener listener);

    /** Asks the job to start no further item (from another thread, e.g. on Ctrl-C). */
    void requestStop(String reason);

    /** Seconds the last {@link #run} spent in each of its phases, by engine-specific name (for the bench). */
    default Map<String, Double> phaseSeconds() {
        return Map.of();
    }

    /** Frees what the job holds (store, engine session). */
    @Override
    void close();
}
