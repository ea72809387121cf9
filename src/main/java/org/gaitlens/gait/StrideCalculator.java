package org.gaitlens.gait;

import java.util.EnumMap;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.motion.Scale;

/**
 * Computes a {@link Stride}'s spatiotemporal parameters and kinematics from its {@link StrideTiming}, the
 * direction-normalised landmarks and the per-frame {@link JointAngles}. Formulas are on the fields of
 * {@link Stride} and {@link StrideKinematics}; positions are linearly interpolated at event times.
 */
public final class StrideCalculator {
    private final CleanMotion motion;
    private final JointAngles angles;
    private final Map<Integer, FloorLine> floors;

    /**
     * @param motion cleaned motion
     * @param angles angles of {@code motion.anterior()}
     * @param floors floor line per pass index
     */
    public StrideCalculator(CleanMotion motion, JointAngles angles, Map<Integer, FloorLine> floors) {
        this.motion = motion;
        this.angles = angles;
        this.floors = Map.copyOf(floors);
    }

    /** The stride of a timing. */
    public Stride compute(StrideTiming st) {
        Side s = st.side();
        double stride = st.nextContactS() - st.contactS();
        double stance = st.toeOffS() - st.contactS();
        double swing = st.nextContactS() - st.toeOffS();
        double single = st.oppositeContactS() - st.oppositeToeOffS();
        double ids = st.oppositeToeOffS() - st.contactS();
        double tds = st.toeOffS() - st.oppositeContactS();
        double step = st.contactS() - st.previousOppositeContactS();

        LandmarkSeries a = motion.anterior();
        double[] t = a.timeS();
        double[] heelX = BodyPoints.trackOrMissing(a, BodyLandmark.of(s, BodyPart.HEEL)).x();
        double[] oppHeelX = BodyPoints.trackOrMissing(a, BodyLandmark.of(s.opposite(), BodyPart.HEEL)).x();
        double strideLenPx = JointAngles.interpolate(t, heelX, st.nextContactS())
                - JointAngles.interpolate(t, heelX, st.contactS());
        double stepLenPx = Double.isNaN(st.previousOppositeContactS()) ? Double.NaN
                : JointAngles.interpolate(t, heelX, st.contactS())
                        - JointAngles.interpolate(t, oppHeelX, st.previousOppositeContactS());
        Scale scale = motion.scale();
        double ppm = scale.known() ? scale.pixelsPerMetre() : Double.NaN;
        double leg = scale.legLengthPx();
        return new Stride(s, st.passIndex(), st, stride, stance, swing, 100 * stance / stride, single, ids, tds,
                100 * (ids + tds) / stride, step, 120 / stride, stepLenPx / ppm, strideLenPx / ppm,
                strideLenPx / ppm / stride, stepLenPx / leg, strideLenPx / leg, strideLenPx / leg / stride,
                kinematics(st, stride));
    }

    private StrideKinematics kinematics(StrideTiming st, double stride) {
        Side s = st.side();
        EnumMap<Joint, double[]> curves = new EnumMap<>(Joint.class);
        for (Joint j : Joint.values()) {
            double[] c = new double[StrideKinematics.CYCLE_POINTS];
            for (int k = 0; k < c.length; k++) {
                c[k] = angles.at(s, j, st.contactS() + k / 100.0 * stride);
            }
            curves.put(j, c);
        }
        double tcPct = 100 * (st.toeOffS() - st.contactS()) / stride;
        double[] knee = curves.get(Joint.KNEE_FLEXION);
        double[] hip = curves.get(Joint.HIP_FLEXION);
        double[] ankle = curves.get(Joint.ANKLE_DORSIFLEXION);
        double swing = st.nextContactS() - st.toeOffS();
        double midSwingFrom = st.toeOffS() + swing / 3;
        double midSwingTo = st.toeOffS() + 2 * swing / 3;
        double pitch = footPitchDeg(st);
        return new StrideKinematics(
                knee[0],
                max(knee, 0, 15),
                max(knee, tcPct, 100),
                hip[0],
                -min(hip, 0, tcPct),
                max(hip, tcPct, 100),
                ankle[0],
                meanOverTime(s, Joint.ANKLE_DORSIFLEXION, midSwingFrom, midSwingTo),
                angles.at(s, Joint.ANKLE_DORSIFLEXION, st.toeOffS()),
                min(ankle, tcPct - 5, tcPct + 10),
                clearance(st, midSwingFrom, midSwingTo),
                pitch,
                Double.isNaN(pitch) ? Double.NaN : pitch > StrideKinematics.HEEL_FIRST_MIN_PITCH_DEG ? 1 : 0,
                mean(curves.get(Joint.TRUNK_LEAN)),
                curves);
    }

