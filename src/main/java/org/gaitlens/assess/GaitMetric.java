package org.gaitlens.assess;

import static org.gaitlens.assess.ImprovementDirection.HIGHER_IS_BETTER;
import static org.gaitlens.assess.ImprovementDirection.LOWER_IS_BETTER;
import static org.gaitlens.assess.ImprovementDirection.TOWARD_RANGE;
import static org.gaitlens.assess.ImprovementDirection.TOWARD_ZERO;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every per-stride scalar the assessment understands: its file key (snake_case with unit), label,
 * unit, definition, whether it belongs to one leg ({@link #bilateral()}), whether ratio-based
 * symmetry indices make sense for it ({@link #ratioScale()}), which way a change counts as
 * improvement, the published threshold for a between-session change, and an approximate
 * healthy-adult range.
 *
 * <p>Conventions (DESIGN.md section 4): seconds, metres, degrees; left/right anatomical; flexion and
 * dorsiflexion positive, except where a key names the other direction ({@code hip_ext_peak_deg},
 * {@code ankle_pf_toe_off_deg}: positive = extension / plantarflexion). A value is attributed to the
 * side whose stride (initial contact to next initial contact of the same foot) it was measured in.
 * Metrics that are not bilateral (speed, cadence, trunk, step width) are pooled over both sides.
 *
 * <p>Reference ranges and change thresholds, with their sources and how derived ranges were derived,
 * are tabulated in {@code docs/assessment.md}. Main sources: {@value References#PERRY_BURNFIELD_2010};
 * {@value References#WINTER_1991}; {@value References#HOLLMAN_2011}; {@value References#BOHANNON_2011};
 * {@value References#KADABA_1989}; change thresholds {@value References#PERERA_2006},
 * {@value References#STENUM_2021}, {@value References#MCGINLEY_2009}.
 *
 * <p>Ratio-scale flag: symmetry index, ratio, GA and symmetry angle divide one side by the other,
 * which is meaningful only for quantities with a true zero that stay well away from it (times,
 * lengths). Joint angles are signed and their zero depends on the angle definition and camera,
 * so for them only the side difference (in degrees) is reported (DESIGN.md section 5).
 */
public enum GaitMetric {
    STRIDE_TIME_S("stride_time_s", "Stride time", "s",
            "Initial contact to the next initial contact of the same foot.",
            true, true, TOWARD_RANGE, Ranges.STRIDE_TIME, Anchors.TEMPORAL),
    STANCE_TIME_S("stance_time_s", "Stance time", "s",
            "Initial contact to toe off of the same foot.",
            true, true, TOWARD_RANGE, Ranges.STANCE_TIME, Anchors.TEMPORAL),
    SWING_TIME_S("swing_time_s", "Swing time", "s",
            "Toe off to the next initial contact of the same foot.",
            true, true, TOWARD_RANGE, Ranges.SWING_TIME, Anchors.TEMPORAL),
    STANCE_PCT("stance_pct", "Stance", "% of stride",
            "Stance time as a percentage of stride time.",
            true, true, TOWARD_RANGE, Ranges.STANCE_PCT, Anchors.STANCE_PCT),
    SINGLE_SUPPORT_S("single_support_s", "Single support", "s",
            "Time in the stride when only this foot is on the ground (the other foot's swing).",
            true, true, TOWARD_RANGE, Ranges.SINGLE_SUPPORT, Anchors.TEMPORAL),
    DOUBLE_SUPPORT_S("double_support_s", "Double support", "s",
            "Initial plus terminal double support within the stride.",
            true, true, LOWER_IS_BETTER, Ranges.DOUBLE_SUPPORT, Anchors.TEMPORAL),
    STEP_TIME_S("step_time_s", "Step time", "s",
            "Initial contact of the other foot to initial contact of this foot.",
            true, true, TOWARD_RANGE, Ranges.STEP_TIME, Anchors.TEMPORAL),
    STEP_LENGTH_M("step_length_m", "Step length", "m",
            "Distance along the walking direction from the other heel to this heel at this foot's contact.",
            true, true, HIGHER_IS_BETTER, Ranges.STEP_LENGTH, Anchors.LENGTH),
    STRIDE_LENGTH_M("stride_length_m", "Stride length", "m",
            "Distance along the walking direction between two consecutive contacts of this heel.",
            true, true, HIGHER_IS_BETTER, Ranges.STRIDE_LENGTH, Anchors.LENGTH),
    SPEED_M_PER_S("speed_m_per_s", "Gait speed", "m/s",
            "Stride length divided by stride time.",
            false, true, HIGHER_IS_BETTER, Ranges.SPEED, Anchors.SPEED),
    CADENCE_STEPS_PER_MIN("cadence_steps_per_min", "Cadence", "steps/min",
            "Steps per minute: 120 / stride time.",
            false, true, TOWARD_RANGE, Ranges.CADENCE, Anchors.CADENCE),
    KNEE_FLEX_IC_DEG("knee_flex_ic_deg", "Knee flexion at initial contact", "deg",
            "Knee flexion at initial contact.",
            true, false, TOWARD_RANGE, Ranges.KNEE_IC, Anchors.ANGLE),
    KNEE_FLEX_LOADING_PEAK_DEG("knee_flex_loading_peak_deg", "Knee flexion peak in loading", "deg",
            "Peak knee flexion in loading response (first ~15 % of the cycle).",
            true, false, TOWARD_RANGE, Ranges.KNEE_LOADING, Anchors.ANGLE),
    KNEE_FLEX_SWING_PEAK_DEG("knee_flex_swing_peak_deg", "Knee flexion peak in swing", "deg",
            "Peak knee flexion in swing.",
            true, false, TOWARD_RANGE, Ranges.KNEE_SWING, Anchors.ANGLE),
    HIP_EXT_PEAK_DEG("hip_ext_peak_deg", "Hip extension peak", "deg",
            "Peak hip extension in terminal stance, positive = extension.",
            true, false, TOWARD_RANGE, Ranges.HIP_EXT, Anchors.ANGLE),
    HIP_FLEX_SWING_PEAK_DEG("hip_flex_swing_peak_deg", "Hip flexion peak in swing", "deg",
            "Peak hip flexion in swing.",
            true, false, TOWARD_RANGE, Ranges.HIP_FLEX_SWING, Anchors.ANGLE),
    ANKLE_DF_SWING_DEG("ankle_df_swing_deg", "Ankle dorsiflexion in mid-swing", "deg",
            "Mean ankle dorsiflexion in mid-swing, positive = dorsiflexion.",
            true, false, TOWARD_RANGE, Ranges.ANKLE_DF_SWING, Anchors.ANGLE),
    ANKLE_PF_TOE_OFF_DEG("ankle_pf_toe_off_deg", "Ankle plantarflexion at toe off", "deg",
            "Ankle plantarflexion at toe off, positive = plantarflexion.",
            true, false, TOWARD_RANGE, Ranges.ANKLE_PF_TO, Anchors.ANGLE),
    FOOT_CLEARANCE_REL("foot_clearance_rel", "Foot clearance", "leg lengths",
            "Minimum height of the foot tip above the floor line in mid-swing, divided by leg length (video proxy).",
            true, true, HIGHER_IS_BETTER, Ranges.FOOT_CLEARANCE, Anchors.FOOT_CLEARANCE),
    CONTACT_HEEL_FIRST_FRAC("contact_heel_first_frac", "Heel-first contacts", "fraction",
            "Per stride 1 when the initial contact is heel-first, else 0; its mean is the fraction of heel-first contacts.",
            true, false, HIGHER_IS_BETTER, Ranges.HEEL_FIRST, Anchors.HEEL_FIRST),
    TRUNK_LEAN_DEG("trunk_lean_deg", "Trunk forward lean", "deg",
            "Mean forward lean of the trunk (hip midpoint to shoulder midpoint) from vertical over the stride.",
            false, false, TOWARD_RANGE, Ranges.TRUNK_LEAN, Anchors.ANGLE),
    TRUNK_SHIFT_REL("trunk_shift_rel", "Trunk lateral shift", "trunk lengths",
            "Frontal view: mean lateral offset of the shoulder midpoint from the hip midpoint over the stride, "
                    + "divided by the hip-to-shoulder midpoint distance (= sine of the lateral lean); "
                    + "positive = toward the patient's right.",
            false, false, TOWARD_ZERO, Ranges.TRUNK_SHIFT, Anchors.NONE_FRONTAL),
    PELVIC_OBLIQUITY_DEG("pelvic_obliquity_deg", "Pelvic drop", "deg",
            "Frontal view: peak drop of the opposite (swing-side) hip below this stance-side hip during this "
                    + "side's stance, positive = swing side lower (Trendelenburg direction).",
            true, false, TOWARD_RANGE, Ranges.PELVIC_OBLIQUITY, Anchors.NONE_FRONTAL),
    STEP_WIDTH_M("step_width_m", "Step width", "m",
            "Frontal view: mediolateral distance between the two heels at this foot's initial contact.",
            false, true, TOWARD_RANGE, Ranges.STEP_WIDTH, Anchors.NONE_FRONTAL);

    private final String key;
    private final String label;
    private final String unit;
    private final String description;
    private final boolean bilateral;
    private final boolean ratioScale;
    private final ImprovementDirection improvement;
    private final ReferenceRange reference;
    private final ChangeAnchor changeAnchor;

    GaitMetric(String key, String label, String unit, String description, boolean bilateral, boolean ratioScale,
            ImprovementDirection improvement, ReferenceRange reference, ChangeAnchor changeAnchor) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.description = description;
        this.bilateral = bilateral;
        this.ratioScale = ratioScale;
        this.improvement = improvement;
        this.reference = reference;
        this.changeAnchor = changeAnchor;
    }

    /** File and JSON key, snake_case with unit, e.g. {@code stance_time_s}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** Label for reports. */
    public String label() {
        return label;
    }

    /** Unit for reports. */
    public String unit() {
        return unit;
    }

    /** One-sentence definition. */
    public String description() {
        return description;
    }

    /** True when the metric belongs to one leg and left and right are compared. */
    public boolean bilateral() {
        return bilateral;
    }

    /** True when ratio-based symmetry indices (SI, ratio, GA, SA) are meaningful for it. */
    public boolean ratioScale() {
        return ratioScale;
    }

    /** Which way a between-session change counts as improvement. */
    public ImprovementDirection improvement() {
        return improvement;
    }

    /** Approximate healthy-adult range with its source. */
    public ReferenceRange reference() {
        return reference;
    }

    /** Published threshold for a between-session change with its source. */
    public ChangeAnchor changeAnchor() {
        return changeAnchor;
    }

    /**
     * The metric with this key.
     *
     * @throws IllegalArgumentException if no metric has the key
     */
    @JsonCreator
    public static GaitMetric fromKey(String key) {
        for (GaitMetric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric key: " + key);
    }

    /** Healthy-adult ranges; rationale per row in docs/assessment.md. */
    private static final class Ranges {
        private static final String PB = References.PERRY_BURNFIELD_2010;
        static final ReferenceRange CADENCE = new ReferenceRange(100, 120,
                PB + " (mean 113 steps/min); " + References.HOLLMAN_2011 + " for older adults");
        static final ReferenceRange STRIDE_TIME = new ReferenceRange(1.00, 1.20,
                "derived: 120 / cadence for cadence 100-120 steps/min (" + PB + ")");
        static final ReferenceRange STEP_TIME = new ReferenceRange(0.50, 0.60,
                "derived: 60 / cadence for cadence 100-120 steps/min (" + PB + ")");
        static final ReferenceRange STANCE_PCT = new ReferenceRange(57, 65,
                PB + ": stance 60 % at 1.37 m/s; stance share rises at slower speeds ("
                        + References.HOLLMAN_2011 + ")");
        static final ReferenceRange STANCE_TIME = new ReferenceRange(0.57, 0.78,
                "derived: stance 57-65 % of a 1.00-1.20 s stride (" + PB + ")");
        static final ReferenceRange SWING_TIME = new ReferenceRange(0.35, 0.52,
                "derived: swing 35-43 % of a 1.00-1.20 s stride (" + PB + ")");
        static final ReferenceRange SINGLE_SUPPORT = new ReferenceRange(0.35, 0.52,
                "derived: equals the other foot's swing, 35-43 % of a 1.00-1.20 s stride (" + PB + ")");
        static final ReferenceRange DOUBLE_SUPPORT = new ReferenceRange(0.18, 0.36,
                "derived: initial + terminal double support 18-30 % of a 1.00-1.20 s stride (" + PB
                        + ": about 10 % each in young adults; more in older adults, " + References.HOLLMAN_2011 + ")");
        static final ReferenceRange STEP_LENGTH = new ReferenceRange(0.55, 0.80,
                PB + " (stride 1.41 m at free speed, i.e. step about 0.70 m); shorter in older adults ("
                        + References.HOLLMAN_2011 + ")");
        static final ReferenceRange STRIDE_LENGTH = new ReferenceRange(1.10, 1.60,
                "twice the step-length range (" + PB + ")");
        static final ReferenceRange SPEED = new ReferenceRange(1.00, 1.60,
                References.BOHANNON_2011 + ": comfortable speed about 1.1-1.4 m/s from the 20s to the 70s");
        static final ReferenceRange KNEE_IC = new ReferenceRange(0, 10,
                PB + ": knee about 5 deg flexed at initial contact");
        static final ReferenceRange KNEE_LOADING = new ReferenceRange(10, 25,
                PB + " (about 15-20 deg in loading response); " + References.KADABA_1989 + " (between-subject SD ~5 deg)");
        static final ReferenceRange KNEE_SWING = new ReferenceRange(55, 70,
                PB + " (about 60 deg); DESIGN.md 60-70 deg, lower bound widened by one between-subject SD (~5 deg, "
                        + References.KADABA_1989 + ")");
        static final ReferenceRange HIP_EXT = new ReferenceRange(10, 25,
                PB + ": about 10 deg hip extension relative to the pelvis, about 20 deg of the thigh to vertical "
                        + "in terminal stance; +5 deg for between-subject SD");
        static final ReferenceRange HIP_FLEX_SWING = new ReferenceRange(20, 40,
                PB + ": thigh about 25 deg flexed in terminal swing (hip to pelvis about 30-35 deg)");
        static final ReferenceRange ANKLE_DF_SWING = new ReferenceRange(-5, 10,
                PB + ": ankle reaches neutral (0 deg) by mid-swing; " + References.WINTER_1991);
        static final ReferenceRange ANKLE_PF_TO = new ReferenceRange(10, 25,
                PB + " (about 15 deg at the end of pre-swing, 20 deg in initial swing); DESIGN.md 15-25 deg, lower "
                        + "bound widened because plantarflexion changes by several degrees per video frame around toe off");
        static final ReferenceRange FOOT_CLEARANCE = new ReferenceRange(Double.NaN, Double.NaN,
                "none: marker-based minimum toe clearance is about 1.3 cm (" + References.WINTER_1992
                        + "), but the video foot-tip proxy is not comparable; compare sides instead");
        static final ReferenceRange HEEL_FIRST = new ReferenceRange(0.8, 1.0,
                PB + ": healthy initial contact is heel-first; 0.8 allows one stride in five misclassified (product choice)");
        static final ReferenceRange TRUNK_LEAN = new ReferenceRange(-5, 10,
                PB + ": trunk stays close to upright in walking; wide band for camera and landmark offsets (product choice)");
        static final ReferenceRange TRUNK_SHIFT = new ReferenceRange(-0.052, 0.052,
                "product choice: within 3 deg of vertical (sin 3 deg), same as the trunk-list threshold");
        static final ReferenceRange PELVIC_OBLIQUITY = new ReferenceRange(0, 7,
                PB + ": about 4-5 deg contralateral pelvic drop in loading response; +2 deg for variability");
        static final ReferenceRange STEP_WIDTH = new ReferenceRange(0.05, 0.15,
                "approximate: healthy step width about 0.08-0.10 m (" + PB + ", " + References.HOLLMAN_2011 + ")");

        private Ranges() {
        }
    }

    /** Change thresholds; rationale per row in docs/assessment.md. */
    private static final class Anchors {
        static final ChangeAnchor TEMPORAL = new ChangeAnchor(0.02, Double.NaN,
                "0.02 s: per-step error of 2D video gait timing (" + References.STENUM_2021
                        + "), the low end of published step-time MDCs 0.02-0.08 s (DESIGN.md section 5)");
        static final ChangeAnchor STANCE_PCT = new ChangeAnchor(2.0, Double.NaN,
                "derived: 0.02 s timing error over a 1.1 s stride = 1.8 percentage points, rounded to 2");
        static final ChangeAnchor LENGTH = new ChangeAnchor(0.05, Double.NaN,
                "0.05 m: step-length error of 2D video methods (0.049 m, " + References.STENUM_2021 + ")");
        static final ChangeAnchor SPEED = new ChangeAnchor(0.05, 0.10,
                References.PERERA_2006 + ": small meaningful change 0.05 m/s, substantial 0.10 m/s");
        static final ChangeAnchor CADENCE = new ChangeAnchor(4.0, Double.NaN,
                "derived: a 0.02 s step-time change at a 0.55 s step is 4.1 steps/min (" + References.STENUM_2021 + ")");
        static final ChangeAnchor ANGLE = new ChangeAnchor(5.0, Double.NaN,
                References.MCGINLEY_2009 + ": kinematic errors of 2-5 deg reasonable, above 5 deg of concern");
        static final ChangeAnchor FOOT_CLEARANCE = ChangeAnchor.none(
                "no published change threshold for the video clearance proxy; own repeatability and sampling error only");
        static final ChangeAnchor HEEL_FIRST = ChangeAnchor.none(
                "no published change threshold; sampling error of the fraction only");
        static final ChangeAnchor NONE_FRONTAL = ChangeAnchor.none(
                "no published change threshold for this frontal video measure; own repeatability and sampling error only");

        private Anchors() {
        }
    }
}
