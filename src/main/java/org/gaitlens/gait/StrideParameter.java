package org.gaitlens.gait;

import java.util.function.ToDoubleFunction;
import org.gaitlens.metric.Metric;

/**
 * Every scalar per-stride parameter the gait engine writes ({@code strides.csv} columns in this order, per-side
 * summaries), as the {@link Metric} it measures and how to read it from a {@link Stride}. The column name, unit,
 * label and definition come from the metric table; the value read here is the column's value, i.e. the metric's
 * value times {@link Metric#columnSign()} (the dorsiflexion at toe off is written as such, while the metric
 * {@link Metric#ANKLE_PF_TOE_OFF_DEG} counts plantarflexion positive). Definitions in detail: {@link Stride} and
 * {@link StrideKinematics}.
 */
public enum StrideParameter {
    STRIDE_TIME(Metric.STRIDE_TIME_S, Stride::strideTimeS),
    STANCE_TIME(Metric.STANCE_TIME_S, Stride::stanceTimeS),
    SWING_TIME(Metric.SWING_TIME_S, Stride::swingTimeS),
    STANCE_PCT(Metric.STANCE_PCT, Stride::stancePct),
    SINGLE_SUPPORT(Metric.SINGLE_SUPPORT_S, Stride::singleSupportS),
    INITIAL_DOUBLE_SUPPORT(Metric.INITIAL_DOUBLE_SUPPORT_S, Stride::initialDoubleSupportS),
    TERMINAL_DOUBLE_SUPPORT(Metric.TERMINAL_DOUBLE_SUPPORT_S, Stride::terminalDoubleSupportS),
    DOUBLE_SUPPORT_PCT(Metric.DOUBLE_SUPPORT_PCT, Stride::doubleSupportPct),
    STEP_TIME(Metric.STEP_TIME_S, Stride::stepTimeS),
    CADENCE(Metric.CADENCE_STEPS_PER_MIN, Stride::cadenceStepsPerMin),
    STEP_LENGTH(Metric.STEP_LENGTH_M, Stride::stepLengthM),
    STRIDE_LENGTH(Metric.STRIDE_LENGTH_M, Stride::strideLengthM),
    SPEED(Metric.SPEED_M_PER_S, Stride::speedMPerS),
    STEP_LENGTH_NORM(Metric.STEP_LENGTH_LEG, Stride::stepLengthLegLengths),
    STRIDE_LENGTH_NORM(Metric.STRIDE_LENGTH_LEG, Stride::strideLengthLegLengths),
    SPEED_NORM(Metric.SPEED_LEG_PER_S, Stride::speedLegLengthsPerS),
    KNEE_FLEX_IC(Metric.KNEE_FLEX_IC_DEG, s -> s.kinematics().kneeFlexIcDeg()),
    KNEE_FLEX_LOADING_PEAK(Metric.KNEE_FLEX_LOADING_PEAK_DEG, s -> s.kinematics().kneeFlexLoadingPeakDeg()),
    KNEE_FLEX_SWING_PEAK(Metric.KNEE_FLEX_SWING_PEAK_DEG, s -> s.kinematics().kneeFlexSwingPeakDeg()),
    HIP_FLEX_IC(Metric.HIP_FLEX_IC_DEG, s -> s.kinematics().hipFlexIcDeg()),
    HIP_EXTENSION_PEAK(Metric.HIP_EXT_PEAK_DEG, s -> s.kinematics().hipExtensionPeakDeg()),
    HIP_FLEX_SWING_PEAK(Metric.HIP_FLEX_SWING_PEAK_DEG, s -> s.kinematics().hipFlexSwingPeakDeg()),
    ANKLE_DORSI_IC(Metric.ANKLE_DORSI_IC_DEG, s -> s.kinematics().ankleDorsiIcDeg()),
    ANKLE_DORSI_MID_SWING(Metric.ANKLE_DF_SWING_DEG, s -> s.kinematics().ankleDorsiMidSwingDeg()),
    ANKLE_DORSI_TOE_OFF(Metric.ANKLE_PF_TOE_OFF_DEG, s -> s.kinematics().ankleDorsiToeOffDeg()),
    ANKLE_DORSI_MIN_PUSH_OFF(Metric.ANKLE_DORSI_MIN_PUSH_OFF_DEG, s -> s.kinematics().ankleDorsiMinPushOffDeg()),
    FOOT_CLEARANCE(Metric.FOOT_CLEARANCE_REL, s -> s.kinematics().footClearanceLegLengths()),
    FOOT_PITCH_IC(Metric.FOOT_PITCH_IC_DEG, s -> s.kinematics().footPitchIcDeg()),
    HEEL_FIRST_CONTACT(Metric.CONTACT_HEEL_FIRST_FRAC, s -> s.kinematics().heelFirstContact()),
    TRUNK_LEAN_MEAN(Metric.TRUNK_LEAN_DEG, s -> s.kinematics().trunkLeanMeanDeg());

    private final Metric metric;
    private final ToDoubleFunction<Stride> getter;

    StrideParameter(Metric metric, ToDoubleFunction<Stride> getter) {
        this.metric = metric;
        this.getter = getter;
    }

    /** The metric this parameter measures. */
    public Metric metric() {
        return metric;
    }

    /** Column name in {@code strides.csv}, with the unit: the metric's {@link Metric#column()}. */
    public String column() {
        return metric.column();
    }

    /** The column's value for a stride ({@code NaN} when unavailable). */
    public double of(Stride s) {
        return getter.applyAsDouble(s);
    }

    /** The metric's value for a stride: the column's value times {@link Metric#columnSign()}. */
    public double metricValue(Stride s) {
        return metric.columnSign() * of(s);
    }
}
