package org.gaitlens.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.gaitlens.metric.Metric;
import org.junit.jupiter.api.Test;

/** The per-stride columns users' scripts read: names and order fixed, each the column of its table metric. */
class StrideParameterTest {

    @Test
    void columnsAreTheHistoricalOnesInOrder() {
        assertEquals(List.of("stride_time_s", "stance_time_s", "swing_time_s", "stance_pct", "single_support_s",
                "initial_double_support_s", "terminal_double_support_s", "double_support_pct", "step_time_s",
                "cadence_steps_per_min", "step_length_m", "stride_length_m", "speed_m_per_s", "step_length_leg",
                "stride_length_leg", "speed_leg_per_s", "knee_flex_ic_deg", "knee_flex_loading_peak_deg",
                "knee_flex_swing_peak_deg", "hip_flex_ic_deg", "hip_ext_peak_deg", "hip_flex_swing_peak_deg",
                "ankle_dorsi_ic_deg", "ankle_dorsi_midswing_deg", "ankle_dorsi_toe_off_deg",
                "ankle_dorsi_min_push_off_deg", "foot_clearance_leg", "foot_pitch_ic_deg", "heel_first_contact",
                "trunk_lean_mean_deg"), Arrays.stream(StrideParameter.values()).map(StrideParameter::column).toList());
        for (StrideParameter p : StrideParameter.values()) {
            assertEquals(p.metric(), Metric.fromColumn(p.column()).orElseThrow(), p.column());
        }
    }

    /**
     * Every metric written per stride has one parameter, except double support (written as its two parts), the
     * frontal-view measures and the session's deviation scores (one value per session, not per stride).
     */
    @Test
    void everyStrideMetricHasItsParameter() {
        List<Metric> written = Arrays.stream(StrideParameter.values()).map(StrideParameter::metric).toList();
        List<Metric> notWritten = Arrays.stream(Metric.values()).filter(m -> !written.contains(m)).toList();
        assertEquals(List.of(Metric.DOUBLE_SUPPORT_S, Metric.TRUNK_SHIFT_REL, Metric.PELVIC_OBLIQUITY_DEG,
                Metric.STEP_WIDTH_M, Metric.STEP_WIDTH_LEG, Metric.GPS2D_DEG, Metric.GPS2D_SIDE_DEG, Metric.GVS_HIP_DEG,
                Metric.GVS_KNEE_DEG, Metric.GVS_ANKLE_DEG), notWritten,
                "the others are frontal-view measures and session scores");
    }
}
