package org.gaitlens.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gaitlens.store.AnalysisRun;

/**
 * Live progress of the runs this server is working on, for the progress display (the store knows only the
 * status; the stage and percentage are too frequent to write there), and what to say about a running run this
 * server is not working on: one whose worker stopped (the server was restarted or killed during the analysis) or
 * one another gaitlens process is analysing.
 */
final class RunProgress {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * @param stage   {@code decoding}, {@code pose}, {@code analysis} or {@code report}
     * @param percent 0-100 within the stage, or -1 when unknown
     */
    record Snapshot(String stage, int percent) {
    }

    private final Map<Long, Snapshot> byRun = new ConcurrentHashMap<>();
    private final String workerPrefix;
    private final Duration heartbeatInterval;
    private final Duration staleAfter;
    private final Clock clock;

    /**
     * @param workerPrefix      the start of the worker names of this server's analysis threads
     * @param heartbeatInterval how often a working analysis shows a sign of life
     * @param staleAfter        after how long without one a run is queued again
     */
    RunProgress(String workerPrefix, Duration heartbeatInterval, Duration staleAfter, Clock clock) {
        this.workerPrefix = workerPrefix;
        this.heartbeatInterval = heartbeatInterval;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

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

    /**
     * A run's status for people: {@code queued}, the running stage with its percentage, {@code done}, {@code failed};
     * for a running run this server does not execute, whether it waits to be restarted and until about when, or
     * runs elsewhere.
     */
    String describe(AnalysisRun r) {
        return switch (r.status()) {
            case QUEUED -> "queued";
            case RUNNING -> {
                Snapshot s = get(r.id());
                if (s != null) {
                    yield s.stage() + (s.percent() >= 0 ? " " + s.percent() + " %" : "");
                }
                yield elsewhere(r).orElse("running");
            }
            case DONE -> "done";
            case FAILED -> "failed";
        };
    }

    /** What to say about a running run without progress on this server; empty when this server runs it. */
    private Optional<String> elsewhere(AnalysisRun r) {
        String worker = r.worker().orElse("");
        if (worker.startsWith(workerPrefix)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant beat = r.heartbeatAt().or(r::startedAt).orElse(now);
        if (Duration.between(beat, now).compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            return Optional.of("running in another gaitlens process (its progress is shown there)");
        }
        long waitS = Math.max(0, Duration.between(now, beat.plus(staleAfter)).toSeconds()) + 1;
        return Optional.of("interrupted: the server stopped during this analysis (last sign of life at "
                + CLOCK.format(beat.atZone(ZoneId.systemDefault())) + "). It starts again by itself in about "
                + waitS + " s; nothing needs to be done.");
    }
}
