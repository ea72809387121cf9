package org.gaitlens.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.Stride;
import org.gaitlens.reference.Deviation;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.GaitVariable;
import org.gaitlens.reference.NormativeReference;
import org.gaitlens.reference.WalkerSpeed;

/**
 * The session's deviation from healthy walking ({@link Deviation}) from the gait engine's result, and its
 * {@code deviation} entry of {@code summary.json} (format in {@code docs/reference.md} and {@code docs/outputs.md}).
 * Side views only: a frontal summary has no {@code deviation} entry.
 */
final class Deviations {
    private static final int DECIMALS = 2;

    private Deviations() {
    }

    /** Scores a side-view session against the shipped Fukuchi et al. 2018 reference. */
    static Deviation of(GaitResult gait, boolean treadmill) {
        return of(gait.strides(), gait.scale().legLengthM(), treadmill);
    }

    /**
     * Scores a session pooled from several recordings: the pooled strides' curves, their mean speed, and the leg
     * length averaged over the recordings weighted by their strides (each recording has its own scale; recordings
     * without a metric scale are left out of the leg length).
     */
    static Deviation of(PooledGait pooled, boolean treadmill) {
        double sum = 0;
        int n = 0;
        for (PooledGait.Recording r : pooled.recordings()) {
            int strides = r.gait().strides().values().stream().mapToInt(List::size).sum();
            double leg = r.gait().scale().legLengthM();
            if (strides > 0 && Double.isFinite(leg)) {
                sum += strides * leg;
                n += strides;
            }
        }
        return of(pooled.plainStrides(), n == 0 ? Double.NaN : sum / n, treadmill);
    }

    private static Deviation of(Map<Side, List<Stride>> perSide, double legLengthM, boolean treadmill) {
        Map<Side, Map<GaitVariable, List<double[]>>> curves = new EnumMap<>(Side.class);
        List<Stride> all = new ArrayList<>();
        for (Side side : Side.values()) {
            List<Stride> strides = perSide.getOrDefault(side, List.of());
            all.addAll(strides);
            Map<GaitVariable, List<double[]>> m = new EnumMap<>(GaitVariable.class);
            for (GaitVariable v : GaitVariable.values()) {
                m.put(v, strides.stream().map(s -> s.kinematics().curvesDeg().get(joint(v))).toList());
            }
            curves.put(side, m);
        }
        WalkerSpeed walker = new WalkerSpeed(mean(all.stream().mapToDouble(Stride::speedMPerS).toArray()),
                legLengthM, mean(all.stream().mapToDouble(Stride::speedLegLengthsPerS).toArray()), !treadmill);
        return Deviation.of(NormativeReference.fukuchi2018(), walker, curves, new GaitProfileScore());
    }

    /** The engine's angle of a deviation variable. */
    static Joint joint(GaitVariable v) {
        return switch (v) {
            case HIP -> Joint.HIP_FLEXION;
            case KNEE -> Joint.KNEE_FLEXION;
            case ANKLE -> Joint.ANKLE_DORSIFLEXION;
        };
    }

    /** The {@code deviation} entry of summary.json: degrees, 0.01 deg, {@code null} where not computed. */
    static Map<String, Object> summary(Deviation d) {
        Map<String, Object> band = new LinkedHashMap<>();
        NormativeReference ref = d.reference();
        band.put("dataset", ref.dataset() + " (" + ref.citation() + "; data " + ref.dataCitation() + "; "
                + ref.licence() + ")");
        band.put("speed_class", d.band().group().speedClass().key());
        band.put("age_group", d.band().group().ageGroup().key());
        band.put("n", d.band().group().n());
        band.put("basis", d.band().basis().key());
        band.put("why", d.band().why());
        GaitProfileScore.Scores s = d.scores();
        Map<String, Object> gps = new LinkedHashMap<>();
        gps.put("overall", estimate(s.overall()));
        Map<String, Object> gvs = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            String key = side.name().toLowerCase(Locale.ROOT);
            gps.put(key, estimate(s.sideGps().get(side)));
            Map<String, Object> joints = new LinkedHashMap<>();
            for (GaitVariable v : GaitVariable.values()) {
                joints.put(v.key(), number(s.gvs(side, v)));
            }
            gvs.put(key, joints);
        }
        Map<String, Object> healthy = new LinkedHashMap<>();
        healthy.put("gps2d_mean", number(d.healthy().gps2d().mean()));
        healthy.put("gps2d_p95", number(d.healthy().gps2d().p95()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", "deg");
        m.put("band", band);
        m.put("gps2d", gps);
        m.put("gvs", gvs);
        m.put("healthy", healthy);
        m.put("notes", s.notes());
        return m;
    }

    private static Map<String, Object> estimate(GaitProfileScore.Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", number(e.valueDeg()));
        m.put("ci95", Double.isNaN(e.ciLowDeg()) ? null
                : Arrays.asList(number(e.ciLowDeg()), number(e.ciHighDeg())));
        return m;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? Decimals.round(v, DECIMALS) : null;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
