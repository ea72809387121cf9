package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.AssessmentInput;
import org.gaitlens.assess.indicator.LumbarIndicators;
import org.gaitlens.core.AnalysisException;
import org.gaitlens.core.Json;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.gait.FrontalResult;
import org.gaitlens.gait.GaitAnalyzer;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.gait.ParameterStats;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.gait.io.GaitCsvWriter;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.ViewDetection;
import org.gaitlens.motion.ViewDetector;
import org.gaitlens.motion.ViewKind;
import org.gaitlens.reference.Deviation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landmarks to numbers: detects the camera view, runs the gait engine (side view) or the frontal analysis and
 * the assessment on a landmark series, and writes {@code events.csv}, {@code strides.csv}, {@code curves.csv}
 * (side view) or {@code events.csv}, {@code steps.csv}, {@code frontal.csv} (frontal view; see
 * {@link FrontalSessionAnalysis}) and {@code summary.json} into a session folder. A side view's summary ends with
 * its {@code deviation} from healthy walking ({@link Deviations}).
 */
public final class SessionAnalysis {
    /** File name of the session summary. */
    public static final String SUMMARY_JSON = "summary.json";
    private static final Logger LOG = LoggerFactory.getLogger(SessionAnalysis.class);

    /**
     * What the analysis produced: exactly one of {@code gait} (side view) and {@code frontal} (frontal view).
     *
     * @param gait       the gait engine's side-view result, or {@code null} for a frontal session
     * @param frontal    the frontal-view result, or {@code null} for a side-view session
     * @param assessment asymmetry, indicators and quality
     * @param deviation  deviation from healthy walking (side view), or {@code null} for a frontal session
     * @param files      files written, in order
     */
    public record Result(GaitResult gait, FrontalResult frontal, Assessment assessment, Deviation deviation,
            List<Path> files) {
        public Result {
            if ((gait == null) == (frontal == null)) {
                throw new IllegalArgumentException("exactly one of gait and frontal must be given");
            }
            files = List.copyOf(files);
        }

        /** A result without a deviation score (frontal view). */
        public Result(GaitResult gait, FrontalResult frontal, Assessment assessment, List<Path> files) {
            this(gait, frontal, assessment, null, files);
        }

        /** Whether this is a frontal-view session. */
        public boolean isFrontal() {
            return frontal != null;
        }

        /** A copy with other files. */
        public Result withFiles(List<Path> newFiles) {
            return new Result(gait, frontal, assessment, deviation, newFiles);
        }
    }

    /**
     * Where the landmarks came from, recorded in the summary.
     *
     * @param inputFile   the file the user gave (video, landmarks, .trc, .c3d)
     * @param inputSha256 its SHA-256
     * @param kind        "video", "landmarks", "trc" or "c3d"
     * @param details     further facts (model, virtual camera ...), shown as they are
     */
    public record Provenance(Path inputFile, String inputSha256, String kind, Map<String, Object> details) {
        public Provenance {
            details = new LinkedHashMap<>(details);
        }
    }

    private SessionAnalysis() {
    }

    /**
     * Whether the landmarks come from the pose model, whose near-knee bias the assessment allows for: a video, or a
     * {@code landmarks.csv} written by {@code gaitlens pose} (its {@code video.json} lies beside it). Other
     * landmark files (exact synthetic landmarks, other tools) and motion capture are taken as they are.
     */
    static boolean fromPoseModel(Provenance provenance) {
        return "video".equals(provenance.kind()) || "landmarks".equals(provenance.kind())
                && java.nio.file.Files.isRegularFile(provenance.inputFile().resolveSibling("video.json"));
    }

    /**
     * Analyses one walking recording.
     *
     * @throws AnalysisException if no walking pass or no stride was found
     */
    public static Result run(LandmarkSeries series, GaitSettings settings, Provenance provenance, Path outDir,
            List<String> warnings) {
        return run(series, settings, provenance, null, outDir, warnings);
    }

