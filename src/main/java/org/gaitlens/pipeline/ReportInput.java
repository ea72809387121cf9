package org.gaitlens.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.GaitMetric;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Rejection;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.motion.WalkingPass;
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
 */
public record ReportInput(int schema, String patientId, LocalDate sessionDate, String sessionLabel, String inputFile,
        String inputKind, String cameraView, Double frameRateHz, String poseModel, String scaleSource,
        String softwareVersion, Double meanConfidence, List<Pass> passes, List<GaitEvent> events,
        List<StrideValues> strides, List<Rejection> rejections, Assessment assessment, List<String> warnings,
        List<KeyFrame> keyFrames) {

    /** File name in the session folder. */
    public static final String FILE_NAME = "report-input.json";
    /** Current snapshot format version. */
    public static final int SCHEMA = 1;
    /** Extra per-stride keys (besides {@link GaitMetric} keys): lengths and speed in leg lengths. */
    public static final List<StrideParameter> NORMALISED = List.of(StrideParameter.STEP_LENGTH_NORM,
            StrideParameter.STRIDE_LENGTH_NORM, StrideParameter.SPEED_NORM);

    public ReportInput {
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("unsupported report-input schema " + schema + " (this gaitlens reads "
                    + SCHEMA + "); re-run 'gaitlens analyze' on the recording");
        }
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(sessionDate, "sessionDate");
        Objects.requireNonNull(assessment, "assessment");
        passes = List.copyOf(passes);
        events = List.copyOf(events);
        strides = List.copyOf(strides);
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        keyFrames = List.copyOf(keyFrames);
    }

    /**
     * One walking pass.
     *
     * @param index  0-based pass number
     * @param startS start, s
     * @param endS   end, s
     */
    public record Pass(int index, double startS, double endS) {
    }

    /**
     * One accepted stride: its events and its values.
     *
     * @param side         side
     * @param passIndex    walking pass
     * @param contactS     initial contact, s
     * @param toeOffS      toe off, s
     * @param nextContactS next initial contact, s
     * @param values       metric key ({@link GaitMetric#key()} or a {@link #NORMALISED} column) to value; values
     *                     that were not measured are absent
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

    /**
     * Facts about the input that the gait result does not hold.
     *
     * @param inputFile      the input's file name
     * @param inputKind      "video", "landmarks", "trc" or "c3d"
     * @param cameraView     camera view in words
     * @param frameRateHz    sample rate, or {@code null}
     * @param poseModel      pose model or landmark origin in words
     * @param meanConfidence mean leg landmark confidence, or {@code null}
     */
    public record InputFacts(String inputFile, String inputKind, String cameraView, Double frameRateHz,
            String poseModel, Double meanConfidence) {
    }

    /** The snapshot of a finished analysis. */
    public static ReportInput of(GaitResult gait, Assessment assessment, SessionMetadata meta, InputFacts facts,
            String softwareVersion, List<String> warnings, List<KeyFrame> keyFrames) {
        List<Pass> passes = new ArrayList<>();
        for (WalkingPass p : gait.passes()) {
            passes.add(new Pass(p.index(), p.startTimeS(), p.endTimeS()));
        }
        List<StrideValues> strides = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Stride s : gait.strides().getOrDefault(side, List.of())) {
                Map<String, Double> values = new LinkedHashMap<>();
                AssessmentInputs.metrics(s).forEach((m, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        values.put(m.key(), v);
                    }
                });
                for (StrideParameter p : NORMALISED) {
                    double v = p.of(s);
                    if (Double.isFinite(v)) {
                        values.put(p.column(), v);
                    }
                }
                strides.add(new StrideValues(side, s.passIndex(), s.timing().contactS(), s.timing().toeOffS(),
                        s.timing().nextContactS(), values));
            }
        }
        return new ReportInput(SCHEMA, meta.patientId(), meta.sessionDate(), meta.label(), facts.inputFile(),
                facts.inputKind(), facts.cameraView(), facts.frameRateHz(), facts.poseModel(), gait.scale().description(),
                softwareVersion, facts.meanConfidence(), passes, gait.events(), strides, gait.rejections(), assessment,
                warnings, keyFrames);
    }

    /** A copy with other key frames. */
    public ReportInput withKeyFrames(List<KeyFrame> frames) {
        return new ReportInput(schema, patientId, sessionDate, sessionLabel, inputFile, inputKind, cameraView,
                frameRateHz, poseModel, scaleSource, softwareVersion, meanConfidence, passes, events, strides,
                rejections, assessment, warnings, frames);
    }

    /** A copy with other session metadata. */
    public ReportInput withMetadata(SessionMetadata m) {
        return new ReportInput(schema, m.patientId(), m.sessionDate(), m.label(), inputFile, inputKind, cameraView,
                frameRateHz, poseModel, scaleSource, softwareVersion, meanConfidence, passes, events, strides,
                rejections, assessment, warnings, keyFrames);
    }

    /** A copy with another gaitlens version (tests use a fixed one). */
    public ReportInput withSoftwareVersion(String version) {
        return new ReportInput(schema, patientId, sessionDate, sessionLabel, inputFile, inputKind, cameraView,
                frameRateHz, poseModel, scaleSource, version, meanConfidence, passes, events, strides, rejections,
                assessment, warnings, keyFrames);
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
