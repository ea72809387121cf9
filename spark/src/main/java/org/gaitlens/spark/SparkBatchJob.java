package org.gaitlens.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.gaitlens.batch.BatchDiscovery;
import org.gaitlens.batch.BatchEngine;
import org.gaitlens.batch.BatchItem;
import org.gaitlens.batch.BatchJob;
import org.gaitlens.batch.BatchListener;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.EngineUnavailableException;
import org.gaitlens.batch.ItemOutcome;
import org.gaitlens.batch.RunExecutor;
import org.gaitlens.batch.RunQueue;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.batch.WorkerIds;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StudyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of one Spark batch (docs/spark.md): it lists the clips ({@link BatchDiscovery}, through Hadoop for
 * {@code hdfs://} and {@code s3a://} input), queues each in the study store as the local batch does ({@link RunQueue}:
 * a run per content and settings, so clips whose run is done are skipped), claims the queued runs, has Spark run one
 * task per clip ({@link ClipAnalysis}), writes the rows as Parquet ({@link ResultWriter}) and ingests them into the
 * store ({@link ResultIngest}). Only the driver touches the store; executors see {@link ClipTask}s.
 */
final class SparkBatchJob implements BatchJob {
    private static final Logger LOG = LoggerFactory.getLogger(SparkBatchJob.class);
    /** Attempts per task under the default {@code local[N,M]} master (plain {@code local[N]} never retries). */
    static final int LOCAL_TASK_ATTEMPTS = 2;
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final BatchEngine.Request request;
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private volatile String stopReason;
    private SparkSession spark;
    private HadoopInputFiles remote;

    SparkBatchJob(BatchEngine.Request request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    /** The Spark session, started on first use (its start-up is the {@code start} phase). */
    SparkSession spark() {
        if (spark == null) {
            long t0 = System.nanoTime();
            SparkConf conf = new SparkConf().setAppName("gaitlens batch");
            request.conf().forEach(conf::set);
            request.master().ifPresent(conf::setMaster);
            if (!conf.contains("spark.master")) {
                conf.setMaster("local[" + request.workers() + "," + LOCAL_TASK_ATTEMPTS + "]");
            }
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
            conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic");
            try {
                spark = SparkSession.builder().config(conf).getOrCreate();
            } catch (RuntimeException e) {
                throw new EngineUnavailableException("cannot start Spark (master " + conf.get("spark.master")
                        + "): " + e.getMessage(), e);
            }
            phases.put("start", seconds(t0));
        }
        return spark;
    }

    @Override
    public BatchDiscovery.Result discover() {
        long t0 = System.nanoTime();
        try {
            String in = request.input();
            if (!in.contains("://") && !in.startsWith("file:")) {
                return BatchDiscovery.discover(Path.of(in));
            }
            URI u = URI.create(in);
            if ("file".equalsIgnoreCase(u.getScheme())) {
                return BatchDiscovery.discover(Path.of(u));
            }
            remote = new HadoopInputFiles(u, spark().sparkContext().hadoopConfiguration());
            return BatchDiscovery.discover(remote, Path.of(u.getPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + request.input(), e);
        } finally {
            phases.merge("list", seconds(t0), Double::sum);
        }
    }

    @Override
    public BatchReport run(List<BatchItem> items, RunSettings base, BatchListener listener) {
        long t0 = System.nanoTime();
        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        SparkSession s = spark();
        int parallelism = s.sparkContext().defaultParallelism();
        listener.batchStarted(items.size(), parallelism);
        try (StudyStore store = StudyStore.open(request.store());
                RunExecutor executor = new RunExecutor(store, new RunExecutor.Options(request.modelsDir(),
                        request.threadsPerRun(), HEARTBEAT))) {
            long tq = System.nanoTime();
            Map<Integer, Claim> claims = queue(store, executor, items, base, outcomes, listener);
            phases.put("queue", seconds(tq));
            if (!claims.isEmpty()) {
                analyse(store, executor, claims, outcomes, listener);
            }
        }
        List<ItemOutcome> list = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            list.add(outcomes[i] != null ? outcomes[i] : new ItemOutcome(items.get(i), ItemOutcome.Status.NOT_STARTED,
                    OptionalLong.empty(), Optional.ofNullable(stopReason).orElse("not started"), 0, 0));
        }
        return new BatchReport(list, parallelism, seconds(t0), Optional.ofNullable(stopReason));
    }

    /** A claimed run, its task and the note its outcome carries. */
    record Claim(BatchItem item, AnalysisRun run, ClipTask task, Optional<String> note) {
    }

    /** Queues every item and claims the runs to analyse; the others get their outcome now. */
    private Map<Integer, Claim> queue(StudyStore store, RunExecutor executor, List<BatchItem> items, RunSettings base,
            ItemOutcome[] outcomes, BatchListener listener) {
        RunQueue queue = new RunQueue(store);
        String worker = WorkerIds.of("spark-" + spark().sparkContext().applicationId());
        URI out = outputUri(store);
        Map<Integer, Claim> claims = new LinkedHashMap<>();
        for (int i = 0; i < items.size() && stopReason == null; i++) {
            BatchItem item = items.get(i);
            try {
                RunQueue.Prepared p = prepare(queue, item, base);
                Optional<String> note = p.sameContentNote();
                RunQueue.Decision d = queue.decide(p, request.retryFailed());
                Optional<ItemOutcome> now = d.outcome();
                Optional<AnalysisRun> claimed = Optional.empty();
                if (now.isEmpty() && d.run().status() == RunStatus.QUEUED) {
                    claimed = store.runs().claim(d.run().id(), worker);
                }
                if (claimed.isPresent()) {
                    claims.put(i, new Claim(item, claimed.get(), task(store, executor, claimed.get(), p.recording(),
                            out), note));
                    continue;
                }
                ItemOutcome o = now.orElseGet(() -> new ItemOutcome(item, ItemOutcome.Status.FAILED,
                        OptionalLong.of(d.run().id()), "held by another worker (run " + d.run().id()
                        + "): run the batch again once it has finished", 0, 0));
                outcomes[i] = note.map(o::withNote).orElse(o);
            } catch (GaitlensException | IllegalArgumentException | UncheckedIOException | IOException e) {
                outcomes[i] = new ItemOutcome(item, ItemOutcome.Status.FAILED, OptionalLong.empty(), e.getMessage(), 0,
                        0);
            }
            listener.itemFinished(outcomes[i]);
        }
        return claims;
    }

    private RunQueue.Prepared prepare(RunQueue queue, BatchItem item, RunSettings base) throws IOException {
        if (item.pooled()) {
            // one task per clip runs the per-clip pipeline; a pooled session needs all its clips in one analysis
            throw new InvalidInputException(item.displayName() + ": a session of several clips (the manifest's "
                    + "session column) is analysed by the local engine; run this batch without --engine spark, or "
                    + "give the clips one row each (docs/spark.md)");
        }
        if (remote == null) {
            return queue.prepare(item, base);
        }
        return queue.prepare(item, base, remote.uri(item.video()), remote.sha256(item.video()), () -> "{}");
    }

    private ClipTask task(StudyStore store, RunExecutor executor, AnalysisRun run, Recording rec, URI out) {
        String location = rec.path().contains("://") ? rec.path() : store.recordings().resolve(rec).toUri().toString();
        SessionMetadata meta = executor.metadata(rec);
        return new ClipTask(ResultLayout.key(rec.sha256(), run.settingsHash()), location, rec.sha256(), run.id(),
                rec.id(), rec.path(), rec.view(), meta.patientId(), meta.sessionDate().toString(), meta.label(),
                run.settingsJson(), run.settingsHash(), run.softwareVersion(), request.threadsPerRun(),
                request.modelsDir().toAbsolutePath().toString(), out.toString());
    }

    private URI outputUri(StudyStore store) {
        String o = request.output().orElse(store.dataDir().resolve("spark").toAbsolutePath().toUri().toString());
        return o.contains(":") ? URI.create(o) : Path.of(o).toAbsolutePath().toUri();
    }

    /** One task per claimed clip, then the Parquet tables, then the ingest; heartbeats keep the claims alive. */
    private void analyse(StudyStore store, RunExecutor executor, Map<Integer, Claim> claims, ItemOutcome[] outcomes,
            BatchListener listener) {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gaitlens-spark-heartbeat");
            t.setDaemon(true);
            return t;
        });
        List<AnalysisRun> held = claims.values().stream().map(Claim::run).toList();
        beats.scheduleAtFixedRate(() -> {
            try {
                store.runs().heartbeatAll(held);
            } catch (RuntimeException e) {
                LOG.warn("cannot renew the claims: {}", e.getMessage());
            }
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            claims.values().forEach(c -> listener.itemStarted(c.item()));
            List<ClipTask> tasks = claims.values().stream().map(Claim::task).toList();
            ResultLayout layout = new ResultLayout(URI.create(tasks.get(0).outputUri()));
            String crash = spark().conf().get(ClipAnalysis.CRASH_ONCE_CONF, "");
            long ta = System.nanoTime();
            JavaRDD<ClipOutcome> results = new JavaSparkContext(spark().sparkContext())
                    .parallelize(new ArrayList<>(tasks), tasks.size())
                    .map(t -> ClipAnalysis.run(t, crash))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            List<ClipOutcome> statuses = results.map(ClipOutcome::withoutRows).collect();
            phases.put("analyse", seconds(ta));
            long tw = System.nanoTime();
            new ResultWriter(spark(), layout).write(results, tasks);
            results.unpersist(false);
            phases.put("write", seconds(tw));
            long ti = System.nanoTime();
            new ResultIngest(spark(), layout, executor).ingest(claims, statuses, outcomes, listener);
            phases.put("ingest", seconds(ti));
        } finally {
            beats.shutdownNow();
        }
    }

    @Override
    public void requestStop(String reason) {
        stopReason = reason; // a Spark job, once submitted, runs to its end: only queueing stops
    }

    @Override
    public Map<String, Double> phaseSeconds() {
        return Map.copyOf(phases);
    }

    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
