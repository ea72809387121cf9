package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;

/**
 * Per-side summaries of a set of accepted strides: every {@link StrideParameter}'s {@link ParameterStats} and every
 * joint's mean {@link CycleCurve}. The gait engine summarises one recording's strides with it, and
 * {@link PooledGait} the strides of several recordings of one session, so both are the same computation.
 */
public final class StrideStatistics {

    private StrideStatistics() {
    }

    /** Per side, per parameter: n, mean, SD, CV over the side's strides (in the order given). */
    public static EnumMap<Side, Map<StrideParameter, ParameterStats>> summaries(Map<Side, List<Stride>> strides) {
        EnumMap<Side, Map<StrideParameter, ParameterStats>> summaries = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            List<Stride> side = strides.getOrDefault(s, List.of());
            EnumMap<StrideParameter, ParameterStats> m = new EnumMap<>(StrideParameter.class);
            for (StrideParameter p : StrideParameter.values()) {
                m.put(p, ParameterStats.of(side.stream().map(p::of).toList()));
            }
            summaries.put(s, m);
        }
        return summaries;
    }

    /** Per side and joint: mean and SD of the strides' normalised cycle curves. */
    public static EnumMap<Side, Map<Joint, CycleCurve>> curves(Map<Side, List<Stride>> strides) {
        EnumMap<Side, Map<Joint, CycleCurve>> curves = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            List<Stride> side = strides.getOrDefault(s, List.of());
            EnumMap<Joint, CycleCurve> cm = new EnumMap<>(Joint.class);
            for (Joint j : Joint.values()) {
                List<double[]> perStride = new ArrayList<>();
                for (Stride st : side) {
                    perStride.add(st.kinematics().curvesDeg().get(j));
                }
                cm.put(j, CycleCurve.of(s, j, perStride));
            }
            curves.put(s, cm);
        }
        return curves;
    }
}
