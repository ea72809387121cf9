package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.AnalysisException;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.Json;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.overlay.SkeletonOverlay;
import org.gaitlens.pose.PoseEstimator;
import org.gaitlens.pose.PoseEstimatorSource;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.pose.PoseOptions;
import org.gaitlens.pose.TrackingReport;

/**
 * The {@code pose} job: video to {@code landmarks.csv}, {@code video.json} and the overlay video, with
 * the checks that turn a silent failure (nobody in the video, the track jumping to someone else) into a
 * message the user can act on.
 */
public final class PoseRun {
    /** File name of the video facts and pose settings. */
    public static final String VIDEO_JSON = "video.json";
    /** Below this share of frames with a pose the run is refused: the walker was not found. */
    static final double MIN_COVERAGE = 0.05;
    /** Below this share of frames with a pose the run warns that results may be unreliable. */
    static final double WARN_COVERAGE = 0.6;
    /** The tracker's reason for a segment that starts when it moves to the person walking across. */
    static final String WALKER_SWITCH = "walker switch";

    /**
     * Settings of the pose job.
     *
     * @param model      landmark model
     * @param threads    inference threads, >= 1
     * @param writeVideo whether to write the overlay video
     * @param blurFaces  whether to blur faces in the overlay video
     * @param modelsDir  folder with the BlazePose models
     */
    public record Settings(PoseModel model, int threads, boolean writeVideo, boolean blurFaces, Path modelsDir) {
        public Settings {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
        }
    }

    /**
     * Outcome of the pose job.
     *
     * @param pose      frames, tracking and files of the pose stage
     * @param videoJson the {@code video.json} written
     * @param warnings  things the user should know about the result
     * @param fromCache whether the landmarks came from the {@link PoseCache} instead of the pose model
     */
    public record Result(PoseStage.Result pose, Path videoJson, List<String> warnings, boolean fromCache) {
        public Result {
            warnings = List.copyOf(warnings);
        }

        /**
         * The frames that belong to the walker: when the tracker moved on purpose from a person standing still
         * to the person walking across the frame, the poses before that switch were someone else's and are
         * returned as missing.
         */
        public List<PoseFrame> walkerFrames() {
            return walkerOnly(pose.frames(), pose.tracking());
        }
    }

    /** Frames before the first walker switch marked missing (see {@link Result#walkerFrames()}). */
    static List<PoseFrame> walkerOnly(List<PoseFrame> frames, TrackingReport tracking) {
        int firstWalkerFrame = tracking.segments().stream()
                .filter(s -> WALKER_SWITCH.equals(s.reason()))
                .mapToInt(TrackingReport.TrackSegment::firstFrame)
                .min().orElse(0);
        if (firstWalkerFrame == 0) {
            return frames;
        }
        List<PoseFrame> out = new ArrayList<>(frames.size());
        for (PoseFrame f : frames) {
            out.add(f.frameIndex() < firstWalkerFrame ? PoseFrame.missing(f.frameIndex(), f.timeS()) : f);
        }
        return out;
    }

    private PoseRun() {
    }

    /**
     * Runs pose estimation on a video and writes its files into {@code outDir}.
     *
     * @throws org.gaitlens.core.VideoDecodeException   if the video cannot be decoded
     * @throws org.gaitlens.core.ModelMissingException if a model is missing or corrupt
     * @throws AnalysisException                        if no person was found
     */
    public static Result run(Path video, Path outDir, Settings settings, ProgressListener progress) {
        return run(video, Checksums.sha256(video), outDir, settings, progress);
    }

    /**
     * As {@link #run(Path, Path, Settings, ProgressListener)}, with the video's SHA-256 already known (so a caller
     * that records it too reads the file once).
     */
    public static Result run(Path video, String videoSha256, Path outDir, Settings settings,
            ProgressListener progress) {
        return run(video, videoSha256, outDir, settings, PoseEstimatorSource.FRESH, progress);
    }

    /**
     * As {@link #run(Path, String, Path, Settings, ProgressListener)}, with the estimator from {@code estimators}
     * (e.g. a worker's {@link org.gaitlens.pose.PoseEstimatorPool}, which keeps the models loaded between videos).
     */
    public static Result run(Path video, String videoSha256, Path outDir, Settings settings,
            PoseEstimatorSource estimators, ProgressListener progress) {
        return run(video, videoSha256, outDir, settings, estimators, PoseCache.NONE, progress);
    }

