package org.gaitlens.motion.mocap;

import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/**
 * The directions of a walk in laboratory coordinates: vertical, walking direction, and the walker's
 * left ({@code left = up × forward}), all unit vectors; forward and left are horizontal.
 *
 * <p>{@link #detect(JointTrajectories)} finds them from the joints:
 * <ul>
 *   <li><b>up</b>: the laboratory axis (&plusmn;X, &plusmn;Y or &plusmn;Z) along which the mean of
 *       (mid-hip &minus; mid-heel) is largest: hips are above heels whichever lab convention (Vicon Z up,
 *       OpenSim Y up) was used;</li>
 *   <li><b>forward</b>: the horizontal part of the mid-hip displacement from its first to its last
 *       known sample when that is at least {@value #MIN_TRAVEL_M} m (overground walking); otherwise
 *       (treadmill, walking on the spot) the mean horizontal heel-to-foot-tip direction of both feet.
 *       It is the walk's mean direction, not snapped to a laboratory axis.</li>
 * </ul>
 *
 * @param up      unit vector pointing up
 * @param forward unit horizontal vector in the walking direction
 */
public record WalkingFrame(double[] up, double[] forward) {

    /** Minimum pelvis travel in metres for the walking direction to come from travel, not the feet. */
    public static final double MIN_TRAVEL_M = 0.5;

    public WalkingFrame {
        if (Math.abs(Vec3.norm(up) - 1) > 1e-6 || Math.abs(Vec3.norm(forward) - 1) > 1e-6) {
            throw new IllegalArgumentException("up and forward must be unit vectors, were |up|="
                    + Vec3.norm(up) + ", |forward|=" + Vec3.norm(forward));
        }
        if (Math.abs(Vec3.dot(up, forward)) > 1e-6) {
            throw new IllegalArgumentException("forward must be horizontal (perpendicular to up), dot was "
                    + Vec3.dot(up, forward));
        }
        up = up.clone();
        forward = forward.clone();
    }

    /** The walker's left: {@code up × forward}. */
    public double[] left() {
        return Vec3.cross(up, forward);
    }

    /**
     * Detects the frame from mapped joints.
     *
     * @throws IllegalArgumentException if hips, heels or feet are never known
     */
    public static WalkingFrame detect(JointTrajectories joints) {
        double[][] midHip = mid(joints, BodyPart.HIP);
        double[][] midHeel = mid(joints, BodyPart.HEEL);
        double[] sum = new double[3];
        int count = 0;
        for (int i = 0; i < joints.size(); i++) {
            if (!Vec3.isNaN(midHip[i]) && !Vec3.isNaN(midHeel[i])) {
                sum = Vec3.add(sum, Vec3.sub(midHip[i], midHeel[i]));
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("hips and heels are never known together in " + joints.source());
        }
        int axis = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(sum[a]) > Math.abs(sum[axis])) {
                axis = a;
            }
        }
        double[] up = new double[3];
        up[axis] = Math.signum(sum[axis]);
        double[] first = null;
        double[] last = null;
        for (double[] p : midHip) {
            if (!Vec3.isNaN(p)) {
                if (first == null) {
                    first = p;
                }
                last = p;
            }
        }
        double[] travel = horizontal(Vec3.sub(last, first), up);
        double[] forward;
        if (Vec3.norm(travel) >= MIN_TRAVEL_M) {
            forward = Vec3.unit(travel);
        } else {
            double[] feet = new double[3];
            for (Side s : Side.values()) {
                double[][] heel = joints.positionsM().get(BodyLandmark.of(s, BodyPart.HEEL));
                double[][] toe = joints.positionsM().get(BodyLandmark.of(s, BodyPart.FOOT_INDEX));
                for (int i = 0; i < joints.size(); i++) {
                    if (!Vec3.isNaN(heel[i]) && !Vec3.isNaN(toe[i])) {
                        feet = Vec3.add(feet, Vec3.unit(horizontal(Vec3.sub(toe[i], heel[i]), up)));
                    }
                }
            }
            forward = Vec3.unit(horizontal(feet, up));
            if (Vec3.isNaN(forward)) {
                throw new IllegalArgumentException("cannot tell the walking direction of " + joints.source());
            }
        }
        return new WalkingFrame(up, forward);
    }

    private static double[] horizontal(double[] v, double[] up) {
        return Vec3.addScaled(v, up, -Vec3.dot(v, up));
    }

    /** Per sample the mid-point of the left and right landmark of a part. */
    static double[][] mid(JointTrajectories joints, BodyPart part) {
        double[][] l = joints.positionsM().get(BodyLandmark.of(Side.LEFT, part));
        double[][] r = joints.positionsM().get(BodyLandmark.of(Side.RIGHT, part));
        if (l == null || r == null) {
            throw new IllegalArgumentException("no " + part + " landmarks in " + joints.source());
        }
        double[][] m = new double[joints.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = Vec3.isNaN(l[i]) || Vec3.isNaN(r[i]) ? Vec3.nan() : Vec3.mid(l[i], r[i]);
        }
        return m;
    }
}
