package org.gaitlens.gait;

import java.util.function.ToDoubleFunction;

/**
 * Every scalar per-stride parameter with its file column name (unit in the name), for summaries, writers and
 * downstream asymmetry analysis. Definitions: {@link Stride} and {@link StrideKinematics}.
 */
public enum StrideParameter {
    STRIDE_TIME("stride_time_s", Stride::strideTimeS),
    STANCE_TIME("stance_time_s", Stride::stanceTimeS),
    SWING_TIME("swing_time_s", Stride::swingTimeS),
    STANCE_PCT("stance_pct", Stride::stancePct),
    SINGLE_SUPPORT("single_support_s", Stride::singleSupportS),
    INITIAL_DOUBLE_SUPPORT("initial_double_support_s", Stride::initialDoubleSupportS),
    TERMINAL_DOUBLE_SUPPORT("terminal_double_support_s", Stride::terminalDoubleSupportS),
    DOUBLE_SUPPORT_PCT("double_support_pct", Stride::doubleSupportPct),
    STEP_TIME("step_time_s", Stride::stepTimeS),
    CADENCE("cadence_steps_per_min", Stride::cadenceStepsPerMin),
    STEP_LENGTH("step_length_m", Stride::stepLengthM),
    STRIDE_LENGTH("stride_length_m", Stride::strideLengthM),
    SPEED("speed_m_per_s", Stride::speedMPerS),
    STEP_LENGTH_NORM("step_length_leg", Stride::stepLengthLegLengths),
    STRIDE_LENGTH_NORM("stride_length_leg", Stride::strideLengthLegLengths),
    SPEED_NORM("speed_leg_per_s", Stride::speedLegLengthsPerS),
    KNEE_FLEX_IC("knee_flex_ic_deg", s -> s.kinematics().kneeFlexIcDeg()),
    KNEE_FLEX_LOADING_PEAK("knee_flex_loading_peak_deg", s -> s.kinematics().kneeFlexLoadingPeakDeg()),
    KNEE_FLEX_SWING_PEAK("knee_flex_swing_peak_deg", s -> s.kinematics().kneeFlexSwingPeakDeg()),
    HIP_FLEX_IC("hip_flex_ic_deg", s -> s.kinematics().hipFlexIcDeg()),
    HIP_EXTENSION_PEAK("hip_ext_peak_deg", s -> s.kinematics().hipExtensionPeakDeg()),
    HIP_FLEX_SWING_PEAK("hip_flex_swing_peak_deg", s -> s.kinematics().hipFlexSwingPeakDeg()),
    ANKLE_DORSI_IC("ankle_dorsi_ic_deg", s -> s.kinematics().ankleDorsiIcDeg()),
    ANKLE_DORSI_MID_SWING("ankle_dorsi_midswing_deg", s -> s.kinematics().ankleDorsiMidSwingDeg()),
    ANKLE_DORSI_TOE_OFF("ankle_dorsi_toe_off_deg", s -> s.kinematics().ankleDorsiToeOffDeg()),
    ANKLE_DORSI_MIN_PUSH_OFF("ankle_dorsi_min_push_off_deg", s -> s.kinematics().ankleDorsiMinPushOffDeg()),
    FOOT_CLEARANCE("foot_clearance_leg", s -> s.kinematics().footClearanceLegLengths()),
    FOOT_PITCH_IC("foot_pitch_ic_deg", s -> s.kinematics().footPitchIcDeg()),
    HEEL_FIRST_CONTACT("heel_first_contact", s -> s.kinematics().heelFirstContact()),
    TRUNK_LEAN_MEAN("trunk_lean_mean_deg", s -> s.kinematics().trunkLeanMeanDeg());

    private final String column;
    private final ToDoubleFunction<Stride> getter;

    StrideParameter(String column, ToDoubleFunction<Stride> getter) {
        this.column = column;
        this.getter = getter;
    }

    /** Column name in {@code strides.csv}, with the unit. */
    public String column() {
        return column;
    }

    /** The parameter's value for a stride ({@code NaN} when unavailable). */
    public double of(Stride s) {
        return getter.applyAsDouble(s);
    }
}
