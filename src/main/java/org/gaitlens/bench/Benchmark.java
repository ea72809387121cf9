package org.gaitlens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.pipeline.PoseRun;
import org.gaitlens.pose.BlazePoseEstimator;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.pose.PoseOptions;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoInfo;

/**
 * Throughput of each stage on one video, measured in one run so the numbers are comparable: decoding
 * alone, pose estimation alone on frames held in memory (per model), and the whole {@code pose} job with
 * and without the overlay video, and without it with mirror averaging ({@code --mirror-average}). Every rate is also given as a multiple of the video's real-time rate.
 *
 * <p>On a small shared machine single runs vary by 10-20 %: every measurement after decoding is repeated
 * {@link Settings#repeats()} times, the stages taking turns within each round (so slow spells hit all of them),
 * and each line reports the median run with the fastest and slowest.
 */
public final class Benchmark {

    /**
     * One measured line.
     *
     * @param name           what was measured
     * @param frames         frames processed
     * @param wallS          wall-clock seconds of the median run
     * @param framesPerSecond frames / wallS
     * @param realTimeFactor framesPerSecond / the video's frame rate (>1 is faster than real time)
     * @param runsWallS      wall-clock seconds of every run, in order
     */
    public record Line(String name, int frames, double wallS, double framesPerSecond, double realTimeFactor,
                       List<Double> runsWallS) {
        public Line {
            runsWallS = List.copyOf(runsWallS);
        }
    }

    /**
     * Benchmark settings.
     *
     * @param models         landmark models to time pose-only
     * @param maxPoseFrames  frames held in memory for the pose-only runs (memory: ~2.7 MB per 720p frame)
     * @param threads        inference threads
     * @param modelsDir      folder with the models
     * @param scratchDir     folder for the whole-job runs' output
     * @param repeats        runs of every measurement after decoding, >= 1 (the median is reported)
     */
    public record Settings(List<PoseModel> models, int maxPoseFrames, int threads, Path modelsDir, Path scratchDir,
                           int repeats) {
        public Settings {
            models = List.copyOf(models);
            if (maxPoseFrames < 1) {
                throw new IllegalArgumentException("maxPoseFrames must be >= 1, was " + maxPoseFrames);
            }
            if (repeats < 1 || repeats > 50) {
                throw new IllegalArgumentException("repeats must be in [1, 50], was " + repeats);
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

    private static final String POSE_ONLY = "pose only, ";
    private static final String JOB_NO_VIDEO = "pose job, full model, --no-video";
    private static final String JOB_VIDEO = "pose job, full model, with overlay video";
    private static final String JOB_NO_VIDEO_MIRROR = "pose job, full model, --no-video --mirror-average";

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
        lines.add(line("decode only", decoded, List.of((System.nanoTime() - t0) / 1e9), info));

        // 2. Pose alone on frames in memory (decoding excluded).
        List<VideoFrame> held = new ArrayList<>();
        try (FfmpegVideoSource src = FfmpegVideoSource.open(video)) {
            Optional<VideoFrame> f;
            while (held.size() < settings.maxPoseFrames() && (f = src.next()).isPresent()) {
                held.add(f.get());
            }
        }
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        Map<String, Integer> frameCounts = new HashMap<>();
        Files.createDirectories(settings.scratchDir());
        try {
            for (int round = 0; round < settings.repeats(); round++) {
                String of = settings.repeats() > 1 ? " (" + (round + 1) + "/" + settings.repeats() + ")" : "";
                for (PoseModel m : settings.models()) {
                    String model = m.name().toLowerCase(Locale.ROOT);
                    PoseOptions options = PoseOptions.defaults().withModel(m).withThreads(settings.threads());
                    try (BlazePoseEstimator est = BlazePoseEstimator.open(settings.modelsDir(), options)) {
                        long t = System.nanoTime();
                        int n = 0;
                        for (VideoFrame f : held) {
                            n += est.push(f).size();
                            progress.update("pose-only " + model + of, n, held.size());
                        }
                        n += est.finish().size();
                        record(runs, frameCounts, POSE_ONLY + model + " model", n, t);
                    }
                }
                // The whole pose job (decode on its own thread, pose, landmarks.csv, optional overlay video), and
                // without the video with mirror averaging (the option's cost).
                for (String name : List.of(JOB_NO_VIDEO, JOB_VIDEO, JOB_NO_VIDEO_MIRROR)) {
                    boolean withVideo = name.equals(JOB_VIDEO);
                    PoseRun.Settings s = new PoseRun.Settings(PoseModel.FULL, settings.threads(), withVideo, false,
                            settings.modelsDir(), name.equals(JOB_NO_VIDEO_MIRROR));
                    long t = System.nanoTime();
                    PoseRun.Result r = PoseRun.run(video,
                            settings.scratchDir().resolve(withVideo ? "with-video" : "no-video"), s,
                            (stage, done, total) -> progress.update(name + of, done, total));
                    record(runs, frameCounts, name, r.pose().frames().size(), t);
                }
            }
        } finally {
            held.forEach(VideoFrame::close);
        }
        double poseOnlyFullFps = Double.NaN;
        double jobNoVideoFps = Double.NaN;
        for (Map.Entry<String, List<Double>> e : runs.entrySet()) {
            Line l = line(e.getKey(), frameCounts.get(e.getKey()), e.getValue(), info);
            lines.add(l);
            if (e.getKey().equals(POSE_ONLY + "full model")) {
                poseOnlyFullFps = l.framesPerSecond();
            } else if (e.getKey().equals(JOB_NO_VIDEO)) {
                jobNoVideoFps = l.framesPerSecond();
            }
        }
        return new Report(info, lines, jobNoVideoFps / poseOnlyFullFps);
    }

    private static void record(Map<String, List<Double>> runs, Map<String, Integer> frameCounts, String name,
            int frames, long startNanos) {
        runs.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - startNanos) / 1e9);
        frameCounts.put(name, frames);
    }

    private static Line line(String name, int frames, List<Double> runsWallS, VideoInfo info) {
        double[] sorted = runsWallS.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double fps = frames / median;
        return new Line(name, frames, median, fps, fps / info.frameRateHz(), runsWallS);
    }

}
