package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gaitlens.bench.BatchBenchmark;
import org.gaitlens.batch.BatchItem;
import org.gaitlens.batch.BatchRunner;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.bench.Benchmark;
import org.gaitlens.bench.EngineBenchmark;
import org.gaitlens.core.Json;
import org.gaitlens.pose.PoseModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitlens bench VIDEO}: stage throughput as frames per second and multiples of real time;
 * {@code gaitlens bench --batch FOLDER}: batch throughput as a multiple of single-video pose-only throughput.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure decoding, pose estimation (per model) and the whole pose job on one video.",
            "Rates are frames per second and multiples of the video's real-time rate, measured in one run",
            "(median of --repeat runs, the stages taking turns).",
            "With --batch FOLDER: pose-only frames/s (full model, 1 inference thread, frames in memory) over the "
                    + "folder's videos, then the real batch over them (defaults, then --no-video) in a fresh data "
                    + "folder: videos/min, frames/s and the ratio to pose-only. See docs/batch.md."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", arity = "0..1", description = "Video to measure on (not with --batch).")
    Path video;

    @Option(names = "--batch", paramLabel = "FOLDER",
            description = "Measure batch throughput over the videos in FOLDER (directly in it, or in the batch folder "
                    + "layout) instead of one video's stages.")
    Path batchFolder;

    @Option(names = "--workers", paramLabel = "N",
            description = "With --batch: batch workers (default: the batch's default, one per core within the heap).")
    Integer workers;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "With --batch: compare the local batch with this batch engine (spark: Spark in local mode; "
                    + "docs/spark.md) instead of measuring pose-only and the batch.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master (default local[N], N = --workers).")
    String master;

    @Option(names = "--models", split = ",", defaultValue = "lite,full,heavy",
            description = "Models to time pose-only (default: ${DEFAULT-VALUE}).")
    List<String> models = new ArrayList<>();

    @Option(names = "--frames", defaultValue = "900",
            description = "At most this many frames are held in memory for the pose-only runs, so that they see the "
                    + "same frames as the whole job (default: ${DEFAULT-VALUE}, ~2.7 MB per 720p frame).")
    int frames;

    @Option(names = "--threads", defaultValue = "2", description = PoseCommand.THREADS_HELP)
    int threads;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Runs of every measurement after decoding; the median is reported, with the fastest and "
                    + "slowest (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for bench.json and the scratch output of the job runs (default: reports/bench/).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (batchFolder != null) {
            if (video != null) {
                throw new InvalidInputException("give either VIDEO or --batch FOLDER, not both");
            }
            return batch();
        }
        if (workers != null) {
            throw new InvalidInputException("--workers applies to --batch only");
        }
        if (video == null) {
            throw new InvalidInputException("give a VIDEO, or --batch FOLDER");
        }
        if (!Files.isRegularFile(video)) {
            throw new InvalidInputException(video + ": file not found");
        }
        Path outDir = out != null ? out : CliPaths.reportsRoot().resolve("bench");
        List<PoseModel> ms = new ArrayList<>();
        for (String m : models) {
            ms.add(AnalysisOptions.parseModel(m));
        }
        ConsoleProgress progress = new ConsoleProgress(System.err, "bench");
        Benchmark.Report r = Benchmark.run(video,
                new Benchmark.Settings(ms, frames, threads, CliPaths.modelsDir(), outDir.resolve("scratch"),
                        repeats), progress);
        progress.finishLine();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %dx%d, %.2f fps, %.1f s, %d cores available%n", video.getFileName(),
                r.info().widthPx(), r.info().heightPx(), r.info().frameRateHz(), r.info().durationS(),
                Runtime.getRuntime().availableProcessors());
        o.printf(Locale.ROOT, "%-42s %7s %8s %9s %10s  %s%n", "stage", "frames", "wall s", "frames/s", "x realtime",
                "runs: frames/s slowest-fastest");
        for (Benchmark.Line l : r.lines()) {
            double slowest = l.runsWallS().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double fastest = l.runsWallS().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            o.printf(Locale.ROOT, "%-42s %7d %8.2f %9.1f %10.2f  %d: %.1f-%.1f%n", l.name(), l.frames(), l.wallS(),
                    l.framesPerSecond(), l.realTimeFactor(), l.runsWallS().size(), l.frames() / slowest,
                    l.frames() / fastest);
        }
        o.printf(Locale.ROOT, "pose job (--no-video) / pose-only, full model: %.0f %%%n", 100 * r.poseJobVsPoseOnly());
        Files.createDirectories(outDir);
        Path json = outDir.resolve("bench.json");
        Json.write(json, r);
        o.println("written: " + json);
        o.flush();
        return 0;
    }

    private int batch() {
        for (String o : List.of("--models", "--threads", "--frames", "--repeat")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new InvalidInputException(o + " does not apply to --batch: the batch bench uses the batch's "
                        + "defaults (full model, 1 inference thread per worker)");
            }
        }
        if (workers != null && workers < 1) {
            throw new InvalidInputException("--workers must be >= 1");
        }
        if (master != null && engine == null) {
            throw new InvalidInputException("--master applies to --engine only");
        }
        Path outDir = out != null ? out : CliPaths.reportsRoot().resolve("bench");
        List<BatchItem> items = BatchBenchmark.items(batchFolder);
        PrintWriter o = spec.commandLine().getOut();
        if (engine != null) {
            return engines(items, outDir, o);
        }
        if (items.size() < 8) {
            o.printf("note: %d video(s); issue #6 asks for at least 8%n", items.size());
        }
        ConsoleProgress progress = new ConsoleProgress(System.err, "bench");
        BatchBenchmark.Report r = BatchBenchmark.run(batchFolder, items, new BatchBenchmark.Settings(
                workers != null ? workers : BatchRunner.defaultWorkers(), 900, CliPaths.modelsDir(),
                outDir.resolve("scratch")), progress);
        progress.finishLine();
        o.printf(Locale.ROOT, "%s: %d videos, %d cores available, load average %.2f before, %.2f after%n",
                batchFolder, r.videos().size(), r.cores(), r.loadAverageStart(), r.loadAverageEnd());
        BatchBenchmark.PoseOnly p = r.poseOnly();
        o.printf(Locale.ROOT, "%-44s %7s %8s %8s %9s %10s %6s %9s %12s%n", "run", "frames", "wall s", "cpu s",
                "frames/s", "videos/min", "ratio", "cpu ratio", "s/video>pose");
        o.printf(Locale.ROOT, "%-44s %7d %8.2f %8.2f %9.1f %10s %6s %9s %12s%n",
                "pose only, " + p.model() + ", 1 thread", p.frames(), p.wallS(), p.cpuS(), p.framesPerSecond(),
                "-", "1.00", "1.00", "-");
        for (BatchBenchmark.BatchLine l : r.batches()) {
            o.printf(Locale.ROOT, "%-44s %7d %8.2f %8.2f %9.1f %10.2f %6.2f %9.2f %12.2f%n",
                    l.name() + ", " + l.workers() + " workers", l.frames(), l.wallS(), l.cpuS(), l.framesPerSecond(),
                    l.videosPerMinute(), l.ratioToPoseOnly(), l.cpuBoundRatio(), l.itemWallBeyondPoseS());
            if (l.failed() > 0 || l.done() < l.items()) {
                o.printf("  %d of %d videos analysed, %d failed (see the log)%n", l.done(), l.items(), l.failed());
            }
        }
        o.println("ratio = batch frames/s / pose-only frames/s; cpu ratio = the ratio if the batch kept its cores busy "
                + "(from CPU seconds; an idle machine's upper bound); s/video>pose = worker seconds per video beyond "
                + "pose-only inference of its frames");
        if (r.loadAverageStart() > 0.5) {
            // The end value counts the batch's own workers and decoding threads, so only the start one can tell.
            o.printf(Locale.ROOT, "note: the 1-minute load average was %.1f at the start (work that just ended counts "
                    + "too): if other work was running, wall-clock rates and ratios are not an idle machine's%n",
                    r.loadAverageStart());
        }
        write(outDir.resolve("bench-batch.json"), r, o);
        return r.batches().stream().allMatch(l -> l.done() == l.items()) ? 0 : 1;
    }

    /** {@code --batch FOLDER --engine NAME}: the local batch, then the engine ({@link EngineBenchmark}). */
    private int engines(List<BatchItem> items, Path outDir, PrintWriter o) {
        ConsoleProgress progress = new ConsoleProgress(System.err, "bench");
        EngineBenchmark.Report r = EngineBenchmark.run(batchFolder, items, engine, Optional.ofNullable(master),
                workers != null ? workers : BatchRunner.defaultWorkers(), CliPaths.modelsDir(),
                outDir.resolve("scratch"), progress);
        progress.finishLine();
        o.printf(Locale.ROOT, "%s: %d videos, %.2f min of video, %d cores available, load average %.2f before%n",
                batchFolder, items.size(), r.videoMinutes(), r.cores(), r.loadAverageStart());
        o.printf(Locale.ROOT, "%-28s %5s %8s %8s %10s %14s  %s%n", "engine (--no-video)", "done", "wall s", "cpu s",
                "videos/min", "cpu s/video-min", "phases (s)");
        for (EngineBenchmark.EngineLine l : r.lines()) {
            StringBuilder phases = new StringBuilder();
            l.phasesS().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> phases.append(
                    String.format(Locale.ROOT, "%s %.1f  ", e.getKey(), e.getValue())));
            o.printf(Locale.ROOT, "%-28s %5d %8.2f %8.2f %10.2f %14.1f  %s%n", l.engine() + ", " + l.workers()
                    + " workers", l.done(), l.wallS(), l.cpuS(), l.videosPerMinute(), l.cpuSPerVideoMinute(),
                    phases.toString().strip());
        }
        o.println("cpu s/video-min = CPU seconds of this process per minute of video analysed (in local mode Spark's "
                + "executors run in this process); start = Spark's fixed start-up");
        if (r.loadAverageStart() > 0.5) {
            o.printf(Locale.ROOT, "note: the 1-minute load average was %.1f at the start: other work shared the "
                    + "machine, so wall-clock rates are not an idle machine's (CPU seconds are less affected)%n",
                    r.loadAverageStart());
        }
        write(outDir.resolve("bench-engines.json"), r, o);
        return r.lines().stream().allMatch(l -> l.done() == l.items()) ? 0 : 1;
    }

    /** Writes a batch bench's report as JSON (creating its folder) and says where. */
    private static void write(Path json, Object report, PrintWriter o) {
        try {
            Files.createDirectories(json.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + json.getParent(), e);
        }
        Json.write(json, report);
        o.println("written: " + json);
        o.flush();
    }
}
