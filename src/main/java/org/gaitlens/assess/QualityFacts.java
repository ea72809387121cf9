package org.gaitlens.assess;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;

/**
 * Facts about how the session's data were obtained, filled by the pipeline from the motion and gait
 * stages; {@link QualityAssessor} turns them into a {@link QualityVerdict}.
 *
 * @param trackingCoverage  fraction in [0, 1] of the frames of the analysed walking passes in which the
 *                          walker's legs were tracked (landmarks above the confidence threshold, before gap filling)
 * @param rejectedStrides   per side, the number of candidate strides rejected, by reason (free text, e.g. the
 *                          gait engine's rejection reason names); sides without rejections may be absent
 * @param legSwapsCorrected number of left/right landmark swaps that the motion stage corrected
 * @param walkingPasses     number of walking passes analysed
 * @param scale             where the pixel-to-metre scale came from
 * @param warnings          warnings of earlier stages, in words, shown to the user
 * @param poseNearSide      for landmarks from a pose model (video, {@code landmarks.csv}) in a side view: the
 *                          leg that was filmed nearer the camera in some accepted stride of its own while the other
 *                          leg never was (with one walking direction: the side toward the camera in every pass);
 *                          {@code null} when each leg was filmed near the camera in some of its strides (both
 *                          directions), or the landmarks are motion capture or unknown
 * @param nearLegRecordings in a session pooled from several recordings: per leg, the recordings (names) in which
 *                          accepted strides of that leg were filmed with it near the camera, for the evidence
 *                          wording; empty for a single recording (the wording names no recording then)
 */
public record QualityFacts(
        double trackingCoverage,
        Map<Side, Map<String, Integer>> rejectedStrides,
        int legSwapsCorrected,
        int walkingPasses,
        ScaleBasis scale,
        List<String> warnings,
        Side poseNearSide,
        Map<Side, List<String>> nearLegRecordings) {

    public QualityFacts {
        if (!(trackingCoverage >= 0 && trackingCoverage <= 1)) {
            throw new IllegalArgumentException("trackingCoverage must be in [0, 1], was " + trackingCoverage);
        }
        if (legSwapsCorrected < 0) {
            throw new IllegalArgumentException("legSwapsCorrected must be >= 0, was " + legSwapsCorrected);
        }
        if (walkingPasses < 0) {
            throw new IllegalArgumentException("walkingPasses must be >= 0, was " + walkingPasses);
        }
        if (scale == null) {
            throw new IllegalArgumentException("scale must be given (ScaleBasis.NONE when there is none)");
        }
        EnumMap<Side, Map<String, Integer>> copy = new EnumMap<>(Side.class);
        if (rejectedStrides != null) {
            for (Map.Entry<Side, Map<String, Integer>> e : rejectedStrides.entrySet()) {
                for (Map.Entry<String, Integer> r : e.getValue().entrySet()) {
                    if (r.getValue() == null || r.getValue() < 0) {
                        throw new IllegalArgumentException("rejected count for " + e.getKey() + " / " + r.getKey()
                                + " must be >= 0, was " + r.getValue());
                    }
                }
                copy.put(e.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(e.getValue())));
            }
        }
        rejectedStrides = Collections.unmodifiableMap(copy);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        EnumMap<Side, List<String>> near = new EnumMap<>(Side.class);
        if (nearLegRecordings != null) {
            nearLegRecordings.forEach((side, names) -> near.put(side, List.copyOf(names)));
        }
        nearLegRecordings = Collections.unmodifiableMap(near);
    }

    /** Facts of one recording ({@code nearLegRecordings} empty). */
    public QualityFacts(double trackingCoverage, Map<Side, Map<String, Integer>> rejectedStrides,
            int legSwapsCorrected, int walkingPasses, ScaleBasis scale, List<String> warnings, Side poseNearSide) {
        this(trackingCoverage, rejectedStrides, legSwapsCorrected, walkingPasses, scale, warnings, poseNearSide,
                Map.of());
    }

    /** Facts without a known near side ({@code poseNearSide} null). */
    public QualityFacts(double trackingCoverage, Map<Side, Map<String, Integer>> rejectedStrides,
            int legSwapsCorrected, int walkingPasses, ScaleBasis scale, List<String> warnings) {
        this(trackingCoverage, rejectedStrides, legSwapsCorrected, walkingPasses, scale, warnings, null, Map.of());
    }

    /** Facts with no rejections, no leg swaps and no warnings. */
    public static QualityFacts clean(double trackingCoverage, int walkingPasses, ScaleBasis scale) {
        return new QualityFacts(trackingCoverage, Map.of(), 0, walkingPasses, scale, List.of());
    }

    /** Total strides rejected on a side. */
    public int rejectedCount(Side side) {
        return rejectedStrides.getOrDefault(side, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }
}
