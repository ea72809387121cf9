package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.pipeline.PoseRun;
import org.gaitlens.pipeline.PoseStage;
import org.gaitlens.pose.PoseModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitlens pose VIDEO}: per-frame landmarks, video facts and an annotated overlay video. */
@Command(name = "pose", mixinStandardHelpOptions = true,
        description = {"Find the walker's 33 body landmarks in every frame of a video.",
            "Writes landmarks.csv, video.json and overlay.mp4 (skeleton drawn on the video)."})
final class PoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "Walking video (mp4, mov, mkv, avi, webm).")
    Path video;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: reports/<video name>/ in the gaitlens folder).")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "full",
            description = "Landmark model: lite, full or heavy (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--no-video", description = "Do not write the overlay video (faster).")
    boolean noVideo;

    @Option(names = "--blur-faces", description = "Blur faces in the overlay video for de-identified sharing.")
    boolean blurFaces;

    /** Help of the single-video commands' {@code --threads} (the measurements: docs/speed.md). */
    static final String THREADS_HELP = "Inference threads (default: ${DEFAULT-VALUE}). A second thread makes the pose "
            + "model faster only while the second core is otherwise idle: decoding and overlay-video encoding compete "
            + "with it (docs/speed.md). A batch uses 1 per recording.";

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = THREADS_HELP)
    int threads;

    /** Help of {@code --mirror-average} (the measurements: docs/accuracy.md, "Mirror averaging"). */
    static final String MIRROR_HELP = "Also run the landmark model on the mirror image of each crop and average the two "
            + "(left-right consistent landmarks; about half the pose speed; docs/accuracy.md).";

    @Option(names = "--mirror-average", description = MIRROR_HELP)
    boolean mirrorAverage;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(video)) {
            throw new InvalidInputException(video + ": file not found");
        }
        Path outDir = out != null ? out : CliPaths.reportsRoot().resolve(CliPaths.sessionName(video));
        PoseModel poseModel = AnalysisOptions.parseModel(model);
        PrintWriter o = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(System.err, video.getFileName().toString());
        PoseRun.Result r = PoseRun.run(video, outDir,
                new PoseRun.Settings(poseModel, threads, !noVideo, blurFaces, CliPaths.modelsDir(), mirrorAverage),
                progress);
        progress.finishLine();
        PoseStage.Result p = r.pose();
        o.printf(Locale.ROOT, "%s: %d frames, %.1f s of video, person found in %.1f %% of frames%n",
                video.getFileName(), p.frames().size(), p.info().durationS(), 100 * p.tracking().coverage());
        o.printf(Locale.ROOT, "processed at %.1f frames/s (%.2fx real time)%n", p.framesPerSecond(),
                p.framesPerSecond() / p.info().frameRateHz());
        for (String note : r.warnings()) {
            o.println("warning: " + note);
        }
        o.println("landmarks: " + p.landmarksCsv());
        o.println("video info: " + r.videoJson());
        p.overlayVideo().ifPresent(v -> o.println("overlay video: " + v));
        o.flush();
        return 0;
    }
}
