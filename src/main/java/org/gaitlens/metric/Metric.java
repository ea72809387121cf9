package org.gaitlens.metric;

import static org.gaitlens.metric.ImprovementDirection.CLOSER_TO_ZERO;
import static org.gaitlens.metric.ImprovementDirection.HIGHER_IS_BETTER;
import static org.gaitlens.metric.ImprovementDirection.LOWER_IS_BETTER;
import static org.gaitlens.metric.ImprovementDirection.TOWARD_RANGE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.gaitlens.core.Decimals;

/**
 * The metric table: one definition per per-stride scalar gaitlens writes or assesses (and per deviation score of a
 * session, see the order below), read by the gait engine's
 * writers, the assessment, the reports, the store, the export and the web app. Per metric: its key (the stable
 * file and JSON key, snake_case with the unit), the historical column name where it is written per stride under
 * another name ({@link #alias()}), label, unit, display decimals, one-line definition, whether it belongs to one
 * leg ({@link #bilateral()}), whether ratio-based symmetry indices make sense for it ({@link #ratioScale()}),
 * which way a change counts as improvement, an approximate healthy-adult range and the published threshold for a
 * between-session change, each with its source. The table is rendered, one row per metric, in
 * {@code docs/metrics.md}, which gives the rationale of each range and threshold.
 *
 * <p>Conventions ({@code docs/angles.md}): seconds, metres, degrees; left/right anatomical; flexion and
 * dorsiflexion positive, except where a key names the other direction ({@code hip_ext_peak_deg},
 * {@code ankle_pf_toe_off_deg}: positive = extension / plantarflexion). A value is attributed to the side whose
 * stride (initial contact to next initial contact of the same foot) it was measured in. Metrics that are not
 * bilateral (speed, cadence, trunk, step width) are pooled over both sides.
 *
 * <p>Decimals: one rule per metric for evidence sentences, report tables and the web app, chosen not to overstate
 * what a video resolves: times 2 (a 30 fps frame is 33 ms), cadence 0 (a one-frame stride-time error moves it by
 * about 3 steps/min), angles and percentages 1, metres and m/s 2, fractions 2, small quantities in leg or trunk
 * lengths (clearance, width, shift) 3.
 *
 * <p>Ratio-scale flag: symmetry index, ratio, GA and symmetry angle divide one side by the other, which is
 * meaningful only for quantities with a true zero that stay well away from it (times, lengths). Joint angles are
 * signed and their zero depends on the angle definition and camera, so for them only the side difference (in
 * degrees) is reported ({@code docs/assessment.md} section 3).
 *
 * <p>Order: the first {@value #ASSESSED_COUNT} constants are the metrics the assessment evaluates, in the order it
 * lists them ({@code summary.json} {@code assessment.metrics}); the others are written per stride only, except the
 * last five, the session's deviation scores from healthy walking (GPS-2D and GVS, {@code docs/reference.md}), which
 * are one value per session (and side), not per stride.
 *
 * <p>Healthy references: {@link #reference()} is the metric's single textbook range; where the healthy dataset the
 * product ships (Fukuchi et al. 2018, {@code org.gaitlens.reference}) holds the same quantity, {@link #normativeKey()}
 * names it there, and reports show that dataset's speed-matched mean and SD instead of the range.
 */
