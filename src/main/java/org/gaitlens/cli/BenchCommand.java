package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.pipeline.Benchmark;
import org.gaitlens.pipeline.Json;
import org.gaitlens.pose.PoseModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitlens bench VIDEO}: stage throughput as frames per second and multiples of real time. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure decoding, pose estimation (per model) and the whole pose job on one video.",
            "Rates are frames per second and multiples of the video's real-time rate, measured in one run",
            "(median of --repeat runs, the stages taking turns)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Video to measure on.")
    Path video;

    @Option(names = "--models", split = ",", defaultValue = "lite,full,heavy",
            description = "Models to time pose-only (default: ${DEFAULT-VALUE}).")
    List<String> models = new ArrayList<>();

    @Option(names = "--frames", defaultValue = "900",
            description = "At most this many frames are held in memory for the pose-only runs, so that they see the "
                    + "same frames as the whole job (default: ${DEFAULT-VALUE}, ~2.7 MB per 720p frame).")
    int frames;

    @Option(names = "--threads", defaultValue = "2", description = "Inference threads (default: ${DEFAULT-VALUE}).")
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
        if (!Files.isRegularFile(video)) {
            throw new InvalidInputException(video + ": file not found");
        }
        Path outDir = out != null ? out : CliPaths.reportsRoot().resolve("bench");
        List<PoseModel> ms = new ArrayList<>();
        for (String m : models) {
            ms.add(PoseCommand.parseModel(m));
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
}
