package org.gaitlens.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitEventType;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;

/**
 * Splits a sample's errors by camera leg ({@link CameraLeg}): the leg nearer the camera and the far one, from the
 * truth's side facing the camera in each pass ({@link SampleTruth#nearSideAt}).
 *
 * <ul>
 *   <li>events: the matched true events ({@link Validation}'s matching) of each leg, absolute and signed errors;</li>
 *   <li>angles: every frame inside the analysed passes where both the truth and the measurement have the angle;
 *       the offset is the mean error of the leg's frames of that joint, and the offset-removed RMS its standard
 *       deviation (myogait and Stenum et al. 2021 report this "offset-removed" RMSE against motion capture);</li>
 *   <li>key values ({@link #PEAKS}): each accepted stride is matched to the true stride of its side whose initial
 *       contact is nearest (within {@link Validation#MATCH_WINDOW_S}); the true value is computed from the true
 *       angle curve and the true events with the same window as {@link org.gaitlens.gait.StrideKinematics}; the
 *       error is the mean of measured minus true over the leg's matched strides.</li>
 * </ul>
 */
public final class LegValidation {
    /** The key values compared per stride. */
    public static final List<StrideParameter> PEAKS = List.of(StrideParameter.KNEE_FLEX_LOADING_PEAK,
            StrideParameter.KNEE_FLEX_SWING_PEAK, StrideParameter.HIP_EXTENSION_PEAK,
            StrideParameter.ANKLE_DORSI_MIN_PUSH_OFF);
    /** The joints compared frame by frame. */
    public static final List<Joint> JOINTS = List.of(Joint.HIP_FLEXION, Joint.KNEE_FLEXION,
            Joint.ANKLE_DORSIFLEXION);

    /** A true event and the detected time matched to it. */
    record Match(SampleTruth.TrueEvent truth, double detectedS) {
    }

    private LegValidation() {
    }

    /**
     * The errors of both legs.
     *
     * @param inside whether a time lies inside the analysed passes
     */
    static Map<CameraLeg, LegErrors> of(SampleTruth truth, GaitResult gait, List<Match> matches, DoublePredicate inside) {
        Map<CameraLeg, LegErrors> out = new EnumMap<>(CameraLeg.class);
        if (truth.passes().isEmpty()) {
            return out;
        }
        for (CameraLeg leg : CameraLeg.values()) {
            List<Double> hs = new ArrayList<>();
            List<Double> to = new ArrayList<>();
            for (Match m : matches) {
                if (CameraLeg.of(m.truth().side(), truth.nearSideAt(m.truth().timeS())) == leg) {
                    (m.truth().type() == GaitEventType.INITIAL_CONTACT ? hs : to)
                            .add(m.detectedS() - m.truth().timeS());
                }
            }
            Map<Joint, LegErrors.AngleError> angles = new EnumMap<>(Joint.class);
            for (Joint j : JOINTS) {
                angles.put(j, angleError(truth, gait, j, leg, inside));
            }
            Map<StrideParameter, Double> peaks = new LinkedHashMap<>();
            for (StrideParameter p : PEAKS) {
                peaks.put(p, peakError(truth, gait, p, leg));
            }
            out.put(leg, new LegErrors(leg, hs.size() + to.size(), meanAbs(hs), meanAbs(to), mean(hs), mean(to),
                    angles, peaks));
        }
        return out;
    }

