package org.gaitlens.assess;

import java.util.Locale;
import org.gaitlens.core.Side;

/**
 * Number formatting for evidence sentences: decimals chosen by unit, locale-independent. Public for the
 * indicator rules ({@code org.gaitlens.assess.indicator}), which word their evidence with it.
 */
public final class Fmt {

    private Fmt() {
    }

    public static int decimals(GaitMetric m) {
        return switch (m.unit()) {
            case "s", "trunk lengths", "leg lengths" -> 3;
            case "m", "m/s", "fraction" -> 2;
            default -> 1;
        };
    }

    public static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    public static String value(GaitMetric m, double v) {
        return num(v, decimals(m)) + " " + m.unit();
    }

    public static String side(Side s) {
        return s == Side.LEFT ? "left" : "right";
    }

    public static String stats(GaitMetric m, SampleStats s) {
        return num(s.mean(), decimals(m)) + " +- " + num(s.sd(), decimals(m)) + " " + m.unit() + " (n " + s.n() + ")";
    }

    public static String ci(IndexValue v, int decimals, String unit, double level) {
        return num(v.value(), decimals) + unit + " (" + Math.round(level * 100) + " % CI " + num(v.ciLow(), decimals)
                + " to " + num(v.ciHigh(), decimals) + unit + ")";
    }

    /** "Stance time: L 0.680 +- 0.010 s (n 8), R ...; R - L -0.080 s (95 % CI ...)[; SI ...]". */
    public static String asymmetry(GaitMetric m, Asymmetry a) {
        StringBuilder sb = new StringBuilder(m.label()).append(": L ").append(stats(m, a.left()))
                .append(", R ").append(stats(m, a.right()));
        if (!a.assessed()) {
            return sb.append("; ").append(a.note()).toString();
        }
        sb.append("; R - L ").append(ci(a.differenceRightMinusLeft(), decimals(m), " " + m.unit(), a.confidenceLevel()));
        if (a.symmetryIndexPct().defined()) {
            sb.append("; SI ").append(ci(a.symmetryIndexPct(), 1, " %", a.confidenceLevel()));
        }
        return sb.toString();
    }
}
