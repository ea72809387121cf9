package org.gaitlens.assess;

import java.util.List;
import java.util.Optional;
import org.gaitlens.metric.Metric;

/**
 * The assessment of one session: per-metric statistics, asymmetry with confidence intervals and
 * reference flags, waveform asymmetry, screening indicators, overall symmetry and data quality.
 * Serialisable with Jackson as is (records; NaN numbers are written as the string "NaN").
 *
 * @param confidenceLevel coverage of every confidence interval in it
 * @param view            camera view of the session
 * @param metrics         one summary per metric that was measured in at least one stride, in {@link Metric} order
 * @param waveforms       one comparison per joint with curves, in {@link CurveJoint} order
 * @param indicators      one indicator per {@link Pattern}, in enum order (including NONE and NOT_ASSESSABLE)
 * @param symmetry        overall symmetry verdict
 * @param quality         data-quality verdict
 */
public record Assessment(
        double confidenceLevel,
        CameraView view,
        List<MetricSummary> metrics,
        List<WaveformAsymmetry> waveforms,
        List<Indicator> indicators,
        SymmetryVerdict symmetry,
        QualityVerdict quality) {

    public Assessment {
        metrics = List.copyOf(metrics);
        waveforms = List.copyOf(waveforms);
        indicators = List.copyOf(indicators);
    }

    /** The summary of one metric, if it was measured. */
    public Optional<MetricSummary> metric(Metric metric) {
        return metrics.stream().filter(m -> m.metric() == metric).findFirst();
    }

    /** The indicator of one pattern. */
    public Indicator indicator(Pattern pattern) {
        return indicators.stream().filter(i -> i.pattern() == pattern).findFirst().orElseThrow();
    }

}