public enum Metric {
    STRIDE_TIME_S("stride_time_s", null, "Stride time", "s", 2,
            "Initial contact to the next initial contact of the same foot.",
            true, true, TOWARD_RANGE, HealthyRanges.STRIDE_TIME, ChangeAnchors.TEMPORAL),
    STANCE_TIME_S("stance_time_s", null, "Stance time", "s", 2,
            "Initial contact to toe off of the same foot.",
            true, true, TOWARD_RANGE, HealthyRanges.STANCE_TIME, ChangeAnchors.TEMPORAL),
    SWING_TIME_S("swing_time_s", null, "Swing time", "s", 2,
            "Toe off to the next initial contact of the same foot.",
            true, true, TOWARD_RANGE, HealthyRanges.SWING_TIME, ChangeAnchors.TEMPORAL),
    STANCE_PCT("stance_pct", null, "Stance", "% of stride", 1,
            "Stance time as a percentage of stride time.",
            true, true, TOWARD_RANGE, HealthyRanges.STANCE_PCT, ChangeAnchors.STANCE_PCT),
    SINGLE_SUPPORT_S("single_support_s", null, "Single support", "s", 2,
            "Time in the stride when only this foot is on the ground (the other foot's swing).",
            true, true, TOWARD_RANGE, HealthyRanges.SINGLE_SUPPORT, ChangeAnchors.TEMPORAL),
    DOUBLE_SUPPORT_S("double_support_s", null, "Double support", "s", 2,
            "Initial plus terminal double support within the stride.",
            true, true, LOWER_IS_BETTER, HealthyRanges.DOUBLE_SUPPORT, ChangeAnchors.TEMPORAL),
    STEP_TIME_S("step_time_s", null, "Step time", "s", 2,
            "Initial contact of the other foot to initial contact of this foot.",
            true, true, TOWARD_RANGE, HealthyRanges.STEP_TIME, ChangeAnchors.TEMPORAL),
    STEP_LENGTH_M("step_length_m", null, "Step length", "m", 2,
            "Distance along the walking direction from the other heel to this heel at this foot's contact.",
            true, true, HIGHER_IS_BETTER, HealthyRanges.STEP_LENGTH, ChangeAnchors.LENGTH),
    STRIDE_LENGTH_M("stride_length_m", null, "Stride length", "m", 2,
            "Distance along the walking direction between two consecutive contacts of this heel.",
            true, true, HIGHER_IS_BETTER, HealthyRanges.STRIDE_LENGTH, ChangeAnchors.LENGTH),
    SPEED_M_PER_S("speed_m_per_s", null, "Gait speed", "m/s", 2,
            "Stride length divided by stride time.",
            false, true, HIGHER_IS_BETTER, HealthyRanges.SPEED, ChangeAnchors.SPEED),
    CADENCE_STEPS_PER_MIN("cadence_steps_per_min", null, "Cadence", "steps/min", 0,
            "Steps per minute: 120 / stride time.",
            false, true, TOWARD_RANGE, HealthyRanges.CADENCE, ChangeAnchors.CADENCE),
    KNEE_FLEX_IC_DEG("knee_flex_ic_deg", null, "Knee flexion at initial contact", "deg", 1,
            "Knee flexion at initial contact.",
            true, false, TOWARD_RANGE, HealthyRanges.KNEE_IC, ChangeAnchors.ANGLE),
    KNEE_FLEX_LOADING_PEAK_DEG("knee_flex_loading_peak_deg", null, "Knee flexion peak in loading", "deg", 1,
            "Peak knee flexion in loading response (first ~15 % of the cycle).",
            true, false, TOWARD_RANGE, HealthyRanges.KNEE_LOADING, ChangeAnchors.ANGLE),
    KNEE_FLEX_SWING_PEAK_DEG("knee_flex_swing_peak_deg", null, "Knee flexion peak in swing", "deg", 1,
            "Peak knee flexion in swing.",
            true, false, TOWARD_RANGE, HealthyRanges.KNEE_SWING, ChangeAnchors.ANGLE),
    HIP_EXT_PEAK_DEG("hip_ext_peak_deg", null, "Hip extension peak", "deg", 1,
            "Peak hip extension in terminal stance, positive = extension.",
            true, false, TOWARD_RANGE, HealthyRanges.HIP_EXT, ChangeAnchors.ANGLE),
    HIP_FLEX_SWING_PEAK_DEG("hip_flex_swing_peak_deg", null, "Hip flexion peak in swing", "deg", 1,
            "Peak hip flexion in swing.",
            true, false, TOWARD_RANGE, HealthyRanges.HIP_FLEX_SWING, ChangeAnchors.ANGLE),
    ANKLE_DF_SWING_DEG("ankle_df_swing_deg", Alias.of("ankle_dorsi_midswing_deg"),
            "Ankle dorsiflexion in mid-swing", "deg", 1,
            "Mean ankle dorsiflexion in mid-swing, positive = dorsiflexion.",
            true, false, TOWARD_RANGE, HealthyRanges.ANKLE_DF_SWING, ChangeAnchors.ANGLE),
    ANKLE_PF_TOE_OFF_DEG("ankle_pf_toe_off_deg", Alias.negated("ankle_dorsi_toe_off_deg"),
            "Ankle plantarflexion at toe off", "deg", 1,
            "Ankle plantarflexion at toe off, positive = plantarflexion.",
            true, false, TOWARD_RANGE, HealthyRanges.ANKLE_PF_TO, ChangeAnchors.ANGLE),
    FOOT_CLEARANCE_REL("foot_clearance_rel", Alias.of("foot_clearance_leg"), "Foot clearance", "leg lengths", 3,
            "Minimum height of the foot tip above the floor line in mid-swing, divided by leg length (video proxy).",
            true, true, HIGHER_IS_BETTER, HealthyRanges.FOOT_CLEARANCE, ChangeAnchors.FOOT_CLEARANCE),
    CONTACT_HEEL_FIRST_FRAC("contact_heel_first_frac", Alias.of("heel_first_contact"),
            "Heel-first contacts", "fraction", 2,
            "Per stride 1 when the initial contact is heel-first, else 0; its mean is the fraction of "
                    + "heel-first contacts.",
            true, false, HIGHER_IS_BETTER, HealthyRanges.HEEL_FIRST, ChangeAnchors.HEEL_FIRST),
    TRUNK_LEAN_DEG("trunk_lean_deg", Alias.of("trunk_lean_mean_deg"), "Trunk forward lean", "deg", 1,
            "Mean forward lean of the trunk (hip midpoint to shoulder midpoint) from vertical over the stride.",
            false, false, TOWARD_RANGE, HealthyRanges.TRUNK_LEAN, ChangeAnchors.ANGLE),
    TRUNK_SHIFT_REL("trunk_shift_rel", null, "Trunk lateral shift", "trunk lengths", 3,
            "Frontal view: mean lateral offset of the shoulder midpoint from the hip midpoint over the stride, "
                    + "divided by the hip-to-shoulder midpoint distance (= sine of the lateral lean); "
                    + "positive = toward the patient's right.",
            false, false, CLOSER_TO_ZERO, HealthyRanges.TRUNK_SHIFT, ChangeAnchors.NONE_FRONTAL),
    PELVIC_OBLIQUITY_DEG("pelvic_obliquity_deg", null, "Pelvic drop", "deg", 1,
            "Frontal view: peak drop of the opposite (swing-side) hip below this stance-side hip during this "
                    + "side's stance, positive = swing side lower (Trendelenburg direction).",
            true, false, TOWARD_RANGE, HealthyRanges.PELVIC_OBLIQUITY, ChangeAnchors.NONE_FRONTAL),
    STEP_WIDTH_M("step_width_m", null, "Step width", "m", 2,
            "Frontal view: mediolateral distance between the two heels at this foot's initial contact.",
            false, true, TOWARD_RANGE, HealthyRanges.STEP_WIDTH, ChangeAnchors.NONE_FRONTAL),
    INITIAL_DOUBLE_SUPPORT_S("initial_double_support_s", null, "Initial double support", "s", 2,
            "Initial contact of this foot to toe off of the other foot.",
            true, true, LOWER_IS_BETTER, HealthyRanges.NOT_ASSESSED, ChangeAnchors.TEMPORAL),
    TERMINAL_DOUBLE_SUPPORT_S("terminal_double_support_s", null, "Terminal double support", "s", 2,
            "Initial contact of the other foot to toe off of this foot.",
            true, true, LOWER_IS_BETTER, HealthyRanges.NOT_ASSESSED, ChangeAnchors.TEMPORAL),
    DOUBLE_SUPPORT_PCT("double_support_pct", null, "Double support", "% of stride", 1,
            "Initial plus terminal double support as a percentage of stride time.",
            true, true, LOWER_IS_BETTER, HealthyRanges.NOT_ASSESSED, ChangeAnchors.STANCE_PCT),
    STEP_LENGTH_LEG("step_length_leg", null, "Step length", "leg lengths", 2,
            "Step length divided by leg length (available without a scale).",
            true, true, HIGHER_IS_BETTER, HealthyRanges.NOT_ASSESSED, ChangeAnchors.NONE_LEG_LENGTHS),
    STRIDE_LENGTH_LEG("stride_length_leg", null, "Stride length", "leg lengths", 2,
            "Stride length divided by leg length (available without a scale).",
            true, true, HIGHER_IS_BETTER, HealthyRanges.NOT_ASSESSED, ChangeAnchors.NONE_LEG_LENGTHS),
    SPEED_LEG_PER_S("speed_leg_per_s", null, "Gait speed", "leg lengths/s", 2,
            "Stride length in leg lengths divided by stride time (available without a scale).",
            false, true, HIGHER_IS_BETTER, HealthyRanges.NOT_ASSESSED, ChangeAnchors.NONE_LEG_LENGTHS),
    HIP_FLEX_IC_DEG("hip_flex_ic_deg", null, "Hip flexion at initial contact", "deg", 1,
            "Hip (thigh) flexion at initial contact.",
            true, false, TOWARD_RANGE, HealthyRanges.NOT_ASSESSED, ChangeAnchors.ANGLE),
    ANKLE_DORSI_IC_DEG("ankle_dorsi_ic_deg", null, "Ankle dorsiflexion at initial contact", "deg", 1,
            "Ankle dorsiflexion at initial contact, positive = dorsiflexion.",
            true, false, TOWARD_RANGE, HealthyRanges.NOT_ASSESSED, ChangeAnchors.ANGLE),
    ANKLE_DORSI_MIN_PUSH_OFF_DEG("ankle_dorsi_min_push_off_deg", null,
            "Ankle dorsiflexion minimum in push-off", "deg", 1,
            "Minimum ankle dorsiflexion from 5 % of the cycle before to 10 % after toe off: the peak "
                    + "plantarflexion of push-off, signed (negative = plantarflexion).",
            true, false, TOWARD_RANGE, HealthyRanges.NOT_ASSESSED, ChangeAnchors.ANGLE),
    FOOT_PITCH_IC_DEG("foot_pitch_ic_deg", null, "Foot pitch at initial contact", "deg", 1,
            "Heel to foot-tip line against the floor line at initial contact, toe up positive.",
            true, false, TOWARD_RANGE, HealthyRanges.NOT_ASSESSED, ChangeAnchors.ANGLE),
    STEP_WIDTH_LEG("step_width_leg", null, "Step width", "leg lengths", 3,
            "Frontal view: step width divided by leg length (available without a scale).",
            false, true, TOWARD_RANGE, HealthyRanges.NOT_ASSESSED, ChangeAnchors.NONE_LEG_LENGTHS),
    GPS2D_DEG("gps2d_deg", null, "GPS-2D", "deg", 1,
            "Session: sagittal 2D Gait Profile Score of both sides, the RMS of the six GVS (hip, knee, ankle; left "
                    + "and right) against the matched healthy band (Baker et al. 2009 in 2D; not comparable with the "
                    + "3D GPS; docs/reference.md).",
            false, false, LOWER_IS_BETTER, HealthyRanges.DEVIATION, ChangeAnchors.GPS2D),
    GPS2D_SIDE_DEG("gps2d_side_deg", null, "GPS-2D of one side", "deg", 1,
            "Session: GPS-2D of one side, the RMS of its three GVS.",
            true, false, LOWER_IS_BETTER, HealthyRanges.DEVIATION, ChangeAnchors.GVS),
    GVS_HIP_DEG("gvs_hip_deg", null, "GVS hip", "deg", 1,
            "Session: Gait Variable Score of the hip (thigh from vertical), the RMS over the cycle of the side's "
                    + "mean curve minus the matched healthy band mean.",
            true, false, LOWER_IS_BETTER, HealthyRanges.DEVIATION, ChangeAnchors.GVS),
    GVS_KNEE_DEG("gvs_knee_deg", null, "GVS knee", "deg", 1,
            "Session: Gait Variable Score of knee flexion (as for the hip).",
            true, false, LOWER_IS_BETTER, HealthyRanges.DEVIATION, ChangeAnchors.GVS),
    GVS_ANKLE_DEG("gvs_ankle_deg", null, "GVS ankle", "deg", 1,
            "Session: Gait Variable Score of ankle dorsiflexion (as for the hip).",
            true, false, LOWER_IS_BETTER, HealthyRanges.DEVIATION, ChangeAnchors.GVS);

