package org.gaitlens.assess;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * Everything the assessment says about one metric.
 *
 * @param metric    the metric
 * @param perSide   per-side stride statistics (for non-bilateral metrics: the strides of each side)
 * @param pooled    statistics over the strides of both sides
 * @param asymmetry left/right asymmetry for bilateral metrics, {@code null} for pooled metrics
 * @param flags     means outside the healthy range (per side for bilateral metrics, pooled otherwise)
 */
public record MetricSummary(
        Metric metric,
        Map<Side, SampleStats> perSide,
        SampleStats pooled,
        Asymmetry asymmetry,
        List<ReferenceFlag> flags) {

    public MetricSummary {
        EnumMap<Side, SampleStats> copy = new EnumMap<>(Side.class);
        copy.putAll(perSide);
        perSide = Collections.unmodifiableMap(copy);
        flags = List.copyOf(flags);
    }
}