    private static LegErrors.AngleError angleError(SampleTruth truth, GaitResult gait, Joint j, CameraLeg leg,
            DoublePredicate inside) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (Side s : Side.values()) {
            double[] trueDeg = truth.anglesDeg().get(s).get(j);
            if (trueDeg == null) {
                continue;
            }
            for (int i = 0; i < trueDeg.length && i < truth.timeS().length; i++) {
                double t = truth.timeS()[i];
                if (!inside.test(t) || Double.isNaN(trueDeg[i]) || CameraLeg.of(s, truth.nearSideAt(t)) != leg) {
                    continue;
                }
                double e = gait.angles().at(s, j, t) - trueDeg[i];
                if (!Double.isNaN(e)) {
                    sum += e;
                    sumSq += e * e;
                    n++;
                }
            }
        }
        if (n == 0) {
            return LegErrors.AngleError.NONE;
        }
        double mean = sum / n;
        return new LegErrors.AngleError(Math.sqrt(sumSq / n), mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean)), n);
    }

    private static double peakError(SampleTruth truth, GaitResult gait, StrideParameter p, CameraLeg leg) {
        List<Double> err = new ArrayList<>();
        for (Side s : Side.values()) {
            List<TrueStride> trueStrides = trueStrides(truth, s);
            for (Stride st : gait.strides().get(s)) {
                double c = st.timing().contactS();
                if (CameraLeg.of(s, truth.nearSideAt(c)) != leg) {
                    continue;
                }
                TrueStride best = trueStrides.stream().min(Comparator.comparingDouble(x -> Math.abs(x.contactS() - c)))
                        .orElse(null);
                if (best == null || Math.abs(best.contactS() - c) > Validation.MATCH_WINDOW_S) {
                    continue;
                }
                double measured = p.of(st);
                double expected = trueValue(truth, s, p, best);
                if (!Double.isNaN(measured) && !Double.isNaN(expected)) {
                    err.add(measured - expected);
                }
            }
        }
        return mean(err);
    }

    /** A true stride: contact, toe off and next contact of one side, s. */
    record TrueStride(double contactS, double toeOffS, double nextContactS) {
    }

    static List<TrueStride> trueStrides(SampleTruth truth, Side side) {
        List<SampleTruth.TrueEvent> ev = truth.events().stream().filter(e -> e.side() == side)
                .sorted(Comparator.comparingDouble(SampleTruth.TrueEvent::timeS)).toList();
        List<TrueStride> out = new ArrayList<>();
        for (int i = 0; i < ev.size(); i++) {
            if (ev.get(i).type() != GaitEventType.INITIAL_CONTACT) {
                continue;
            }
            double toe = Double.NaN;
            for (int k = i + 1; k < ev.size(); k++) {
                SampleTruth.TrueEvent e = ev.get(k);
                if (e.type() == GaitEventType.TOE_OFF && Double.isNaN(toe)) {
                    toe = e.timeS();
                } else if (e.type() == GaitEventType.INITIAL_CONTACT) {
                    if (!Double.isNaN(toe)) {
                        out.add(new TrueStride(ev.get(i).timeS(), toe, e.timeS()));
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** The key value of a true stride from the true curve, windows as in {@code StrideCalculator}. */
    static double trueValue(SampleTruth truth, Side s, StrideParameter p, TrueStride st) {
        double stride = st.nextContactS() - st.contactS();
        double tc = st.toeOffS();
        return switch (p) {
            case KNEE_FLEX_LOADING_PEAK -> extreme(truth, s, Joint.KNEE_FLEXION, st.contactS(),
                    st.contactS() + 0.15 * stride, true);
            case KNEE_FLEX_SWING_PEAK -> extreme(truth, s, Joint.KNEE_FLEXION, tc, st.nextContactS(), true);
            case HIP_EXTENSION_PEAK -> -extreme(truth, s, Joint.HIP_FLEXION, st.contactS(), tc, false);
            case ANKLE_DORSI_MIN_PUSH_OFF -> extreme(truth, s, Joint.ANKLE_DORSIFLEXION, tc - 0.05 * stride,
                    tc + 0.10 * stride, false);
            default -> throw new IllegalArgumentException("no true value for " + p);
        };
    }

    private static double extreme(SampleTruth truth, Side s, Joint j, double from, double to, boolean max) {
        double[] v = truth.anglesDeg().get(s).get(j);
        double[] t = truth.timeS();
        if (v == null) {
            return Double.NaN;
        }
        double best = Double.NaN;
        for (int i = 0; i < v.length && i < t.length; i++) {
            if (t[i] >= from && t[i] <= to && !Double.isNaN(v[i])) {
                best = Double.isNaN(best) ? v[i] : max ? Math.max(best, v[i]) : Math.min(best, v[i]);
            }
        }
        return best;
    }

    private static double mean(List<Double> v) {
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double meanAbs(List<Double> v) {
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Math::abs).average().orElse(Double.NaN);
    }
}