    private double meanOverTime(Side s, Joint j, double from, double to) {
        double[] t = angles.timeS();
        double[] v = angles.get(s, j);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to) {
                if (Double.isNaN(v[i])) {
                    return Double.NaN;
                }
                sum += v[i];
                n++;
            }
        }
        return n == 0 ? 0.5 * (angles.at(s, j, from) + angles.at(s, j, to)) : sum / n;
    }

    /** Sole angle (heel to foot index) against the pass's floor line at initial contact, toe up positive. */
    private double footPitchDeg(StrideTiming st) {
        FloorLine floor = floors.get(st.passIndex());
        double slope = floor == null ? 0 : floor.slope();
        LandmarkSeries a = motion.anterior();
        double[] t = a.timeS();
        LandmarkTrack heel = BodyPoints.trackOrMissing(a, BodyLandmark.of(st.side(), BodyPart.HEEL));
        LandmarkTrack toe = BodyPoints.trackOrMissing(a, BodyLandmark.of(st.side(), BodyPart.FOOT_INDEX));
        double hx = JointAngles.interpolate(t, heel.x(), st.contactS());
        double hy = JointAngles.interpolate(t, heel.y(), st.contactS());
        double tx = JointAngles.interpolate(t, toe.x(), st.contactS());
        double ty = JointAngles.interpolate(t, toe.y(), st.contactS());
        if (Double.isNaN(hx) || Double.isNaN(hy) || Double.isNaN(tx) || Double.isNaN(ty)) {
            return Double.NaN;
        }
        // image y points down: the toe above the heel has the smaller y; the floor's own tilt is removed
        return Math.toDegrees(Math.atan2(hy - ty, tx - hx) + Math.atan(slope));
    }

    private double clearance(StrideTiming st, double from, double to) {
        FloorLine floor = floors.get(st.passIndex());
        double leg = motion.scale().legLengthPx();
        if (floor == null || Double.isNaN(floor.interceptPx()) || !(leg > 0)) {
            return Double.NaN;
        }
        LandmarkSeries a = motion.anterior();
        double[] t = a.timeS();
        double[] x = BodyPoints.trackOrMissing(a, BodyLandmark.of(st.side(), BodyPart.FOOT_INDEX)).x();
        double[] y = BodyPoints.trackOrMissing(a, BodyLandmark.of(st.side(), BodyPart.FOOT_INDEX)).y();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to) {
                if (Double.isNaN(x[i])) {
                    return Double.NaN;
                }
                min = Math.min(min, floor.heightPx(x[i], y[i]));
            }
        }
        return Double.isInfinite(min) ? Double.NaN : min / leg;
    }

    static double max(double[] c, double fromPct, double toPct) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = (int) Math.ceil(Math.max(0, fromPct)); k <= Math.min(100, Math.floor(toPct)); k++) {
            if (Double.isNaN(c[k])) {
                return Double.NaN;
            }
            m = Math.max(m, c[k]);
        }
        return Double.isInfinite(m) ? Double.NaN : m;
    }

    static double min(double[] c, double fromPct, double toPct) {
        double m = Double.POSITIVE_INFINITY;
        for (int k = (int) Math.ceil(Math.max(0, fromPct)); k <= Math.min(100, Math.floor(toPct)); k++) {
            if (Double.isNaN(c[k])) {
                return Double.NaN;
            }
            m = Math.min(m, c[k]);
        }
        return Double.isInfinite(m) ? Double.NaN : m;
    }

    static double mean(double[] c) {
        double s = 0;
        for (double v : c) {
            s += v;
        }
        return s / c.length;
    }
}
