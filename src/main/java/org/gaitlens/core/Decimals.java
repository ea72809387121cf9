package org.gaitlens.core;

import java.util.Locale;

/** Rounding and locale-independent formatting of numbers to a number of decimals. */
public final class Decimals {

    private Decimals() {
    }

    /** {@code v} rounded half up to {@code decimals} decimals ({@link Math#round} on the scaled value). */
    public static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** {@code v} with {@code decimals} decimals and a dot, or "n/a" when it is not finite. */
    public static String format(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    /**
     * {@code v} with {@code decimals} decimals and a dot for a CSV cell: empty when {@code v} is NaN (missing),
     * Java's "Infinity" text when it is infinite.
     */
    public static String cell(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** As {@link #format}, with a leading "+" on positive values. */
    public static String signed(double v, int decimals) {
        String s = format(v, decimals);
        return v > 0 ? "+" + s : s;
    }
}
