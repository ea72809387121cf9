package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.AssessmentInput;
import org.gaitlens.assess.CameraView;
import org.gaitlens.assess.FrontalSeries;
import org.gaitlens.assess.QualityFacts;
import org.gaitlens.assess.ScaleBasis;
import org.gaitlens.assess.indicator.LumbarIndicators;
import org.gaitlens.core.AnalysisException;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Json;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.FrontalAnalyzer;
import org.gaitlens.gait.FrontalResult;
import org.gaitlens.gait.FrontalStep;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.gait.io.GaitCsvWriter;
import org.gaitlens.metric.Metric;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.ViewDetection;

/**
 * The frontal-view path of {@link SessionAnalysis}: {@link FrontalAnalyzer} (camera in front of or behind the
 * walker), the assessment's input per contact, and the session files {@code frontal.csv}, {@code steps.csv},
 * {@code events.csv} and {@code summary.json}.
 *
 * <p>Per-contact metric maps handed to the assessment ({@code docs/assessment.md} section 1), one per initial
 * contact of a foot S (contacts follow Stenum et al. 2024, see {@link FrontalAnalyzer}):
 * <ul>
 *   <li>{@code step_time_s}: time since the other foot's previous contact (same pass);
 *       {@code cadence_steps_per_min} = 60 / step time; {@code stride_time_s}: time to S's next contact.</li>
 *   <li>{@code step_width_m}: lateral heel distance at the contact (pooled; absent without a scale).</li>
 *   <li>{@code trunk_shift_rel}: the mean over the step (this contact to the next contact of either foot) of
 *       sin(trunk lateral lean), i.e. the lateral offset of the shoulder midpoint from the hip midpoint divided
 *       by their distance, + toward the patient's right. Steps do not overlap, so the pooled samples are
 *       independent of each other's frames.</li>
 *   <li>{@code pelvic_obliquity_deg} of side S: the peak drop of the swing-side (other) hip while S is in
 *       stance, + = swing side lower: the maximum of {@code sign(S) x obliquity} from S's contact to S's next
 *       contact, with sign +1 for the right (obliquity is + when the right hip is higher, so a dropped left hip
 *       during right stance is positive) and -1 for the left. Searching the whole stride rather than the
 *       single-support window keeps the peak inside the window although frontal contact times are biased by
 *       0.1-0.2 s (docs/frontal.md); within one stride only S's stance gives a positive lobe of that product
 *       when the pelvis is level on average.</li>
 * </ul>
 */
final class FrontalSessionAnalysis {
    /** Per-frame curves. */
    static final String FRONTAL_CSV = "frontal.csv";
    /** Per-contact steps. */
    static final String STEPS_CSV = "steps.csv";
    /** Contacts, in the side-view events.csv format. */
    static final String EVENTS_CSV = "events.csv";

    private FrontalSessionAnalysis() {
    }

    static SessionAnalysis.Result run(LandmarkSeries series, GaitSettings settings, ViewDetection view,
            SessionAnalysis.Provenance provenance, SessionMetadata metadata, Path outDir, List<String> warnings) {
        FrontalResult frontal = new FrontalAnalyzer(settings.cleaning(), 0.5, 0.02).analyze(series, view.kind());
        if (frontal.motion().passes().isEmpty()) {
            throw new AnalysisException(provenance.inputFile() + ": frontal view, but no stretch with both hips "
                    + "tracked was found. Film the whole body, walking straight toward or away from the camera.");
        }
        List<Contact> contacts = contacts(frontal);
        long perSideMin = java.util.Arrays.stream(Side.values())
                .mapToLong(s -> contacts.stream().filter(c -> c.step().side() == s).count()).min().orElse(0);
        if (perSideMin == 0) {
            throw new AnalysisException(provenance.inputFile() + ": frontal view, but no foot contact of "
                    + (contacts.isEmpty() ? "either foot" : "one foot") + " was found (" + contacts.size()
                    + " contacts). Record at least 4 steps walking straight toward or away from the camera.");
        }
        AssessmentInput input = assessmentInput(frontal, contacts, series, warnings);
        Assessment assessment = LumbarIndicators.assessor().assess(input);
        List<Path> files = new ArrayList<>();
        try {
            java.nio.file.Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write results to " + outDir, e);
        }
        files.add(writeFrontalCsv(frontal, outDir.resolve(FRONTAL_CSV)));
        files.add(writeStepsCsv(frontal, outDir.resolve(STEPS_CSV)));
        files.add(writeEventsCsv(frontal, outDir.resolve(EVENTS_CSV)));
        Path summary = outDir.resolve(SessionAnalysis.SUMMARY_JSON);
        Json.write(summary, summary(frontal, contacts, assessment, settings, provenance, metadata));
        files.add(summary);
        return new SessionAnalysis.Result(null, frontal, assessment, files);
    }

