package org.gaitlens.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.pipeline.PooledAnalysis;
import org.gaitlens.pipeline.PoseCache;
import org.gaitlens.pipeline.SessionAnalysis;
import org.gaitlens.pose.PoseEstimatorPool;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.Patient;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunResults;
import org.gaitlens.store.RunStateException;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StrideValue;
import org.gaitlens.store.StudyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes queued analysis runs of a study store, one claimed run at a time, for any front end (the batch runner,
 * the web app). Thread-safe: several workers share one executor.
 *
 * <p>{@link RunQueue#prepare} puts an item's files into the store and queues their run (one recording, or the clips
 * of a session pooled); {@link #execute} runs a claimed run end to end (a pooled run through
 * {@link PooledAnalysis}, its videos' poses kept in the study's pose cache so a resumed run poses only the clips
 * it had not finished):
 * <ol>
 *   <li>the analysis writes into a private temporary folder {@code DATA/.tmp-runs/run<ID>.a<ATTEMPT>/}, while a
 *       heartbeat tells other processes the claim is alive;</li>
 *   <li>the finished folder is renamed in one step to
 *       {@code DATA/results/PATIENT/DATE_label/NAME.run<ID>/};</li>
 *   <li>summary, per-side metrics, per-stride rows and artifact references (with SHA-256) are stored and the run
 *       marked done in one transaction.</li>
 * </ol>
 * A process killed at any moment therefore leaves no result that looks complete: before step 2 only a
 * temporary folder (removed by {@link #sweepTempFolders} or the next attempt), between 2 and 3 a folder no
 * finished run refers to (replaced by the next attempt), and after 3 a complete result. A domain failure (bad
 * video, no person, too few strides) marks the run failed with its message; nothing of it is kept.
 *
 * <p>An engine that analyses elsewhere (the Spark job) uses the same queue and the same steps 2 and 3: it claims
 * the runs, fills {@link #tempDir} of each with the session folder its analysis wrote, and calls {@link #complete}
 * (or {@link #fail}).
 *
 * <p>Longer than most files: the crash-safe execution, the completion by other engines and the recovery of dead
 * workers' runs share the run's life cycle and read best together; what an analysis gives the store is in
 * {@link Analyzed}.
 */
public final class RunExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);
    /** The pose cache's folder in the data folder. */
    public static final String POSE_CACHE_DIR = ".cache/pose";

    /**
     * Worker-local settings.
     *
     * @param modelsDir          the BlazePose models folder
     * @param threadsPerRun      inference threads of one run, >= 1
     * @param heartbeatInterval  how often a running claim is renewed
     */
    public record Options(Path modelsDir, int threadsPerRun, Duration heartbeatInterval) {
        public Options {
            Objects.requireNonNull(modelsDir, "modelsDir");
            if (threadsPerRun < 1) {
                throw new IllegalArgumentException("threadsPerRun must be >= 1, was " + threadsPerRun);
            }
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
                throw new IllegalArgumentException("heartbeatInterval must be > 0, was " + heartbeatInterval);
            }
        }
    }

    /** The analysis of one recording; {@link Analysis#run} except in tests. */
    @FunctionalInterface
    public interface Analyzer {
        Analysis.Result analyze(Path input, Path outDir, Analysis.Settings settings, SessionMetadata metadata,
                ProgressListener progress);
    }

    /** The analysis of a session of several recordings pooled; {@link PooledAnalysis#run} except in tests. */
    @FunctionalInterface
    public interface SessionAnalyzer {
        PooledAnalysis.Result analyze(List<Path> inputs, Path outDir, Analysis.Settings settings,
                SessionMetadata metadata, ProgressListener progress);
    }

    /**
     * What {@link #execute} did.
     *
     * @param run          the run afterwards ({@link RunStatus#DONE} or {@link RunStatus#FAILED}; any other status
     *                     means the claim was taken over and this worker's work dropped)
     * @param error        why it failed or was dropped
     * @param resultDir    the finished result folder
     * @param frames       video frames analysed (0 for motion capture and failures)
     * @param wallS        seconds the execution took
     * @param setupFailure whether the failure is one of the set-up (missing model, store), not of the recording:
     *                     a batch stops claiming runs then
     * @param notes        for a pooled session, the clips that could not be analysed or were given twice (the
     *                     session was analysed from the others)
     */
    public record Outcome(AnalysisRun run, Optional<String> error, Optional<Path> resultDir, int frames, double wallS,
            boolean setupFailure, List<String> notes) {
        public Outcome {
            notes = List.copyOf(notes);
        }

        Outcome(AnalysisRun run, Optional<String> error, Optional<Path> resultDir, int frames, double wallS,
                boolean setupFailure) {
            this(run, error, resultDir, frames, wallS, setupFailure, List.of());
        }
    }

    private final StudyStore store;
    private final Options options;
    private final Analyzer analyzer;
    private final SessionAnalyzer sessionAnalyzer;
    private final ScheduledExecutorService heartbeats;
    /** The pose estimators kept between runs; null when the analysis is substituted. */
    private final PoseEstimatorPool pool;
    private final RunFolders folders;

    /**
     * An executor running {@link Analysis#run} with a {@link PoseEstimatorPool}: the pose models are loaded once per
     * concurrent run and kept for the next video until the executor is closed.
     */
    public RunExecutor(StudyStore store, Options options) {
        this(store, options, new PoseEstimatorPool());
    }

    private RunExecutor(StudyStore store, Options options, PoseEstimatorPool pool) {
        // One recording: as before the pose cache existed (its result folder and the data folder unchanged). A
        // session of several: poses cached, so a resumed or re-run session poses only the clips it has not seen.
        this(store, options, (input, outDir, settings, metadata, progress) -> Analysis.run(input, outDir, settings,
                metadata, pool, progress),
                (inputs, outDir, settings, metadata, progress) -> PooledAnalysis.run(inputs, outDir, settings,
                        metadata, pool, poseCache(store), progress), pool);
    }

    /** An executor running {@code analyzer} and {@code sessionAnalyzer} (tests substitute the analysis). */
    public RunExecutor(StudyStore store, Options options, Analyzer analyzer, SessionAnalyzer sessionAnalyzer) {
        this(store, options, analyzer, sessionAnalyzer, null);
    }

    private RunExecutor(StudyStore store, Options options, Analyzer analyzer, SessionAnalyzer sessionAnalyzer,
            PoseEstimatorPool pool) {
        this.pool = pool;
        this.sessionAnalyzer = Objects.requireNonNull(sessionAnalyzer, "sessionAnalyzer");
        this.store = Objects.requireNonNull(store, "store");
        this.folders = new RunFolders(store.dataDir());
        this.options = Objects.requireNonNull(options, "options");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gaitlens-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    public StudyStore store() {
        return store;
    }

    /**
     * Where the poses of the videos of pooled sessions are kept between runs ({@value #POSE_CACHE_DIR} in the data
     * folder), so a session re-run with one clip added, or a run resumed after a crash, does not run the pose model
     * again on the clips it has seen. Deleting the folder clears it.
     */
    static PoseCache poseCache(StudyStore store) {
        return PoseCache.at(store.dataDir().resolve(POSE_CACHE_DIR));
    }

    // ------------------------------------------------------------------ execution

    /**
     * Runs a claimed run end to end (see the class comment). Never throws for a bad recording: the outcome carries
     * the failure. Throws only when the store itself fails while recording the outcome.
     */
    public Outcome execute(AnalysisRun claimed, ProgressListener progress) {
        if (claimed.status() != RunStatus.RUNNING) {
            throw new IllegalArgumentException("run " + claimed.id() + " must be claimed (RUNNING), was " + claimed.status());
        }
        long t0 = System.nanoTime();
        Path tmp = folders.tempDir(claimed);
        ScheduledFuture<?> beat = startHeartbeat(claimed);
        try {
            folders.removeAttempts(claimed.id());
            Files.createDirectories(tmp);
            List<Recording> recs = store.runs().recordingIds(claimed.id()).stream()
                    .map(id -> store.recordings().get(id)).toList();
            Recording rec = recs.get(0);
            RunSettings settings = RunSettings.fromJson(claimed.settingsJson());
            Path input = store.recordings().resolve(rec);
            Analysis.Settings analysisSettings = settings.toAnalysisSettings(options.threadsPerRun(),
                    options.modelsDir());
            Analyzed analysed = recs.size() == 1
                    ? Analyzed.of(analyzer.analyze(input, tmp, analysisSettings, metadata(rec, input), progress))
                    : Analyzed.of(sessionAnalyzer.analyze(recs.stream().map(store.recordings()::resolve).toList(),
                            tmp, analysisSettings, metadata(rec, input), progress));
            beat.cancel(false);
            Path finalDir = publish(claimed, rec, tmp, analysed.metrics(), analysed.strides());
            LOG.info("run {} done: {} ({} frames)", claimed.id(), finalDir, analysed.frames());
            return new Outcome(store.runs().get(claimed.id()), Optional.empty(), Optional.of(finalDir),
                    analysed.frames(), seconds(t0), false, analysed.notes());
        } catch (RunStateException e) {
            LOG.warn("run {}: claim lost, result dropped: {}", claimed.id(), e.getMessage());
            return new Outcome(store.runs().get(claimed.id()), Optional.of("claim lost: " + e.getMessage()),
                    Optional.empty(), 0, seconds(t0), false);
        } catch (GaitlensException e) {
            LOG.info("run {} failed: {}", claimed.id(), e.getMessage());
            return fail(claimed, e.getMessage(), t0, e.exitCode() == 3);
        } catch (IOException | RuntimeException e) {
            // The trial boundary: an unforeseen error in one recording must not stop the batch.
            LOG.warn("run " + claimed.id() + " failed with an unexpected error", e);
            return fail(claimed, "unexpected error: " + e, t0, false);
        } finally {
            beat.cancel(false);
            RunFolders.deleteQuietly(tmp);
        }
    }

    /**
     * Renames a finished temporary folder to the run's result folder and stores its results and artifacts with
     * the run's DONE status in one transaction; the folder is removed again when storing fails.
     *
     * @return the result folder
     */
    private Path publish(AnalysisRun claimed, Recording rec, Path tmp, List<MetricValue> metrics,
            List<StrideValue> strides) throws IOException {
        String rel = resultPath(rec, claimed);
        Path finalDir = folders.publish(tmp, rel);
        try {
            store.runs().complete(claimed, new RunResults(
                    Files.readString(finalDir.resolve(SessionAnalysis.SUMMARY_JSON)), metrics, strides,
                    RunFolders.artifacts(finalDir, rel)));
        } catch (RuntimeException | IOException e) {
            RunFolders.deleteTree(finalDir);
            throw e;
        }
        return finalDir;
    }

    /**
     * The private folder of a claimed run's current attempt ({@code DATA/.tmp-runs/run<ID>.a<ATTEMPT>/}), created
     * empty: an engine that analysed the recording elsewhere puts the session folder's files here, then calls
     * {@link #complete}.
     */
    public Path tempDir(AnalysisRun claimed) throws IOException {
        Path tmp = folders.tempDir(claimed);
        folders.removeAttempts(claimed.id());
        Files.createDirectories(tmp);
        return tmp;
    }

    /**
     * Stores a claimed run analysed by another engine: {@link #tempDir} holds the session folder the analysis
     * wrote, {@code metrics} and {@code strides} its rows ({@link RunResultsMapper}). As steps 2 and 3 of
     * {@link #execute}: the folder is renamed to the result folder and everything is stored in one transaction.
     * Never throws for a storing failure of this run: the outcome carries it (the run is then marked failed).
     *
     * @param frames video frames the analysis read (0 for other inputs)
     * @param wallS  seconds the analysis took
     */
    public Outcome complete(AnalysisRun claimed, List<MetricValue> metrics, List<StrideValue> strides, int frames,
            double wallS) {
        Path tmp = folders.tempDir(claimed);
        try {
            Path finalDir = publish(claimed, store.recordings().get(claimed.recordingId()), tmp, metrics, strides);
            LOG.info("run {} done: {} ({} frames)", claimed.id(), finalDir, frames);
            return new Outcome(store.runs().get(claimed.id()), Optional.empty(), Optional.of(finalDir), frames, wallS,
                    false);
        } catch (RunStateException e) {
            LOG.warn("run {}: claim lost, result dropped: {}", claimed.id(), e.getMessage());
            return new Outcome(store.runs().get(claimed.id()), Optional.of("claim lost: " + e.getMessage()),
                    Optional.empty(), 0, wallS, false);
        } catch (GaitlensException e) {
            return fail(claimed, e.getMessage(), wallS, e.exitCode() == 3);
        } catch (IOException | RuntimeException e) {
            LOG.warn("run " + claimed.id() + ": cannot store its results", e);
            return fail(claimed, "cannot store the results: " + e, wallS, false);
        } finally {
            RunFolders.deleteQuietly(tmp);
        }
    }

    /**
     * Marks a claimed run failed with a reason (an engine that analysed it elsewhere and saw the recording fail).
     *
     * @param wallS seconds the attempt took
     */
    public Outcome fail(AnalysisRun claimed, String message, double wallS) {
        return fail(claimed, message, wallS, false);
    }

    private Outcome fail(AnalysisRun claimed, String message, long t0, boolean setup) {
        return fail(claimed, message, seconds(t0), setup);
    }

    private Outcome fail(AnalysisRun claimed, String message, double wallS, boolean setup) {
        String m = message == null || message.isBlank() ? "failed without a message" : message;
        try {
            return new Outcome(store.runs().fail(claimed, m), Optional.of(m), Optional.empty(), 0, wallS, setup);
        } catch (RunStateException e) {
            return new Outcome(store.runs().get(claimed.id()), Optional.of("claim lost: " + e.getMessage()),
                    Optional.empty(), 0, wallS, false);
        }
    }

    private ScheduledFuture<?> startHeartbeat(AnalysisRun claimed) {
        long ms = options.heartbeatInterval().toMillis();
        return heartbeats.scheduleAtFixedRate(() -> {
            try {
                store.runs().heartbeat(claimed);
            } catch (RunStateException e) {
                LOG.warn("run {}: {}", claimed.id(), e.getMessage());
                throw e; // cancels further heartbeats of this run; completing it will report the lost claim
            } catch (RuntimeException e) {
                LOG.warn("run {}: heartbeat failed ({}); will retry", claimed.id(), e.getMessage());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Patient, date and label of the recording's session, for the report. */
    public SessionMetadata metadata(Recording rec) {
        return metadata(rec, store.recordings().resolve(rec));
    }

    /** Patient, date and label of the recording's session for the report; defaults when it has none. */
    private SessionMetadata metadata(Recording rec, Path input) {
        if (rec.sessionId().isEmpty()) {
            return SessionMetadata.withDefaults(null, null, null, input);
        }
        SessionRecord s = store.sessions().get(rec.sessionId().getAsLong());
        Patient p = store.patients().get(s.patientId());
        return new SessionMetadata(p.pseudonym(), s.date(), s.label());
    }

    /** {@code results/PATIENT/DATE_label/NAME.run<ID>}, or {@code results/unassigned/NAME.run<ID>}. */
    private String resultPath(Recording rec, AnalysisRun run) {
        if (rec.sessionId().isEmpty()) {
            return RunFolders.resultPath(null, null, null, rec.path(), run.id());
        }
        SessionRecord s = store.sessions().get(rec.sessionId().getAsLong());
        Patient p = store.patients().get(s.patientId());
        return RunFolders.resultPath(p.pseudonym(), s.date(), s.label(), rec.path(), run.id());
    }

    // ------------------------------------------------------------------ recovery

    /**
     * Removes temporary folders of runs no worker is executing any more (killed processes, failed moves).
     *
     * @return how many were removed
     */
    public int sweepTempFolders() {
        return folders.sweep(runId -> store.runs().list(RunStatus.RUNNING).stream()
                .filter(r -> r.id() == runId).map(AnalysisRun::attempts).findFirst());
    }

    /**
     * Puts back in the queue the runs whose worker is gone: workers on this machine whose process no longer
     * exists (at once), and any worker without a heartbeat for {@code staleAfter}.
     *
     * @return how many runs were re-queued
     */
    public int requeueAbandoned(Duration staleAfter) {
        int n = store.runs().requeueStale(Instant.now().minus(staleAfter));
        for (AnalysisRun r : store.runs().list(RunStatus.RUNNING)) {
            if (WorkerIds.isDeadLocalWorker(r.worker().orElse("")) && store.runs().requeueAbandoned(r)) {
                LOG.info("run {}: worker {} is gone; run re-queued", r.id(), r.worker().orElse("?"));
                n++;
            }
        }
        return n;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Stops the heartbeat thread and frees the pose estimators kept. The store stays open (the caller owns it). */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        if (pool != null) {
            pool.close();
        }
    }
}
