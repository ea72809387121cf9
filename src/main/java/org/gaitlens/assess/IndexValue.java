package org.gaitlens.assess;

/**
 * A point estimate with its confidence interval and standard error, or the reason it is undefined.
 *
 * @param value           the estimate, {@code NaN} when undefined
 * @param ciLow           lower confidence bound, {@code NaN} when undefined
 * @param ciHigh          upper confidence bound, {@code NaN} when undefined
 * @param standardError   standard error of the estimate, {@code NaN} when undefined
 * @param undefinedReason why the value is undefined, or {@code null} when it is defined
 */
public record IndexValue(double value, double ciLow, double ciHigh, double standardError, String undefinedReason) {

    public IndexValue {
        if (undefinedReason == null && Double.isNaN(value)) {
            throw new IllegalArgumentException("a NaN value needs an undefinedReason");
        }
        if (!Double.isNaN(ciLow) && !Double.isNaN(ciHigh) && ciLow > ciHigh) {
            throw new IllegalArgumentException("ciLow must be <= ciHigh, was " + ciLow + " > " + ciHigh);
        }
    }

    /** An undefined value with its reason. */
    public static IndexValue undefined(String reason) {
        return new IndexValue(Double.NaN, Double.NaN, Double.NaN, Double.NaN, reason);
    }

    /** True when the value is defined. */
    public boolean defined() {
        return undefinedReason == null;
    }

    /** True when the value is defined and its confidence interval lies entirely above or below zero. */
    public boolean excludesZero() {
        return defined() && (ciLow > 0 || ciHigh < 0);
    }
}
