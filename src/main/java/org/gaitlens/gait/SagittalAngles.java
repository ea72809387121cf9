package org.gaitlens.gait;

import java.util.EnumMap;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;

/**
 * Sagittal joint angles from 2D landmarks in direction-normalised image coordinates (+x = walking
 * direction = anterior, y down). For a segment vector {@code (dx, dy)} let
 * {@code phi = atan2(dx, dy)}: its angle from the <em>downward</em> image vertical, positive when it points
 * anterior. Angles in degrees, wrapped to (-180, 180].
 *
 * <table>
 * <caption>Sign table (identical for left and right)</caption>
 * <tr><th>angle</th><th>formula</th><th>+ means</th><th>0 means</th></tr>
 * <tr><td>trunk lean</td><td>{@code atan2(dx, -dy)} of mid-hip -> mid-shoulder (angle from upward vertical)</td>
 *     <td>shoulders anterior of the hips (forward lean)</td><td>trunk vertical</td></tr>
 * <tr><td>hip flexion</td><td>{@code phi(hip -> knee)}</td><td>knee anterior of the hip (flexion)</td>
 *     <td>thigh vertical</td></tr>
 * <tr><td>knee flexion</td><td>{@code phi(hip -> knee) - phi(knee -> ankle)}; its magnitude is 180 deg minus
 *     the hip-knee-ankle angle</td><td>ankle behind the thigh line (flexion); - = hyperextension</td>
 *     <td>straight leg</td></tr>
 * <tr><td>ankle dorsiflexion</td><td>{@code phi(heel -> foot index) - phi(knee -> ankle) - 90}</td>
 *     <td>foot tip toward the shank (dorsiflexion); - = plantarflexion</td>
 *     <td>foot line perpendicular to the shank</td></tr>
 * </table>
 *
 * <p>The hip angle is the thigh against the image vertical, not against the pelvis: a lab (pelvis-referenced)
 * hip flexion equals this angle plus the pelvis's anterior tilt relative to the lab vertical (typically
 * 5-15 deg offset, roughly constant during walking). The ankle uses the heel-to-foot-index line as the foot
 * axis; lab models use a different foot axis, giving a near-constant offset (see {@code docs/angles.md}).
 * Definitions follow the joint-angle conventions of Winter (2009, ch. 1.3 and 2) and the 2D video study of
 * Stenum et al. (2021), doi:10.1371/journal.pcbi.1008935.
 */
public final class SagittalAngles {

    /** Angle in degrees of {@code (dx, dy)} from the downward image vertical, + anterior. */
    public static double fromDownwardVerticalDeg(double dx, double dy) {
        return Math.toDegrees(Math.atan2(dx, dy));
    }

    /** Trunk lean of one frame, degrees. */
    public static double trunkLeanDeg(double hipX, double hipY, double shoulderX, double shoulderY) {
        return Math.toDegrees(Math.atan2(shoulderX - hipX, -(shoulderY - hipY)));
    }

    /** Hip flexion of one frame, degrees. */
    public static double hipFlexionDeg(double hipX, double hipY, double kneeX, double kneeY) {
        return fromDownwardVerticalDeg(kneeX - hipX, kneeY - hipY);
    }

    /** Knee flexion of one frame, degrees. */
    public static double kneeFlexionDeg(double hipX, double hipY, double kneeX, double kneeY, double ankleX,
            double ankleY) {
        return wrap(fromDownwardVerticalDeg(kneeX - hipX, kneeY - hipY)
                - fromDownwardVerticalDeg(ankleX - kneeX, ankleY - kneeY));
    }

    /** Ankle dorsiflexion of one frame, degrees. */
    public static double ankleDorsiflexionDeg(double kneeX, double kneeY, double ankleX, double ankleY, double heelX,
            double heelY, double toeX, double toeY) {
        return wrap(fromDownwardVerticalDeg(toeX - heelX, toeY - heelY)
                - fromDownwardVerticalDeg(ankleX - kneeX, ankleY - kneeY) - 90);
    }

    static double wrap(double deg) {
        double d = deg % 360;
        if (d > 180) {
            d -= 360;
        } else if (d <= -180) {
            d += 360;
        }
        return d;
    }

    /** Angles for every frame of a direction-normalised series. */
    public JointAngles compute(LandmarkSeries a) {
        int n = a.size();
        double[][] hip = BodyPoints.midpoint(a, BodyPart.HIP);
        double[][] sh = BodyPoints.midpoint(a, BodyPart.SHOULDER);
        double[] trunk = new double[n];
        for (int i = 0; i < n; i++) {
            trunk[i] = trunkLeanDeg(hip[0][i], hip[1][i], sh[0][i], sh[1][i]);
        }
        EnumMap<Side, Map<Joint, double[]>> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            LandmarkTrack h = BodyPoints.trackOrMissing(a, BodyLandmark.of(side, BodyPart.HIP));
            LandmarkTrack k = BodyPoints.trackOrMissing(a, BodyLandmark.of(side, BodyPart.KNEE));
            LandmarkTrack an = BodyPoints.trackOrMissing(a, BodyLandmark.of(side, BodyPart.ANKLE));
            LandmarkTrack he = BodyPoints.trackOrMissing(a, BodyLandmark.of(side, BodyPart.HEEL));
            LandmarkTrack to = BodyPoints.trackOrMissing(a, BodyLandmark.of(side, BodyPart.FOOT_INDEX));
            double[] hipF = new double[n];
            double[] kneeF = new double[n];
            double[] ankleD = new double[n];
            for (int i = 0; i < n; i++) {
                hipF[i] = hipFlexionDeg(h.x()[i], h.y()[i], k.x()[i], k.y()[i]);
                kneeF[i] = kneeFlexionDeg(h.x()[i], h.y()[i], k.x()[i], k.y()[i], an.x()[i], an.y()[i]);
                ankleD[i] = ankleDorsiflexionDeg(k.x()[i], k.y()[i], an.x()[i], an.y()[i], he.x()[i], he.y()[i],
                        to.x()[i], to.y()[i]);
            }
            EnumMap<Joint, double[]> m = new EnumMap<>(Joint.class);
            m.put(Joint.TRUNK_LEAN, trunk);
            m.put(Joint.HIP_FLEXION, hipF);
            m.put(Joint.KNEE_FLEXION, kneeF);
            m.put(Joint.ANKLE_DORSIFLEXION, ankleD);
            out.put(side, m);
        }
        return new JointAngles(a.timeS(), out);
    }
}
