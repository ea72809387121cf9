package org.gaitlens.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One asymmetry index for the asymmetry overview chart.
 *
 * @param label           e.g. "Stance time"
 * @param method          e.g. "SI" (symmetry index, Robinson 1987), "GA" (Plotnik 2007), "RMS diff"
 * @param valuePct        index value, % (signed for SI: positive = right larger)
 * @param ciLowPct        lower 95 % confidence limit, or {@code null}
 * @param ciHighPct       upper 95 % confidence limit, or {@code null}
 * @param thresholdPct    absolute value above which it counts as asymmetric, or {@code null}
 * @param thresholdSource where the threshold comes from; may be empty
 */
public record AsymmetryItem(String label, String method, double valuePct, Double ciLowPct, Double ciHighPct,
                            Double thresholdPct, String thresholdSource) {
    public AsymmetryItem {
        Checks.requireText(label, "label");
        method = method == null ? "" : method;
        Checks.requireFinite(valuePct, "valuePct");
        Checks.requireFiniteOrNull(ciLowPct, "ciLowPct");
        Checks.requireFiniteOrNull(ciHighPct, "ciHighPct");
        if (ciLowPct != null && ciHighPct != null && ciLowPct > ciHighPct) {
            throw new IllegalArgumentException("ciLowPct must be <= ciHighPct, were " + ciLowPct + " and " + ciHighPct);
        }
        if (thresholdPct != null && !(thresholdPct >= 0 && Double.isFinite(thresholdPct))) {
            throw new IllegalArgumentException("thresholdPct must be >= 0, was " + thresholdPct);
        }
        thresholdSource = thresholdSource == null ? "" : thresholdSource;
    }

    @JsonProperty(value = "exceedsThreshold", access = JsonProperty.Access.READ_ONLY)
    public boolean exceedsThreshold() {
        return thresholdPct != null && Math.abs(valuePct) > thresholdPct;
    }
}
