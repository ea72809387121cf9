package org.gaitlens.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StudyStore;

/**
 * A finished run's key numbers ({@link MetricLabels}) as left / right rows from the stored per-side metrics, for
 * the run page and the comparison page.
 */
final class KeyNumbers {
    private final StudyStore store;

    KeyNumbers(StudyStore store) {
        this.store = store;
    }

    /** One metric row: name, unit, left and right values. */
    public record MetricRow(String name, String unit, String left, String right) {
    }

    /** The rows of the key metrics the run has, in {@link MetricLabels} order. */
    List<MetricRow> rows(long runId) {
        Map<String, Map<Side, Double>> byMetric = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (MetricValue v : store.results().metrics(runId)) {
            if (v.side().isPresent()) {
                byMetric.computeIfAbsent(v.metric(), k -> new EnumMap<>(Side.class)).put(v.side().get(), v.value());
                units.put(v.metric(), v.unit());
            }
        }
        List<MetricRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : MetricLabels.keyMetrics().entrySet()) {
            Map<Side, Double> vals = byMetric.get(e.getKey());
            if (vals != null) {
                rows.add(new MetricRow(e.getValue(), units.get(e.getKey()), fmt(vals.get(Side.LEFT)),
                        fmt(vals.get(Side.RIGHT))));
            }
        }
        return rows;
    }

    /** A value with 0 decimals from 1000 up, 1 from 10 up, else 2; a dash when missing. */
    static String fmt(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }
}
