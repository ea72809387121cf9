package org.gaitlens.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.assess.Assessment;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.FrontalResult;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.metric.Metric;
import org.gaitlens.motion.WalkingPass;
import org.gaitlens.report.KeyFrame;
import org.gaitlens.reporting.ReportInput;

/** Builds the report builders' {@link ReportInput} snapshot from a finished side-view or frontal-view analysis. */
public final class ReportInputs {
    /** Per-stride values besides the assessment's metrics: lengths and speed in leg lengths. */
    private static final List<StrideParameter> NORMALISED = List.of(StrideParameter.STEP_LENGTH_NORM,
            StrideParameter.STRIDE_LENGTH_NORM, StrideParameter.SPEED_NORM);

    private ReportInputs() {
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
        List<ReportInput.Pass> passes = new ArrayList<>();
        for (WalkingPass p : gait.passes()) {
            passes.add(new ReportInput.Pass(p.index(), p.startTimeS(), p.endTimeS()));
        }
        return new ReportInput(ReportInput.SCHEMA, meta.patientId(), meta.sessionDate(), meta.label(), facts.inputFile(),
                facts.inputKind(), facts.cameraView(), facts.frameRateHz(), facts.poseModel(), gait.scale().description(),
                softwareVersion, facts.meanConfidence(), passes, gait.events(), strides(gait), gait.rejections(),
                assessment, warnings, keyFrames);
    }

    /** The snapshot's values of a recording's accepted strides, per side in time order (its own clock and passes). */
    static List<ReportInput.StrideValues> strides(GaitResult gait) {
        List<ReportInput.StrideValues> strides = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Stride s : gait.strides().getOrDefault(side, List.of())) {
                strides.add(strideValues(s, s.passIndex(), 0));
            }
        }
        return strides;
    }

    /**
     * The snapshot's values of one stride: the assessment's metrics and the lengths and speed in leg lengths, its
     * events shifted by {@code offsetS}, in pass {@code passIndex}.
     */
    static ReportInput.StrideValues strideValues(Stride s, int passIndex, double offsetS) {
        Map<String, Double> values = new LinkedHashMap<>();
        AssessmentInputs.metrics(s).forEach((m, v) -> {
            if (v != null && Double.isFinite(v)) {
                values.put(m.key(), v);
            }
        });
        for (StrideParameter p : NORMALISED) {
            double v = p.of(s);
            if (Double.isFinite(v)) {
                values.put(p.metric().key(), v);
            }
        }
        return new ReportInput.StrideValues(s.side(), passIndex, shift(s.timing().contactS(), offsetS),
                shift(s.timing().toeOffS(), offsetS), shift(s.timing().nextContactS(), offsetS), values);
    }

    /** {@code timeS + offsetS}; {@code timeS} itself for a zero offset (so a one-recording snapshot is unchanged). */
    static double shift(double timeS, double offsetS) {
        return offsetS == 0 ? timeS : timeS + offsetS;
    }

    /**
     * The snapshot of a finished frontal-view analysis.
     *
     * @param contacts the per-contact values the assessment received ({@link FrontalSessionAnalysis#contacts})
     */
    static ReportInput of(FrontalResult frontal, List<FrontalSessionAnalysis.Contact> contacts, Assessment assessment,
            SessionMetadata meta, InputFacts facts, String softwareVersion, List<String> warnings) {
        List<ReportInput.Pass> passes = new ArrayList<>();
        for (WalkingPass p : frontal.motion().passes()) {
            passes.add(new ReportInput.Pass(p.index(), p.startTimeS(), p.endTimeS()));
        }
        List<ReportInput.StrideValues> strides = new ArrayList<>();
        List<ReportInput.Step> steps = new ArrayList<>();
        for (FrontalSessionAnalysis.Contact c : contacts) {
            Map<String, Double> values = new LinkedHashMap<>();
            c.metrics().forEach((m, v) -> values.put(m.key(), v));
            if (Double.isFinite(c.step().widthLegLengths())) {
                values.put(Metric.STEP_WIDTH_LEG.key(), c.step().widthLegLengths());
            }
            strides.add(new ReportInput.StrideValues(c.step().side(), c.passIndex(), c.step().timeS(), Double.NaN, c.nextContactS(),
                    values));
            steps.add(new ReportInput.Step(c.step().side(), c.passIndex(), c.step().timeS(), c.step().stepTimeS(),
                    c.step().widthM(), c.step().widthLegLengths()));
        }
        double[] t = frontal.timeS();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (Double.isFinite(frontal.trunkLeanDeg()[i]) && Double.isFinite(frontal.pelvicObliquityDeg()[i])) {
                keep.add(i);
            }
        }
        double[] time = new double[keep.size()];
        double[] lean = new double[keep.size()];
        double[] shift = new double[keep.size()];
        double[] obliq = new double[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            time[k] = Decimals.round(t[i], 4);
            lean[k] = Decimals.round(frontal.trunkLeanDeg()[i], 3);
            shift[k] = Decimals.round(frontal.trunkShiftHipWidths()[i], 4);
            obliq[k] = Decimals.round(frontal.pelvicObliquityDeg()[i], 3);
        }
        ReportInput.Frontal f = new ReportInput.Frontal(frontal.view().kind().name(), frontal.view().description(), frontal.eventMethod(), time,
                lean, shift, obliq, frontal.meanTrunkLeanDeg(), frontal.meanTrunkShiftHipWidths(),
                frontal.meanPelvicObliquityDeg(), frontal.pelvicObliquityRangeDeg(), steps);
        return new ReportInput(ReportInput.SCHEMA, meta.patientId(), meta.sessionDate(), meta.label(), facts.inputFile(),
                facts.inputKind(), facts.cameraView(), facts.frameRateHz(), facts.poseModel(),
                frontal.motion().scale().description(), softwareVersion, facts.meanConfidence(), passes,
                frontal.contacts(), strides, List.of(), assessment, warnings, List.of(), f);
    }

}
