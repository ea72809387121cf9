package org.gaitlens.motion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/**
 * Test fixture: a 2D sagittal walker built in code, with events, stride parameters and positions known
 * exactly by construction.
 *
 * <p>Body frame in metres, x forward, y up, floor at y = 0. The pelvis moves at constant speed
 * {@code v = strideLength / strideTime} (plus a small vertical bob). Each foot follows a fixed schedule:
 * initial contacts at {@code t0_S + k T}, toe off {@code stance_S T} later; heel positions at contact
 * {@code x0_S + k strideLength}. In stance the foot rolls without sliding: heel pivot (heel fixed, toe
 * lowering from {@code +15 deg}) in the first 15 % of stance, foot flat to 55 %, toe pivot (foot tip fixed,
 * heel rising to {@code -35 deg}) to toe off. In swing the heel follows a cubic Hermite path that leaves and
 * arrives with horizontal speed {@code 2 v}, so that heel-minus-pelvis has a symmetric peak at contact and
 * toe-minus-pelvis a symmetric trough at toe off: the Zeni extrema coincide with the true events. Knee by
 * two-link inverse kinematics (knee anterior), ankle fixed in the foot frame, trunk at a constant lean.
 * Segment proportions follow Winter (thigh 0.245 H, shank 0.246 H); the nose is placed so that its highest
 * height is {@code 0.90 H} (the {@code ScaleEstimator} assumption).
 */
public final class SyntheticWalk {
    static final double HEEL_STRIKE_FOOT_DEG = 15;
    static final double TOE_OFF_FOOT_DEG = -35;
    static final double FOOT_LENGTH_FRACTION = 0.15;
    static final double ANKLE_FWD = 0.05;
    static final double ANKLE_UP = 0.07;

    public final double heightM;
    public final double strideTimeS;
    public final double strideLengthM;
    public final EnumMap<Side, Double> stanceFraction = new EnumMap<>(Side.class);
    /** Time of the first right contact after the first left contact, as a fraction of the stride. */
    public final double rightPhase;
    public final double trunkLeanDeg;
    public final double speedMPerS;
    public final double thighM;
    public final double shankM;
    public final double footM;
    public final double hipHeightM;
    public final double firstLeftContactS;

    /** A symmetric walk with typical values: T = 1.1 s, 1.3 m stride, stance 62 %, H = 1.75 m. */
    public static SyntheticWalk typical() {
        return new SyntheticWalk(1.75, 1.1, 1.3, 0.62, 0.62, 0.5, 5.0);
    }

    /**
     * @param heightM       body height
     * @param strideTimeS   stride time T (both sides)
     * @param strideLengthM stride length
     * @param stanceLeft    left stance fraction of T
     * @param stanceRight   right stance fraction of T
     * @param rightPhase    right contact delay after the left, fraction of T (0.5 = symmetric steps)
     * @param trunkLeanDeg  constant forward trunk lean
     */
    public SyntheticWalk(double heightM, double strideTimeS, double strideLengthM, double stanceLeft,
            double stanceRight, double rightPhase, double trunkLeanDeg) {
        this.heightM = heightM;
        this.strideTimeS = strideTimeS;
        this.strideLengthM = strideLengthM;
        stanceFraction.put(Side.LEFT, stanceLeft);
        stanceFraction.put(Side.RIGHT, stanceRight);
        this.rightPhase = rightPhase;
        this.trunkLeanDeg = trunkLeanDeg;
        this.speedMPerS = strideLengthM / strideTimeS;
        this.thighM = 0.245 * heightM;
        this.shankM = 0.246 * heightM;
        this.footM = FOOT_LENGTH_FRACTION * heightM;
        this.hipHeightM = 0.47 * heightM;
        this.firstLeftContactS = 0.137;
        // interleaving: IC_L < TC_R < IC_R < TC_L < IC_L'
        double tcR = rightPhase + stanceRight - 1;
        if (!(tcR > 0 && tcR < rightPhase && rightPhase < stanceLeft && stanceLeft < 1)) {
            throw new IllegalArgumentException("phases do not interleave");
        }
    }

    double contactTime(Side s, int k) {
        return firstLeftContactS + (s == Side.LEFT ? 0 : rightPhase * strideTimeS) + k * strideTimeS;
    }

    double contactX(Side s, int k) {
        return (s == Side.LEFT ? 0 : rightPhase * strideLengthM) + k * strideLengthM;
    }

