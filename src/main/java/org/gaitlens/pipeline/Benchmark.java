package org.gaitlens.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.pose.BlazePoseEstimator;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.pose.PoseOptions;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoInfo;

/**
 * Throughput of each stage on one video, measured in one run so the numbers are comparable: decoding
 * alone, pose estimation alone on frames held in memory (per model), and the whole {@code pose} job with
 * and without the overlay video. Every rate is also given as a multiple of the video's real-time rate.
 */
public final class Benchmark {

    /**
     * One measured line.
     *
     * @param name           what was measured
     * @param frames         frames processed
     * @param wallS          wall-clock seconds
     * @param framesPerSecond frames / wallS
     * @param realTimeFactor framesPerSecond / the video's frame rate (>1 is faster than real time)
     */
    public record Line(String name, int frames, double wallS, double framesPerSecond, double realTimeFactor) {
    }

    /**
     * Benchmark settings.
     *
     * @param models         landmark models to time pose-only
     * @param maxPoseFrames  frames held in memory for the pose-only runs (memory: ~2.7 MB per 720p frame)
     * @param threads        inference threads
     * @param modelsDir      folder with the models
     * @param scratchDir     folder for the whole-job runs' output
     */
    public record Settings(List<PoseModel> models, int maxPoseFrames, int threads, Path modelsDir, Path scratchDir) {
        public Settings {
            models = List.copyOf(models);
            if (maxPoseFrames < 1) {
                throw new IllegalArgumentException("maxPoseFrames must be >= 1, was " + maxPoseFrames);
            }
        }
    }

    /**
     * Results of a benchmark run.
     *
     * @param info  the video
     * @param lines the measurements in order
     * @param poseJobVsPoseOnly whole job without video (default model) / pose-only fps of the default model
     */
    public record Report(VideoInfo info, List<Line> lines, double poseJobVsPoseOnly) {
        public Report {
            lines = List.copyOf(lines);
        }
    }

    private Benchmark() {
    }

    /** Runs all measurements on {@code video}. */
    public static Report run(Path video, Settings settings, ProgressListener progress) throws java.io.IOException {
        List<Line> lines = new ArrayList<>();
        VideoInfo info;
        // 1. Decoding alone, whole video.
        long t0 = System.nanoTime();
        int decoded = 0;
        try (FfmpegVideoSource src = FfmpegVideoSource.open(video)) {
            info = src.info();
            Optional<VideoFrame> f;
            while ((f = src.next()).isPresent()) {
                f.get().close();
                decoded++;
                progress.update("decode", decoded, info.frameCountEstimate());
            }
        }
        lines.add(line("decode only", decoded, t0, info));

        // 2. Pose alone on frames in memory (decoding excluded).
        List<VideoFrame> held = new ArrayList<>();
        try (FfmpegVideoSource src = FfmpegVideoSource.open(video)) {
            Optional<VideoFrame> f;
            while (held.size() < settings.maxPoseFrames() && (f = src.next()).isPresent()) {
                held.add(f.get());
            }
        }
        double defaultPoseOnlyFps = Double.NaN;
        try {
            for (PoseModel m : settings.models()) {
                PoseOptions options = PoseOptions.defaults().withModel(m).withThreads(settings.threads());
                try (BlazePoseEstimator est = BlazePoseEstimator.open(settings.modelsDir(), options)) {
                    long t = System.nanoTime();
                    int n = 0;
                    for (VideoFrame f : held) {
                        n += est.push(f).size();
                        progress.update("pose-only " + m.name().toLowerCase(java.util.Locale.ROOT), n, held.size());
                    }
                    n += est.finish().size();
                    Line l = line("pose only, " + m.name().toLowerCase(java.util.Locale.ROOT) + " model", n, t, info);
                    lines.add(l);
                    if (m == PoseModel.FULL) {
                        defaultPoseOnlyFps = l.framesPerSecond();
                    }
                }
            }
        } finally {
            held.forEach(VideoFrame::close);
        }

        // 3. The whole pose job (decode on its own thread, pose, landmarks.csv, optional overlay video).
        Files.createDirectories(settings.scratchDir());
        double jobNoVideoFps = Double.NaN;
        for (boolean withVideo : new boolean[] {false, true}) {
            PoseRun.Settings s = new PoseRun.Settings(PoseModel.FULL, settings.threads(), withVideo, false,
                    settings.modelsDir());
            long t = System.nanoTime();
            PoseRun.Result r = PoseRun.run(video, settings.scratchDir().resolve(withVideo ? "with-video" : "no-video"),
                    s, (stage, done, total) -> progress.update(
                            withVideo ? "pose job + overlay" : "pose job --no-video", done, total));
            Line l = line(withVideo ? "pose job, full model, with overlay video" : "pose job, full model, --no-video",
                    r.pose().frames().size(), t, info);
            lines.add(l);
            if (!withVideo) {
                jobNoVideoFps = l.framesPerSecond();
            }
        }
        return new Report(info, lines, jobNoVideoFps / defaultPoseOnlyFps);
    }

    private static Line line(String name, int frames, long startNanos, VideoInfo info) {
        double wallS = (System.nanoTime() - startNanos) / 1e9;
        double fps = frames / wallS;
        return new Line(name, frames, wallS, fps, fps / info.frameRateHz());
    }
}
