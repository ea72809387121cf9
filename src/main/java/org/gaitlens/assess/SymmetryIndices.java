package org.gaitlens.assess;

/**
 * Left/right symmetry indices of one bilateral quantity, from the two side values X_L and X_R
 * (usually per-side means). All are 0 for perfect symmetry; SI, GA and SA are signed so that a
 * positive value means the right side is larger (GA is an absolute value by definition).
 *
 * <ul>
 *   <li>Symmetry index (Robinson et al. 1987, J Manipulative Physiol Ther 10:172-176):
 *       {@code SI = 100 (X_R - X_L) / (0.5 (X_R + X_L))} in %. Unstable when X_R + X_L is near zero,
 *       so only for ratio-scale positive quantities, never for signed angles ({@code docs/assessment.md}
 *       section 3).</li>
 *   <li>Ratio {@code X_L / X_R}; 1 for symmetry.</li>
 *   <li>Gait asymmetry (Yogev, Plotnik et al. 2007, Exp Brain Res 177:336-346, defined there for swing
 *       times): {@code GA = 100 |ln(X_R / X_L)|}. Accepted here for any positive quantity.</li>
 *   <li>Symmetry angle (Zifchock et al. 2008, Gait Posture 27:622-627):
 *       {@code SA = (45 deg - atan(X_L / X_R)) / 90 deg x 100 %}; when {@code 45 deg - atan(X_L / X_R)}
 *       exceeds 90 deg (values of opposite sign) 180 deg is subtracted first, as in the paper.</li>
 * </ul>
 *
 * <p>Worked example (also a unit test): stance L 0.60 s, R 0.70 s gives SI = 100 x 0.10 / 0.65 =
 * 15.38 %, ratio = 0.857, GA = 100 ln(0.70/0.60) = 15.42, SA = (45 - 40.60) / 90 x 100 = 4.89 %.
 */
public final class SymmetryIndices {

    private SymmetryIndices() {
    }

    /** Symmetry index in %, positive when the right value is larger (Robinson et al. 1987). */
    public static double symmetryIndexPct(double left, double right) {
        return 100.0 * (right - left) / (0.5 * (right + left));
    }

    /** Ratio left / right. */
    public static double ratioLeftOverRight(double left, double right) {
        return left / right;
    }

    /**
     * Gait asymmetry 100 |ln(X_R / X_L)| (Yogev, Plotnik et al. 2007); {@code NaN} unless both values are positive.
     */
    public static double gaitAsymmetry(double left, double right) {
        if (!(left > 0 && right > 0)) {
            return Double.NaN;
        }
        return 100.0 * Math.abs(Math.log(right / left));
    }

    /**
     * Symmetry angle in %, positive when the right value is larger (Zifchock et al. 2008); {@code NaN}
     * when the right value is zero.
     */
    public static double symmetryAnglePct(double left, double right) {
        if (right == 0) {
            return Double.NaN;
        }
        double angleDeg = 45.0 - Math.toDegrees(Math.atan(left / right));
        if (angleDeg > 90.0) {
            angleDeg -= 180.0;
        }
        return angleDeg / 90.0 * 100.0;
    }
}
