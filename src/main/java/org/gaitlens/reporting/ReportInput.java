package org.gaitlens.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaitlens.assess.Assessment;
import org.gaitlens.core.Json;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.FrontalResult;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.Rejection;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.KeyFrame;
import org.gaitlens.report.ReportJson;

/**
 * Everything the session and comparison report builders need from one analysed session, and nothing else:
 * the snapshot written as {@value #FILE_NAME} into the session folder, so that {@code gaitlens report} and
 * {@code gaitlens compare} rebuild reports without re-running the analysis. {@link SessionReportBuilder} is a
 * pure function of it, so a rebuilt report equals the one written by {@code analyze} (with the same gaitlens
 * version). The file is JSON (NaN numbers as the string "NaN"), with no absolute paths and no timestamps.
 *
 * @param schema          snapshot format version ({@value #SCHEMA})
 * @param patientId       patient id or pseudonym
 * @param sessionDate     recording date
 * @param sessionLabel    free label
 * @param inputFile       the input's file name (no folders)
 * @param inputKind       "video", "landmarks", "trc" or "c3d"
 * @param cameraView      camera view in words
 * @param frameRateHz     the input's sample rate, or {@code null}
 * @param poseModel       the pose model, or how landmarks were obtained
 * @param scaleSource     how pixels became metres, in words
 * @param softwareVersion gaitlens version that produced the numbers
 * @param meanConfidence  mean landmark confidence of the leg landmarks inside the walking passes, or {@code null}
 * @param passes          walking passes
 * @param events          detected gait events (including those of rejected strides), time order
 * @param strides         accepted strides, time order per side
 * @param rejections      rejected candidate strides
 * @param assessment      the assessment (metric statistics, asymmetry, indicators, quality, mean curves)
 * @param warnings        warnings of the analysis stages for the user
 * @param keyFrames       key-frame stills written into the session folder (paths relative to it)
 * @param frontal         the frontal-view measures of a frontal session, or {@code null} for a side view (then
 *                        absent from the JSON). In a frontal session {@code events} are the contacts and
 *                        {@code strides} hold one entry per contact (toe off NaN) with the assessment's values.
 * @param recordings      the recordings of a session pooled from several (empty, and absent from the JSON, for one
 *                        recording, so older snapshots read unchanged). A pooled snapshot puts the recordings one
 *                        after the other on a session timeline: every time in it ({@code passes}, {@code events},
 *                        {@code strides}, {@code rejections}) is the recording's own time plus its
 *                        {@link Recording#offsetS()}, and passes are numbered through the session
 *                        ({@link Pass#recording()} says whose they are); key frames keep the recording's own time.
 * @param deviation       a side view's comparison with healthy walking (band, GVS, GPS-2D), or {@code null}: for a
 *                        frontal session, and in snapshots written before gaitlens compared sessions with a healthy
 *                        reference (absent from the JSON; such folders still rebuild, without the comparison)
 */
