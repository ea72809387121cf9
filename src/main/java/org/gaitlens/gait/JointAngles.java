package org.gaitlens.gait;

import java.util.EnumMap;
import java.util.Map;
import org.gaitlens.core.Side;

/**
 * Per-frame sagittal angles in degrees on the cleaned time grid; {@code NaN} outside walking passes or where
 * a landmark is missing. {@link Joint#TRUNK_LEAN} appears under both sides (same values).
 *
 * @param timeS    sample times, s
 * @param angleDeg per side and joint the angle per sample, degrees
 */
public record JointAngles(double[] timeS, Map<Side, Map<Joint, double[]>> angleDeg) {
    public JointAngles {
        EnumMap<Side, Map<Joint, double[]>> c = new EnumMap<>(Side.class);
        angleDeg.forEach((s, m) -> c.put(s, java.util.Collections.unmodifiableMap(new EnumMap<>(m))));
        angleDeg = java.util.Collections.unmodifiableMap(c);
    }

    /** The series of one joint and side. */
    public double[] get(Side side, Joint joint) {
        return angleDeg.get(side).get(joint);
    }

    /** Linear interpolation of a joint angle at time {@code t}; {@code NaN} outside the grid or in gaps. */
    public double at(Side side, Joint joint, double t) {
        return interpolate(timeS, get(side, joint), t);
    }

    static double interpolate(double[] time, double[] v, double t) {
        int n = time.length;
        if (n == 0 || t < time[0] || t > time[n - 1]) {
            return Double.NaN;
        }
        double dt = (time[n - 1] - time[0]) / Math.max(1, n - 1);
        int i = (int) Math.min(n - 2, Math.max(0, Math.floor((t - time[0]) / dt)));
        while (i > 0 && time[i] > t) {
            i--;
        }
        while (i < n - 2 && time[i + 1] < t) {
            i++;
        }
        if (n == 1) {
            return v[0];
        }
        double w = (t - time[i]) / (time[i + 1] - time[i]);
        return (1 - w) * v[i] + w * v[i + 1];
    }
}
