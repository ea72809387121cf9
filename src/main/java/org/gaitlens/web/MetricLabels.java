package org.gaitlens.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key numbers of a run page and of the comparison page: stored metric keys ({@code run_metric.metric}) and
 * their labels, in the order shown.
 *
 * <p>To be replaced by the project's one metric table (key, label, unit, decimals for every metric), which the
 * web app will then read like the reports; until then this list is the web app's own and must name keys as the
 * store writes them.
 */
final class MetricLabels {
    private static final Map<String, String> KEY_METRICS = build();

    private MetricLabels() {
    }

    /** Metric key to label, in display order. */
    static Map<String, String> keyMetrics() {
        return KEY_METRICS;
    }

    private static Map<String, String> build() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cadence_steps_per_min", "Cadence");
        m.put("speed_m_per_s", "Walking speed");
        m.put("stride_time_s", "Stride time");
        m.put("stance_pct", "Stance");
        m.put("step_length_m", "Step length");
        m.put("stride_length_m", "Stride length");
        m.put("double_support_pct", "Double support");
        m.put("knee_flex_swing_peak_deg", "Peak knee flexion (swing)");
        m.put("hip_ext_peak_deg", "Peak hip extension");
        m.put("ankle_dorsi_midswing_deg", "Ankle dorsiflexion (mid-swing)");
        m.put("trunk_lean_mean_deg", "Trunk lean");
        return Collections.unmodifiableMap(m);
    }
}
