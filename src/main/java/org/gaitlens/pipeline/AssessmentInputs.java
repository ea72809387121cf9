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
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.PooledStride;
import org.gaitlens.gait.Rejection;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.metric.Metric;
import org.gaitlens.motion.LandmarkSeries;
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
        return from(PooledGait.of("recording", gait), List.of(new Source(raw, poseLandmarks)), warnings, false);
    }

    /**
     * One recording's share of the input besides its strides.
     *
     * @param raw           its landmark series before cleaning (for the tracking coverage)
     * @param poseLandmarks whether its landmarks come from a pose model
     */
    record Source(LandmarkSeries raw, boolean poseLandmarks) {
    }

    /**
     * The input of a session pooled from one or more recordings: every recording's accepted strides and curves, all
     * rejections, the tracking coverage over all recordings' passes, leg swaps and passes summed, the least precise
     * scale basis, and the near leg from every stride's own pass ({@link #nearLegs}).
     *
     * @param sources one per recording of {@code pooled}, in the same order
     * @param named   whether to name the recordings (view-problem warnings prefixed with the recording, evidence
     *                naming the recordings that showed each leg near the camera): a session of several recordings
     */
    static AssessmentInput from(PooledGait pooled, List<Source> sources, List<String> warnings, boolean named) {
        if (sources.size() != pooled.recordings().size()) {
            throw new IllegalArgumentException(sources.size() + " sources for " + pooled.recordings().size()
                    + " recordings");
        }
        Map<Side, List<Map<Metric, Double>>> strides = new EnumMap<>(Side.class);
        Map<Side, Map<CurveJoint, List<double[]>>> curves = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<Map<Metric, Double>> rows = new ArrayList<>();
            Map<CurveJoint, List<double[]>> sideCurves = new EnumMap<>(CurveJoint.class);
            for (Stride s : pooled.strides(side)) {
                rows.add(metrics(s));
                for (Map.Entry<Joint, double[]> c : s.kinematics().curvesDeg().entrySet()) {
                    sideCurves.computeIfAbsent(curveJoint(c.getKey()), k -> new ArrayList<>()).add(c.getValue());
                }
            }
            strides.put(side, rows);
            curves.put(side, sideCurves);
        }
        Map<Side, Map<String, Integer>> rejected = new EnumMap<>(Side.class);
        List<String> allWarnings = new ArrayList<>(warnings);
        int tracked = 0;
        int inside = 0;
        int legSwaps = 0;
        ScaleBasis scale = null;
        for (int i = 0; i < sources.size(); i++) {
            PooledGait.Recording rec = pooled.recordings().get(i);
            GaitResult gait = rec.gait();
            for (Rejection r : gait.rejections()) {
                rejected.computeIfAbsent(r.side(), k -> new LinkedHashMap<>()).merge(r.reason().name(), 1, Integer::sum);
            }
            String prefix = named ? rec.name() + ": " : "";
            gait.motion().viewProblems().forEach(v -> allWarnings.add(prefix + v.description()));
            int[] coverage = trackedSamples(sources.get(i).raw(), gait.passes());
            tracked += coverage[0];
            inside += coverage[1];
            legSwaps += gait.cleaningLog().legSwapFrames().size();
            ScaleBasis b = scaleBasis(gait);
            scale = scale == null || b.ordinal() > scale.ordinal() ? b : scale;
        }
        NearLegs near = nearLegs(pooled, sources);
        QualityFacts quality = new QualityFacts(inside == 0 ? 0 : (double) tracked / inside, rejected, legSwaps,
                pooled.passCount(), scale, allWarnings, near.poseNearSide(), named ? near.recordings() : Map.of());
        return new AssessmentInput(strides, curves, CameraView.SIDE, quality, null);
    }

    /**
     * Where each leg was filmed from, over the accepted strides of pose-model recordings.
     *
     * @param poseNearSide the leg filmed near the camera in some of its own strides while the other leg never was;
     *                     when neither was, the side toward the camera in every pass that gave strides; else
     *                     {@code null} (each leg seen near, or the strides' passes face both ways)
     * @param recordings   per leg, the recordings in which strides of that leg were filmed with it near the camera
     */
    record NearLegs(Side poseNearSide, Map<Side, List<String>> recordings) {
    }

    /**
     * The near-leg evidence of the camera-side rules ({@link QualityFacts#poseNearSide()}): a far-leg sign is
     * judged against the pose model's near/far bias only while that leg was never filmed near the camera in any
     * accepted stride of the session, in any pass or recording. With one walking direction this is the side
     * toward the camera, as before pooling.
     */
    static NearLegs nearLegs(PooledGait pooled, List<Source> sources) {
        Map<Side, List<String>> nearIn = new EnumMap<>(Side.class);
        java.util.Set<Side> passSides = java.util.EnumSet.noneOf(Side.class);
        for (Side side : Side.values()) {
            nearIn.put(side, new ArrayList<>());
            for (PooledStride s : pooled.strides().getOrDefault(side, List.of())) {
                if (!sources.get(s.recording()).poseLandmarks()) {
                    continue;
                }
                passSides.add(s.nearSide());
                String name = pooled.recordings().get(s.recording()).name();
                if (s.nearLeg() && !nearIn.get(side).contains(name)) {
                    nearIn.get(side).add(name);
                }
            }
        }
        boolean left = !nearIn.get(Side.LEFT).isEmpty();
        boolean right = !nearIn.get(Side.RIGHT).isEmpty();
        Side near = left != right ? (left ? Side.LEFT : Side.RIGHT)
                : !left && passSides.size() == 1 ? passSides.iterator().next() : null;
        return new NearLegs(near, nearIn);
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
        int[] c = trackedSamples(raw, passes);
        return c[1] == 0 ? 0 : (double) c[0] / c[1];
    }

    /** Samples inside the passes with the walker tracked, and all samples inside the passes (see above). */
    static int[] trackedSamples(LandmarkSeries raw, List<WalkingPass> passes) {
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
        return new int[] {tracked, inside};
    }
}
