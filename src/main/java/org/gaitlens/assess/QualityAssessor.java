package org.gaitlens.assess;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;

/**
 * Data-quality verdict of a session. Not trustworthy when: a side has fewer than
 * {@link AsymmetryEstimator#MIN_STRIDES_PER_SIDE} accepted strides (the estimator's refusal rule); tracking
 * coverage is below {@value #MIN_COVERAGE}; the camera view is unknown (angle and frontal measures then
 * have no defined meaning); no walking pass was found. Cautions (shown, not invalidating): coverage below
 * {@value #GOOD_COVERAGE}; more strides rejected than accepted on a side; leg swaps corrected; no scale or
 * the pose model's approximate world scale; the earlier stages' warnings, verbatim.
 *
 * <p>The coverage limits are product choices: below 60 % tracked frames more than two in five frames
 * were reconstructed or missing, and events and angles rest on gap filling; below 80 % the report says so.
 */
public final class QualityAssessor {

    /** Tracking coverage below which a session is not trustworthy. */
    public static final double MIN_COVERAGE = 0.6;
    /** Tracking coverage below which the report adds a caution. */
    public static final double GOOD_COVERAGE = 0.8;

    /** The verdict for a session's input. */
    public QualityVerdict assess(AssessmentInput in) {
        QualityFacts q = in.quality();
        List<String> reasons = new ArrayList<>();
        List<String> cautions = new ArrayList<>();
        Map<Side, Integer> used = new EnumMap<>(Side.class);
        Map<Side, Integer> rejected = new EnumMap<>(Side.class);
        int min = AsymmetryEstimator.MIN_STRIDES_PER_SIDE;
        for (Side s : Side.values()) {
            int n = in.strideCount(s);
            int r = q.rejectedCount(s);
            used.put(s, n);
            rejected.put(s, r);
            if (n < min) {
                reasons.add("Only " + n + " " + Fmt.side(s) + " strides were usable (" + min
                        + " per side needed to compare the sides).");
            }
            if (r > n) {
                cautions.add("More " + Fmt.side(s) + " strides were rejected (" + r + ": "
                        + q.rejectedStrides().getOrDefault(s, Map.of()) + ") than used (" + n + ").");
            }
        }
        String coverage = Decimals.format(100 * q.trackingCoverage(), 0) + " %";
        if (q.trackingCoverage() < MIN_COVERAGE) {
            reasons.add("The walker was tracked in only " + coverage + " of the frames (at least "
                    + Decimals.format(100 * MIN_COVERAGE, 0) + " % needed).");
        } else if (q.trackingCoverage() < GOOD_COVERAGE) {
            cautions.add("The walker was tracked in " + coverage + " of the frames; gaps were filled.");
        }
        if (in.view() == CameraView.UNKNOWN) {
            reasons.add("The camera view (side or front) could not be determined.");
        }
        if (q.walkingPasses() == 0) {
            reasons.add("No walking pass was found.");
        }
        if (q.legSwapsCorrected() > 0) {
            cautions.add(q.legSwapsCorrected() + " left/right leg swaps of the pose model were corrected; check the overlay.");
        }
        switch (q.scale()) {
            case NONE -> cautions.add("No scale: lengths and speed are not in metres.");
            case POSE_WORLD_LANDMARKS -> cautions.add(
                    "Scale from the pose model's world landmarks: lengths and speed are approximate.");
            default -> {
            }
        }
        cautions.addAll(q.warnings());
        return new QualityVerdict(reasons.isEmpty(), reasons, cautions, used, rejected, q.trackingCoverage(),
                in.view(), q.scale());
    }
}
