package org.gaitlens.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.metric.ReferenceRange;
import org.gaitlens.report.ReportFormat;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StrideValue;
import org.gaitlens.store.StudyStore;

/**
 * A finished run's key numbers as left / right rows from the stored per-side metrics, for the run page and the
 * comparison page, with what the report shows beside a mean: the SD across strides, the number of strides with a
 * value (n) and a flag when the mean lies outside the metric's reference range. Which metrics, and their labels,
 * units, decimals and reference ranges (both bounds set, as in the report's tables), come from the metric table; a
 * metric is found in the store under its {@link Metric#column()} (the name the store's {@code summary} rows carry,
 * its SD under {@code <column>_sd}) and per stride under the same name.
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

    /**
     * One side's value of a metric.
     *
     * @param mean       the mean with the metric's decimals ({@code –} when missing)
     * @param sd         the SD across strides with the same decimals, empty when unknown
     * @param n          strides with a value, 0 when unknown
     * @param outOfRange whether the mean lies outside the reference range
     */
    public record SideValue(String mean, String sd, int n, boolean outOfRange) {
    }

    /** One metric row: label, unit, left and right values, and the reference range ({@code –} when none). */
    public record MetricRow(String name, String unit, SideValue left, SideValue right, String reference) {
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
        Map<String, Map<Side, Integer>> counts = new HashMap<>();
        for (StrideValue v : store.results().strides(runId)) {
            if (!Double.isNaN(v.value())) {
                counts.computeIfAbsent(v.metric(), k -> new EnumMap<>(Side.class)).merge(v.side(), 1, Integer::sum);
            }
        }
        List<MetricRow> rows = new ArrayList<>();
        for (Metric m : KEY_METRICS) {
            Map<Side, Double> means = byName.get(m.column());
            if (means == null) {
                continue;
            }
            Map<Side, Double> sds = byName.getOrDefault(m.column() + "_sd", Map.of());
            Map<Side, Integer> n = counts.getOrDefault(m.column(), Map.of());
            ReferenceRange ref = m.reference().closed() ? m.reference() : null;
            rows.add(new MetricRow(m.label(), m.unit(), side(m, means, sds, n, ref, Side.LEFT),
                    side(m, means, sds, n, ref, Side.RIGHT),
                    ref == null ? ReportFormat.MISSING : ReportFormat.number(ref.low(), m.decimals()) + "–"
                            + ReportFormat.number(ref.high(), m.decimals())));
        }
        return rows;
    }

    private static SideValue side(Metric m, Map<Side, Double> means, Map<Side, Double> sds, Map<Side, Integer> n,
            ReferenceRange ref, Side side) {
        Double mean = means.get(side);
        Double sd = sds.get(side);
        return new SideValue(ReportFormat.number(mean, m.decimals()),
                sd == null || sd.isNaN() ? "" : ReportFormat.number(sd, m.decimals()), n.getOrDefault(side, 0),
                ref != null && mean != null && ref.isOutside(mean));
    }
}
