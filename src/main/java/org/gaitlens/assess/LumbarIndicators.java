package org.gaitlens.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.gaitlens.core.Side;

/**
 * Rules for the lumbar-relevant screening indicators (DESIGN.md section 5). Every rule compares the
 * two sides of the same walker, so a patient's overall speed or size does not raise an indicator.
 * A side difference counts as a <em>sign</em> only when it is (1) beyond what healthy walkers show
 * between their legs, (2) beyond the measurement error of a video method, and (3) statistically clear:
 * the confidence interval of the difference (Welch t, see {@link AsymmetryEstimator}) excludes zero.
 * The thresholds come from published normal variability and measurement error, not from any data set
 * this product was run on; each is documented below and in {@code docs/assessment.md}.
 *
 * <p><b>Threshold sources.</b>
 * <ul>
 *   <li>Temporal and step-length asymmetry: the upper limits of healthy adults' symmetry ratios (larger
 *       / smaller side) from Patterson et al. 2010 (Gait Posture 31:241-246): stance 1.05, swing 1.06,
 *       step length 1.08, converted to SI = 200 (ratio - 1) / (ratio + 1): 4.88 %, 5.83 %, 7.69 %.
 *       Single support of one leg is the other leg's swing, so it uses the swing limit.</li>
 *   <li>Smallest temporal difference {@value #TEMPORAL_MIN_DIFF_S} s: per-step timing error of 2D video
 *       (Stenum et al. 2021, PLoS Comput Biol 17:e1008935).</li>
 *   <li>Smallest angle difference {@value #ANGLE_MIN_DIFF_DEG} deg: the limit of acceptable kinematic
 *       measurement error (McGinley et al. 2009, Gait Posture 29:360-369), above the few degrees that
 *       healthy legs differ by (Sadeghi et al. 2000, Gait Posture 12:34-45).</li>
 *   <li>Smallest clearance difference {@value #CLEARANCE_MIN_DIFF_REL} leg lengths (about 0.9 cm for a
 *       0.9 m leg): about two thirds of healthy minimum toe clearance, 1.3 +- 0.45 cm (Winter 1992, Phys
 *       Ther 72:45-53), i.e. two between-subject SDs; and about the resolution of the video foot tip.</li>
 *   <li>Flat or toe-first contact: fewer than {@value #HEEL_FIRST_MAX_FRAC} of the side's contacts
 *       heel-first while the other side is heel-first in at least as many (healthy contact is heel-first,
 *       Perry &amp; Burnfield 2010).</li>
 *   <li>Long double support: more than {@value #DOUBLE_SUPPORT_MAX_FRACTION} of the stride (healthy young
 *       adults about 0.20, Perry &amp; Burnfield 2010; older adults more, Hollman et al. 2011).</li>
 *   <li>Trunk list: a mean lateral shift of at least {@value #TRUNK_SHIFT_POSSIBLE} trunk lengths
 *       (sin 3 deg) for "possible" and {@value #TRUNK_SHIFT_LIKELY} (sin 6 deg) for "likely", with its
 *       interval excluding zero. No published cut-off was found (Wu et al. 2019 describe the pattern);
 *       3 deg is a product choice above the roughly zero-mean lateral trunk sway of healthy walking.</li>
 * </ul>
 *
 * <p><b>Rules</b> (S = the side in question, the other side is the reference):
 * <ul>
 *   <li>Antalgic (Wang et al. 2022, Clin Biomech): stance time of S shorter (SI beyond the stance limit)
 *       and single support of S shorter (SI beyond the swing limit). Both: likely; one, the other not
 *       contradicting: possible.</li>
 *   <li>L5 foot drop / steppage (Lee et al. 2010, J Back Musculoskelet Rehabil 23:49-54): primary sign
 *       dorsiflexion in mid-swing lower on S; supporting signs on S: lower foot clearance, more knee or hip
 *       flexion in swing (steppage), flat or toe-first contact. Primary + one supporting: likely; primary
 *       alone or two supporting signs alone: possible. Not raised when the primary sign's foot clears the floor
 *       clearly better than the other without steppage on its side (the signs conflict).</li>
 *   <li>S1 weak push-off (Ryu et al. 2004, J Korean Acad Rehabil Med 28:586-591): primary sign
 *       plantarflexion at toe off lower on S; supporting: hip extension in terminal stance lower on S, long
 *       double support. Primary + one supporting: likely; primary alone: possible. With pose-model landmarks
 *       filmed from one side only, a primary sign on the far leg no larger than
 *       {@link #FAR_ANKLE_PF_BIAS_MAX_DEG} is not assessable (the far ankle reads less plantarflexed).</li>
 *   <li>L4 knee pattern (Yokogawa et al. 2015, PLoS One): primary sign knee flexion peak in loading
 *       response higher on S; supporting: knee flexion at initial contact higher on S. Both: likely; the
 *       primary sign alone: possible; the supporting sign alone raises nothing (not specific). With pose-model
 *       landmarks filmed from one side only, a primary sign on the far leg no larger than
 *       {@link #NEAR_KNEE_BIAS_MAX_DEG} is not assessable: the pose model reads the near knee's loading
 *       flexion lower than the far knee's by that much (below).</li>
 *   <li>Trunk list (Wu et al. 2019, J Orthop Surg Res; frontal view only): mean lateral trunk shift as
 *       above. The indicator names the side opposite the shift, since a list is more often away from the
 *       painful side; the evidence says so.</li>
 * </ul>
 * Sagittal rules need a side view; the trunk list needs a frontal view; the antalgic rule uses timing and
 * works in either view.
 */
