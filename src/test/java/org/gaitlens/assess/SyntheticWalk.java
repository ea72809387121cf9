package org.gaitlens.assess;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * Builds an {@link AssessmentInput} of a walk with healthy mean values on both sides (all inside the
 * reference ranges of {@link Metric}), seeded Gaussian stride-to-stride scatter, and per-side
 * overrides for a set asymmetry. Curves are smooth cycle-shaped sinusoids.
 *
 * <p>Stride-to-stride SDs are set at or above published healthy variability plus video noise: times 0.015 s
 * (about 2 % CV of stride time plus 0.02 s per-event video noise averaged over the two events of a phase),
 * lengths 0.02 m, angles 2 deg, foot clearance 0.003 leg lengths.
 */
final class SyntheticWalk {

    static final Map<Metric, Double> HEALTHY = new EnumMap<>(Metric.class);
    static final Map<Metric, Double> SCATTER = new EnumMap<>(Metric.class);

    static {
        put(Metric.STRIDE_TIME_S, 1.10, 0.015);
        put(Metric.STANCE_TIME_S, 0.66, 0.015);
        put(Metric.SWING_TIME_S, 0.44, 0.015);
        put(Metric.STANCE_PCT, 60.0, 1.0);
        put(Metric.SINGLE_SUPPORT_S, 0.44, 0.015);
        put(Metric.DOUBLE_SUPPORT_S, 0.22, 0.015);
        put(Metric.STEP_TIME_S, 0.55, 0.015);
        put(Metric.STEP_LENGTH_M, 0.70, 0.02);
        put(Metric.STRIDE_LENGTH_M, 1.40, 0.03);
        put(Metric.SPEED_M_PER_S, 1.27, 0.03);
        put(Metric.CADENCE_STEPS_PER_MIN, 109.0, 2.0);
        put(Metric.KNEE_FLEX_IC_DEG, 5.0, 2.0);
        put(Metric.KNEE_FLEX_LOADING_PEAK_DEG, 18.0, 2.0);
        put(Metric.KNEE_FLEX_SWING_PEAK_DEG, 62.0, 2.0);
        put(Metric.HIP_EXT_PEAK_DEG, 15.0, 2.0);
        put(Metric.HIP_FLEX_SWING_PEAK_DEG, 28.0, 2.0);
        put(Metric.ANKLE_DF_SWING_DEG, 3.0, 2.0);
        put(Metric.ANKLE_PF_TOE_OFF_DEG, 18.0, 2.0);
        put(Metric.FOOT_CLEARANCE_REL, 0.020, 0.003);
        put(Metric.CONTACT_HEEL_FIRST_FRAC, 1.0, 0.0);
        put(Metric.TRUNK_LEAN_DEG, 4.0, 1.0);
    }

    private static void put(Metric m, double mean, double sd) {
        HEALTHY.put(m, mean);
        SCATTER.put(m, sd);
    }

    private final long seed;
    private int stridesPerSide = 10;
    private CameraView view = CameraView.SIDE;
    private final Map<Side, Map<Metric, Double>> overrides = new EnumMap<>(Side.class);
    private final Map<Metric, Double> extraPooled = new EnumMap<>(Metric.class);
    private final Map<Metric, Double> extraScatter = new EnumMap<>(Metric.class);
    private boolean sagittal = true;
    private QualityFacts quality = QualityFacts.clean(0.95, 2, ScaleBasis.PATIENT_HEIGHT);
    private FrontalSeries frontal;

    SyntheticWalk(long seed) {
        this.seed = seed;
        overrides.put(Side.LEFT, new EnumMap<>(Metric.class));
        overrides.put(Side.RIGHT, new EnumMap<>(Metric.class));
    }

    SyntheticWalk strides(int n) {
        this.stridesPerSide = n;
        return this;
    }

    SyntheticWalk set(Side side, Metric m, double mean) {
        overrides.get(side).put(m, mean);
        return this;
    }

    /** A frontal view: sagittal metrics and curves are dropped, the frontal metric is added to every stride. */
    SyntheticWalk frontal(Metric m, double mean, double sd) {
        view = CameraView.FRONTAL;
        sagittal = false;
        extraPooled.put(m, mean);
        extraScatter.put(m, sd);
        return this;
    }

    SyntheticWalk view(CameraView v) {
        this.view = v;
        return this;
    }

    SyntheticWalk quality(QualityFacts q) {
        this.quality = q;
        return this;
    }

    SyntheticWalk frontalSeries(FrontalSeries f) {
        this.frontal = f;
        return this;
    }

    private static boolean isSagittalOnly(Metric m) {
        return m.unit().equals("deg") || m == Metric.FOOT_CLEARANCE_REL || m == Metric.CONTACT_HEEL_FIRST_FRAC;
    }

    AssessmentInput build() {
        Random rnd = new Random(seed);
        Map<Side, List<Map<Metric, Double>>> strides = new EnumMap<>(Side.class);
        Map<Side, Map<CurveJoint, List<double[]>>> curves = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<Map<Metric, Double>> list = new ArrayList<>();
            for (int i = 0; i < stridesPerSide; i++) {
                Map<Metric, Double> stride = new EnumMap<>(Metric.class);
                for (Map.Entry<Metric, Double> e : HEALTHY.entrySet()) {
                    Metric m = e.getKey();
                    if (!sagittal && isSagittalOnly(m)) {
                        continue;
                    }
                    double mean = overrides.get(side).getOrDefault(m, e.getValue());
                    stride.put(m, mean + SCATTER.get(m) * rnd.nextGaussian());
                }
                for (Map.Entry<Metric, Double> e : extraPooled.entrySet()) {
                    stride.put(e.getKey(), e.getValue() + extraScatter.get(e.getKey()) * rnd.nextGaussian());
                }
                list.add(stride);
            }
            strides.put(side, list);
            Map<CurveJoint, List<double[]>> joints = new EnumMap<>(CurveJoint.class);
            if (sagittal) {
                for (CurveJoint j : CurveJoint.values()) {
                    List<double[]> cs = new ArrayList<>();
                    for (int i = 0; i < stridesPerSide; i++) {
                        double[] c = new double[AssessmentInput.CURVE_POINTS];
                        double noise = 1.0 * rnd.nextGaussian();
                        for (int p = 0; p < c.length; p++) {
                            double x = 2 * Math.PI * p / 100.0;
                            c[p] = switch (j) {
                                case HIP -> 5 + 22 * Math.cos(x);
                                case KNEE -> 30 - 28 * Math.cos(x) + 8 * Math.sin(2 * x);
                                case ANKLE -> -3 + 10 * Math.sin(x);
                                case TRUNK -> 4 + Math.sin(2 * x);
                            } + noise;
                        }
                        cs.add(c);
                    }
                    joints.put(j, cs);
                }
            }
            curves.put(side, joints);
        }
        return new AssessmentInput(strides, curves, view, quality, frontal);
    }
}