    /** How many leading constants the assessment evaluates (see the class comment on order). */
    public static final int ASSESSED_COUNT = 24;

    private final String key;
    private final Alias alias;
    private final String label;
    private final String unit;
    private final int decimals;
    private final String definition;
    private final boolean bilateral;
    private final boolean ratioScale;
    private final ImprovementDirection improvement;
    private final ReferenceRange reference;
    private final ChangeAnchor changeAnchor;

    Metric(String key, Alias alias, String label, String unit, int decimals, String definition, boolean bilateral,
            boolean ratioScale, ImprovementDirection improvement, ReferenceRange reference, ChangeAnchor changeAnchor) {
        this.key = key;
        this.alias = alias;
        this.label = label;
        this.unit = unit;
        this.decimals = decimals;
        this.definition = definition;
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

    /** The historical per-stride column name, where it differs from {@link #key()}. */
    public Optional<Alias> alias() {
        return Optional.ofNullable(alias);
    }

    /**
     * The name in {@code strides.csv}, {@code summary.json} {@code per_side.*.parameters}, the store's
     * {@code summary} rows and the export: the {@link #alias()} where one is declared, else the key.
     */
    public String column() {
        return alias == null ? key : alias.column();
    }

    /** +1 when {@link #column()} holds the metric's value, -1 when it holds its negative. */
    public int columnSign() {
        return alias == null ? 1 : alias.sign();
    }

    /** Label for reports and the web app, e.g. "Stance time". */
    public String label() {
        return label;
    }

    /** Unit symbol for reports, the store and the web app, e.g. "s", "% of stride"; empty when dimensionless. */
    public String unit() {
        return unit;
    }

    /** Decimals to show (see the class comment). */
    public int decimals() {
        return decimals;
    }

    /** One-sentence definition. */
    public String definition() {
        return definition;
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

    /** Approximate healthy-adult range with its source ({@link ReferenceRange#defined()} false when none). */
    public ReferenceRange reference() {
        return reference;
    }

    /** Published threshold for a between-session change with its source. */
    public ChangeAnchor changeAnchor() {
        return changeAnchor;
    }

    /**
     * The key of this metric in a normative reference group ({@code org.gaitlens.reference.ReferenceGroup}): among
     * its key values of the curves, or its walking statistics (speed); empty where the dataset does not hold the
     * quantity (the report then shows {@link #reference()}). The key values are read from the dataset's own curves
     * with the same definitions as gaitlens' ({@code docs/reference.md} section 2.1). Plantarflexion at toe off is
     * left out although the dataset lists it: the dataset has no toe-off times, its value is read at a fixed 60 % of
     * the cycle, and it moves by 4-5 deg for every 2 % of the cycle that toe off is placed earlier or later (slow
     * walkers are still in stance at 60 %), so it is no fair reference for a measured toe off.
     */
    public Optional<String> normativeKey() {
        return switch (this) {
            case KNEE_FLEX_IC_DEG, KNEE_FLEX_LOADING_PEAK_DEG, KNEE_FLEX_SWING_PEAK_DEG, HIP_EXT_PEAK_DEG,
                    HIP_FLEX_SWING_PEAK_DEG, ANKLE_DF_SWING_DEG, HIP_FLEX_IC_DEG,
                    ANKLE_DORSI_IC_DEG, ANKLE_DORSI_MIN_PUSH_OFF_DEG, SPEED_M_PER_S -> Optional.of(key);
            default -> Optional.empty();
        };
    }

    /** Whether the assessment evaluates this metric (see the class comment on order). */
    public boolean assessed() {
        return ordinal() < ASSESSED_COUNT;
    }

    /** {@code v} with this metric's decimals ("n/a" when not finite). */
    public String format(double v) {
        return Decimals.format(v, decimals);
    }

    /** {@code v} with this metric's decimals and unit, e.g. "0.61 s". */
    public String formatWithUnit(double v) {
        return format(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * The metric with this key.
     *
     * @throws IllegalArgumentException if no metric has the key
     */
    @JsonCreator
    public static Metric fromKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric key: " + key);
    }

    /**
     * The metric written under this column name ({@link #column()}: its alias, or its key where it has none).
     * A value read from the column is the metric's value times {@link #columnSign()}.
     */
    public static Optional<Metric> fromColumn(String column) {
        for (Metric m : values()) {
            if (m.column().equals(column)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
