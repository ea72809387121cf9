package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Json;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.motion.CleaningSettings;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.mocap.C3dReader;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.motion.mocap.ForcePlate;
import org.gaitlens.motion.mocap.ForcePlateContacts;
import org.gaitlens.motion.mocap.JointTrajectories;
import org.gaitlens.motion.mocap.MarkerData;
import org.gaitlens.motion.mocap.MarkerSetMapping;
import org.gaitlens.motion.mocap.TrcReader;
import org.gaitlens.motion.mocap.VirtualCamera;
import org.gaitlens.pose.LandmarksCsv;
import org.gaitlens.pose.PoseEstimatorSource;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.pose.PoseModel;

/**
 * The {@code analyze} job: any supported input (video, landmarks, motion capture) to a session folder with
 * landmarks, gait events, strides, curves and the summary.
 */
public final class Analysis {

    /**
     * Settings of a whole analysis.
     *
     * @param heightCm     the patient's standing height in cm for the pixel-to-metre scale, or NaN if unknown
     * @param model        pose model for video input
     * @param threads      inference threads
     * @param writeVideo   whether to write the overlay video (video input)
     * @param blurFaces    whether to blur faces in the overlay video
     * @param eventMethod  gait event method, or {@code null} for the default of the input kind (see
     *                     {@link #eventMethodFor(InputKind)})
     * @param treadmill    whether the walk is on a treadmill (one pass, no travel)
     * @param cameraView   virtual camera for motion-capture input
     * @param modelsDir    the BlazePose models folder
     * @param mirrorAverage whether the pose model also runs on each crop's mirror image (video input; default false,
     *                     {@link org.gaitlens.pose.PoseOptions#mirrorAverage()})
     */
    public record Settings(double heightCm, PoseModel model, int threads, boolean writeVideo, boolean blurFaces,
            EventMethod eventMethod, boolean treadmill, CameraView cameraView, Path modelsDir, boolean mirrorAverage) {
        public Settings {
            if (!Double.isNaN(heightCm) && (heightCm < 50 || heightCm > 250)) {
                throw new IllegalArgumentException("heightCm must be within 50-250 cm, was " + heightCm);
            }
        }

        /** Settings without mirror averaging (the default). */
        public Settings(double heightCm, PoseModel model, int threads, boolean writeVideo, boolean blurFaces,
                EventMethod eventMethod, boolean treadmill, CameraView cameraView, Path modelsDir) {
            this(heightCm, model, threads, writeVideo, blurFaces, eventMethod, treadmill, cameraView, modelsDir, false);
        }

        /** A copy with mirror averaging switched on or off. */
        public Settings withMirrorAverage(boolean on) {
            return new Settings(heightCm, model, threads, writeVideo, blurFaces, eventMethod, treadmill, cameraView,
                    modelsDir, on);
        }

        /** The gait engine's settings implied by these. */
        /**
         * The event method for an input kind: the one given, else {@link EventMethod#ZENI_REFINED} for motion
         * capture (its toe marker sits on the metatarsal head and moves before toe off, so Zeni's toe-off timing
         * fits it best, docs/accuracy.md) and the engine's default for video landmarks (foot index at the shoe
         * tip: foot-speed toe off).
         */
        public EventMethod eventMethodFor(InputKind kind) {
            if (eventMethod != null) {
                return eventMethod;
            }
            return kind == InputKind.TRC || kind == InputKind.C3D ? EventMethod.ZENI_REFINED
                    : GaitSettings.defaults().eventMethod();
        }

        /** The gait engine's settings implied by these, with the event method of the engine's default. */
        public GaitSettings gaitSettings() {
            return gaitSettings(InputKind.VIDEO);
        }

        /** The gait engine's settings implied by these for an input kind. */
        public GaitSettings gaitSettings(InputKind kind) {
            CleaningSettings c = CleaningSettings.defaults().withTreadmill(treadmill);
            if (!Double.isNaN(heightCm)) {
                c = c.withHeightCm(heightCm);
            }
            return GaitSettings.defaults().withCleaning(c).withEventMethod(eventMethodFor(kind));
        }
    }

    /**
     * Everything one analysis produced.
     *
     * @param kind     the input's kind
     * @param series   the landmark series analysed
     * @param pose     the pose stage's result for video input
     * @param session    gait, assessment and files
     * @param warnings   warnings for the user
     * @param provenance the input file, its SHA-256, kind and details (as in {@code summary.json})
     */
    public record Result(InputKind kind, LandmarkSeries series, Optional<PoseRun.Result> pose,
            SessionAnalysis.Result session, List<String> warnings, SessionAnalysis.Provenance provenance) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private Analysis() {
    }

