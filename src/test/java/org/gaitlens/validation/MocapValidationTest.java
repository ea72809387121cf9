package org.gaitlens.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitAnalyzer;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitEventType;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.Stride;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.WalkingPass;
import org.gaitlens.motion.mocap.PoseLikeNoise;
import org.junit.jupiter.api.Test;

/**
 * The engine on motion capture projected through the virtual side camera (camera on the walker's left),
 * clean and with {@link PoseLikeNoise#typical()} (seed 42), against the labs' events and angles. Prints the
 * validation table. Asserted (clean projections): stride time within 0.02 s of the lab events (DESIGN.md
 * 7: spatiotemporal MAE <= 0.015 s; 0.02 s per brief), hip and knee curves within 5 deg RMS after removing
 * one constant offset per curve (definitional offsets: docs/angles.md). NOT asserted, reported in the
 * table: heel-strike MAE (Zeni's heel maximum precedes the Vicon-labelled strikes by 0.03-0.07 s, see
 * docs/mocap.md), ankle RMS (foot-axis definition differs), and everything under pose-like noise.
 */
class MocapValidationTest {
    private static final List<String> FAILURES = new ArrayList<>();

    @Test
    void table() {
        System.out.println("trial | noise | fs | passes | events matched/truth-in-pass | extra | IC MAE ms | TC MAE ms | "
                + "stride err s | stance err s | hip/knee/ankle RMS L | R (offset removed)");
        for (ValidationTrials.Trial t : ValidationTrials.all()) {
            if (t.events().isEmpty()) {
                continue;
            }
            for (boolean noisy : new boolean[] {false, true}) {
                LandmarkSeries s = t.sideView(Side.LEFT);
                if (noisy) {
                    s = PoseLikeNoise.typical().apply(s, 42);
                }
                GaitSettings gs = GaitSettings.defaults();
                if (t.name().contains("treadmill")) {
                    gs = gs.withCleaning(gs.cleaning().withTreadmill(true));
                }
                GaitResult r = GaitAnalyzer.analyze(s, gs);
                System.out.println(row(t, r, noisy));
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(FAILURES.isEmpty(), String.join("\n", FAILURES));
    }

    private static String row(ValidationTrials.Trial t, GaitResult r, boolean noisy) {
        double fs = r.motion().frameRateHz();
        List<Double> icErr = new ArrayList<>();
        List<Double> tcErr = new ArrayList<>();
        int truthIn = 0;
        int matched = 0;
        for (GroundTruth.Event te : t.events()) {
            WalkingPass p = r.passes().stream().filter(q -> te.timeS() >= q.startTimeS() + 0.02
                    && te.timeS() <= q.endTimeS() - 0.02).findFirst().orElse(null);
            if (p == null) {
                continue;
            }
            truthIn++;
            GaitEventType type = te.type() == GroundTruth.EventType.HEEL_STRIKE ? GaitEventType.INITIAL_CONTACT
                    : GaitEventType.TOE_OFF;
            double best = r.events().stream().filter(e -> e.side() == te.side() && e.type() == type)
                    .mapToDouble(e -> e.timeS() - te.timeS()).boxed()
                    .min((a, b) -> Double.compare(Math.abs(a), Math.abs(b))).orElse(Double.NaN);
            if (Math.abs(best) <= 0.1) {
                matched++;
                (type == GaitEventType.INITIAL_CONTACT ? icErr : tcErr).add(best);
            }
        }
        int extra = 0;
        double firstTruth = t.events().stream().mapToDouble(GroundTruth.Event::timeS).min().orElse(0) - 0.05;
        double lastTruth = t.events().stream().mapToDouble(GroundTruth.Event::timeS).max().orElse(0) + 0.05;
        for (GaitEvent e : r.events()) {
            if (e.timeS() < firstTruth || e.timeS() > lastTruth) {
                continue; // the lab labelled events only in its own window
            }
            boolean ok = t.events().stream().anyMatch(te -> te.side() == e.side()
                    && (te.type() == GroundTruth.EventType.HEEL_STRIKE) == (e.type() == GaitEventType.INITIAL_CONTACT)
                    && Math.abs(te.timeS() - e.timeS()) <= 0.1);
            if (!ok) {
                extra++;
            }
        }
        List<Double> strideErr = new ArrayList<>();
        List<Double> stanceErr = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Stride st : r.strides().get(side)) {
                double a = nearest(t, side, GroundTruth.EventType.HEEL_STRIKE, st.timing().contactS());
                double b = nearest(t, side, GroundTruth.EventType.HEEL_STRIKE, st.timing().nextContactS());
                double c = nearest(t, side, GroundTruth.EventType.TOE_OFF, st.timing().toeOffS());
                if (Math.abs(a - st.timing().contactS()) > 0.1 || Math.abs(b - st.timing().nextContactS()) > 0.1
                        || Math.abs(c - st.timing().toeOffS()) > 0.1) {
                    continue; // the lab has no event for this stride
                }
                strideErr.add(Math.abs(st.strideTimeS() - (b - a)));
                stanceErr.add(Math.abs(st.stanceTimeS() - (c - a)));
            }
        }
        StringBuilder ang = new StringBuilder();
        if (t.angles().isPresent()) {
            GroundTruth.Angles ga = t.angles().get();
            for (Side side : Side.values()) {
                for (GroundTruth.Joint j : GroundTruth.Joint.values()) {
                    Joint ej = j == GroundTruth.Joint.HIP ? Joint.HIP_FLEXION
                            : j == GroundTruth.Joint.KNEE ? Joint.KNEE_FLEXION : Joint.ANKLE_DORSIFLEXION;
                    double[] ours = r.angles().get(side, ej);
                    double[] tt = r.angles().timeS();
                    double[] truth = ga.angleDeg(side, j);
                    List<double[]> pairs = new ArrayList<>();
                    for (int i = 0; i < tt.length; i++) {
                        double tv = interp(ga.timeS(), truth, tt[i]);
                        if (!Double.isNaN(ours[i]) && !Double.isNaN(tv)) {
                            pairs.add(new double[] {ours[i], tv});
                        }
                    }
                    double off = pairs.stream().mapToDouble(p -> p[1] - p[0]).average().orElse(Double.NaN);
                    double rms = Math.sqrt(pairs.stream().mapToDouble(p -> Math.pow(p[0] + off - p[1], 2)).average()
                            .orElse(Double.NaN));
                    ang.append(String.format(Locale.ROOT, "%.1f(%+.0f) ", rms, off));
                    if (!noisy && j != GroundTruth.Joint.ANKLE && !(rms <= 5)) {
                        FAILURES.add(t.name() + " " + side + " " + j + " RMS " + rms + " deg > 5");
                    }
                }
                ang.append("| ");
            }
        }
        // mean absolute error, the metric of DESIGN.md 7; single strides reach 0.024 s on the Motion Analysis
        // trial, whose OrthoTrak event frames are themselves uncertain by +-1 frame (validation README)
        if (!noisy && !(mean(strideErr) <= 0.02)) {
            FAILURES.add(t.name() + " stride time MAE " + mean(strideErr) + " > 0.02 s");
        }
        return String.format(Locale.ROOT, "%s | %s | %.0f | %d | %d/%d | %d | %.1f | %.1f | %.3f | %.3f | %s",
                t.name(), noisy ? "pose-like" : "clean", fs, r.passes().size(), matched, truthIn, extra,
                1000 * meanAbs(icErr), 1000 * meanAbs(tcErr), mean(strideErr), mean(stanceErr), ang);
    }

    private static double nearest(ValidationTrials.Trial t, Side s, GroundTruth.EventType type, double time) {
        return t.events().stream().filter(e -> e.side() == s && e.type() == type).mapToDouble(GroundTruth.Event::timeS)
                .boxed().min((a, b) -> Double.compare(Math.abs(a - time), Math.abs(b - time))).orElse(Double.NaN);
    }

    private static double meanAbs(List<Double> v) {
        return v.stream().mapToDouble(Math::abs).average().orElse(Double.NaN);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double interp(double[] t, double[] v, double x) {
        if (x < t[0] || x > t[t.length - 1]) {
            return Double.NaN;
        }
        int i = java.util.Arrays.binarySearch(t, x);
        if (i >= 0) {
            return v[i];
        }
        i = -i - 2;
        double w = (x - t[i]) / (t[i + 1] - t[i]);
        return (1 - w) * v[i] + w * v[i + 1];
    }
}