public final class LumbarIndicators {

    /** Healthy upper limit of the stance-time ratio (Patterson et al. 2010). */
    public static final double STANCE_RATIO_LIMIT = 1.05;
    /** Healthy upper limit of the swing-time ratio (Patterson et al. 2010); used for single support. */
    public static final double SWING_RATIO_LIMIT = 1.06;
    /** Healthy upper limit of the step-length ratio (Patterson et al. 2010). */
    public static final double STEP_LENGTH_RATIO_LIMIT = 1.08;
    /** Smallest temporal side difference that counts, s (Stenum et al. 2021). */
    public static final double TEMPORAL_MIN_DIFF_S = 0.02;
    /** Smallest angle side difference that counts, deg (McGinley et al. 2009). */
    public static final double ANGLE_MIN_DIFF_DEG = 5.0;
    /**
     * Largest measured amount, deg, by which BlazePose (full model) reads the loading-response knee flexion of
     * the leg nearer a side camera lower than the far leg's, relative to the truth: 2.0-9.5 deg (mean 5.0) on
     * all eight side-view rendered samples with exact angles (docs/accuracy.md, "Near and far knee"). In a
     * video filmed from one side only, a far-side excess up to this size cannot be told from the camera side.
     */
    public static final double NEAR_KNEE_BIAS_MAX_DEG = 9.5;
    /**
     * Largest measured amount, deg, by which BlazePose (full model) reads the plantarflexion at toe off of the
     * leg farther from a side camera lower than the near leg's, relative to the truth: 0.4-14.4 deg (mean 6.5)
     * on all eight side-view rendered samples (docs/accuracy.md, "Near and far ankle at toe off"). In a video
     * filmed from one side only, a far-side deficit up to this size cannot be told from the camera side.
     */
    public static final double FAR_ANKLE_PF_BIAS_MAX_DEG = 14.4;
    /**
     * Largest measured amount, s, by which the stance time of the leg farther from a side camera reads shorter
     * than the near leg's, relative to the truth (BlazePose full, video cleaning as of 2026-12-03): -1 to 56 ms
     * (mean 31) on the eight side-view rendered samples, from far toe offs detected about a frame early
     * (docs/accuracy.md, "Far-leg stance"). Used for a caution only.
     */
    public static final double FAR_STANCE_BIAS_MAX_S = 0.056;
    /** Smallest foot-clearance side difference that counts, leg lengths (Winter 1992). */
    public static final double CLEARANCE_MIN_DIFF_REL = 0.01;
    /** Heel-first fraction below which a side's contact counts as flat or toe-first. */
    public static final double HEEL_FIRST_MAX_FRAC = 0.5;
    /** Double support (both feet down) as a fraction of the stride above which it counts as long. */
    public static final double DOUBLE_SUPPORT_MAX_FRACTION = 0.30;
    /** Mean lateral trunk shift (sin 3 deg) for a possible trunk list, trunk lengths. */
    public static final double TRUNK_SHIFT_POSSIBLE = 0.052;
    /** Mean lateral trunk shift (sin 6 deg) for a likely trunk list, trunk lengths. */
    public static final double TRUNK_SHIFT_LIKELY = 0.105;

    private final double confidenceLevel;

