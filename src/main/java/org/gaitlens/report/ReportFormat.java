package org.gaitlens.report;

import java.util.Locale;
import org.gaitlens.core.Decimals;

/** Number formatting shared by the renderers and model sentences (always {@link Locale#ROOT}: "0.61"). */
public final class ReportFormat {
    /** Shown where a value is missing. */
    public static final String MISSING = "–";

    private ReportFormat() {
    }

    /** {@code value} with {@code decimals} decimals, or {@link #MISSING}. */
    public static String number(Double value, int decimals) {
        if (value == null || !Double.isFinite(value)) {
            return MISSING;
        }
        String s = Decimals.format(value, decimals);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** A signed number such as "+0.05" or "-1.2" (zero without sign), or {@link #MISSING}. */
    public static String signed(Double value, int decimals) {
        String s = number(value, decimals);
        if (s.equals(MISSING) || s.startsWith("-") || s.matches("0(\\.0*)?")) {
            return s;
        }
        return "+" + s;
    }

    /** Number with its unit, e.g. "0.61 s", "14 %", "12.0 deg"; "%" and "deg" keep a space (SI style). */
    public static String value(Double value, int decimals, String unit) {
        String n = number(value, decimals);
        if (n.equals(MISSING) || unit == null || unit.isEmpty()) {
            return n;
        }
        return n + " " + unit;
    }
}