    /**
     * As {@link #run(Path, String, Path, Settings, PoseEstimatorSource, ProgressListener)}, taking the landmarks
     * from {@code cache} when it holds this video under these settings (the video is then decoded again only to
     * draw the overlay video, if asked for) and storing them there otherwise. Every file is as from a fresh run
     * (apart from timings); {@link Result#fromCache()} says whether the cache was used.
     */
    public static Result run(Path video, String videoSha256, Path outDir, Settings settings,
            PoseEstimatorSource estimators, PoseCache cache, ProgressListener progress) {
        PoseOptions options = PoseOptions.defaults().withModel(settings.model()).withThreads(settings.threads());
        Optional<BiConsumer<Mat, PoseFrame>> drawer = settings.writeVideo()
                ? Optional.of(overlayDrawer(settings.blurFaces())) : Optional.empty();
        String key = cache.enabled() ? PoseCache.key(videoSha256, options, settings.modelsDir()) : null;
        Optional<PoseCache.Entry> hit = key == null ? Optional.empty() : cache.lookup(key);
        PoseStage.Result pose;
        if (hit.isPresent()) {
            pose = PoseStage.replay(video, outDir, hit.get().frames(), hit.get().tracking(), hit.get().info(), drawer,
                    progress);
        } else {
            try (PoseEstimator estimator = estimators.open(settings.modelsDir(), options)) {
                pose = PoseStage.run(video, outDir, estimator, drawer, progress);
            }
            if (key != null) {
                cache.store(key, PoseCache.settingsText(options, settings.modelsDir()), pose);
            }
        }
        List<String> warnings = warnings(pose.tracking());
        Path videoJson = outDir.resolve(VIDEO_JSON);
        Json.write(videoJson, describe(video, videoSha256, settings, options, pose, warnings));
        if (pose.tracking().coverage() < MIN_COVERAGE) {
            throw new AnalysisException(String.format(Locale.ROOT,
                    "%s: no person found (a pose in %.0f %% of %d frames). Film the whole body from the side, "
                            + "well lit, with the person at least a third of the frame height.",
                    video, 100 * pose.tracking().coverage(), pose.frames().size()));
        }
        return new Result(pose, videoJson, warnings, hit.isPresent());
    }

    /** Draws the skeleton (and blurs the face if asked) onto a frame in place. */
    public static BiConsumer<Mat, PoseFrame> overlayDrawer(boolean blurFaces) {
        SkeletonOverlay overlay = new SkeletonOverlay(0.5, blurFaces, true);
        return overlay::draw;
    }

    static List<String> warnings(TrackingReport t) {
        List<String> w = new ArrayList<>();
        if (t.coverage() < WARN_COVERAGE && t.coverage() >= MIN_COVERAGE) {
            w.add(String.format(Locale.ROOT, "the walker was found in only %.0f %% of frames; results may be "
                    + "unreliable (is the whole body in view?)", 100 * t.coverage()));
        }
        if (t.walkerSwitches() > 0) {
            w.add("a person standing still was tracked first; the track moved to the walker after "
                    + t.walkerSwitches() + " switch(es), and the poses before were left out of the analysis");
        }
        if (t.identityLostCount() > 0) {
            w.add(t.identityLostCount() + " time(s) the track was lost and picked up far from where the walker "
                    + "was expected: another person may have been tracked for a while (see video.json notes)");
        }
        return w;
    }

    private static Map<String, Object> describe(Path video, String videoSha256, Settings settings, PoseOptions options,
            PoseStage.Result pose, List<String> warnings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("software", "gaitlens " + SoftwareVersion.get());
        m.put("input", video.toAbsolutePath().toString());
        m.put("input_sha256", videoSha256);
        m.put("video", pose.info());
        Map<String, Object> poseSettings = new LinkedHashMap<>();
        poseSettings.put("model", options.model().name().toLowerCase(Locale.ROOT));
        poseSettings.put("threads", options.threads());
        poseSettings.put("min_detection_score", options.minDetectionScore());
        poseSettings.put("min_presence", options.minPresence());
        poseSettings.put("prefer_walker", options.preferWalker());
        poseSettings.put("reacquire_hold_s", options.reacquireHoldS());
        poseSettings.put("idle_probe_interval_s", options.idleProbeIntervalS());
        poseSettings.put("overlay_video", settings.writeVideo());
        poseSettings.put("blur_faces", settings.blurFaces());
        m.put("pose_settings", poseSettings);
        m.put("frames_decoded", pose.frames().size());
        m.put("tracking", pose.tracking());
        m.put("tracking_coverage", pose.tracking().coverage());
        m.put("wall_s", pose.wallS());
        m.put("warnings", warnings);
        return m;
    }
}
