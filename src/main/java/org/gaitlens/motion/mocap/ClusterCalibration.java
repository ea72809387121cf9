package org.gaitlens.motion.mocap;

/**
 * Reconstructs an anatomical point that was only marked in a static trial from a rigid cluster of
 * three technical markers on the same segment: the calibrated anatomical systems technique (CAST) of
 * Cappozzo et al. (1995).
 *
 * <p>For cluster markers a, b, c a technical frame is built per sample: origin a, e1 = (b - a)/|b - a|,
 * e3 = e1 &times; (c - a) normalised, e2 = e3 &times; e1. In the static trial the point's local
 * coordinates {@code R^T (p - a)} are averaged over the samples where everything is visible; in the
 * walking trial {@code p = a + R local}. Deviation from the paper: no least-squares pose fit over more
 * than three markers (three define the frame exactly), so skin motion of the cluster passes straight
 * into the reconstructed point.
 *
 * <p>Reference: Cappozzo A, Catani F, Della Croce U, Leardini A. Position and orientation in space of
 * bones during movement: anatomical frame definition and determination. Clin Biomech 1995;10(4):171-178.
 * doi:10.1016/0268-0033(95)91394-T.
 */
public final class ClusterCalibration {

    private final double[] localM;

    private ClusterCalibration(double[] localM) {
        this.localM = localM;
    }

    /**
     * Calibrates from a static trial.
     *
     * @param a       first cluster marker, {@code [sample][xyz]}
     * @param b       second cluster marker
     * @param c       third cluster marker
     * @param pointM  the anatomical point in the same samples
     * @throws IllegalArgumentException if lengths differ or no sample has all four
     */
    public static ClusterCalibration calibrate(double[][] a, double[][] b, double[][] c, double[][] pointM) {
        int n = a.length;
        if (b.length != n || c.length != n || pointM.length != n) {
            throw new IllegalArgumentException("trajectory lengths differ: " + n + ", " + b.length + ", "
                    + c.length + ", " + pointM.length);
        }
        double[] sum = new double[3];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double[][] r = frame(a[i], b[i], c[i]);
            if (r == null || Vec3.isNaN(pointM[i])) {
                continue;
            }
            double[] d = Vec3.sub(pointM[i], a[i]);
            for (int k = 0; k < 3; k++) {
                sum[k] += Vec3.dot(r[k], d);
            }
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("no static sample shows the cluster and the point together");
        }
        return new ClusterCalibration(Vec3.scale(sum, 1.0 / count));
    }

    /** The point's coordinates in the cluster frame, metres. */
    public double[] localM() {
        return localM.clone();
    }

    /** Reconstructs the point in every sample of a trial (NaN where a cluster marker is missing). */
    public double[][] reconstruct(double[][] a, double[][] b, double[][] c) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[][] r = frame(a[i], b[i], c[i]);
            if (r == null) {
                out[i] = Vec3.nan();
                continue;
            }
            double[] p = a[i];
            for (int k = 0; k < 3; k++) {
                p = Vec3.addScaled(p, r[k], localM[k]);
            }
            out[i] = p;
        }
        return out;
    }

    /** Rows e1, e2, e3 of the technical frame, or null when a marker is missing or they are collinear. */
    private static double[][] frame(double[] a, double[] b, double[] c) {
        if (Vec3.isNaN(a) || Vec3.isNaN(b) || Vec3.isNaN(c)) {
            return null;
        }
        double[] e1 = Vec3.unit(Vec3.sub(b, a));
        double[] e3 = Vec3.unit(Vec3.cross(e1, Vec3.sub(c, a)));
        if (Vec3.isNaN(e1) || Vec3.isNaN(e3)) {
            return null;
        }
        return new double[][] {e1, Vec3.cross(e3, e1), e3};
    }
}
