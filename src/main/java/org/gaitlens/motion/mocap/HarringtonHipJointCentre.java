package org.gaitlens.motion.mocap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;

/**
 * Hip joint centres from pelvis markers by the regression of Harrington et al. (2007).
 *
 * <p>Pelvis frame (ISB convention): origin at the mid-point of the two anterior superior iliac spines
 * (ASIS); z from left to right ASIS; x anterior, perpendicular to z in the plane of the ASIS and the
 * posterior reference (mid-point of the posterior superior iliac spines, PSIS, or a single sacral
 * marker); y = z &times; x, superior. With pelvic width PW (inter-ASIS distance) and pelvic depth PD
 * (distance from the ASIS mid-point to the PSIS mid-point), in millimetres:
 * <pre>
 *   x = -0.24 PD - 9.9     y = -0.30 PW - 10.9     z = &plusmn;(0.33 PW + 7.3)   (+ right, - left)
 * </pre>
 * PW and PD are the medians over the trial's frames (they are subject constants; the median resists
 * marker dropouts and skin motion). A sacral marker stands in for the PSIS mid-point; it sits a little
 * more posterior on the sacrum than the mid-PSIS, which moves the estimate by a few millimetres.
 *
 * <p>Reference: Harrington ME, Zavatsky AB, Lawson SEM, Yuan Z, Theologis TN. Prediction of the hip
 * joint centre in adults, children, and patients with cerebral palsy based on magnetic resonance
 * imaging. J Biomech 2007;40(3):595-602. doi:10.1016/j.jbiomech.2006.02.003. Reported mean error against
 * MRI about 14 mm in adults. Deviation: the paper's frame uses the PSIS mid-point; a sacral marker is
 * accepted in its place.
 */
public final class HarringtonHipJointCentre {

    private HarringtonHipJointCentre() {
    }

    /**
     * Estimates both hip joint centres per sample.
     *
     * @param leftAsisM    left ASIS trajectory, {@code [sample][xyz]} metres
     * @param rightAsisM   right ASIS trajectory
     * @param posteriorM   mid-PSIS (or sacral marker) trajectory
     * @return per side the hip joint centre trajectory; NaN where a marker is missing
     * @throws IllegalArgumentException if the trajectories differ in length or no sample has all markers
     */
    public static Map<Side, double[][]> estimate(double[][] leftAsisM, double[][] rightAsisM,
            double[][] posteriorM) {
        int n = leftAsisM.length;
        if (rightAsisM.length != n || posteriorM.length != n) {
            throw new IllegalArgumentException("trajectory lengths differ: " + n + ", " + rightAsisM.length
                    + ", " + posteriorM.length);
        }
        List<Double> widths = new ArrayList<>();
        List<Double> depths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (complete(leftAsisM[i], rightAsisM[i], posteriorM[i])) {
                widths.add(Vec3.norm(Vec3.sub(rightAsisM[i], leftAsisM[i])));
                depths.add(Vec3.norm(Vec3.sub(Vec3.mid(leftAsisM[i], rightAsisM[i]), posteriorM[i])));
            }
        }
        if (widths.isEmpty()) {
            throw new IllegalArgumentException("no sample has both ASIS and the posterior pelvis marker");
        }
        double pwMm = median(widths) * 1000;
        double pdMm = median(depths) * 1000;
        double xM = (-0.24 * pdMm - 9.9) / 1000;
        double yM = (-0.30 * pwMm - 10.9) / 1000;
        double zM = (0.33 * pwMm + 7.3) / 1000;
        Map<Side, double[][]> out = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            out.put(s, new double[n][]);
        }
        for (int i = 0; i < n; i++) {
            if (!complete(leftAsisM[i], rightAsisM[i], posteriorM[i])) {
                for (Side s : Side.values()) {
                    out.get(s)[i] = Vec3.nan();
                }
                continue;
            }
            double[] origin = Vec3.mid(leftAsisM[i], rightAsisM[i]);
            double[] z = Vec3.unit(Vec3.sub(rightAsisM[i], leftAsisM[i]));
            double[] back = Vec3.sub(origin, posteriorM[i]);
            double[] x = Vec3.unit(Vec3.addScaled(back, z, -Vec3.dot(back, z)));
            double[] y = Vec3.cross(z, x);
            for (Side s : Side.values()) {
                double sign = s == Side.RIGHT ? 1 : -1;
                double[] p = Vec3.addScaled(origin, x, xM);
                p = Vec3.addScaled(p, y, yM);
                out.get(s)[i] = Vec3.addScaled(p, z, sign * zM);
            }
        }
        return out;
    }

    private static boolean complete(double[]... points) {
        for (double[] p : points) {
            if (Vec3.isNaN(p)) {
                return false;
            }
        }
        return true;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }
}