    /**
     * Analyses {@code input} into {@code outDir} with default session metadata (patient "unnamed", the file's
     * date, label "session").
     */
    public static Result run(Path input, Path outDir, Settings settings, ProgressListener progress) {
        return run(input, outDir, settings, null, progress);
    }

    /**
     * Analyses {@code input} into {@code outDir}: landmarks (video), events, strides, curves, summary.json, and
     * the session report (report-input.json, key frames for video, report.json/html/pdf). A failure while
     * writing the report is logged and added to the warnings; the analysis results stay.
     *
     * @param metadata patient, date and label; {@code null} for the defaults
     */
    public static Result run(Path input, Path outDir, Settings settings, SessionMetadata metadata,
            ProgressListener progress) {
        return run(input, outDir, settings, metadata, PoseEstimatorSource.FRESH, progress);
    }

    /**
     * As {@link #run(Path, Path, Settings, SessionMetadata, ProgressListener)}, with the pose estimator for video
     * input from {@code estimators} (a batch worker's {@link org.gaitlens.pose.PoseEstimatorPool} keeps the models
     * loaded between videos; results are the same as with {@link PoseEstimatorSource#FRESH}).
     */
    public static Result run(Path input, Path outDir, Settings settings, SessionMetadata metadata,
            PoseEstimatorSource estimators, ProgressListener progress) {
        return run(input, outDir, settings, metadata, estimators, PoseCache.NONE, progress);
    }

    /**
     * As {@link #run(Path, Path, Settings, SessionMetadata, PoseEstimatorSource, ProgressListener)}, with the pose
     * of a video taken from (and stored in) {@code cache} ({@link PoseCache}; the results are the same).
     */
    public static Result run(Path input, Path outDir, Settings settings, SessionMetadata metadata,
            PoseEstimatorSource estimators, PoseCache cache, ProgressListener progress) {
        List<String> warnings = new ArrayList<>();
        Loaded in = load(input, null, outDir, settings, estimators, cache, progress, warnings);
        progress.update("analysis", 0, 1);
        SessionMetadata meta = metadata != null ? metadata : SessionMetadata.withDefaults(null, null, null, input);
        SessionAnalysis.Result session = SessionAnalysis.run(in.series(), settings.gaitSettings(in.kind()),
                in.provenance(), meta, outDir, warnings);
        progress.update("analysis", 1, 1);
        progress.update("report", 0, 1);
        List<Path> reportFiles = SessionReports.write(input, in.kind(), settings, meta, in.series(), in.pose(), session,
                warnings, outDir);
        progress.update("report", 1, 1);
        if (!reportFiles.isEmpty()) {
            List<Path> files = new ArrayList<>(session.files());
            files.addAll(reportFiles);
            session = session.withFiles(files);
        }
        return new Result(in.kind(), in.series(), in.pose(), session, warnings, in.provenance());
    }

    /**
     * One input read up to its landmark series.
     *
     * @param kind       the input's kind
     * @param series     the landmark series
     * @param pose       the pose stage's result for a video
     * @param provenance where the landmarks came from (file, checksum, kind, details)
     */
    record Loaded(InputKind kind, LandmarkSeries series, Optional<PoseRun.Result> pose,
            SessionAnalysis.Provenance provenance) {
    }

