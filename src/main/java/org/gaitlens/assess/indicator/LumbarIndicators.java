package org.gaitlens.assess.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitlens.assess.Assessor;
import org.gaitlens.assess.CameraView;
import org.gaitlens.assess.FrontalSeries;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.PatternScreen;
import org.gaitlens.assess.PoseCameraBias;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * The lumbar-relevant screening indicators (docs/assessment.md, section 4): runs one {@link IndicatorRule} per
 * {@link Pattern}, in the enum's order. Every rule compares the two sides of the same walker, so a patient's
 * overall speed or size does not raise an indicator. A side difference counts as a <em>sign</em> only when it is
 * (1) beyond what healthy walkers show between their legs, (2) beyond the measurement error of a video method,
 * and (3) statistically clear: the confidence interval of the difference (Welch t, see
 * {@link org.gaitlens.assess.AsymmetryEstimator}) excludes zero.
 *
 * <p>Where the numbers come from: {@link IndicatorThresholds} (published values and product choices, none fitted
 * to data) and {@link PoseCameraBias} (the pose model's camera-side reading biases, measured on the bundled
 * rendered samples). The rules: {@link AntalgicRule}, {@link L5FootDropRule}, {@link S1WeakPushOffRule},
 * {@link L4KneeRule}, {@link TrunkListRule}; their evidence is worded in {@link Evidence}. Sagittal rules need a
 * side view, the trunk list a frontal view; the antalgic rule uses timing and works in either view.
 */
public final class LumbarIndicators implements PatternScreen {

    private final List<IndicatorRule> rules;

    /**
     * @param confidenceLevel coverage of the intervals used by the rules, e.g. 0.95
     * @throws IllegalArgumentException if outside (0, 1)
     */
    public LumbarIndicators(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1), was " + confidenceLevel);
        }
        this.rules = List.of(new AntalgicRule(), new L5FootDropRule(), new S1WeakPushOffRule(), new L4KneeRule(),
                new TrunkListRule(confidenceLevel));
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).pattern() != Pattern.values()[i]) {
                throw new IllegalStateException("rule " + i + " screens " + rules.get(i).pattern() + ", expected "
                        + Pattern.values()[i]);
            }
        }
    }

    /** The product's assessor: 95 % confidence intervals, these rules at the same level. */
    public static Assessor assessor() {
        return new Assessor(0.95, new LumbarIndicators(0.95));
    }

    /**
     * Evaluates every pattern, for landmarks not from a one-direction pose-model video.
     *
     * @param metrics the assessed metrics (absent metrics were not measured)
     * @param view    camera view
     * @param frontal optional frontal series (fallback for the trunk list), or {@code null}
     * @return one indicator per {@link Pattern}, in enum order
     */
    public List<Indicator> evaluate(Map<Metric, MetricSummary> metrics, CameraView view, FrontalSeries frontal) {
        return evaluate(metrics, view, frontal, null);
    }

    /**
     * Evaluates every pattern of one recording, allowing for the pose model's camera-side biases.
     *
     * @param poseNearSide the leg filmed near the camera when the other never was, for landmarks from a pose model
     *                     ({@link org.gaitlens.assess.QualityFacts#poseNearSide()}), else {@code null}
     * @return one indicator per {@link Pattern}, in enum order
     */
    public List<Indicator> evaluate(Map<Metric, MetricSummary> metrics, CameraView view, FrontalSeries frontal,
            Side poseNearSide) {
        return evaluate(metrics, view, frontal, poseNearSide, Map.of());
    }

    /**
     * Evaluates every pattern, allowing for the pose model's camera-side biases, and naming the recordings of a
     * pooled session that showed each leg near the camera.
     *
     * @param nearLegRecordings per leg, the recordings in which it was filmed near the camera
     *                          ({@link org.gaitlens.assess.QualityFacts#nearLegRecordings()}); empty for one
     * @return one indicator per {@link Pattern}, in enum order
     */
    @Override
    public List<Indicator> evaluate(Map<Metric, MetricSummary> metrics, CameraView view, FrontalSeries frontal,
            Side poseNearSide, Map<Side, List<String>> nearLegRecordings) {
        IndicatorInput in = new IndicatorInput(metrics, view, frontal, poseNearSide, nearLegRecordings);
        List<Indicator> out = new ArrayList<>();
        for (IndicatorRule rule : rules) {
            out.add(rule.evaluate(in));
        }
        return out;
    }
}
