package org.gaitlens.assess;

import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * The lumbar-pattern screening an {@link Assessor} runs on a session's statistics: one {@link Indicator} per
 * {@link Pattern}, in enum order. The product's rules are {@code org.gaitlens.assess.indicator.LumbarIndicators}; the
 * screening is given to the assessor (rather than made by it) so that the rules may use this package's types
 * without this package depending on them.
 */
@FunctionalInterface
public interface PatternScreen {
    /**
     * Evaluates every pattern, allowing for the pose model's camera-side biases ({@link PoseCameraBias}).
     *
     * @param metrics           the session's statistics per metric
     * @param view              the camera view
     * @param frontal           the frontal series (fallback for the trunk list), or {@code null}
     * @param poseNearSide      the leg filmed near the camera when the other never was, for landmarks from a pose
     *                          model ({@link QualityFacts#poseNearSide()}), else {@code null}
     * @param nearLegRecordings per leg, the recordings of a pooled session in which it was filmed near the camera
     *                          ({@link QualityFacts#nearLegRecordings()}); empty for one recording
     * @return one indicator per {@link Pattern}, in enum order
     */
    List<Indicator> evaluate(Map<Metric, MetricSummary> metrics, CameraView view, FrontalSeries frontal,
            Side poseNearSide, Map<Side, List<String>> nearLegRecordings);
}
