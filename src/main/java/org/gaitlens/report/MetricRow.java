package org.gaitlens.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.gaitlens.metric.ReferenceRange;

/**
 * One row of a {@link MetricTable}: a metric per side (or one value for whole-body metrics such as
 * gait speed), its asymmetry and its reference range. Out-of-range and above-threshold flags are
 * derived, never stored separately, so they cannot disagree with the numbers; they appear in the JSON
 * as read-only properties.
 *
 * @param label                 e.g. "Stance time"
 * @param unit                  e.g. "s", "%", "m", "steps/min", "deg"; empty for unitless
 * @param decimals              decimals to show (0-4)
 * @param left                  left-side mean, or {@code null} when not measured
 * @param leftSd                left-side SD across strides, or {@code null}
 * @param right                 right-side mean, or {@code null}
 * @param rightSd               right-side SD, or {@code null}
 * @param overall               value for metrics that have no side (cadence, speed), else {@code null}
 * @param overallSd             its SD, or {@code null}
 * @param asymmetryPct          asymmetry index in %, or {@code null}
 * @param asymmetryMethod       how it was computed, e.g. "SI" (Robinson 1987), "GA", "SA"; may be empty
 * @param asymmetryThresholdPct asymmetry above which it is flagged (absolute value), or {@code null}
 * @param reference             documented normal range with both bounds, or {@code null} where none is documented
 * @param normative             the healthy dataset's mean and SD for the session's matched band, or {@code null}
 *                              where the dataset has no such value (then absent from the JSON). Where it is set, a
 *                              value is out of range when its z-score exceeds {@value #Z_LIMIT} in magnitude, and
 *                              {@code reference} is not used for the flags.
 */
@JsonPropertyOrder({"label", "unit", "decimals", "left", "leftSd", "right", "rightSd", "overall", "overallSd",
    "asymmetryPct", "asymmetryMethod", "asymmetryThresholdPct", "reference", "normative", "leftZ", "rightZ",
    "overallZ", "leftOutOfRange", "rightOutOfRange", "overallOutOfRange", "asymmetryFlagged"})
public record MetricRow(String label, String unit, int decimals, Double left, Double leftSd, Double right,
                        Double rightSd, Double overall, Double overallSd, Double asymmetryPct,
                        String asymmetryMethod, Double asymmetryThresholdPct, ReferenceRange reference,
                        @JsonInclude(JsonInclude.Include.NON_NULL) NormativeValue normative) {
    /**
     * |z| above which a value counts as outside the healthy dataset's range: about the 2.3rd and 97.7th percentiles
     * of a normal distribution, i.e. the usual "mean ± 2 SD" normal range of a gait laboratory.
     */
    public static final double Z_LIMIT = 2.0;

    public MetricRow {
        Checks.requireText(label, "label");
        unit = unit == null ? "" : unit;
        if (decimals < 0 || decimals > 4) {
            throw new IllegalArgumentException("decimals must be in 0..4, was " + decimals);
        }
        Checks.requireFiniteOrNull(left, "left");
        Checks.requireFiniteOrNull(leftSd, "leftSd");
        Checks.requireFiniteOrNull(right, "right");
        Checks.requireFiniteOrNull(rightSd, "rightSd");
        Checks.requireFiniteOrNull(overall, "overall");
        Checks.requireFiniteOrNull(overallSd, "overallSd");
        Checks.requireFiniteOrNull(asymmetryPct, "asymmetryPct");
        Checks.requireFiniteOrNull(asymmetryThresholdPct, "asymmetryThresholdPct");
        asymmetryMethod = asymmetryMethod == null ? "" : asymmetryMethod;
        Checks.requireClosedOrNull(reference, "reference");
    }

    /** A row without a dataset reference. */
    public MetricRow(String label, String unit, int decimals, Double left, Double leftSd, Double right,
                     Double rightSd, Double overall, Double overallSd, Double asymmetryPct,
                     String asymmetryMethod, Double asymmetryThresholdPct, ReferenceRange reference) {
        this(label, unit, decimals, left, leftSd, right, rightSd, overall, overallSd, asymmetryPct, asymmetryMethod,
                asymmetryThresholdPct, reference, null);
    }

    /** A copy with the healthy dataset's reference. */
    public MetricRow withNormative(NormativeValue n) {
        return new MetricRow(label, unit, decimals, left, leftSd, right, rightSd, overall, overallSd, asymmetryPct,
                asymmetryMethod, asymmetryThresholdPct, reference, n);
    }

    /** A bilateral metric (mean and SD per side) with its asymmetry. */
    public static MetricRow bilateral(String label, String unit, int decimals, Double left, Double leftSd,
                                      Double right, Double rightSd, Double asymmetryPct, String asymmetryMethod,
                                      Double asymmetryThresholdPct, ReferenceRange reference) {
        return new MetricRow(label, unit, decimals, left, leftSd, right, rightSd, null, null, asymmetryPct,
                asymmetryMethod, asymmetryThresholdPct, reference);
    }

    /** A whole-body metric with no side (gait speed, cadence). */
    public static MetricRow single(String label, String unit, int decimals, Double value, Double sd,
                                   ReferenceRange reference) {
        return new MetricRow(label, unit, decimals, null, null, null, null, value, sd, null, "", null, reference);
    }

    /** The left value's z-score against {@link #normative}, or {@code null}. */
    @JsonProperty(value = "leftZ", access = JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double leftZ() {
        return normative == null ? null : normative.z(left);
    }

    /** The right value's z-score against {@link #normative}, or {@code null}. */
    @JsonProperty(value = "rightZ", access = JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double rightZ() {
        return normative == null ? null : normative.z(right);
    }

    /** The side-less value's z-score against {@link #normative}, or {@code null}. */
    @JsonProperty(value = "overallZ", access = JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Double overallZ() {
        return normative == null ? null : normative.z(overall);
    }

    @JsonProperty(value = "leftOutOfRange", access = JsonProperty.Access.READ_ONLY)
    public boolean leftOutOfRange() {
        return outOfRange(left, leftZ());
    }

    @JsonProperty(value = "rightOutOfRange", access = JsonProperty.Access.READ_ONLY)
    public boolean rightOutOfRange() {
        return outOfRange(right, rightZ());
    }

    @JsonProperty(value = "overallOutOfRange", access = JsonProperty.Access.READ_ONLY)
    public boolean overallOutOfRange() {
        return outOfRange(overall, overallZ());
    }

    private boolean outOfRange(Double value, Double z) {
        if (normative != null) {
            return z != null && Math.abs(z) > Z_LIMIT;
        }
        return reference != null && reference.isOutside(value);
    }

    @JsonProperty(value = "asymmetryFlagged", access = JsonProperty.Access.READ_ONLY)
    public boolean asymmetryFlagged() {
        return asymmetryPct != null && asymmetryThresholdPct != null
                && Math.abs(asymmetryPct) > asymmetryThresholdPct;
    }
}
