package org.gaitlens.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.pipeline.PooledAnalysis;
import org.gaitlens.pipeline.PoseCache;
import org.gaitlens.core.Json;
import org.gaitlens.pipeline.SessionAnalysis;
import org.gaitlens.pose.PoseEstimatorPool;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.Patient;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunResults;
import org.gaitlens.store.RunStateException;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;
import org.gaitlens.video.VideoProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes queued analysis runs of a study store, one claimed run at a time, for any front end (the batch runner,
 * the web app). Thread-safe: several workers share one executor.
 *
 * <p>{@link #prepare} puts an item's files into the store (patient, and each recording through the
 * {@link RecordingIntake}) and queues their run with the given settings (one recording, or the clips of a session
 * pooled), or finds the run that exists. {@link #execute} runs a claimed run end to end (a pooled run through
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
 * <p>Longer than most files: queueing, the crash-safe execution and the recovery of dead workers' runs share the
 * run's life cycle and read best together; what an analysis gives the store is in {@link Analyzed}.
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
     * The recordings of an item in the store and their run with the requested settings.
     *
     * @param intakes what the intake found for each distinct recording, in session order: the recording (added, or
     *                the patient's stored one with the same content) and its session
     * @param run     their run: queued when new, else as it stands (done, failed, running, queued)
     * @param notes   what the user should know: files given twice (one recording, counted once)
     */
    public record Prepared(List<RecordingIntake.Result> intakes, AnalysisRun run, List<String> notes) {
        public Prepared {
            intakes = List.copyOf(intakes);
            notes = List.copyOf(notes);
        }

        /** What the intake found for the (first) recording. */
        public RecordingIntake.Result intake() {
            return intakes.get(0);
        }

        /** The (first) recording analysed. */
        public Recording recording() {
            return intake().recording();
        }
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
    private final RecordingIntake intake;
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
        this.intake = new RecordingIntake(store);
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

    // ------------------------------------------------------------------ queueing

    /**
     * Puts a batch item into the store through the {@link RecordingIntake} (the patient created when missing, with
     * the item's height) and queues its run, or finds the run that exists. A file whose content the patient already
     * has is not added again: its stored recording is used ({@link Prepared#intake} says in which session).
     *
     * @throws org.gaitlens.core.InvalidInputException when the file does not exist, or another patient holds its
     *                                                 content
     * @throws IllegalArgumentException when the item's settings are invalid
     * @throws UncheckedIOException     when the file cannot be read
     */
    public Prepared prepare(BatchItem item, RunSettings base) {
        RunSettings settings = item.settings(base);
        for (Path file : item.videos()) {
            if (!Files.isRegularFile(file)) {
                throw new org.gaitlens.core.InvalidInputException(file + ": file not found");
            }
        }
        settings = settings.resolvedFor(InputKind.of(item.video()));
        Patient patient = store.patients().find(item.patient()).orElseGet(() -> {
            try {
                return store.patients().create(item.patient(), item.heightCm(), Optional.empty(), "");
            } catch (DuplicateRecordException e) {
                return store.patients().require(item.patient());
            }
        });
        List<RecordingIntake.Result> intakes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path file : item.videos()) {
            RecordingIntake.Result in = intake.register(file, patient.id(), item.sessionDate(), item.label(),
                    item.view(), () -> videoInfoJson(file));
            if (in.kind() == RecordingIntake.Kind.OTHER_PATIENT) {
                throw new org.gaitlens.core.InvalidInputException(file + ": the same content is already stored for "
                        + "patient " + store.patients().get(in.session().patientId()).pseudonym() + " ("
                        + in.session().date() + " " + in.session().label() + "); a recording belongs to one patient, "
                        + "so it is not added to " + patient.pseudonym() + ". Check the file, or move it to that "
                        + "patient's folder.");
            }
            Optional<RecordingIntake.Result> same = intakes.stream()
                    .filter(r -> r.recording().id() == in.recording().id()).findFirst();
            if (same.isPresent()) {
                notes.add(file.getFileName() + " is the same recording as " + Path.of(same.get().recording().path())
                        .getFileName() + " (same content): one recording, its strides counted once");
                continue;
            }
            intakes.add(in);
        }
        List<Long> ids = intakes.stream().map(r -> r.recording().id()).toList();
        AnalysisRun run = store.runs().enqueue(ids, settings.toJson(),
                settings.hash(intakes.stream().map(r -> r.recording().sha256()).toList()), settings.softwareVersion());
        return new Prepared(intakes, run, notes);
    }

    /** What the container says about a video, as compact JSON; {@code {}} for other files and unreadable videos. */
    private static String videoInfoJson(Path file) {
        try {
            if (InputKind.of(file) != InputKind.VIDEO) {
                return "{}";
            }
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(VideoProbe.probe(file));
        } catch (GaitlensException | JsonProcessingException e) {
            // The run will fail with the decoder's message; the recording is still worth recording.
            return "{}";
        }
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
            String rel = resultPath(rec, claimed);
            Path finalDir = folders.publish(tmp, rel);
            AnalysisRun done;
            try {
                RunResults results = new RunResults(Files.readString(finalDir.resolve(SessionAnalysis.SUMMARY_JSON)),
                        analysed.metrics(), analysed.strides(), RunFolders.artifacts(finalDir, rel));
                done = store.runs().complete(claimed, results);
            } catch (RuntimeException | IOException e) {
                RunFolders.deleteTree(finalDir);
                throw e;
            }
            LOG.info("run {} done: {} ({} frames)", claimed.id(), finalDir, analysed.frames());
            return new Outcome(done, Optional.empty(), Optional.of(finalDir), analysed.frames(), seconds(t0), false,
                    analysed.notes());
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

    private Outcome fail(AnalysisRun claimed, String message, long t0, boolean setup) {
        String m = message == null || message.isBlank() ? "failed without a message" : message;
        try {
            return new Outcome(store.runs().fail(claimed, m), Optional.of(m), Optional.empty(), 0, seconds(t0), setup);
        } catch (RunStateException e) {
            return new Outcome(store.runs().get(claimed.id()), Optional.of("claim lost: " + e.getMessage()),
                    Optional.empty(), 0, seconds(t0), false);
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
