package org.gaitlens.assess.indicator;

import java.util.Collections;
import java.util.Map;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.CameraView;
import org.gaitlens.assess.FrontalSeries;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * What every indicator rule reads.
 *
 * @param metrics      the assessed metrics (an absent metric was not measured)
 * @param view         camera view
 * @param frontal      optional frontal series (fallback for the trunk list), or {@code null}
 * @param poseNearSide the side nearer the camera in every pass when the landmarks come from a pose model
 *                     ({@link org.gaitlens.assess.QualityFacts#poseNearSide()}), else {@code null}
 */
public record IndicatorInput(Map<Metric, MetricSummary> metrics, CameraView view, FrontalSeries frontal,
        Side poseNearSide) {

    public IndicatorInput {
        if (metrics == null || view == null) {
            throw new IllegalArgumentException("metrics and view must be given (CameraView.UNKNOWN when unknown)");
        }
        metrics = Collections.unmodifiableMap(metrics);
    }

    /** The summary of a metric, or {@code null} when it was not measured. */
    MetricSummary summary(Metric m) {
        return metrics.get(m);
    }

    /** The asymmetry of a metric, or {@code null} when it was not measured or is not bilateral. */
    Asymmetry asymmetry(Metric m) {
        MetricSummary s = metrics.get(m);
        return s == null ? null : s.asymmetry();
    }

    /** Whether a metric's asymmetry was assessed (measured, bilateral, enough strides per side). */
    boolean assessed(Metric m) {
        Asymmetry a = asymmetry(m);
        return a != null && a.assessed();
    }
}
