package org.gaitlens.motion;

/**
 * Fits a {@link LegPose} to one frame's leg landmarks (hip, knee, ankle, heel, foot tip) of a leg of known
 * {@link LegGeometry} by weighted least squares with soft joint limits:
 * <pre>
 *   minimise  sum_k w_k |P_k(pose) - m_k|^2  +  sum_j (L / sigmaLimit_j)^2 excess_j(pose)^2
 * </pre>
 * where {@code P_k} is the model position of landmark {@code k} (forward kinematics of {@link LegPose}), {@code m_k}
 * the measured one, {@code w_k} its confidence (0 for a missing landmark), {@code excess_j} how far a joint angle lies
 * outside its range ({@link #KNEE_RANGE_DEG}, {@link #ANKLE_RANGE_DEG}; 0 inside) and {@code L} the thigh length, so
 * that one degree of excess costs as much as a landmark {@code L / sigmaLimit} px off per degree. Solved by
 * Gauss-Newton with Levenberg-Marquardt damping (Nocedal and Wright 2006, Numerical Optimization, ch. 10) from a
 * starting pose (the previous frame's, or the landmarks' own directions).
 *
 * <p>The result carries the normal matrix {@code J^T W J} of the landmark terms: multiplied by the inverse of the
 * landmark noise variance it is the information about the pose, whose inverse gives the fitted parameters'
 * variances (the per-frame measurement variances of the smoother in {@link SkeletalModel}).
 */
public final class LegPoseFit {
    /** Knee flexion range, deg (a little hyperextension, flexion up to 110 deg). */
    public static final double[] KNEE_RANGE_DEG = {-10, 110};
    /** Ankle dorsiflexion range, deg (heel-to-tip line against the shank, minus 90). */
    public static final double[] ANKLE_RANGE_DEG = {-50, 40};
    /** Joint-limit stiffness: one degree outside a range costs as much as a landmark this many thigh lengths off. */
    static final double LIMIT_LEG_PER_DEG = 0.01;
    private static final int MAX_ITERATIONS = 20;

    /**
     * A fitted pose.
     *
     * @param pose       the pose
     * @param normal     {@code J^T W J} of the landmark terms at the pose (5 x 5), px^2 per parameter unit^2
     * @param landmarks  landmarks that took part (weight > 0)
     * @param costPx2    weighted squared residual of the landmark terms at the pose, px^2
     */
    public record Result(LegPose pose, double[][] normal, int landmarks, double costPx2) {
    }

    private final LegGeometry geometry;

    public LegPoseFit(LegGeometry geometry) {
        this.geometry = geometry;
    }

    /** The leg's shape. */
    public LegGeometry geometry() {
        return geometry;
    }

    /**
     * Fits one frame.
     *
     * @param x      measured x of hip, knee, ankle, heel, foot tip (NaN = missing), px
     * @param y      measured y, px
     * @param w      weights (confidence) of the five, {@code >= 0}
     * @param start  starting pose
     */
    public Result fit(double[] x, double[] y, double[] w, LegPose start) {
        double[] p = minimise(start.toArray(), x, y, w);
        double[][] normal = new double[LegPose.SIZE][LegPose.SIZE];
        normalEquations(p, x, y, w, normal, new double[LegPose.SIZE], false);
        int used = 0;
        double landmarkCost = 0;
        double[][] pts = points(LegPose.of(p));
        for (int k = 0; k < 5; k++) {
            if (w[k] > 0 && !Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
                used++;
                double dx = pts[k][0] - x[k];
                double dy = pts[k][1] - y[k];
                landmarkCost += w[k] * (dx * dx + dy * dy);
            }
        }
        return new Result(LegPose.of(p), normal, used, landmarkCost);
    }

