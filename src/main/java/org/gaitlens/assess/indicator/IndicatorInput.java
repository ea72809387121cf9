package org.gaitlens.assess.indicator;

import java.util.Collections;
import java.util.List;
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
 * @param poseNearSide the leg filmed near the camera when the other never was, for landmarks from a pose model
 *                     ({@link org.gaitlens.assess.QualityFacts#poseNearSide()}), else {@code null}
 * @param nearLegRecordings per leg, the recordings of a pooled session in which it was filmed near the camera
 *                     ({@link org.gaitlens.assess.QualityFacts#nearLegRecordings()}); empty for one recording
 */
public record IndicatorInput(Map<Metric, MetricSummary> metrics, CameraView view, FrontalSeries frontal,
        Side poseNearSide, Map<Side, List<String>> nearLegRecordings) {

    public IndicatorInput {
        if (metrics == null || view == null) {
            throw new IllegalArgumentException("metrics and view must be given (CameraView.UNKNOWN when unknown)");
        }
        metrics = Collections.unmodifiableMap(metrics);
        nearLegRecordings = nearLegRecordings == null ? Map.of() : Map.copyOf(nearLegRecordings);
    }

    /** The input of one recording (no recording names). */
    public IndicatorInput(Map<Metric, MetricSummary> metrics, CameraView view, FrontalSeries frontal,
            Side poseNearSide) {
        this(metrics, view, frontal, poseNearSide, Map.of());
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