    /**
     * Reads an input to a landmark series: runs the pose job on a video (its files into {@code poseDir}), reads a
     * landmarks file, or projects motion capture through the virtual camera. Warnings are added to
     * {@code warnings}.
     *
     * @param sha256 the input's SHA-256 when the caller knows it already, else {@code null}
     * @throws InvalidInputException if the file is missing or cannot be read
     */
    static Loaded load(Path input, String sha256, Path poseDir, Settings settings, PoseEstimatorSource estimators,
            PoseCache cache, ProgressListener progress, List<String> warnings) {
        if (!java.nio.file.Files.isRegularFile(input)) {
            throw new InvalidInputException(input + ": file not found");
        }
        InputKind kind = InputKind.of(input);
        String inputSha256 = sha256 != null ? sha256 : Checksums.sha256(input);
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<PoseRun.Result> pose = Optional.empty();
        LandmarkSeries series;
        switch (kind) {
            case VIDEO -> {
                PoseRun.Settings poseSettings = new PoseRun.Settings(settings.model(), settings.threads(),
                        settings.writeVideo(), settings.blurFaces(), settings.modelsDir(), settings.mirrorAverage());
                PoseRun.Result r = PoseRun.run(input, inputSha256, poseDir, poseSettings, estimators, cache,
                        progress);
                pose = Optional.of(r);
                warnings.addAll(r.warnings());
                series = LandmarkSeries.fromPoseFrames(r.walkerFrames(), r.pose().info().widthPx(),
                        r.pose().info().heightPx(), input.getFileName().toString());
                details.put("model", settings.model().name().toLowerCase(Locale.ROOT));
                details.put("video", r.pose().info());
                details.put("tracking_coverage", r.pose().tracking().coverage());
            }
            case LANDMARKS -> {
                List<PoseFrame> frames = LandmarksCsv.read(input);
                int[] size = imageSize(input, frames, warnings);
                series = LandmarkSeries.fromPoseFrames(frames, size[0], size[1], input.getFileName().toString());
            }
            case TRC, C3D -> {
                MarkerData markers = kind == InputKind.TRC ? TrcReader.read(input) : C3dReader.read(input);
                JointTrajectories joints = MarkerSetMapping.map(markers);
                series = VirtualCamera.project(joints, settings.cameraView());
                details.put("virtual_camera", settings.cameraView().name().toLowerCase(Locale.ROOT));
                details.put("marker_rate_hz", markers.frameRateHz());
                details.put("joint_derivation", joints.derivation());
                if (kind == InputKind.C3D) {
                    forcePlateContacts(input, joints, warnings).ifPresent(c -> details.put("force_plate_contacts", c));
                }
            }
            default -> throw new IllegalStateException("unhandled input kind " + kind);
        }
        return new Loaded(kind, series, pose, new SessionAnalysis.Provenance(input, inputSha256,
                kind.name().toLowerCase(Locale.ROOT), details));
    }

    /**
     * The force-plate contacts of a C3D file ({@link ForcePlateContacts}, 20 N), on the gaitlens clock, for
     * summary.json: the reference against which a researcher can check the kinematic events. Empty when the file
     * has no plates; a file whose plates cannot be read gives a warning, never a failed analysis.
     */
    private static Optional<List<Map<String, Object>>> forcePlateContacts(Path input, JointTrajectories joints,
            List<String> warnings) {
        try {
            List<ForcePlate> plates = C3dReader.readForcePlates(input);
            if (plates.isEmpty()) {
                return Optional.empty();
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (ForcePlateContacts.Contact c : ForcePlateContacts.detect(plates, joints,
                    ForcePlateContacts.DEFAULT_THRESHOLD_N)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("plate", c.plate());
                m.put("side", c.side() == null ? null : c.side().code());
                m.put("onset_s", Double.isNaN(c.onsetS()) ? null : c.onsetS());
                m.put("end_s", Double.isNaN(c.endS()) ? null : c.endS());
                if (!c.note().isEmpty()) {
                    m.put("note", c.note());
                }
                out.add(m);
            }
            return Optional.of(out);
        } catch (InvalidInputException e) {
            warnings.add("force plates not read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The image size of a landmarks file: the video's frame size from the {@code video.json} that
     * {@code gaitlens pose} writes beside it (so that landmarks outside the image are treated as in the video
     * run), else the landmarks' extent, within which only negative coordinates count as outside the image.
     */
    static int[] imageSize(Path landmarksCsv, List<PoseFrame> frames, List<String> warnings) {
        Path videoJson = landmarksCsv.toAbsolutePath().resolveSibling(PoseRun.VIDEO_JSON);
        if (java.nio.file.Files.isRegularFile(videoJson)) {
            try {
                var video = Json.mapper().readTree(videoJson.toFile()).path("video");
                int w = video.path("widthPx").asInt(0);
                int h = video.path("heightPx").asInt(0);
                if (w > 0 && h > 0) {
                    return new int[] {w, h};
                }
            } catch (java.io.IOException e) {
                warnings.add("could not read " + videoJson + " (" + e.getMessage()
                        + "); the landmarks' extent is taken as the image size");
            }
        }
        return imageExtent(frames);
    }

    /** Width and height that contain every landmark of a landmarks file (its image size is not stored). */
    private static int[] imageExtent(List<PoseFrame> frames) {
        double maxX = 1;
        double maxY = 1;
        for (PoseFrame f : frames) {
            for (var p : f.landmarks()) {
                if (!Double.isNaN(p.xPx())) {
                    maxX = Math.max(maxX, p.xPx());
                    maxY = Math.max(maxY, p.yPx());
                }
            }
        }
        return new int[] {(int) Math.ceil(maxX) + 1, (int) Math.ceil(maxY) + 1};
    }
}
