package org.gaitlens.batch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a batch, in the order of its items.
 *
 * @param outcomes    one per item
 * @param workers     workers used
 * @param wallS       seconds the batch took
 * @param stopReason  why the batch stopped early (interrupted, set-up failure), if it did
 */
public record BatchReport(List<ItemOutcome> outcomes, int workers, double wallS, Optional<String> stopReason) {

    public BatchReport {
        outcomes = List.copyOf(outcomes);
    }

    /** How many items ended in each status (every status present). */
    public Map<ItemOutcome.Status, Integer> counts() {
        Map<ItemOutcome.Status, Integer> m = new EnumMap<>(ItemOutcome.Status.class);
        for (ItemOutcome.Status s : ItemOutcome.Status.values()) {
            m.put(s, 0);
        }
        outcomes.forEach(o -> m.merge(o.status(), 1, Integer::sum));
        return m;
    }

    /** Whether every item is done or skipped. */
    public boolean allSucceeded() {
        return outcomes.stream().allMatch(o -> o.status() == ItemOutcome.Status.DONE
                || o.status() == ItemOutcome.Status.SKIPPED);
    }

    /** Video frames analysed by this batch. */
    public long framesAnalysed() {
        return outcomes.stream().mapToLong(ItemOutcome::frames).sum();
    }

    /** Items analysed (DONE) per minute of this batch's wall time. */
    public double videosPerMinute() {
        return wallS > 0 ? counts().get(ItemOutcome.Status.DONE) * 60.0 / wallS : 0;
    }

    /** Video frames analysed per second of this batch's wall time. */
    public double framesPerSecond() {
        return wallS > 0 ? framesAnalysed() / wallS : 0;
    }
}
