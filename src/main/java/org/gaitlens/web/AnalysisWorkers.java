package org.gaitlens.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gaitlens.batch.WorkerIds;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.RunStateException;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StudyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that take queued runs from the store and execute them. The queue is the database, so it
 * outlives browsers and the server: a run queued before a stop is picked up after the restart, and a run that
 * was running when the server stopped loses its heartbeat and is queued again after
 * {@link WebConfig#staleAfter()} (checked at start and then every heartbeat interval). A run held by a worker of
 * a process on this machine that no longer exists (the server was killed and started again) is queued again at once:
 * its worker name ({@link WorkerIds}) says which process held it, and that process cannot finish it any more.
 */
final class AnalysisWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisWorkers.class);
    private static final long IDLE_POLL_MS = 1000;

    private final StudyStore store;
    private final AnalysisExecutor executor;
    private final RunProgress progress;
    private final WebConfig config;
    private final String node;
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final Object wake = new Object();
    private volatile boolean running = true;

    /**
     * @param node the start of this server's worker names, {@link WorkerIds#of} of a name unique in the process
     */
    AnalysisWorkers(StudyStore store, AnalysisExecutor executor, RunProgress progress, WebConfig config, String node) {
        this.store = store;
        this.node = node;
        this.executor = executor;
        this.progress = progress;
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gaitlens-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        requeueStale();
        long everyMs = config.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(this::requeueStale, everyMs, everyMs, TimeUnit.MILLISECONDS);
        for (int i = 0; i < config.workers(); i++) {
            Thread t = new Thread(this::loop, "gaitlens-worker-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        LOG.info("{} analysis worker(s) started ({})", config.workers(), node);
    }

    /** Wakes idle workers (a run was just queued). */
    void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void requeueStale() {
        try {
            int n = store.runs().requeueStale(Instant.now().minus(config.staleAfter()));
            for (AnalysisRun r : store.runs().list(RunStatus.RUNNING)) {
                if (WorkerIds.isDeadLocalWorker(r.worker().orElse("")) && store.runs().requeueAbandoned(r)) {
                    LOG.info("run {}: its worker {} no longer exists; queued again", r.id(), r.worker().orElse("?"));
                    n++;
                }
            }
            if (n > 0) {
                LOG.info("re-queued {} analysis run(s) whose worker stopped", n);
                nudge();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not re-queue stale runs: {}", e.toString());
        }
    }

    private void loop() {
        String worker = node + "/" + Thread.currentThread().getName();
        while (running) {
            Optional<AnalysisRun> claimed;
            try {
                claimed = store.runs().claimNext(worker);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("could not claim a run: {}", e.toString());
                claimed = Optional.empty();
            }
            if (claimed.isEmpty()) {
                synchronized (wake) {
                    try {
                        wake.wait(IDLE_POLL_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            execute(claimed.get());
        }
    }

    private void execute(AnalysisRun run) {
        long id = run.id();
        progress.update(id, "decoding", 0, 0);
        long everyMs = config.heartbeatInterval().toMillis();
        ScheduledFuture<?> beat = timer.scheduleWithFixedDelay(() -> {
            try {
                store.runs().heartbeat(run);
            } catch (RuntimeException e) {
                LOG.debug("heartbeat of run {} failed: {}", id, e.toString());
            }
        }, everyMs, everyMs, TimeUnit.MILLISECONDS);
        ProgressListener listener = (stage, done, total) -> progress.update(id, stage, done, total);
        try {
            executor.execute(run, listener);
            LOG.info("analysis run {} done", id);
        } catch (RunStateException e) {
            LOG.warn("analysis run {} was taken over by another worker: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("analysis run {} interrupted by shutdown; it will be queued again", id);
        } catch (Exception | Error e) {
            if (!running) {
                LOG.info("analysis run {} stopped by shutdown ({}); it will be queued again", id, e.toString());
            } else {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.warn("analysis run {} failed: {}", id, reason);
                try {
                    store.runs().fail(run, reason);
                } catch (RuntimeException f) {
                    LOG.warn("could not record the failure of run {}: {}", id, f.toString());
                }
            }
        } finally {
            beat.cancel(false);
            progress.clear(id);
        }
    }

    /** Stops taking work; running analyses are interrupted and, losing their heartbeat, queued again later. */
    @Override
    public void close() {
        running = false;
        nudge();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timer.shutdownNow();
    }
}