    /**
     * Analyses one walking recording and records who and when it is in {@code summary.json}. The camera view is
     * detected first ({@link ViewDetector}): a frontal view (camera in front of or behind the walker) goes to
     * {@link FrontalSessionAnalysis}, a side view to the gait engine. When the view cannot be told, the side-view
     * analysis is tried, and if it finds no walking pass or stride the error says that the view was not
     * recognised.
     *
     * @param metadata patient, date and label, or {@code null} to leave them out of the summary
     * @throws AnalysisException if no walking pass or no stride (no contacts in a frontal view) was found
     */
    public static Result run(LandmarkSeries series, GaitSettings settings, Provenance provenance,
            SessionMetadata metadata, Path outDir, List<String> warnings) {
        ViewDetection view = ViewDetector.detect(series);
        LOG.info("{}: {}", provenance.inputFile().getFileName(), view.description());
        if (view.kind().isFrontal()) {
            return FrontalSessionAnalysis.run(series, settings, view, provenance, metadata, outDir, warnings);
        }
        GaitResult gait = sideGait(series, settings, provenance.inputFile(), view);
        int strides = gait.strides().values().stream().mapToInt(List::size).sum();
        if (strides == 0) {
            throw new AnalysisException(provenance.inputFile() + ": no complete stride found in "
                    + gait.passes().size() + " walking pass(es) (" + gait.rejections().size()
                    + " candidate strides rejected). Record longer walks: at least 3 full strides per side."
                    + unknownView(view));
        }
        AssessmentInput input = AssessmentInputs.from(gait, series, warnings, fromPoseModel(provenance));
        Assessment assessment = LumbarIndicators.assessor().assess(input);
        Deviation deviation = Deviations.of(gait, settings.cleaning().treadmill());
        List<Path> files;
        try {
            java.nio.file.Files.createDirectories(outDir);
            files = new ArrayList<>(new GaitCsvWriter().writeAll(gait, outDir));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write results to " + outDir, e);
        }
        Path summary = outDir.resolve(SUMMARY_JSON);
        Map<String, Object> content = summary(gait, view, assessment, settings, provenance, metadata);
        content.put("deviation", Deviations.summary(deviation));
        Json.write(summary, content);
        files.add(summary);
        return new Result(gait, null, assessment, deviation, files);
    }

    /**
     * Runs the gait engine on a side view (or a view that could not be told).
     *
     * @throws AnalysisException if no walking pass was found
     */
    static GaitResult sideGait(LandmarkSeries series, GaitSettings settings, Path inputFile, ViewDetection view) {
        GaitResult gait = new GaitAnalyzer(settings).analyze(series);
        if (gait.passes().isEmpty()) {
            throw new AnalysisException(inputFile + ": no walking pass found. Record the patient "
                    + "walking across the camera's view (side view), at least 4 steps in a straight line."
                    + unknownView(view));
        }
        return gait;
    }

    /** What the error of an unrecognised view adds, "" for a recognised one. */
    static String unknownView(ViewDetection view) {
        return view.kind() == ViewKind.UNKNOWN ? " The camera view was not recognised (" + view.description()
                + "). Film the patient from the side, walking across the image, for the full gait analysis, or "
                + "from the front (walking straight toward the camera) for the trunk-list check." : "";
    }

    /** The first entries of every {@code summary.json}: software, session, input and its checksum, settings. */
    static Map<String, Object> summaryHeader(GaitSettings settings, Provenance provenance, SessionMetadata metadata) {
        Map<String, Object> m = summaryStart(metadata);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", provenance.inputFile().toAbsolutePath().toString());
        input.put("sha256", provenance.inputSha256());
        input.put("kind", provenance.kind());
        m.put("input", input);
        m.put("input_details", provenance.details());
        m.put("settings", settings);
        return m;
    }

    /** The first two entries of every {@code summary.json}: software, and session when {@code metadata} is given. */
    static Map<String, Object> summaryStart(SessionMetadata metadata) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("software", "gaitlens " + SoftwareVersion.get());
        if (metadata != null) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("patient_id", metadata.patientId());
            session.put("date", metadata.sessionDate().toString());
            session.put("label", metadata.label());
            m.put("session", session);
        }
        return m;
    }

    static Map<String, Object> summary(GaitResult gait, ViewDetection view, Assessment assessment, GaitSettings settings,
            Provenance provenance, SessionMetadata metadata) {
        Map<String, Object> m = summaryHeader(settings, provenance, metadata);
        m.put("view", view);
        m.put("event_method", gait.eventMethod());
        m.put("scale", gait.scale());
        m.put("passes", gait.passes());
        m.put("pass_steps", gait.passSteps());
        m.put("per_side", perSide(gait.summaries(), side -> gait.strides().getOrDefault(side, List.of()).size()));
        m.put("rejections", gait.rejections());
        m.put("cleaning", gait.cleaningLog());
        m.put("assessment", assessment);
        return m;
    }

    /**
     * {@code summary.json}'s {@code per_side}: per side ({@code left}, {@code right}) the stride count and every
     * stride parameter's statistics by column name; for one recording or the pooled strides of several.
     */
    static Map<String, Object> perSide(Map<Side, Map<StrideParameter, ParameterStats>> summaries,
            ToIntFunction<Side> strideCount) {
        Map<String, Object> perSide = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<StrideParameter, ParameterStats> e : summaries.getOrDefault(side, Map.of()).entrySet()) {
                params.put(e.getKey().column(), e.getValue());
            }
            Map<String, Object> sideSummary = new LinkedHashMap<>();
            sideSummary.put("strides", strideCount.applyAsInt(side));
            sideSummary.put("parameters", params);
            perSide.put(side.name().toLowerCase(Locale.ROOT), sideSummary);
        }
        return perSide;
    }
}