    /**
     * One contact with the values derived from the frontal curves.
     *
     * @param step            the analyzer's step
     * @param passIndex       walking pass of the contact
     * @param nextContactS    the same foot's next contact in the pass, or NaN
     * @param stepEndS        the next contact of either foot in the pass, or NaN
     * @param trunkShiftRel   mean sin(lateral lean) over the step, or NaN
     * @param pelvicDropDeg   peak drop of the swing-side hip over the stride, or NaN
     */
    record Contact(FrontalStep step, int passIndex, double nextContactS, double stepEndS, double trunkShiftRel,
            double pelvicDropDeg) {

        /** The metric map handed to the assessment; NaN values are left out. */
        Map<Metric, Double> metrics() {
            Map<Metric, Double> m = new EnumMap<>(Metric.class);
            put(m, Metric.STEP_TIME_S, step.stepTimeS());
            put(m, Metric.CADENCE_STEPS_PER_MIN, step.stepTimeS() > 0 ? 60 / step.stepTimeS() : Double.NaN);
            put(m, Metric.STRIDE_TIME_S, nextContactS - step.timeS());
            put(m, Metric.STEP_WIDTH_M, step.widthM());
            put(m, Metric.TRUNK_SHIFT_REL, trunkShiftRel);
            put(m, Metric.PELVIC_OBLIQUITY_DEG, pelvicDropDeg);
            return m;
        }

        private static void put(Map<Metric, Double> m, Metric k, double v) {
            if (Double.isFinite(v)) {
                m.put(k, v);
            }
        }
    }

