package org.gaitlens.reference;

import java.util.Locale;

/**
 * Chooses the speed class whose band a session is compared with, from the walker's measured speed; the patient's
 * age is not known to gaitlens, so both age groups are pooled ({@link AgeGroup#ALL}).
 *
 * <p>Rule: the class in which the walker's value is most typical, i.e. with the smallest
 * {@code |z| = |x - mean| / SD} against the class's between-subject mean and SD of the same quantity:
 * <ol>
 *   <li>metric scale (patient height or calibration): the Froude number {@code Fr = v^2 / (g L)} (Hof 1996 [1]),
 *       with the leg length converted to the dataset's measure, {@code L = L_gaitlens / }{@value #LEG_LENGTH_RATIO};
 *   <li>no metric scale: the speed in leg lengths per second, which gaitlens measures in image units, converted
 *       the same way ({@code v / L = }{@value #LEG_LENGTH_RATIO}{@code  v / L_gaitlens}); the dataset has no cadence,
 *       so a cadence-based class cannot be derived from it;
 *   <li>no speed over ground (treadmill) or no stride with a speed: the comfortable class, and the reason says so.
 * </ol>
 * {@value #LEG_LENGTH_RATIO}: gaitlens' leg length is thigh plus shank between joint centres; the dataset's
 * {@code LegLength} is an anthropometric length whose ratio to height (0.515) fits the anterior superior iliac
 * spine to malleolus distance. On the three motion-capture trials with ASIS and ankle markers the joint-centre length
 * is 0.909, 0.913 and 0.926 of the median ASIS-to-malleolus distance (docs/reference.md); a 5 % error in it moves
 * Fr by 5 %, small against the 24-36 % between-subject CV of Fr within a class.
 *
 * <p>[1] Hof A.L. (1996) Scaling gait data to body size. Gait Posture 4:222-223,
 * doi:10.1016/0966-6362(95)01057-2.
 */
public final class BandSelector {
    /** gaitlens' joint-centre leg length divided by the dataset's leg length (see class comment). */
    public static final double LEG_LENGTH_RATIO = 0.92;
    /** Standard gravity, m/s^2. */
    public static final double G_M_PER_S2 = 9.81;
    /** |z| above which the reason warns that the walker is outside the class's usual range. */
    static final double OUTSIDE_Z = 2.0;

    private final NormativeReference reference;

    /** @param reference the reference whose groups are chosen from */
    public BandSelector(NormativeReference reference) {
        this.reference = reference;
    }

    /** The group for a walker, with the reason. */
    public BandChoice choose(WalkerSpeed walker) {
        String ages = "age not known: young and older adults pooled";
        if (!walker.speedMeasured()) {
            return byDefault("walking speed over ground not measured (treadmill): comfortable speed by default; "
                    + ages);
        }
        if (Double.isFinite(walker.speedMPerS()) && walker.legLengthM() > 0) {
            double legM = walker.legLengthM() / LEG_LENGTH_RATIO;
            double fr = walker.speedMPerS() * walker.speedMPerS() / (G_M_PER_S2 * legM);
            return nearest(MatchBasis.FROUDE, ReferenceGroup.FROUDE, fr, String.format(Locale.ROOT,
                    "Froude number %.3f (%.2f m/s; leg length %.2f m, %.2f m as the dataset measures it)",
                    fr, walker.speedMPerS(), walker.legLengthM(), legM), ages);
        }
        if (Double.isFinite(walker.speedLegLengthsPerS())) {
            double v = walker.speedLegLengthsPerS() * LEG_LENGTH_RATIO;
            return nearest(MatchBasis.SPEED_LEG_LENGTHS, ReferenceGroup.SPEED_LEG_PER_S, v, String.format(Locale.ROOT,
                    "no metric scale; speed %.2f leg lengths/s (%.2f as the dataset measures leg length)",
                    walker.speedLegLengthsPerS(), v), ages);
        }
        return byDefault("no walking speed measured: comfortable speed by default; " + ages);
    }

    private BandChoice byDefault(String why) {
        return new BandChoice(reference.group(SpeedClass.COMFORTABLE, AgeGroup.ALL), MatchBasis.NONE, Double.NaN,
                why);
    }

    private BandChoice nearest(MatchBasis basis, String key, double value, String measured, String ages) {
        ReferenceGroup best = null;
        double bestZ = Double.NaN;
        StringBuilder classes = new StringBuilder();
        for (SpeedClass c : SpeedClass.values()) {
            ReferenceGroup g = reference.group(c, AgeGroup.ALL);
            ValueStats s = g.walking(key);
            double z = (value - s.mean()) / s.sd();
            classes.append(classes.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %s +- %s (z %+.1f)",
                    c.key(), trim(s.mean()), trim(s.sd()), z));
            if (best == null || Math.abs(z) < Math.abs(bestZ)) {
                best = g;
                bestZ = z;
            }
        }
        String outside = Math.abs(bestZ) > OUTSIDE_Z ? String.format(Locale.ROOT, "; the walker is outside this class's "
                + "usual range (|z| > %.0f), so part of the deviation may come from speed", OUTSIDE_Z) : "";
        String why = String.format(Locale.ROOT, "%s: closest to the %s class (classes: %s)%s; %s", measured,
                best.speedClass().key(), classes, outside, ages);
        return new BandChoice(best, basis, value, why);
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
