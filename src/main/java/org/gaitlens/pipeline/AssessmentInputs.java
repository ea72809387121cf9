package org.gaitlens.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.assess.AssessmentInput;
import org.gaitlens.assess.CameraView;
import org.gaitlens.assess.CurveJoint;
import org.gaitlens.assess.QualityFacts;
import org.gaitlens.assess.ScaleBasis;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.Rejection;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.metric.Metric;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;

/**
 * Fills the assessment's input from the gait engine's result, following the contract in
 * {@code docs/assessment.md} section 1 (signs and conversions included).
 */
final class AssessmentInputs {
    /** Landmarks whose tracking decides whether a frame counts as tracked. */

    private AssessmentInputs() {
    }

    static AssessmentInput from(GaitResult gait, LandmarkSeries raw, List<String> warnings) {
        return from(gait, raw, warnings, false);
    }

    /**
     * @param poseLandmarks whether the landmarks come from a pose model (video or {@code landmarks.csv}), whose
     *                      near-side bias the assessment allows for ({@link QualityFacts#poseNearSide()})
     */
    static AssessmentInput from(GaitResult gait, LandmarkSeries raw, List<String> warnings, boolean poseLandmarks) {
        Map<Side, List<Map<Metric, Double>>> strides = new EnumMap<>(Side.class);
        Map<Side, Map<CurveJoint, List<double[]>>> curves = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<Map<Metric, Double>> rows = new ArrayList<>();
            Map<CurveJoint, List<double[]>> sideCurves = new EnumMap<>(CurveJoint.class);
            for (Stride s : gait.strides().getOrDefault(side, List.of())) {
                rows.add(metrics(s));
                for (Map.Entry<Joint, double[]> c : s.kinematics().curvesDeg().entrySet()) {
                    sideCurves.computeIfAbsent(curveJoint(c.getKey()), k -> new ArrayList<>()).add(c.getValue());
                }
            }
            strides.put(side, rows);
            curves.put(side, sideCurves);
        }
        Map<Side, Map<String, Integer>> rejected = new EnumMap<>(Side.class);
        for (Rejection r : gait.rejections()) {
            rejected.computeIfAbsent(r.side(), k -> new LinkedHashMap<>()).merge(r.reason().name(), 1, Integer::sum);
        }
        List<String> allWarnings = new ArrayList<>(warnings);
        gait.motion().viewProblems().forEach(v -> allWarnings.add(v.description()));
        QualityFacts quality = new QualityFacts(trackingCoverage(raw, gait.passes()), rejected,
                gait.cleaningLog().legSwapFrames().size(), gait.passes().size(), scaleBasis(gait), allWarnings,
                poseLandmarks ? nearSide(gait.passes()) : null);
        return new AssessmentInput(strides, curves, CameraView.SIDE, quality, null);
    }

    /**
     * The side nearer a side-view camera in every pass, or null when passes differ. A walker facing +x (to the
     * right of the image) shows the camera the right side: with image x right and y up, the walker's left is
     * up x forward, which points away from the camera.
     */
    static Side nearSide(List<WalkingPass> passes) {
        Side near = null;
        for (WalkingPass p : passes) {
            Side s = p.facing() == WalkingDirection.POSITIVE_X ? Side.RIGHT : Side.LEFT;
            if (near != null && near != s) {
                return null;
            }
            near = s;
        }
        return near;
    }

    /**
     * The assessed metrics of one stride: every stride parameter whose metric the assessment evaluates, as the
     * metric's value (sign of the table's alias applied: plantarflexion at toe off is minus the dorsiflexion
     * column), and the double support time, which is written per stride only as its two parts.
     */
    static Map<Metric, Double> metrics(Stride s) {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        for (StrideParameter p : StrideParameter.values()) {
            if (p.metric().assessed()) {
                m.put(p.metric(), p.metricValue(s));
            }
        }
        m.put(Metric.DOUBLE_SUPPORT_S, s.initialDoubleSupportS() + s.terminalDoubleSupportS());
        return m;
    }

    static CurveJoint curveJoint(Joint j) {
        return switch (j) {
            case HIP_FLEXION -> CurveJoint.HIP;
            case KNEE_FLEXION -> CurveJoint.KNEE;
            case ANKLE_DORSIFLEXION -> CurveJoint.ANKLE;
            case TRUNK_LEAN -> CurveJoint.TRUNK;
        };
    }

    static ScaleBasis scaleBasis(GaitResult gait) {
        return switch (gait.scale().source()) {
            case CALIBRATION -> ScaleBasis.CALIBRATION;
            case PATIENT_HEIGHT_NOSE_HEEL, PATIENT_HEIGHT_LEG -> ScaleBasis.PATIENT_HEIGHT;
            case NONE -> ScaleBasis.NONE;
        };
    }

    /**
     * Share of the samples inside the walking passes in which the walker was tracked: every leg landmark of both
     * sides has a position, before any gap filling. Confidence is not required here: in a side view the far
     * leg is partly hidden and the pose model reports it with low visibility in most frames although it tracks
     * it; low-confidence samples are handled (masked and filled or left out) by the cleaning stage. 0 when
     * there is no pass.
     */
    static double trackingCoverage(LandmarkSeries raw, List<WalkingPass> passes) {
        int inside = 0;
        int tracked = 0;
        double[] t = raw.timeS();
        for (int i = 0; i < t.length; i++) {
            final double ti = t[i];
            if (passes.stream().noneMatch(p -> ti >= p.startTimeS() && ti <= p.endTimeS())) {
                continue;
            }
            inside++;
            boolean ok = true;
            for (Side side : Side.values()) {
                for (BodyPart part : BodyPart.LEG) {
                    BodyLandmark lm = BodyLandmark.of(side, part);
                    if (raw.has(lm) && !raw.track(lm).has(i)) {
                        ok = false;
                    }
                }
            }
            if (ok) {
                tracked++;
            }
        }
        return inside == 0 ? 0 : (double) tracked / inside;
    }
}
