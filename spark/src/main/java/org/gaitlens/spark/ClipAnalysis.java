package org.gaitlens.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.gaitlens.batch.RunFolders;
import org.gaitlens.batch.RunResultsMapper;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pose.PoseEstimatorPool;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StrideValue;

/**
 * What a Spark task does with one clip, in the executor's JVM: the existing per-clip pipeline ({@link Analysis#run})
 * into a local scratch folder, the session folder published under the job's output (copied to a task-attempt
 * folder, then renamed into place: a retried or speculative attempt replaces it whole), and the clip's rows.
 *
 * <p>A clip that fails in the pipeline (corrupt video, no walker, too few strides: a {@link GaitlensException} or
 * another runtime error, as the local batch treats them) becomes a failed outcome; only a task that dies (an
 * {@link Error}, a lost executor, {@link #CRASH_ONCE_CONF}) fails the task, and Spark retries it.
 */
final class ClipAnalysis {
    /**
     * Test hook (a Spark setting): the file name of a clip whose task's first attempt crashes after the analysis,
     * before it returns, so that tests see Spark retry it and keep one result.
     */
    static final String CRASH_ONCE_CONF = "spark.gaitlens.test.crashOnce";

    /** The pose estimators of this executor JVM: loaded once, kept between tasks, never serialised. */
    private static final class Pool {
        static final PoseEstimatorPool INSTANCE = new PoseEstimatorPool();
    }

    private ClipAnalysis() {
    }

    /** Analyses one clip; see the class comment. */
    static ClipOutcome run(ClipTask t, String crashOnce) {
        long t0 = System.nanoTime();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("gaitlens-clip-");
            Path input = localCopy(t, scratch);
            Path out = Files.createDirectories(scratch.resolve("out"));
            RunSettings settings = RunSettings.fromJson(t.settingsJson());
            SessionMetadata meta = new SessionMetadata(t.patient(), LocalDate.parse(t.sessionDate()), t.sessionLabel());
            Analysis.Result r = Analysis.run(input, out, settings.toAnalysisSettings(t.threads(), Path.of(t.modelsDir())),
                    meta, Pool.INSTANCE, ProgressListener.NONE);
            publish(t, out);
            crashIfAsked(t, crashOnce);
            GaitResult gait = r.session().gait();
            List<MetricValue> metrics = RunResultsMapper.metrics(gait, r.session().assessment(),
                    r.session().deviation());
            List<StrideValue> strides = RunResultsMapper.strides(gait);
            int frames = r.pose().map(p -> p.pose().frames().size()).orElse(0);
            double s = seconds(t0);
            EnumMap<ResultTables.Table, List<Row>> rows = new EnumMap<>(ResultTables.Table.class);
            rows.put(ResultTables.Table.STRIDES, ResultTables.strides(t, strides));
            rows.put(ResultTables.Table.EVENTS, ResultTables.events(t, gait));
            rows.put(ResultTables.Table.CURVES, ResultTables.curves(t, gait));
            rows.put(ResultTables.Table.METRICS, ResultTables.metrics(t, metrics));
            rows.put(ResultTables.Table.RUNS, List.of(ResultTables.run(t, true, "", frames, s)));
            return new ClipOutcome(t.key(), t.runId(), true, "", frames, s, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InjectedCrash c) {
                throw c;
            }
            String m = e instanceof GaitlensException ? e.getMessage() : "unexpected error: " + e;
            m = m == null || m.isBlank() ? "failed without a message" : m;
            double s = seconds(t0);
            EnumMap<ResultTables.Table, List<Row>> rows = new EnumMap<>(ResultTables.Table.class);
            rows.put(ResultTables.Table.FAILURES, List.of(ResultTables.failure(t, m)));
            rows.put(ResultTables.Table.RUNS, List.of(ResultTables.run(t, false, m, 0, s)));
            return new ClipOutcome(t.key(), t.runId(), false, m, 0, s, rows);
        } finally {
            if (scratch != null) {
                RunFolders.deleteQuietly(scratch);
            }
        }
    }

    /** The clip as a local file: itself for {@code file:}, else a copy in {@code scratch}. */
    private static Path localCopy(ClipTask t, Path scratch) throws IOException {
        URI u = URI.create(t.location());
        if ("file".equalsIgnoreCase(u.getScheme())) {
            return Path.of(u);
        }
        Path local = scratch.resolve(t.fileName());
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(u);
        src.getFileSystem(new Configuration()).copyToLocalFile(src, new org.apache.hadoop.fs.Path(local.toUri()));
        return local;
    }

    /** Copies the session folder to this attempt's folder under the output, then renames it into place. */
    private static void publish(ClipTask t, Path out) throws IOException {
        ResultLayout layout = new ResultLayout(URI.create(t.outputUri()));
        TaskContext tc = TaskContext.get();
        long attempt = tc == null ? 0 : tc.taskAttemptId();
        org.apache.hadoop.fs.Path tmp = layout.temporaryArtifacts(t.key(), attempt);
        org.apache.hadoop.fs.Path dst = layout.artifacts(t.key());
        FileSystem fs = tmp.getFileSystem(new Configuration());
        fs.delete(tmp, true);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(out.toUri()), tmp);
        fs.mkdirs(dst.getParent());
        fs.delete(dst, true); // an earlier attempt's folder: same clip, same settings
        if (!fs.rename(tmp, dst)) {
            throw new UncheckedIOException(new IOException("cannot rename " + tmp + " to " + dst));
        }
    }

    private static void crashIfAsked(ClipTask t, String crashOnce) {
        TaskContext tc = TaskContext.get();
        if (tc != null && tc.attemptNumber() == 0 && t.fileName().equals(crashOnce)) {
            throw new InjectedCrash("injected crash of the first attempt for " + t.fileName());
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The test hook's crash: not caught as a clip failure, so the task fails and Spark retries it. */
    static final class InjectedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedCrash(String message) {
            super(message);
        }
    }
}
