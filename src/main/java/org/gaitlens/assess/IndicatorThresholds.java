package org.gaitlens.assess;

/**
 * The numeric thresholds of the indicator rules, each with where it comes from: a published value, a product
 * choice (with the published facts it rests on), or a measurement. None of the values below was fitted to data
 * the product was run on: they were set when the rules were first written (2026-11-25) and have not changed
 * since. The allowances for the pose model's camera-side reading biases are different: they were measured on
 * the bundled rendered samples and live, with that source, in {@link PoseCameraBias}. The same table is in
 * {@code docs/assessment.md}, section 4.
 *
 * <ul>
 *   <li>Ratio limits, <b>published</b>: the upper limits of healthy adults' symmetry ratios (larger / smaller
 *       side), Patterson et al. 2010 (Gait Posture 31:241-246): stance 1.05, swing 1.06, step length 1.08, as
 *       SI = 200 (ratio - 1) / (ratio + 1): 4.88 %, 5.83 %, 7.69 %. Single support of one leg is the other
 *       leg's swing, so it uses the swing limit.</li>
 *   <li>Smallest temporal difference {@value #TEMPORAL_MIN_DIFF_S} s, <b>published</b>: per-step timing error
 *       of 2D video (Stenum et al. 2021, PLoS Comput Biol 17:e1008935).</li>
 *   <li>Smallest angle difference {@value #ANGLE_MIN_DIFF_DEG} deg, <b>published</b>: the limit of acceptable
 *       kinematic measurement error (McGinley et al. 2009, Gait Posture 29:360-369), above the few degrees that
 *       healthy legs differ by (Sadeghi et al. 2000, Gait Posture 12:34-45).</li>
 *   <li>Smallest clearance difference {@value #CLEARANCE_MIN_DIFF_REL} leg lengths (about 0.9 cm for a 0.9 m
 *       leg), <b>product choice</b> from published values: about two thirds of healthy minimum toe clearance,
 *       1.3 +- 0.45 cm (Winter 1992, Phys Ther 72:45-53), i.e. two between-subject SDs; and about the
 *       resolution of the video foot tip.</li>
 *   <li>Flat or toe-first contact below {@value #HEEL_FIRST_MAX_FRAC} of a side's contacts heel-first while the
 *       other side is heel-first in at least as many, <b>product choice</b> (most contacts): healthy contact is
 *       heel-first (Perry &amp; Burnfield 2010).</li>
 *   <li>Long double support above {@value #DOUBLE_SUPPORT_MAX_FRACTION} of the stride, <b>product choice</b>
 *       above published values: healthy young adults about 0.20 (Perry &amp; Burnfield 2010), older adults
 *       more (Hollman et al. 2011).</li>
 *   <li>Trunk list from a mean lateral shift of {@value #TRUNK_SHIFT_POSSIBLE} trunk lengths (sin 3 deg,
 *       possible) and {@value #TRUNK_SHIFT_LIKELY} (sin 6 deg, likely), <b>product choice</b>: no published
 *       cut-off was found (Wu et al. 2019 describe the pattern); 3 deg lies above the roughly zero-mean lateral
 *       trunk sway of healthy walking.</li>
 * </ul>
 * The structure of the rules (which signs count, how they combine) was revised after runs on the bundled
 * samples, each change for a stated clinical or measurement reason (docs/accuracy.md): the L4 rule needs its
 * loading-response sign, the L5 rule does not report a foot drop whose foot clears the floor better.
 */
public final class IndicatorThresholds {

    /** Healthy upper limit of the stance-time ratio (published: Patterson et al. 2010). */
    public static final double STANCE_RATIO_LIMIT = 1.05;
    /** Healthy upper limit of the swing-time ratio (published: Patterson et al. 2010); used for single support. */
    public static final double SWING_RATIO_LIMIT = 1.06;
    /** Healthy upper limit of the step-length ratio (published: Patterson et al. 2010). */
    public static final double STEP_LENGTH_RATIO_LIMIT = 1.08;
    /** Smallest temporal side difference that counts, s (published: Stenum et al. 2021). */
    public static final double TEMPORAL_MIN_DIFF_S = 0.02;
    /** Smallest angle side difference that counts, deg (published: McGinley et al. 2009). */
    public static final double ANGLE_MIN_DIFF_DEG = 5.0;
    /** Smallest foot-clearance side difference that counts, leg lengths (product choice from Winter 1992). */
    public static final double CLEARANCE_MIN_DIFF_REL = 0.01;
    /** Heel-first fraction below which a side's contact counts as flat or toe-first (product choice). */
    public static final double HEEL_FIRST_MAX_FRAC = 0.5;
    /** Double support as a fraction of the stride above which it counts as long (product choice). */
    public static final double DOUBLE_SUPPORT_MAX_FRACTION = 0.30;
    /** Mean lateral trunk shift (sin 3 deg) for a possible trunk list, trunk lengths (product choice). */
    public static final double TRUNK_SHIFT_POSSIBLE = 0.052;
    /** Mean lateral trunk shift (sin 6 deg) for a likely trunk list, trunk lengths (product choice). */
    public static final double TRUNK_SHIFT_LIKELY = 0.105;

    private IndicatorThresholds() {
    }

    /** SI in % equivalent to a larger/smaller ratio: 200 (ratio - 1) / (ratio + 1). */
    public static double siForRatio(double ratio) {
        return 200.0 * (ratio - 1) / (ratio + 1);
    }
}