    /** @param confidenceLevel coverage of the intervals used by the rules, e.g. 0.95 */
    public LumbarIndicators(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1), was " + confidenceLevel);
        }
        this.confidenceLevel = confidenceLevel;
    }

    /** SI in % equivalent to a larger/smaller ratio: 200 (ratio - 1) / (ratio + 1). */
    public static double siForRatio(double ratio) {
        return 200.0 * (ratio - 1) / (ratio + 1);
    }

    /**
     * Evaluates every pattern.
     *
     * @param metrics the assessed metrics (absent metrics were not measured)
     * @param view    camera view
     * @param frontal optional frontal series (fallback for the trunk list), or {@code null}
     * @return one indicator per {@link Pattern}, in enum order
     */
    public List<Indicator> evaluate(Map<GaitMetric, MetricSummary> metrics, CameraView view, FrontalSeries frontal) {
        return evaluate(metrics, view, frontal, null);
    }

    /**
     * Evaluates every pattern, allowing for the pose model's near-knee bias.
     *
     * @param poseNearSide the side nearer the camera in every pass when the landmarks come from a pose model
     *                     ({@link QualityFacts#poseNearSide()}), else {@code null}
     */
    public List<Indicator> evaluate(Map<GaitMetric, MetricSummary> metrics, CameraView view, FrontalSeries frontal,
            Side poseNearSide) {
        List<Indicator> out = new ArrayList<>();
        out.add(antalgic(metrics, poseNearSide));
        out.add(footDrop(metrics, view));
        out.add(weakPushOff(metrics, view, poseNearSide));
        out.add(l4Knee(metrics, view, poseNearSide));
        out.add(trunkList(metrics, view, frontal));
        return out;
    }

    private static Asymmetry asym(Map<GaitMetric, MetricSummary> metrics, GaitMetric m) {
        MetricSummary s = metrics.get(m);
        return s == null ? null : s.asymmetry();
    }

    private static boolean usable(Asymmetry a) {
        return a != null && a.assessed();
    }

    private static String sagittalProblem(CameraView view) {
        return view == CameraView.SIDE ? null
                : view == CameraView.FRONTAL ? "it needs a side (sagittal) view, the camera was frontal"
                : "the camera view could not be determined";
    }

    // ---- antalgic --------------------------------------------------------------------------------------------

    private Indicator antalgic(Map<GaitMetric, MetricSummary> metrics, Side poseNearSide) {
        Asymmetry stance = asym(metrics, GaitMetric.STANCE_TIME_S);
        Asymmetry single = asym(metrics, GaitMetric.SINGLE_SUPPORT_S);
        if (!usable(stance) && !usable(single)) {
            return Indicator.of(Pattern.ANTALGIC, null, Strength.NOT_ASSESSABLE, notes(stance, single),
                    "fewer than 3 strides per side with stance and single-support times");
        }
        List<String> ev = new ArrayList<>();
        Optional<Side> stanceSide = shorterBeyondRatio(GaitMetric.STANCE_TIME_S, stance, STANCE_RATIO_LIMIT, ev);
        Optional<Side> singleSide = shorterBeyondRatio(GaitMetric.SINGLE_SUPPORT_S, single, SWING_RATIO_LIMIT, ev);
        if (stanceSide.isPresent() && singleSide.isPresent() && stanceSide.get() == singleSide.get()) {
            farStanceCaution(stance, stanceSide.get(), poseNearSide, ev);
            return Indicator.of(Pattern.ANTALGIC, stanceSide.get(), Strength.LIKELY, ev, null);
        }
        Optional<Side> one = stanceSide.isPresent() ? stanceSide : singleSide;
        Asymmetry other = stanceSide.isPresent() ? single : stance;
        if (one.isPresent() && (stanceSide.isEmpty() || singleSide.isEmpty())
                && !contradicts(other, one.get())) {
            farStanceCaution(stance, one.get(), poseNearSide, ev);
            return Indicator.of(Pattern.ANTALGIC, one.get(), Strength.POSSIBLE, ev, null);
        }
        return Indicator.of(Pattern.ANTALGIC, null, Strength.NONE, ev, null);
    }

    /**
     * Adds a caution when an antalgic sign falls on the far leg of a one-side pose-model video and the stance
     * difference is within {@link #FAR_STANCE_BIAS_MAX_S}: the camera side alone can give that much. The
     * indicator keeps its strength (a real antalgic gait on the far side looks the same); the user is told to
     * film a pass in each direction.
     */
    private static void farStanceCaution(Asymmetry stance, Side side, Side poseNearSide, List<String> ev) {
        if (poseNearSide == null || side != poseNearSide.opposite() || stance == null || !stance.assessed()
                || !(stance.absoluteDifference() <= FAR_STANCE_BIAS_MAX_S)) {
            return;
        }
        SampleStats far = stance.side(side);
        SampleStats near = stance.side(poseNearSide);
        if (far == null || near == null || !(far.mean() < near.mean())) {
            return; // the far stance does not read shorter: the camera-side bias does not explain the sign
        }
        ev.add("Caution: all walking was filmed with the " + Fmt.side(poseNearSide) + " side toward the camera, and "
                + "the pose model reads the far leg's toe off early, so its stance up to "
                + Fmt.num(1000 * FAR_STANCE_BIAS_MAX_S, 0) + " ms shorter than the near leg's (docs/accuracy.md); "
                + "this difference, " + Fmt.num(1000 * stance.absoluteDifference(), 0) + " ms, is within that. "
                + "Film a pass walking the other way to confirm it");
    }

    /** The side whose mean is shorter beyond the ratio limit, the timing floor and with the CI excluding 0. */
    private static Optional<Side> shorterBeyondRatio(GaitMetric m, Asymmetry a, double ratioLimit, List<String> ev) {
        if (!usable(a)) {
            if (a != null) {
                ev.add(Fmt.asymmetry(m, a));
            }
            return Optional.empty();
        }
        double siLimit = siForRatio(ratioLimit);
        Optional<Side> lower = a.significantlyLowerSide(TEMPORAL_MIN_DIFF_S);
        boolean beyond = a.symmetryIndexPct().defined() && Math.abs(a.symmetryIndexPct().value()) >= siLimit;
        String verdict;
        if (lower.isPresent() && beyond) {
            verdict = " -> " + Fmt.side(lower.get()) + " shorter, beyond the healthy limit |SI| " + Fmt.num(siLimit, 2)
                    + " % (ratio " + ratioLimit + ", " + References.PATTERSON_2010 + ")";
        } else {
            verdict = " -> within healthy limits or not statistically clear (|SI| limit " + Fmt.num(siLimit, 2)
                    + " %, difference >= " + TEMPORAL_MIN_DIFF_S + " s, CI excluding 0)";
        }
        ev.add(Fmt.asymmetry(m, a) + verdict);
        return lower.isPresent() && beyond ? lower : Optional.empty();
    }

    /** True when the metric is significantly shorter on the side opposite {@code side}. */
    private static boolean contradicts(Asymmetry a, Side side) {
        return usable(a) && a.significantlyLowerSide(TEMPORAL_MIN_DIFF_S).map(s -> s != side).orElse(false);
    }

    private static List<String> notes(Asymmetry... as) {
        List<String> ev = new ArrayList<>();
        for (Asymmetry a : as) {
            if (a != null && a.note() != null) {
                ev.add(a.note());
            }
        }
        return ev;
    }

    // ---- L5 foot drop ----------------------------------------------------------------------------------------

    private Indicator footDrop(Map<GaitMetric, MetricSummary> metrics, CameraView view) {
        String viewProblem = sagittalProblem(view);
        if (viewProblem != null) {
            return Indicator.of(Pattern.L5_FOOT_DROP, null, Strength.NOT_ASSESSABLE, List.of(), viewProblem);
        }
        Asymmetry df = asym(metrics, GaitMetric.ANKLE_DF_SWING_DEG);
        Asymmetry clearance = asym(metrics, GaitMetric.FOOT_CLEARANCE_REL);
        if (!usable(df) && !usable(clearance)) {
            return Indicator.of(Pattern.L5_FOOT_DROP, null, Strength.NOT_ASSESSABLE, notes(df, clearance),
                    "fewer than 3 strides per side with swing dorsiflexion or foot clearance");
        }
        List<String> ev = new ArrayList<>();
        Optional<Side> primary = sign(GaitMetric.ANKLE_DF_SWING_DEG, df, ANGLE_MIN_DIFF_DEG, false, ev);
        Optional<Side> lowClearance = sign(GaitMetric.FOOT_CLEARANCE_REL, clearance, CLEARANCE_MIN_DIFF_REL, false, ev);
        Optional<Side> kneeSteppage = sign(GaitMetric.KNEE_FLEX_SWING_PEAK_DEG,
                asym(metrics, GaitMetric.KNEE_FLEX_SWING_PEAK_DEG), ANGLE_MIN_DIFF_DEG, true, ev);
        Optional<Side> hipSteppage = sign(GaitMetric.HIP_FLEX_SWING_PEAK_DEG,
                asym(metrics, GaitMetric.HIP_FLEX_SWING_PEAK_DEG), ANGLE_MIN_DIFF_DEG, true, ev);
        Optional<Side> flatContact = flatContact(metrics.get(GaitMetric.CONTACT_HEEL_FIRST_FRAC), ev);
        Optional<Side> steppage = kneeSteppage.isPresent() ? kneeSteppage : hipSteppage;
        if (primary.isPresent() && lowClearance.isPresent() && lowClearance.get() != primary.get()
                && !kneeSteppage.equals(primary) && !hipSteppage.equals(primary)) {
            // a dropped foot that clears the floor better than the other one, without steppage to lift it:
            // the signs contradict each other
            ev.add("Less dorsiflexion in mid-swing on the " + Fmt.side(primary.get()) + " side, but that foot clears "
                    + "the floor better than the " + Fmt.side(primary.get().opposite()) + " one, without steppage: "
                    + "the signs conflict, so no foot-drop pattern is reported");
            return Indicator.of(Pattern.L5_FOOT_DROP, null, Strength.NONE, ev, null);
        }
        if (primary.isPresent()) {
            MetricSummary dfSummary = metrics.get(GaitMetric.ANKLE_DF_SWING_DEG);
            double mean = dfSummary.perSide().get(primary.get()).mean();
            if (GaitMetric.ANKLE_DF_SWING_DEG.reference().compare(mean) < 0) {
                ev.add("Dorsiflexion in mid-swing on the " + Fmt.side(primary.get()) + " side, "
                        + Fmt.value(GaitMetric.ANKLE_DF_SWING_DEG, mean) + ", is below the healthy range ("
                        + GaitMetric.ANKLE_DF_SWING_DEG.reference().source() + ")");
            }
        }
        return combine(Pattern.L5_FOOT_DROP, primary, List.of(lowClearance, steppage, flatContact), 2, ev);
    }

    private Optional<Side> flatContact(MetricSummary heelFirst, List<String> ev) {
        if (heelFirst == null) {
            return Optional.empty();
        }
        SampleStats l = heelFirst.perSide().get(Side.LEFT);
        SampleStats r = heelFirst.perSide().get(Side.RIGHT);
        int min = AsymmetryEstimator.MIN_STRIDES_PER_SIDE;
        if (l == null || r == null || l.n() < min || r.n() < min) {
            return Optional.empty();
        }
        for (Side s : Side.values()) {
            SampleStats mine = s == Side.LEFT ? l : r;
            SampleStats other = s == Side.LEFT ? r : l;
            if (mine.mean() < HEEL_FIRST_MAX_FRAC && other.mean() >= HEEL_FIRST_MAX_FRAC) {
                ev.add("Heel-first contacts: " + Fmt.side(s) + " " + Fmt.num(mine.mean(), 2) + " of " + mine.n()
                        + " strides, " + Fmt.side(s.opposite()) + " " + Fmt.num(other.mean(), 2) + " of " + other.n()
                        + " -> flat or toe-first contact on the " + Fmt.side(s) + " side");
                return Optional.of(s);
            }
        }
        ev.add("Heel-first contacts: left " + Fmt.num(l.mean(), 2) + ", right " + Fmt.num(r.mean(), 2)
                + " -> no one-sided flat or toe-first contact");
        return Optional.empty();
    }

    // ---- S1 weak push-off ------------------------------------------------------------------------------------

    private Indicator weakPushOff(Map<GaitMetric, MetricSummary> metrics, CameraView view, Side poseNearSide) {
        String viewProblem = sagittalProblem(view);
        if (viewProblem != null) {
            return Indicator.of(Pattern.S1_WEAK_PUSH_OFF, null, Strength.NOT_ASSESSABLE, List.of(), viewProblem);
        }
        Asymmetry pf = asym(metrics, GaitMetric.ANKLE_PF_TOE_OFF_DEG);
        if (!usable(pf)) {
            return Indicator.of(Pattern.S1_WEAK_PUSH_OFF, null, Strength.NOT_ASSESSABLE, notes(pf),
                    "fewer than 3 strides per side with plantarflexion at toe off");
        }
        List<String> ev = new ArrayList<>();
        Optional<Side> primary = sign(GaitMetric.ANKLE_PF_TOE_OFF_DEG, pf, ANGLE_MIN_DIFF_DEG, false, ev);
        if (primary.isPresent() && farAnklePfDeficit(pf, poseNearSide)) {
            Optional<Indicator> na = cameraSide(Pattern.S1_WEAK_PUSH_OFF, primary.get(), pf, poseNearSide,
                    withinFarAnklePfBias(pf, poseNearSide), "ankle's deficit",
                    "the pose model reads the far ankle's plantarflexion at toe off up to "
                            + Fmt.num(FAR_ANKLE_PF_BIAS_MAX_DEG, 1) + " deg lower than the near ankle's",
                    "less plantarflexion at toe off on the far leg, within the pose model's far-ankle bias", ev);
            if (na.isPresent()) {
                return na.get();
            }
        }
        Optional<Side> hip = sign(GaitMetric.HIP_EXT_PEAK_DEG, asym(metrics, GaitMetric.HIP_EXT_PEAK_DEG),
                ANGLE_MIN_DIFF_DEG, false, ev);
        Optional<Side> longDouble = Optional.empty();
        MetricSummary ds = metrics.get(GaitMetric.DOUBLE_SUPPORT_S);
        MetricSummary stride = metrics.get(GaitMetric.STRIDE_TIME_S);
        if (ds != null && stride != null && ds.pooled().n() > 0 && stride.pooled().mean() > 0) {
            double fraction = ds.pooled().mean() / stride.pooled().mean();
            boolean longDs = fraction > DOUBLE_SUPPORT_MAX_FRACTION;
            ev.add("Double support " + Fmt.num(100 * fraction, 1) + " % of the stride (" + (longDs ? "above" : "within")
                    + " the " + Fmt.num(100 * DOUBLE_SUPPORT_MAX_FRACTION, 0) + " % limit; "
                    + References.PERRY_BURNFIELD_2010 + ", " + References.HOLLMAN_2011 + ")");
            if (longDs && primary.isPresent()) {
                longDouble = primary; // global sign: supports whichever side has the primary sign
            }
        }
        return combine(Pattern.S1_WEAK_PUSH_OFF, primary, List.of(hip, longDouble), Integer.MAX_VALUE, ev);
    }

    // ---- L4 knee ---------------------------------------------------------------------------------------------

    private Indicator l4Knee(Map<GaitMetric, MetricSummary> metrics, CameraView view, Side poseNearSide) {
        String viewProblem = sagittalProblem(view);
        if (viewProblem != null) {
            return Indicator.of(Pattern.L4_KNEE, null, Strength.NOT_ASSESSABLE, List.of(), viewProblem);
        }
        Asymmetry loading = asym(metrics, GaitMetric.KNEE_FLEX_LOADING_PEAK_DEG);
        Asymmetry ic = asym(metrics, GaitMetric.KNEE_FLEX_IC_DEG);
        if (!usable(loading) && !usable(ic)) {
            return Indicator.of(Pattern.L4_KNEE, null, Strength.NOT_ASSESSABLE, notes(loading, ic),
                    "fewer than 3 strides per side with knee flexion at contact or in loading response");
        }
        List<String> ev = new ArrayList<>();
        Optional<Side> primary = sign(GaitMetric.KNEE_FLEX_LOADING_PEAK_DEG, loading, ANGLE_MIN_DIFF_DEG, true, ev);
        Optional<Side> atContact = sign(GaitMetric.KNEE_FLEX_IC_DEG, ic, ANGLE_MIN_DIFF_DEG, true, ev);
        // The pattern is defined by the loading response (Yokogawa et al. 2015): without that sign the indicator
        // stays off, as S1 does without its primary sign. More knee flexion at contact alone is not specific:
        // a shorter step, a flexed-knee gait, or in a side video the near knee's straightening by the pose
        // model (docs/accuracy.md) give it too.
        if (primary.isPresent() && farKneeExcess(loading, poseNearSide)) {
            Optional<Indicator> na = cameraSide(Pattern.L4_KNEE, primary.get(), loading, poseNearSide,
                    withinNearKneeBias(loading, poseNearSide), "knee's excess loading flexion",
                    "the pose model reads the near knee's loading-response flexion up to "
                            + Fmt.num(NEAR_KNEE_BIAS_MAX_DEG, 1) + " deg lower than the far knee's",
                    "more loading-response knee flexion on the far leg, within the pose model's near-knee bias", ev);
            if (na.isPresent()) {
                return na.get();
            }
        }
        return combine(Pattern.L4_KNEE, primary, List.of(atContact), Integer.MAX_VALUE, ev);
    }

    /**
     * The camera-side rule shared by L4 and S1, for a primary sign on the far leg of a video filmed from one side:
     * within the measured reading bias the pattern is not assessable (returned, with the reason in the
     * evidence); beyond it the sign stands and the evidence gets a caution (empty returned).
     *
     * @param within    whether the side difference is within the bias
     * @param what      the far leg's sign, e.g. "knee's excess loading flexion"
     * @param bias      the measured bias, as a sentence tail after "all walking was filmed ...; "
     * @param statement the not-assessable reason, before "; film walking in both directions"
     */
    private static Optional<Indicator> cameraSide(Pattern p, Side primary, Asymmetry a, Side poseNearSide,
            boolean within, String what, String bias, String statement, List<String> ev) {
        String why = "all walking was filmed with the " + Fmt.side(poseNearSide) + " side toward the camera; " + bias
                + " (docs/accuracy.md)";
        if (within) {
            ev.add("The " + Fmt.side(primary) + " (far) " + what + " of " + Fmt.num(a.absoluteDifference(), 1)
                    + " deg is within what the camera side alone gives: " + why
                    + ". Film a pass walking the other way to assess it");
            return Optional.of(Indicator.of(p, null, Strength.NOT_ASSESSABLE, ev,
                    statement + "; film walking in both directions"));
        }
        ev.add("Caution: " + why + "; the difference exceeds that");
        return Optional.empty();
    }

    /**
     * Whether the far leg of a one-side pose-model video has clearly more loading-response knee flexion (by at
     * least {@link #ANGLE_MIN_DIFF_DEG}, interval excluding zero: the L4 primary sign on the far side).
     */
    static boolean farKneeExcess(Asymmetry loading, Side poseNearSide) {
        return poseNearSide != null && loading != null && loading.assessed()
                && loading.significantlyHigherSide(ANGLE_MIN_DIFF_DEG).filter(s -> s == poseNearSide.opposite())
                        .isPresent();
    }

    /**
     * Whether a loading-response knee flexion difference is a far-leg excess no larger than the pose model's
     * near-knee bias ({@link #NEAR_KNEE_BIAS_MAX_DEG}), i.e. one the camera side alone can give.
     */
    static boolean withinNearKneeBias(Asymmetry loading, Side poseNearSide) {
        return farKneeExcess(loading, poseNearSide) && loading.absoluteDifference() <= NEAR_KNEE_BIAS_MAX_DEG;
    }

    /**
     * Whether the far leg of a one-side pose-model video has clearly less plantarflexion at toe off (by at least
     * {@link #ANGLE_MIN_DIFF_DEG}, interval excluding zero: the S1 primary sign on the far side).
     */
    static boolean farAnklePfDeficit(Asymmetry pf, Side poseNearSide) {
        return poseNearSide != null && pf != null && pf.assessed()
                && pf.significantlyLowerSide(ANGLE_MIN_DIFF_DEG).filter(s -> s == poseNearSide.opposite()).isPresent();
    }

    /**
     * Whether a plantarflexion-at-toe-off difference is a far-leg deficit no larger than the pose model's
     * far-ankle bias ({@link #FAR_ANKLE_PF_BIAS_MAX_DEG}), i.e. one the camera side alone can give.
     */
    static boolean withinFarAnklePfBias(Asymmetry pf, Side poseNearSide) {
        return farAnklePfDeficit(pf, poseNearSide) && pf.absoluteDifference() <= FAR_ANKLE_PF_BIAS_MAX_DEG;
    }

    // ---- trunk list ------------------------------------------------------------------------------------------

    private Indicator trunkList(Map<GaitMetric, MetricSummary> metrics, CameraView view, FrontalSeries frontal) {
        if (view != CameraView.FRONTAL) {
            return Indicator.of(Pattern.TRUNK_LIST, null, Strength.NOT_ASSESSABLE, List.of(),
                    view == CameraView.SIDE ? "it needs a frontal view, the camera was at the side"
                            : "the camera view could not be determined");
        }
        MetricSummary shift = metrics.get(GaitMetric.TRUNK_SHIFT_REL);
        SampleStats s;
        String what;
        if (shift != null && shift.pooled().n() >= 2 * AsymmetryEstimator.MIN_STRIDES_PER_SIDE) {
            s = shift.pooled();
            what = "strides";
        } else if (frontal != null) {
            s = SampleStats.of(frontal.blockMeans());
            what = Fmt.num(FrontalSeries.BLOCK_S, 1) + " s blocks";
        } else {
            s = new SampleStats(0, Double.NaN, Double.NaN);
            what = "strides";
        }
        if (s.n() < 2 * AsymmetryEstimator.MIN_STRIDES_PER_SIDE) {
            return Indicator.of(Pattern.TRUNK_LIST, null, Strength.NOT_ASSESSABLE, List.of(),
                    "trunk shift measured in only " + s.n() + " " + what + " ("
                            + 2 * AsymmetryEstimator.MIN_STRIDES_PER_SIDE + " needed)");
        }
        double t = new TDistribution(null, s.n() - 1).inverseCumulativeProbability(0.5 + confidenceLevel / 2);
        double lo = s.mean() - t * s.standardError();
        double hi = s.mean() + t * s.standardError();
        boolean clear = lo > 0 || hi < 0;
        double abs = Math.abs(s.mean());
        Side toward = s.mean() > 0 ? Side.RIGHT : Side.LEFT;
        List<String> ev = new ArrayList<>();
        ev.add("Trunk lateral shift " + Fmt.num(s.mean(), 3) + " trunk lengths (about "
                + Fmt.num(Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, s.mean())))), 1) + " deg; "
                + Math.round(confidenceLevel * 100) + " % CI " + Fmt.num(lo, 3) + " to " + Fmt.num(hi, 3) + ", n " + s.n()
                + " " + what + "; positive = toward the right); limits " + TRUNK_SHIFT_POSSIBLE + " possible, "
                + TRUNK_SHIFT_LIKELY + " likely");
        Strength strength = !clear || abs < TRUNK_SHIFT_POSSIBLE ? Strength.NONE
                : abs >= TRUNK_SHIFT_LIKELY ? Strength.LIKELY : Strength.POSSIBLE;
        if (strength.raised()) {
            ev.add("The trunk is shifted toward the " + Fmt.side(toward) + "; a list is more often away from the "
                    + "painful side (" + References.WU_2019 + "), so the indicator names the "
                    + Fmt.side(toward.opposite()) + " side");
        }
        return Indicator.of(Pattern.TRUNK_LIST, toward.opposite(), strength, ev, null);
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /**
     * A one-sided sign: the side where the metric is lower ({@code higher == false}) or higher by at least
     * {@code minDiff} with the CI of the difference excluding zero. Adds an evidence sentence when measured.
     */
    private static Optional<Side> sign(GaitMetric m, Asymmetry a, double minDiff, boolean higher, List<String> ev) {
        if (a == null) {
            return Optional.empty();
        }
        if (!a.assessed()) {
            ev.add(Fmt.asymmetry(m, a));
            return Optional.empty();
        }
        Optional<Side> s = higher ? a.significantlyHigherSide(minDiff) : a.significantlyLowerSide(minDiff);
        ev.add(Fmt.asymmetry(m, a) + (s.isPresent()
                ? " -> " + (higher ? "higher" : "lower") + " on the " + Fmt.side(s.get()) + " side by at least "
                        + Fmt.num(minDiff, Fmt.decimals(m)) + " " + m.unit()
                : " -> no clear side difference of " + Fmt.num(minDiff, Fmt.decimals(m)) + " " + m.unit()
                        + " or more"));
        return s;
    }

    /**
     * Primary + at least one supporting sign on the same side: likely. Primary alone: possible. No primary
     * but at least {@code supportingAlone} supporting signs on one side: possible. Else none.
     */
    private static Indicator combine(Pattern p, Optional<Side> primary, List<Optional<Side>> supporting,
            int supportingAlone, List<String> ev) {
        if (primary.isPresent()) {
            long same = supporting.stream().filter(s -> s.equals(primary)).count();
            return Indicator.of(p, primary.get(), same >= 1 ? Strength.LIKELY : Strength.POSSIBLE, ev, null);
        }
        for (Side side : Side.values()) {
            long count = supporting.stream().filter(s -> s.isPresent() && s.get() == side).count();
            if (count >= supportingAlone) {
                return Indicator.of(p, side, Strength.POSSIBLE, ev, null);
            }
        }
        return Indicator.of(p, null, Strength.NONE, ev, null);
    }
}
