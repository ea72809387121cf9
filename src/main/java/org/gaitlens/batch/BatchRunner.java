package org.gaitlens.batch;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;


import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StudyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a list of items through a {@link RunExecutor} on a pool of workers. An item is one recording, or the clips
 * of one session analysed as one pooled run (a clip that cannot be analysed is named in the item's detail and the
 * session is analysed from the others). Every item is queued in the store first; one whose recording was already analysed with the same settings is skipped (a file whose content the
 * patient already has in another session is that recording, and its status line says so), a failed one is retried
 * (unless told not to), and one held by a live worker elsewhere is waited for. A failure of one item is recorded
 * and the batch goes on; only a set-up failure (missing model, store unusable) or {@link #requestStop} stops it
 * claiming new items, and the items it holds are finished first.
 *
 * <p>Resuming: at start, temporary folders of dead runs are removed and runs of dead workers re-queued (at once
 * for processes of this machine, after {@link Options#staleAfter()} without heartbeat otherwise), so a batch
 * killed at any moment and started again finishes the rest without duplicates.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
    /** Memory one worker needs at most (decoded frames in flight, the models, the landmark series). */
    static final long BYTES_PER_WORKER = 1L << 30;

    /**
     * Batch settings.
     *
     * @param workers      concurrent analyses, >= 1
     * @param retryFailed  whether runs that failed in an earlier batch are tried again
     * @param staleAfter   how long without heartbeat before another machine's claim counts as dead
     * @param pollInterval how often to look again at items held by another worker
     */
    public record Options(int workers, boolean retryFailed, Duration staleAfter, Duration pollInterval) {
        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + workers);
            }
            Objects.requireNonNull(staleAfter, "staleAfter");
            Objects.requireNonNull(pollInterval, "pollInterval");
        }

        /** {@code workers} workers, failed runs retried, claims stale after 2 minutes, polled every 2 s. */
        public static Options of(int workers) {
            return new Options(workers, true, Duration.ofMinutes(2), Duration.ofSeconds(2));
        }
    }

    private final RunExecutor executor;
    private final RunQueue queue;
    private final StudyStore store;
    private final Options options;
    private final AtomicReference<String> stopReason = new AtomicReference<>();

    public BatchRunner(RunExecutor executor, Options options) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.store = executor.store();
        this.queue = new RunQueue(store);
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The default worker count: one per core (each worker runs inference on one thread and decodes and encodes
     * on helper threads that mostly wait), at most one per {@value #BYTES_PER_WORKER} bytes of heap. See
     * {@code docs/batch.md} for the measurements behind it.
     */
    public static int defaultWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        long byMemory = Math.max(1, Runtime.getRuntime().maxMemory() / BYTES_PER_WORKER);
        return (int) Math.max(1, Math.min(cores, byMemory));
    }

    /** Asks the batch to claim no further items; items being analysed are finished. */
    public void requestStop(String reason) {
        if (stopReason.compareAndSet(null, reason)) {
            LOG.info("batch stopping: {}", reason);
        }
    }

    /** An item waiting for a run held elsewhere. */
    private record Deferred(int index, long runId) {
    }

    /**
     * Runs the items; returns when all are finished or the batch was stopped.
     *
     * @param items    what to analyse
     * @param base     settings of the batch (each item's overrides apply on top)
     * @param listener progress receiver
     */
    public BatchReport run(List<BatchItem> items, RunSettings base, BatchListener listener) {
        return runItems(List.copyOf(items), base, listener);
    }

    private BatchReport runItems(List<BatchItem> items, RunSettings base, BatchListener listener) {
        long t0 = System.nanoTime();
        int removed = executor.sweepTempFolders();
        int requeued = executor.requeueAbandoned(options.staleAfter());
        if (removed + requeued > 0) {
            LOG.info("resuming: {} run(s) of dead workers re-queued, {} temporary folder(s) removed", requeued, removed);
        }
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();
        Map<Integer, String> notes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(options.workers(), items.size()));
        listener.batchStarted(items.size(), workers);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        for (int w = 0; w < workers; w++) {
            String worker = WorkerIds.of("w" + (w + 1));
            Thread t = new Thread(() -> {
                int i;
                while (stopReason.get() == null && (i = next.getAndIncrement()) < items.size()) {
                    ItemOutcome o = process(i, items.get(i), base, worker, deferred, notes, listener);
                    if (o != null) {
                        finish(outcomes, i, o, notes, listener);
                    }
                }
            }, "gaitlens-batch-" + worker.substring(worker.lastIndexOf(':') + 1));
            t.setUncaughtExceptionHandler((th, e) -> {
                crash.compareAndSet(null, e);
                requestStop("internal error in " + th.getName() + ": " + e);
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            joinUninterruptibly(t);
        }
        String worker = WorkerIds.of("w1");
        while (!deferred.isEmpty() && stopReason.get() == null) {
            List<Deferred> round = new ArrayList<>(deferred);
            deferred.clear();
            executor.requeueAbandoned(options.staleAfter());
            for (Deferred d : round) {
                ItemOutcome o = resolve(d, items.get(d.index()), worker, deferred, listener);
                if (o != null) {
                    finish(outcomes, d.index(), o, notes, listener);
                }
            }
            if (!deferred.isEmpty()) {
                sleep(options.pollInterval());
            }
        }
        String reason = stopReason.get();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                finish(outcomes, i, new ItemOutcome(items.get(i), ItemOutcome.Status.NOT_STARTED, OptionalLong.empty(),
                        reason == null ? "not started" : "not started: " + reason, 0, 0), Map.of(), listener);
            }
        }
        if (crash.get() != null) {
            LOG.error("a batch worker crashed", crash.get());
        }
        return new BatchReport(List.of(outcomes), workers, (System.nanoTime() - t0) / 1e9, Optional.ofNullable(reason));
    }

    /** Records an item's outcome, with the note {@link #process} left for it (if any) after its detail. */
    private static void finish(ItemOutcome[] outcomes, int i, ItemOutcome o, Map<Integer, String> notes,
            BatchListener listener) {
        String note = notes.get(i);
        outcomes[i] = note == null ? o : o.withNote(note);
        listener.itemFinished(outcomes[i]);
    }

    /**
     * Queues an item and runs it; null when it must wait for another worker. When the patient already had the
     * item's content in another session, a note naming that session is left in {@code notes}.
     */
    private ItemOutcome process(int index, BatchItem item, RunSettings base, String worker,
            ConcurrentLinkedQueue<Deferred> deferred, Map<Integer, String> notes, BatchListener listener) {
        RunQueue.Prepared p;
        try {
            p = queue.prepare(item, base);
        } catch (GaitlensException | IllegalArgumentException | UncheckedIOException e) {
            return new ItemOutcome(item, ItemOutcome.Status.FAILED, OptionalLong.empty(), e.getMessage(), 0, 0);
        }
        p.sameContentNote().ifPresent(note -> {
            LOG.info("{}: {}", item.displayName(), note);
            notes.put(index, note);
        });
        RunQueue.Decision d = queue.decide(p, options.retryFailed());
        if (d.outcome().isPresent()) {
            return d.outcome().get();
        }
        if (d.run().status() == RunStatus.QUEUED) {
            return claimAndRun(index, item, d.run().id(), worker, deferred, listener);
        }
        deferred.add(new Deferred(index, d.run().id())); // held by another worker, or failed again meanwhile
        return null;
    }

    /** Looks again at an item whose run another worker held. */
    private ItemOutcome resolve(Deferred d, BatchItem item, String worker, ConcurrentLinkedQueue<Deferred> deferred,
            BatchListener listener) {
        AnalysisRun run = store.runs().get(d.runId());
        return switch (run.status()) {
            case DONE -> new ItemOutcome(item, ItemOutcome.Status.SKIPPED, OptionalLong.of(run.id()),
                    "analysed meanwhile by " + run.worker().orElse("another worker") + " (run " + run.id() + ")", 0, 0);
            case FAILED -> new ItemOutcome(item, ItemOutcome.Status.FAILED, OptionalLong.of(run.id()),
                    run.errorMessage().orElse("failed"), 0, 0);
            case QUEUED -> claimAndRun(d.index(), item, run.id(), worker, deferred, listener);
            case RUNNING -> {
                deferred.add(d);
                yield null;
            }
        };
    }

    private ItemOutcome claimAndRun(int index, BatchItem item, long runId, String worker,
            ConcurrentLinkedQueue<Deferred> deferred, BatchListener listener) {
        Optional<AnalysisRun> claimed = store.runs().claim(runId, worker);
        if (claimed.isEmpty()) {
            deferred.add(new Deferred(index, runId)); // another worker took it; see how it ends
            return null;
        }
        listener.itemStarted(item);
        RunExecutor.Outcome o = executor.execute(claimed.get(),
                (stage, done, total) -> listener.itemProgress(item, stage, done, total));
        if (o.setupFailure()) {
            requestStop("set-up failure: " + o.error().orElse("?"));
        }
        OptionalLong id = OptionalLong.of(runId);
        return switch (o.run().status()) {
            case DONE -> new ItemOutcome(item, ItemOutcome.Status.DONE, id, o.resultDir().map(this::relative)
                    .orElse("") + o.notes().stream().map(n -> "; " + n).collect(Collectors.joining()), o.frames(),
                    o.wallS());
            case FAILED -> new ItemOutcome(item, ItemOutcome.Status.FAILED, id, o.error().orElse("failed"), 0, o.wallS());
            case QUEUED, RUNNING -> {
                deferred.add(new Deferred(index, runId)); // our claim was taken over
                yield null;
            }
        };
    }

    private String relative(Path p) {
        return store.dataDir().relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