    /** Heel x at the k-th contact of side s (m). */
    public double heelXAtContact(Side s, int k) {
        return contactX(s, k);
    }

    double pelvisX(double t) {
        // at each contact the pelvis is 0.3 leg lengths behind the contacting heel
        return speedMPerS * (t - firstLeftContactS) - 0.17 * (thighM + shankM);
    }

    double pelvisY(double t) {
        return hipHeightM + 0.01 * Math.cos(4 * Math.PI * (t - firstLeftContactS) / strideTimeS);
    }

    /** An event known by construction: {@code contact} = initial contact, else toe off. */
    public record TrueEvent(Side side, boolean contact, double timeS) {
    }

    /** True events in [fromS, toS], time order. */
    public List<TrueEvent> trueEvents(double fromS, double toS) {
        List<TrueEvent> out = new ArrayList<>();
        for (Side s : Side.values()) {
            for (int k = -2; k < 1000; k++) {
                double ic = contactTime(s, k);
                if (ic > toS) {
                    break;
                }
                double tc = ic + stanceFraction.get(s) * strideTimeS;
                if (ic >= fromS) {
                    out.add(new TrueEvent(s, true, ic));
                }
                if (tc >= fromS && tc <= toS) {
                    out.add(new TrueEvent(s, false, tc));
                }
            }
        }
        out.sort(java.util.Comparator.comparingDouble(TrueEvent::timeS));
        return out;
    }

    private static double smooth(double u) {
        u = Math.max(0, Math.min(1, u));
        return u * u * (3 - 2 * u);
    }

    /** Foot state: heel (x, y) and foot angle theta (rad, + toe up). */
    double[] foot(Side s, double t) {
        double st = stanceFraction.get(s);
        int k = (int) Math.floor((t - contactTime(s, 0)) / strideTimeS);
        double ic = contactTime(s, k);
        double stanceS = st * strideTimeS;
        double x0 = contactX(s, k);
        double hs = Math.toRadians(HEEL_STRIKE_FOOT_DEG);
        double to = Math.toRadians(TOE_OFF_FOOT_DEG);
        if (t - ic < stanceS) {
            double u = (t - ic) / stanceS;
            if (u < 0.15) {
                return new double[] {x0, 0, hs * (1 - smooth(u / 0.15))};
            } else if (u < 0.55) {
                return new double[] {x0, 0, 0};
            }
            double th = to * smooth((u - 0.55) / 0.45);
            double toeX = x0 + footM;
            return new double[] {toeX - footM * Math.cos(th), -footM * Math.sin(th), th};
        }
        // swing from toe off (k) to contact k+1
        double tcS = ic + stanceS;
        double swingS = strideTimeS - stanceS;
        double u = (t - tcS) / swingS;
        double xa = x0 + footM - footM * Math.cos(to);
        double ya = -footM * Math.sin(to);
        double xb = contactX(s, k + 1);
        double va = 2 * speedMPerS * swingS; // derivative w.r.t. u
        double vb = 2 * speedMPerS * swingS;
        double x = hermite(u, xa, va, xb, vb);
        double y = hermite(u, ya, 0, 0, -0.4 * swingS) + 0.05 * Math.sin(Math.PI * u);
        double th = to + (hs - to) * smooth(u);
        return new double[] {x, y, th};
    }

    private static double hermite(double u, double a, double ma, double b, double mb) {
        double u2 = u * u;
        double u3 = u2 * u;
        return (2 * u3 - 3 * u2 + 1) * a + (u3 - 2 * u2 + u) * ma + (-2 * u3 + 3 * u2) * b + (u3 - u2) * mb;
    }