    /** The contacts of a frontal result with their windows and window values, time order. */
    static List<Contact> contacts(FrontalResult r) {
        List<GaitEvent> events = r.contacts();
        List<FrontalStep> steps = r.steps();
        double[] t = r.timeS();
        List<Contact> out = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            FrontalStep s = steps.get(k);
            int pass = events.get(k).passIndex();
            double next = Double.NaN;
            double stepEnd = Double.NaN;
            for (int j = k + 1; j < steps.size(); j++) {
                if (events.get(j).passIndex() != pass) {
                    break;
                }
                if (Double.isNaN(stepEnd)) {
                    stepEnd = steps.get(j).timeS();
                }
                if (steps.get(j).side() == s.side()) {
                    next = steps.get(j).timeS();
                    break;
                }
            }
            double shift = Double.NaN;
            if (!Double.isNaN(stepEnd)) {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < t.length; i++) {
                    if (t[i] >= s.timeS() && t[i] < stepEnd && Double.isFinite(r.trunkLeanDeg()[i])) {
                        sum += Math.sin(Math.toRadians(r.trunkLeanDeg()[i]));
                        n++;
                    }
                }
                shift = n == 0 ? Double.NaN : sum / n;
            }
            double drop = Double.NaN;
            if (!Double.isNaN(next)) {
                double sign = s.side() == Side.RIGHT ? 1 : -1;
                for (int i = 0; i < t.length; i++) {
                    double o = r.pelvicObliquityDeg()[i];
                    if (t[i] >= s.timeS() && t[i] <= next && Double.isFinite(o)) {
                        drop = Double.isNaN(drop) ? sign * o : Math.max(drop, sign * o);
                    }
                }
            }
            out.add(new Contact(s, pass, next, stepEnd, shift, drop));
        }
        return out;
    }

    static AssessmentInput assessmentInput(FrontalResult r, List<Contact> contacts, LandmarkSeries raw,
            List<String> warnings) {
        Map<Side, List<Map<Metric, Double>>> strides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            strides.put(side, new ArrayList<>());
        }
        for (Contact c : contacts) {
            strides.get(c.step().side()).add(c.metrics());
        }
        List<String> all = new ArrayList<>(warnings);
        var motion = r.motion();
        ScaleBasis scale = switch (motion.scale().source()) {
            case CALIBRATION -> ScaleBasis.CALIBRATION;
            case PATIENT_HEIGHT_NOSE_HEEL, PATIENT_HEIGHT_LEG -> ScaleBasis.PATIENT_HEIGHT;
            case NONE -> ScaleBasis.NONE;
        };
        QualityFacts quality = new QualityFacts(AssessmentInputs.trackingCoverage(raw, motion.passes()),
                Map.of(), motion.log().legSwapFrames().size(), motion.passes().size(), scale, all);
        return new AssessmentInput(strides, Map.of(), CameraView.FRONTAL, quality, frontalSeries(r));
    }

    /** sin(lateral lean) per frame inside the pass (the assessment's trunk-shift definition). */
    static FrontalSeries frontalSeries(FrontalResult r) {
        double[] shift = new double[r.timeS().length];
        for (int i = 0; i < shift.length; i++) {
            double lean = r.trunkLeanDeg()[i];
            shift[i] = Double.isFinite(lean) ? Math.sin(Math.toRadians(lean)) : Double.NaN;
        }
        return new FrontalSeries(r.timeS(), shift);
    }

    // ---------------------------------------------------------------- files

    static Path writeFrontalCsv(FrontalResult r, Path file) {
        StringBuilder sb = new StringBuilder("time_s,trunk_shift_hip_widths,trunk_lean_deg,pelvic_obliquity_deg\n");
        for (int i = 0; i < r.timeS().length; i++) {
            if (Double.isNaN(r.trunkLeanDeg()[i]) && Double.isNaN(r.pelvicObliquityDeg()[i])) {
                continue;
            }
            sb.append(num(r.timeS()[i])).append(',').append(num(r.trunkShiftHipWidths()[i])).append(',')
                    .append(num(r.trunkLeanDeg()[i])).append(',').append(num(r.pelvicObliquityDeg()[i])).append('\n');
        }
        Json.writeText(file, sb.toString());
        return file;
    }

    static Path writeStepsCsv(FrontalResult r, Path file) {
        StringBuilder sb = new StringBuilder("side,time_s,step_time_s,step_width_m,step_width_leg\n");
        for (FrontalStep s : r.steps()) {
            sb.append(s.side().code()).append(',').append(num(s.timeS())).append(',').append(num(s.stepTimeS()))
                    .append(',').append(num(s.widthM())).append(',').append(num(s.widthLegLengths())).append('\n');
        }
        Json.writeText(file, sb.toString());
        return file;
    }

    static Path writeEventsCsv(FrontalResult r, Path file) {
        Json.writeText(file, GaitCsvWriter.eventsTable(r.contacts(), r.motion().passes()));
        return file;
    }

    /** A CSV cell: 6 decimals, empty when missing. */
    private static String num(double v) {
        return Decimals.cell(v, 6);
    }

    static Map<String, Object> summary(FrontalResult r, List<Contact> contacts, Assessment assessment,
            GaitSettings settings, SessionAnalysis.Provenance provenance, SessionMetadata metadata) {
        Map<String, Object> m = SessionAnalysis.summaryHeader(settings, provenance, metadata);
        m.put("view", r.view());
        m.put("event_method", r.eventMethod());
        m.put("scale", r.motion().scale());
        m.put("passes", r.motion().passes());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("mean_trunk_shift_hip_widths", r.meanTrunkShiftHipWidths());
        f.put("mean_trunk_lean_deg", r.meanTrunkLeanDeg());
        f.put("mean_pelvic_obliquity_deg", r.meanPelvicObliquityDeg());
        f.put("pelvic_obliquity_range_deg", r.pelvicObliquityRangeDeg());
        f.put("mean_step_width_m", r.meanStepWidthM());
        f.put("mean_step_width_leg_lengths", r.meanStepWidthLegLengths());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Contact c : contacts) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("side", c.step().side());
            s.put("time_s", c.step().timeS());
            s.put("pass", c.passIndex());
            s.put("step_time_s", c.step().stepTimeS());
            s.put("step_width_m", c.step().widthM());
            s.put("step_width_leg_lengths", c.step().widthLegLengths());
            s.put("trunk_shift_rel", c.trunkShiftRel());
            s.put("pelvic_drop_deg", c.pelvicDropDeg());
            steps.add(s);
        }
        f.put("steps", steps);
        m.put("frontal", f);
        m.put("cleaning", r.motion().log());
        m.put("assessment", assessment);
        return m;
    }
}
