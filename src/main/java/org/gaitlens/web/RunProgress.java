package org.gaitlens.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gaitlens.store.AnalysisRun;

/**
 * Live progress of the runs this server is working on, for the progress display (the store knows only the
 * status; the stage and percentage are too frequent to write there).
 */
final class RunProgress {
    /**
     * @param stage   {@code decoding}, {@code pose}, {@code analysis} or {@code report}
     * @param percent 0-100 within the stage, or -1 when unknown
     */
    record Snapshot(String stage, int percent) {
    }

    private final Map<Long, Snapshot> byRun = new ConcurrentHashMap<>();

    void update(long runId, String stage, long done, long total) {
        int pct = total > 0 ? (int) Math.min(100, Math.max(0, done * 100 / total)) : -1;
        byRun.put(runId, new Snapshot(stage, pct));
    }

    Snapshot get(long runId) {
        return byRun.get(runId);
    }

    void clear(long runId) {
        byRun.remove(runId);
    }

    /** A run's status for people: {@code queued}, the running stage with its percentage, {@code done}, {@code failed}. */
    String describe(AnalysisRun r) {
        return switch (r.status()) {
            case QUEUED -> "queued";
            case RUNNING -> {
                Snapshot s = get(r.id());
                yield s == null ? "running" : s.stage() + (s.percent() >= 0 ? " " + s.percent() + " %" : "");
            }
            case DONE -> "done";
            case FAILED -> "failed";
        };
    }
}