    /** All landmark positions at time t in metres (body frame), keyed by landmark. */
    public Map<BodyLandmark, double[]> pose(double t) {
        EnumMap<BodyLandmark, double[]> p = new EnumMap<>(BodyLandmark.class);
        double px = pelvisX(t);
        double py = pelvisY(t);
        for (Side s : Side.values()) {
            double[] f = foot(s, t);
            double c = Math.cos(f[2]);
            double sn = Math.sin(f[2]);
            double[] heel = {f[0], f[1]};
            double[] toe = {f[0] + footM * c, f[1] + footM * sn};
            double[] ankle = {f[0] + ANKLE_FWD * c - ANKLE_UP * sn, f[1] + ANKLE_FWD * sn + ANKLE_UP * c};
            double dx = ankle[0] - px;
            double dy = ankle[1] - py;
            double d = Math.hypot(dx, dy);
            if (d > 0.999 * (thighM + shankM)) {
                throw new IllegalStateException("leg over-stretched at t=" + t + " side " + s + ": " + d);
            }
            double alpha = Math.acos((thighM * thighM + d * d - shankM * shankM) / (2 * thighM * d));
            double ux = dx / d;
            double uy = dy / d;
            // rotate (ux, uy) counter-clockwise by alpha: toward +x for a downward vector
            double kx = ux * Math.cos(alpha) - uy * Math.sin(alpha);
            double ky = ux * Math.sin(alpha) + uy * Math.cos(alpha);
            double[] knee = {px + thighM * kx, py + thighM * ky};
            p.put(BodyLandmark.of(s, BodyPart.HIP), new double[] {px, py});
            p.put(BodyLandmark.of(s, BodyPart.KNEE), knee);
            p.put(BodyLandmark.of(s, BodyPart.ANKLE), ankle);
            p.put(BodyLandmark.of(s, BodyPart.HEEL), heel);
            p.put(BodyLandmark.of(s, BodyPart.FOOT_INDEX), toe);
        }
        double lean = Math.toRadians(trunkLeanDeg);
        double trunk = 0.29 * heightM;
        double[] sh = {px + trunk * Math.sin(lean), py + trunk * Math.cos(lean)};
        p.put(BodyLandmark.LEFT_SHOULDER, sh.clone());
        p.put(BodyLandmark.RIGHT_SHOULDER, sh.clone());
        double noseAbove = 0.90 * heightM - (hipHeightM + 0.01 + trunk * Math.cos(lean));
        p.put(BodyLandmark.NOSE, new double[] {sh[0] + 0.08, sh[1] + noseAbove});
        return p;
    }

    /** Image projection: metres to pixels. */
    public record Camera(double pixelsPerMetre, double originXPx, double floorYPx, int widthPx, int heightPx,
            boolean mirrored) {
        double xPx(double xM) {
            double x = originXPx + pixelsPerMetre * xM;
            return mirrored ? widthPx - x : x;
        }

        double yPx(double yM) {
            return floorYPx - pixelsPerMetre * yM;
        }
    }

    /** The default camera: 250 px/m, floor at y = 1000 px, 3000 px wide image. */
    public static Camera camera(boolean mirrored) {
        return new Camera(250, 400, 1000, 3000, 1100, mirrored);
    }

    /**
     * Samples the walk.
     *
     * @param rateHz    frame rate
     * @param durationS length
     * @param cam       projection
     * @param noisePx   SD of Gaussian pixel noise added to every coordinate (0 = none)
     * @param seed      noise seed
     * @param knownScale whether to record {@code cam.pixelsPerMetre} in the series
     */
    public LandmarkSeries series(double rateHz, double durationS, Camera cam, double noisePx, long seed,
            boolean knownScale) {
        int n = (int) Math.round(durationS * rateHz);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / rateHz;
        }
        return series(t, cam, noisePx, seed, knownScale);
    }

    /** Samples the walk at given times. */
    public LandmarkSeries series(double[] t, Camera cam, double noisePx, long seed, boolean knownScale) {
        int n = t.length;
        Random rnd = new Random(seed);
        EnumMap<BodyLandmark, LandmarkTrack> tracks = new EnumMap<>(BodyLandmark.class);
        for (int i = 0; i < n; i++) {
            Map<BodyLandmark, double[]> p = pose(t[i]);
            for (Map.Entry<BodyLandmark, double[]> e : p.entrySet()) {
                LandmarkTrack tr = tracks.computeIfAbsent(e.getKey(),
                        k -> new LandmarkTrack(new double[n], new double[n], new double[n]));
                tr.x()[i] = cam.xPx(e.getValue()[0]) + noisePx * rnd.nextGaussian();
                tr.y()[i] = cam.yPx(e.getValue()[1]) + noisePx * rnd.nextGaussian();
                tr.confidence()[i] = 0.99;
            }
        }
        return new LandmarkSeries(t, tracks, cam.widthPx(), cam.heightPx(),
                knownScale ? cam.pixelsPerMetre() : Double.NaN, "synthetic walk");
    }

    /** Leg length used by the engine (thigh + shank), m. */
    public double legLengthM() {
        return thighM + shankM;
    }
}
