package org.gaitlens.assess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * Everything the assessment needs from one session, in a form independent of the gait engine's
 * classes; the pipeline fills it from the engine's results.
 *
 * <p>{@code strides}: per side, one map per accepted stride of that side's foot, from metric to value.
 * A metric missing from a stride's map, or {@code NaN}, means it was not measured in that stride.
 * Non-bilateral metrics (speed, cadence, trunk, step width) may be given in the strides of either
 * side; they are pooled.
 *
 * <p>{@code curves}: per side and joint, the angle curve of each stride resampled to
 * {@link #CURVE_POINTS} points (0-100 % of the gait cycle), in degrees with the sign convention of
 * {@link CurveJoint}. Strides and curves need not be the same in number (a stride can have timing but
 * no usable angles).
 *
 * @param strides per side, per stride, metric values
 * @param curves  per side and joint, the 101-point curve of each stride
 * @param view    camera view of the session
 * @param quality quality facts of the session
 * @param frontal optional per-frame frontal series, or {@code null}
 */
public record AssessmentInput(
        Map<Side, List<Map<Metric, Double>>> strides,
        Map<Side, Map<CurveJoint, List<double[]>>> curves,
        CameraView view,
        QualityFacts quality,
        FrontalSeries frontal) {

    /** Points per normalised curve: 0, 1, ..., 100 % of the gait cycle. */
    public static final int CURVE_POINTS = 101;

    public AssessmentInput {
        if (view == null) {
            throw new IllegalArgumentException("view must be given (CameraView.UNKNOWN when unknown)");
        }
        if (quality == null) {
            throw new IllegalArgumentException("quality facts must be given");
        }
        EnumMap<Side, List<Map<Metric, Double>>> s = new EnumMap<>(Side.class);
        EnumMap<Side, Map<CurveJoint, List<double[]>>> c = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<Map<Metric, Double>> list = new ArrayList<>();
            if (strides != null && strides.get(side) != null) {
                for (Map<Metric, Double> stride : strides.get(side)) {
                    EnumMap<Metric, Double> m = new EnumMap<>(Metric.class);
                    m.putAll(stride);
                    list.add(Collections.unmodifiableMap(m));
                }
            }
            s.put(side, Collections.unmodifiableList(list));
            EnumMap<CurveJoint, List<double[]>> joints = new EnumMap<>(CurveJoint.class);
            if (curves != null && curves.get(side) != null) {
                for (Map.Entry<CurveJoint, List<double[]>> e : curves.get(side).entrySet()) {
                    List<double[]> copies = new ArrayList<>();
                    for (double[] curve : e.getValue()) {
                        if (curve.length != CURVE_POINTS) {
                            throw new IllegalArgumentException(side + " " + e.getKey().key() + " curve has "
                                    + curve.length + " points, expected " + CURVE_POINTS);
                        }
                        copies.add(curve.clone());
                    }
                    joints.put(e.getKey(), Collections.unmodifiableList(copies));
                }
            }
            c.put(side, Collections.unmodifiableMap(joints));
        }
        strides = Collections.unmodifiableMap(s);
        curves = Collections.unmodifiableMap(c);
    }

    /** Number of accepted strides of a side. */
    public int strideCount(Side side) {
        return strides.get(side).size();
    }

    /** Per-stride values of a metric on one side, NaN where not measured. */
    public double[] values(Side side, Metric metric) {
        return strides.get(side).stream()
                .mapToDouble(m -> {
                    Double v = m.get(metric);
                    return v == null ? Double.NaN : v;
                })
                .toArray();
    }

    /** Per-stride values of a metric from both sides, left strides first. */
    public double[] pooledValues(Metric metric) {
        double[] l = values(Side.LEFT, metric);
        double[] r = values(Side.RIGHT, metric);
        double[] out = new double[l.length + r.length];
        System.arraycopy(l, 0, out, 0, l.length);
        System.arraycopy(r, 0, out, l.length, r.length);
        return out;
    }

    /** The per-stride curves of one side and joint (empty if none). */
    public List<double[]> curves(Side side, CurveJoint joint) {
        return curves.get(side).getOrDefault(joint, List.of());
    }
}
