package org.gaitlens.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.ReportFormat;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StudyStore;

/**
 * A finished run's key numbers as left / right rows from the stored per-side metrics, for the run page and the
 * comparison page. Which metrics, and their labels, units and decimals, come from the metric table; a metric is
 * found in the store under its {@link Metric#column()} (the name the store's {@code summary} rows carry).
 */
final class KeyNumbers {
    /** The key metrics in display order. */
    static final List<Metric> KEY_METRICS = List.of(Metric.CADENCE_STEPS_PER_MIN, Metric.SPEED_M_PER_S,
            Metric.STRIDE_TIME_S, Metric.STANCE_PCT, Metric.STEP_LENGTH_M, Metric.STRIDE_LENGTH_M,
            Metric.DOUBLE_SUPPORT_PCT, Metric.KNEE_FLEX_SWING_PEAK_DEG, Metric.HIP_EXT_PEAK_DEG,
            Metric.ANKLE_DF_SWING_DEG, Metric.TRUNK_LEAN_DEG);

    private final StudyStore store;

    KeyNumbers(StudyStore store) {
        this.store = store;
    }

    /** One metric row: label, unit, left and right values. */
    public record MetricRow(String name, String unit, String left, String right) {
    }

    /** The labels of the key metrics, in display order. */
    static List<String> names() {
        return KEY_METRICS.stream().map(Metric::label).toList();
    }

    /** The rows of the key metrics the run has, in {@link #KEY_METRICS} order. */
    List<MetricRow> rows(long runId) {
        Map<String, Map<Side, Double>> byName = new LinkedHashMap<>();
        for (MetricValue v : store.results().metrics(runId)) {
            if (v.side().isPresent()) {
                byName.computeIfAbsent(v.metric(), k -> new EnumMap<>(Side.class)).put(v.side().get(), v.value());
            }
        }
        List<MetricRow> rows = new ArrayList<>();
        for (Metric m : KEY_METRICS) {
            Map<Side, Double> vals = byName.get(m.column());
            if (vals != null) {
                rows.add(new MetricRow(m.label(), m.unit(), ReportFormat.number(vals.get(Side.LEFT), m.decimals()),
                        ReportFormat.number(vals.get(Side.RIGHT), m.decimals())));
            }
        }
        return rows;
    }
}
