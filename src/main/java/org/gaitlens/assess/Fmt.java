package org.gaitlens.assess;

import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * Wording of numbers in evidence sentences: sides, stride statistics and intervals, with each metric's decimals
 * and unit from the metric table ({@link Metric#decimals()}, {@link Metric#unit()}); numbers through
 * {@link Decimals}. Public for the indicator rules ({@code org.gaitlens.assess.indicator}), which word their
 * evidence with it.
 */
public final class Fmt {

    private Fmt() {
    }

    public static String side(Side s) {
        return s == Side.LEFT ? "left" : "right";
    }

    /** "0.68 +- 0.01 s (n 8)". */
    public static String stats(Metric m, SampleStats s) {
        return m.format(s.mean()) + " +- " + m.formatWithUnit(s.sd()) + " (n " + s.n() + ")";
    }

    /** "-0.08 s (95 % CI -0.12 to -0.04 s)"; {@code unit} with its leading space, or empty. */
    public static String ci(IndexValue v, int decimals, String unit, double level) {
        return Decimals.format(v.value(), decimals) + unit + " (" + Math.round(level * 100) + " % CI "
                + Decimals.format(v.ciLow(), decimals) + " to " + Decimals.format(v.ciHigh(), decimals) + unit + ")";
    }

    /** "Stance time: L 0.68 +- 0.01 s (n 8), R ...; R - L -0.08 s (95 % CI ...)[; SI ...]". */
    public static String asymmetry(Metric m, Asymmetry a) {
        StringBuilder sb = new StringBuilder(m.label()).append(": L ").append(stats(m, a.left()))
                .append(", R ").append(stats(m, a.right()));
        if (!a.assessed()) {
            return sb.append("; ").append(a.note()).toString();
        }
        sb.append("; R - L ").append(ci(a.differenceRightMinusLeft(), m.decimals(), " " + m.unit(),
                a.confidenceLevel()));
        if (a.symmetryIndexPct().defined()) {
            sb.append("; SI ").append(ci(a.symmetryIndexPct(), 1, " %", a.confidenceLevel()));
        }
        return sb.toString();
    }
}