public record ReportInput(int schema, String patientId, LocalDate sessionDate, String sessionLabel, String inputFile,
        String inputKind, String cameraView, Double frameRateHz, String poseModel, String scaleSource,
        String softwareVersion, Double meanConfidence, List<Pass> passes, List<GaitEvent> events,
        List<StrideValues> strides, List<Rejection> rejections, Assessment assessment, List<String> warnings,
        List<KeyFrame> keyFrames, @JsonInclude(JsonInclude.Include.NON_NULL) Frontal frontal,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Recording> recordings,
        @JsonInclude(JsonInclude.Include.NON_NULL) HealthyComparison deviation) {

    /** File name in the session folder. */
    public static final String FILE_NAME = "report-input.json";
    /** Current snapshot format version. */
    public static final int SCHEMA = 1;

    public ReportInput {
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("unsupported report-input schema " + schema + " (this gaitlens reads "
                    + SCHEMA + "); re-run 'gaitlens analyze' on the recording");
        }
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(sessionDate, "sessionDate");
        Objects.requireNonNull(assessment, "assessment");
        if (frontal != null && deviation != null) {
            throw new IllegalArgumentException("a frontal session has no comparison with sagittal healthy curves");
        }
        passes = List.copyOf(passes);
        events = List.copyOf(events);
        strides = List.copyOf(strides);
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        keyFrames = List.copyOf(keyFrames);
        recordings = recordings == null ? List.of() : List.copyOf(recordings);
    }

    /** A snapshot of one recording. */
    public ReportInput(int schema, String patientId, LocalDate sessionDate, String sessionLabel, String inputFile,
            String inputKind, String cameraView, Double frameRateHz, String poseModel, String scaleSource,
            String softwareVersion, Double meanConfidence, List<Pass> passes, List<GaitEvent> events,
            List<StrideValues> strides, List<Rejection> rejections, Assessment assessment, List<String> warnings,
            List<KeyFrame> keyFrames, Frontal frontal) {
        this(schema, patientId, sessionDate, sessionLabel, inputFile, inputKind, cameraView, frameRateHz, poseModel,
                scaleSource, softwareVersion, meanConfidence, passes, events, strides, rejections, assessment, warnings,
                keyFrames, frontal, List.of(), null);
    }

    /** A side-view snapshot (no frontal measures). */
    public ReportInput(int schema, String patientId, LocalDate sessionDate, String sessionLabel, String inputFile,
            String inputKind, String cameraView, Double frameRateHz, String poseModel, String scaleSource,
            String softwareVersion, Double meanConfidence, List<Pass> passes, List<GaitEvent> events,
            List<StrideValues> strides, List<Rejection> rejections, Assessment assessment, List<String> warnings,
            List<KeyFrame> keyFrames) {
        this(schema, patientId, sessionDate, sessionLabel, inputFile, inputKind, cameraView, frameRateHz, poseModel,
                scaleSource, softwareVersion, meanConfidence, passes, events, strides, rejections, assessment, warnings,
                keyFrames, null, List.of(), null);
    }

    /**
     * The frontal-view measures of a session ({@link FrontalResult}), rounded for the snapshot: per-frame curves
     * only inside the analysed pass (times to 0.1 ms, values to 0.001).
     *
     * @param viewKind                 {@code FRONTAL_FRONT} or {@code FRONTAL_BACK}
     * @param viewDescription          how the view was detected, in words
     * @param eventMethod              how contacts were found
     * @param timeS                    frame times, s
     * @param trunkLeanDeg             trunk lateral lean per frame, deg, + toward the patient's right
     * @param trunkShiftHipWidths      trunk lateral shift per frame, hip widths, + toward the right
     * @param pelvicObliquityDeg       pelvic obliquity per frame, deg, + right hip higher
     * @param meanTrunkLeanDeg         mean lean, deg
     * @param meanTrunkShiftHipWidths  mean shift, hip widths
     * @param meanPelvicObliquityDeg   mean obliquity, deg
     * @param pelvicObliquityRangeDeg  95th minus 5th percentile of the obliquity, deg
     * @param steps                    one per contact, time order
     */
    public record Frontal(String viewKind, String viewDescription, String eventMethod, double[] timeS,
            double[] trunkLeanDeg, double[] trunkShiftHipWidths, double[] pelvicObliquityDeg, double meanTrunkLeanDeg,
            double meanTrunkShiftHipWidths, double meanPelvicObliquityDeg, double pelvicObliquityRangeDeg,
            List<Step> steps) {
        public Frontal {
            Objects.requireNonNull(viewKind, "viewKind");
            int n = timeS.length;
            if (trunkLeanDeg.length != n || trunkShiftHipWidths.length != n || pelvicObliquityDeg.length != n) {
                throw new IllegalArgumentException("frontal curves must have " + n + " samples like timeS");
            }
            steps = List.copyOf(steps);
        }

    }

    /**
     * One step (contact) in a frontal view.
     *
     * @param side            foot that lands
     * @param passIndex       walking pass
     * @param timeS           contact, s
     * @param stepTimeS       time since the other foot's contact, s, or NaN
     * @param widthM          step width, m, or NaN without a scale
     * @param widthLegLengths step width, leg lengths
     */
    public record Step(Side side, int passIndex, double timeS, double stepTimeS, double widthM,
            double widthLegLengths) {
        public Step {
            Objects.requireNonNull(side, "side");
        }
    }

    /**
     * One walking pass.
     *
     * @param index     0-based pass number (through the session in a pooled snapshot)
     * @param startS    start, s
     * @param endS      end, s
     * @param recording in a pooled snapshot the index of its recording in {@link #recordings()}, else {@code null}
     *                  (absent from the JSON)
     */
    public record Pass(int index, double startS, double endS,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer recording) {
        /** A pass of a one-recording snapshot. */
        public Pass(int index, double startS, double endS) {
            this(index, startS, endS, null);
        }
    }

    /**
     * One recording of a pooled session, for the report's recordings table and the repeatability between
     * recordings.
     *
     * @param file            the recording's name (its file name)
     * @param kind            "video", "landmarks", "trc" or "c3d"
     * @param durationS       duration, s, or {@code null}
     * @param frameRateHz     frame or sample rate, or {@code null}
     * @param resolution      image size as displayed, e.g. "1280x720", or {@code null}
     * @param rotationDeg     display rotation of a video, or {@code null}
     * @param offsetS         start of its clock on the snapshot's session timeline, s
     * @param passes          its walking passes (numbered through the session)
     * @param scale           its px-to-m scale in words, or {@code null} when not analysed
     * @param stridesUsed     per side, its strides in the pooled analysis
     * @param stridesRejected per side, its rejected candidate strides
     * @param note            why it gave no strides (not analysed: the error; a repeat: which recording it repeats),
     *                        else {@code null}
     */
    public record Recording(String file, String kind, Double durationS, Double frameRateHz, String resolution,
            Integer rotationDeg, double offsetS, List<RecordingPass> passes, String scale,
            Map<Side, Integer> stridesUsed, Map<Side, Integer> stridesRejected, String note) {
        public Recording {
            Objects.requireNonNull(file, "file");
            passes = List.copyOf(passes);
            stridesUsed = Map.copyOf(stridesUsed);
            stridesRejected = Map.copyOf(stridesRejected);
        }

        /** Accepted strides of both sides. */
        public int stridesUsedTotal() {
            return stridesUsed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * A walking pass of a pooled session's recording.
     *
     * @param index              the session pass number ({@link Pass#index()})
     * @param direction          travel in the image: "left to right" or "right to left"
     * @param backward           walked backwards (steps and cadence only)
     * @param nearSide           the leg nearer the camera
     * @param steps              steps counted
     * @param cadenceStepsPerMin the pass's cadence, or {@code null}
     */
    public record RecordingPass(int index, String direction, boolean backward, Side nearSide, int steps,
            Double cadenceStepsPerMin) {
        public RecordingPass {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(nearSide, "nearSide");
        }
    }

    /**
     * One accepted stride: its events and its values.
     *
     * @param side         side
     * @param passIndex    walking pass
     * @param contactS     initial contact, s
     * @param toeOffS      toe off, s
     * @param nextContactS next initial contact, s
     * @param values       {@link Metric#key()} to value: the assessment's metrics and the lengths, speed and
     *                     (frontal) step width in leg lengths; values that were not measured are absent
     */
    public record StrideValues(Side side, int passIndex, double contactS, double toeOffS, double nextContactS,
            Map<String, Double> values) {
        public StrideValues {
            Objects.requireNonNull(side, "side");
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The value of a metric, or NaN. */
        public double value(String key) {
            Double v = values.get(key);
            return v == null ? Double.NaN : v;
        }
    }

    /** A copy with other key frames. */
    public ReportInput withKeyFrames(List<KeyFrame> frames) {
        return new ReportInput(schema, patientId, sessionDate, sessionLabel, inputFile, inputKind, cameraView,
                frameRateHz, poseModel, scaleSource, softwareVersion, meanConfidence, passes, events, strides,
                rejections, assessment, warnings, frames, frontal, recordings, deviation);
    }

    /** Whether this is a session pooled from several recordings. */
    @JsonIgnore
    public boolean isPooled() {
        return !recordings.isEmpty();
    }

    /** The recording a pass belongs to in a pooled snapshot, or {@code null}. */
    public Recording recordingOf(int passIndex) {
        return passes.stream().filter(p -> p.index() == passIndex && p.recording() != null).findFirst()
                .map(p -> recordings.get(p.recording())).orElse(null);
    }

    /** A copy with a comparison with healthy walking. */
    public ReportInput withDeviation(HealthyComparison d) {
        return new ReportInput(schema, patientId, sessionDate, sessionLabel, inputFile, inputKind, cameraView,
                frameRateHz, poseModel, scaleSource, softwareVersion, meanConfidence, passes, events, strides,
                rejections, assessment, warnings, keyFrames, frontal, recordings, d);
    }

    /** Whether this is a frontal-view session. */
    @JsonIgnore
    public boolean isFrontal() {
        return frontal != null;
    }

    /** The session's metadata. */
    public SessionMetadata metadata() {
        return new SessionMetadata(patientId, sessionDate, sessionLabel);
    }

    /** Strides of one side, time order. */
    public List<StrideValues> strides(Side side) {
        return strides.stream().filter(s -> s.side() == side).toList();
    }

    /** JSON text of the snapshot. */
    public String toJson() {
        return ReportJson.write(this);
    }

    /** Writes {@value #FILE_NAME} into {@code sessionDir}. */
    public Path write(Path sessionDir) {
        Path file = sessionDir.resolve(FILE_NAME);
        Json.writeText(file, toJson());
        return file;
    }

    /**
     * Reads {@value #FILE_NAME} from a session folder.
     *
     * @throws org.gaitlens.core.InvalidInputException if the folder has none or it cannot be read
     */
    public static ReportInput read(Path sessionDir) {
        Path file = sessionDir.resolve(FILE_NAME);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new org.gaitlens.core.InvalidInputException(sessionDir + ": no " + FILE_NAME + " (not a session "
                    + "folder written by 'gaitlens analyze' of this version; run 'gaitlens analyze' again)");
        }
        try {
            return ReportJson.read(file, ReportInput.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new org.gaitlens.core.InvalidInputException(file + ": cannot read the report input: " + e.getMessage());
        }
    }
}
