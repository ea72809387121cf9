package org.gaitlens.batch;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What became of one batch item.
 *
 * @param item   the item
 * @param status what happened
 * @param runId  the analysis run in the store, when one was queued
 * @param detail for DONE the result folder, for SKIPPED why, for FAILED and NOT_STARTED the reason
 * @param frames video frames analysed by this batch (0 unless DONE for a video)
 * @param wallS  seconds this batch spent on the item
 */
public record ItemOutcome(BatchItem item, Status status, OptionalLong runId, String detail, int frames, double wallS) {

    /** Outcome kinds. */
    public enum Status {
        /** Analysed now; results stored. */
        DONE,
        /** Already analysed with the same content and settings (or by another worker meanwhile). */
        SKIPPED,
        /** The analysis failed; the reason says why. */
        FAILED,
        /** Not started because the batch was stopped. */
        NOT_STARTED
    }

    public ItemOutcome {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(detail, "detail");
    }

    /** This outcome with {@code note} in brackets after its detail. */
    public ItemOutcome withNote(String note) {
        return new ItemOutcome(item, status, runId, detail.isEmpty() ? note : detail + " (" + note + ")", frames,
                wallS);
    }
}