    /** Levenberg-Marquardt from {@code p}. */
    private double[] minimise(double[] p, double[] x, double[] y, double[] w) {
        double lambda = 1e-3;
        double cost = cost(p, x, y, w);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[][] a = new double[LegPose.SIZE][LegPose.SIZE];
            double[] g = new double[LegPose.SIZE];
            normalEquations(p, x, y, w, a, g, true);
            double[] step = null;
            double next = cost;
            double[] trial = null;
            for (int tries = 0; tries < 10; tries++) {
                double[][] damped = new double[LegPose.SIZE][LegPose.SIZE];
                for (int i = 0; i < LegPose.SIZE; i++) {
                    damped[i] = a[i].clone();
                    damped[i][i] += lambda * (a[i][i] + 1e-9);
                }
                step = solve(damped, g);
                if (step == null) {
                    lambda *= 10;
                    continue;
                }
                trial = new double[LegPose.SIZE];
                for (int i = 0; i < LegPose.SIZE; i++) {
                    trial[i] = p[i] - step[i];
                }
                next = cost(trial, x, y, w);
                if (next <= cost) {
                    break;
                }
                lambda *= 10;
            }
            if (trial == null || !(next <= cost)) {
                break;
            }
            p = trial;
            boolean converged = cost - next < 1e-6 * (1 + cost);
            cost = next;
            lambda = Math.max(1e-7, lambda / 10);
            if (converged) {
                break;
            }
        }
        return p;
    }

    /** Model positions of hip, knee, ankle, heel and foot tip. */
    double[][] points(LegPose pose) {
        return new double[][] {{pose.hipXPx(), pose.hipYPx()}, pose.knee(geometry), pose.ankle(geometry),
            pose.heel(geometry), pose.toe(geometry)};
    }

    private double cost(double[] p, double[] x, double[] y, double[] w) {
        double[][] pts = points(LegPose.of(p));
        double c = 0;
        for (int k = 0; k < 5; k++) {
            if (w[k] > 0 && !Double.isNaN(x[k]) && !Double.isNaN(y[k])) {
                double dx = pts[k][0] - x[k];
                double dy = pts[k][1] - y[k];
                c += w[k] * (dx * dx + dy * dy);
            }
        }
        double s = limitScale();
        double knee = excessDeg(Math.toDegrees(p[2] - p[3]), KNEE_RANGE_DEG);
        double ankle = excessDeg(Math.toDegrees(p[4] - p[3]) - 90, ANKLE_RANGE_DEG);
        return c + s * s * (knee * knee + ankle * ankle);
    }

    private double limitScale() {
        return LIMIT_LEG_PER_DEG * geometry.thighPx();
    }

    /** Accumulates J^T W J into {@code a} and J^T W r into {@code g} (r = model - measured). */
    private void normalEquations(double[] p, double[] x, double[] y, double[] w, double[][] a, double[] g,
            boolean withLimits) {
        LegPose pose = LegPose.of(p);
        double[][] pts = points(pose);
        double t = geometry.thighPx();
        double sh = geometry.shankPx();
        double c1 = Math.cos(p[2]);
        double s1 = Math.sin(p[2]);
        double c2 = Math.cos(p[3]);
        double s2 = Math.sin(p[3]);
        double c3 = Math.cos(p[4]);
        double s3 = Math.sin(p[4]);
        // d/dphi of (sin, cos) = (cos, -sin); foot: d(pu u + pn n)/dphi = pu n - pn u
        double[] dThigh = {t * c1, -t * s1};
        double[] dShank = {sh * c2, -sh * s2};
        double[] dHeel = footDerivative(geometry.heelU(), geometry.soleN(), s3, c3);
        double[] dToe = footDerivative(geometry.toeU(), geometry.soleN(), s3, c3);
        for (int k = 0; k < 5; k++) {
            if (!(w[k] > 0) || Double.isNaN(x[k]) || Double.isNaN(y[k])) {
                continue;
            }
            for (int axis = 0; axis < 2; axis++) {
                double[] j = new double[LegPose.SIZE];
                j[axis] = 1;
                if (k >= 1) {
                    j[2] = dThigh[axis];
                }
                if (k >= 2) {
                    j[3] = dShank[axis];
                }
                if (k == 3) {
                    j[4] = dHeel[axis];
                } else if (k == 4) {
                    j[4] = dToe[axis];
                }
                double r = pts[k][axis] - (axis == 0 ? x[k] : y[k]);
                accumulate(a, g, j, r, w[k]);
            }
        }
        if (withLimits) {
            double s = limitScale() * 180 / Math.PI;
            double knee = excessDeg(Math.toDegrees(p[2] - p[3]), KNEE_RANGE_DEG) * Math.PI / 180;
            if (knee != 0) {
                accumulate(a, g, new double[] {0, 0, s, -s, 0}, s * knee, 1);
            }
            double ankle = excessDeg(Math.toDegrees(p[4] - p[3]) - 90, ANKLE_RANGE_DEG) * Math.PI / 180;
            if (ankle != 0) {
                accumulate(a, g, new double[] {0, 0, 0, -s, s}, s * ankle, 1);
            }
        }
    }

    private static double[] footDerivative(double pu, double pn, double s, double c) {
        // u = (s, c), n = (c, -s): pu n - pn u
        return new double[] {pu * c - pn * s, -pu * s - pn * c};
    }

    private static void accumulate(double[][] a, double[] g, double[] j, double r, double w) {
        for (int i = 0; i < j.length; i++) {
            if (j[i] == 0) {
                continue;
            }
            g[i] += w * j[i] * r;
            for (int k = 0; k < j.length; k++) {
                a[i][k] += w * j[i] * j[k];
            }
        }
    }

    /** How far {@code deg} lies outside {@code range} (negative below, positive above, 0 inside). */
    static double excessDeg(double deg, double[] range) {
        return deg < range[0] ? deg - range[0] : deg > range[1] ? deg - range[1] : 0;
    }

    /** Solves a symmetric positive-definite system by Cholesky; null if it is not positive definite. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * out[k];
            }
            out[i] = s / l[i][i];
        }
        return out;
    }
}
