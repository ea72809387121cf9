package org.gaitlens.motion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/**
 * A per-walker 2D skeletal model of the legs, fitted frame by frame and smoothed over time: the leg landmarks of a
 * walking pass are replaced by those of one consistent body, so that joint angles, foot clearance and gait events
 * all come from the same segments.
 *
 * <p>Steps, per walking pass and leg, in facing-normalised coordinates (+x anatomical anterior):
 * <ol>
 *   <li>{@link LegGeometry}: thigh and shank lengths and the foot triangle (ankle, heel, foot tip) once per pass, the
 *       medians over the frames where all five leg landmarks are present (2D lengths are constant for a walker moving
 *       parallel to the image plane; near and far legs get their own, as they lie at different depths);</li>
 *   <li>{@link LegPoseFit}: each frame's hip position and thigh, shank and foot directions by weighted least squares
 *       on the five landmarks, the landmarks' confidences as weights, joint ranges as soft bounds;</li>
 *   <li>{@link RtsSmoother}: each of the five parameters smoothed over the pass with a constant-acceleration model;
 *       each frame's measurement variance is the fit's ({@code sigma^2 (J^T W J)^-1}, {@code sigma} the landmark
 *       noise estimated from the fits' residuals), and the smoother acts as a sixth-order zero-lag low-pass of cutoff
 *       {@code cutoffHz} on frames of median variance;</li>
 *   <li>the five landmarks rebuilt from the smoothed pose (forward kinematics) wherever the cleaned series has them.</li>
 * </ol>
 * Each pass is fitted with {@link #CONTEXT_S} of context on either side. A pass with fewer than
 * {@value #MIN_GEOMETRY_FRAMES} complete frames for a leg keeps that leg's filtered landmarks.
 *
 * <p>Method: the two-stage form (per-frame inverse kinematics, then smoothing) of model-based kinematics smoothing,
 * as in De Groote F., De Laet T., Jonkers I., De Schutter J. (2008) Kalman smoothing improves the estimation of joint
 * kinematics and kinetics in marker-based human gait analysis. J Biomech 41:3390-3398,
 * doi:10.1016/j.jbiomech.2008.09.035 (who run one extended Kalman smoother on the markers instead); per-frame
 * weighted least squares with fixed segment lengths as in global optimisation (Lu T.-W., O'Connor J.J. (1999) Bone
 * position estimation from skin marker co-ordinates using global optimisation with joint constraints. J Biomech
 * 32:129-134, doi:10.1016/S0021-9290(98)00158-4). Deviations: 2D, the parameters are smoothed one by one with their
 * marginal variances (their correlations are ignored), and the segment lengths are pixels of one pass. Accuracy and
 * cost: docs/accuracy.md ("Skeletal model").
 */
public final class SkeletalModel {
    /** Fewest frames with all five leg landmarks to estimate a leg's geometry. */
    static final int MIN_GEOMETRY_FRAMES = 5;
    /** Fewest landmarks in a frame for its fit to count as a measurement. */
    static final int MIN_LANDMARKS = 3;
    /**
     * Frames this long before and after a pass are fitted and smoothed with it (and not written): the smoother then
     * has the motion on both sides of a pass boundary, where a pass is cut while the walker is still stepping (a
     * contact just inside the boundary was lost on the real indoor clip without it), s.
     */
    static final double CONTEXT_S = 0.25;
    /** Rounds of dropping landmarks far from the smoothed body and fitting again. */
    static final int MAX_OUTLIER_ROUNDS = 2;
    /** A landmark this many noise SDs from the smoothed body is dropped (if also beyond the floor below). */
    static final double OUTLIER_SIGMAS = 4;
    /** ... and at least this many foot lengths from it. */
    static final double OUTLIER_MIN_FOOT = 0.25;

    private final double cutoffHz;

    /** @param cutoffHz the smoother's cutoff at median measurement variance, Hz, {@code > 0} */
    public SkeletalModel(double cutoffHz) {
        if (!(cutoffHz > 0)) {
            throw new IllegalArgumentException("cutoffHz must be > 0, was " + cutoffHz);
        }
        this.cutoffHz = cutoffHz;
    }

    /**
     * Fits and smooths, writing the leg landmarks of each pass into {@code out}.
     *
     * @param measured the leg landmarks as measured (outliers and low-confidence samples missing, not filled or
     *                 filtered), on the same time grid as {@code out}
     * @param out      the cleaned series whose leg tracks are replaced inside the passes where they have values
     * @param passes   walking passes
     * @return the legs fitted (one entry per pass and side that had enough frames)
     */
    public List<Fitted> apply(LandmarkSeries measured, LandmarkSeries out, List<WalkingPass> passes) {
        double dt = UniformResampler.medianStepS(out.timeS());
        List<Fitted> fitted = new ArrayList<>();
        for (WalkingPass p : passes) {
            double sign = p.facing() == WalkingDirection.NEGATIVE_X ? -1 : 1;
            for (Side side : Side.values()) {
                Fitted f = fitLeg(measured, p, side, sign, dt);
                if (f != null) {
                    write(out, p, side, sign, f);
                    fitted.add(f);
                }
            }
        }
        return fitted;
    }

    /**
     * One leg of one pass.
     *
     * @param passIndex  the pass
     * @param side       the leg
     * @param geometry   its shape
     * @param noisePx    landmark noise at confidence 1 estimated from the fits, px
     * @param firstFrame the frame of {@code poses[0]}: the pass's first frame less the context margin
     * @param poses      smoothed pose per frame of the pass and its context margins (null where not estimated)
     * @param dropped    landmark samples left out as far from the smoothed body
     */
    public record Fitted(int passIndex, Side side, LegGeometry geometry, double noisePx, int firstFrame,
            LegPose[] poses, int dropped) {
    }

    private Fitted fitLeg(LandmarkSeries s, WalkingPass p, Side side, double sign, double dt) {
        int margin = (int) Math.round(CONTEXT_S / dt);
        int from = Math.max(0, p.startFrame() - margin);
        int n = Math.min(s.size(), p.endFrameExclusive() + margin) - from;
        LandmarkTrack[] tr = new LandmarkTrack[5];
        for (int k = 0; k < 5; k++) {
            tr[k] = BodyPoints.trackOrMissing(s, BodyLandmark.of(side, BodyPart.LEG.get(k)));
        }
        double[][] x = new double[n][5];
        double[][] y = new double[n][5];
        double[][] w = new double[n][5];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 5; k++) {
                double xi = tr[k].x()[from + i];
                double yi = tr[k].y()[from + i];
                boolean ok = !Double.isNaN(xi) && !Double.isNaN(yi);
                x[i][k] = ok ? sign * xi : Double.NaN;
                y[i][k] = ok ? yi : Double.NaN;
                double c = tr[k].confidence()[from + i];
                w[i][k] = ok ? (Double.isNaN(c) ? 1 : Math.max(0, Math.min(1, c))) : 0;
            }
        }
        LegGeometry g = geometry(x, y, w);
        if (g == null) {
            return null;
        }
        LegPoseFit fit = new LegPoseFit(g);
        LegPose[] poses = null;
        double sigma2 = Double.NaN;
        int dropped = 0;
        for (int round = 0; round <= MAX_OUTLIER_ROUNDS; round++) {
            LegPoseFit.Result[] res = fitFrames(fit, x, y, w);
            sigma2 = noiseVariance(res);
            poses = smooth(res, sigma2, dt);
            if (poses == null) {
                return null;
            }
            int k = round == MAX_OUTLIER_ROUNDS ? 0 : rejectOutliers(fit, poses, x, y, w, sigma2);
            if (k == 0) {
                break;
            }
            dropped += k;
        }
        return new Fitted(p.index(), side, g, Math.sqrt(sigma2), from, poses, dropped);
    }

    /** Each frame's fit, from the landmarks present (null for a frame with too few). */
    private static LegPoseFit.Result[] fitFrames(LegPoseFit fit, double[][] x, double[][] y, double[][] w) {
        int n = x.length;
        LegPoseFit.Result[] res = new LegPoseFit.Result[n];
        LegPose previous = null;
        for (int i = 0; i < n; i++) {
            int present = 0;
            for (int k = 0; k < 5; k++) {
                present += w[i][k] > 0 ? 1 : 0;
            }
            if (present < MIN_LANDMARKS) {
                continue;
            }
            res[i] = fit.fit(x[i], y[i], w[i], start(x[i], y[i], w[i], previous));
            previous = res[i].pose();
        }
        return res;
    }

    /** Landmark noise variance at weight 1: the median per-frame residual variance, at least (0.25 px)^2. */
    private static double noiseVariance(LegPoseFit.Result[] res) {
        List<Double> noise = new ArrayList<>();
        for (LegPoseFit.Result r : res) {
            int dof = r == null ? 0 : 2 * r.landmarks() - LegPose.SIZE;
            if (dof > 0) {
                noise.add(r.costPx2() / dof);
            }
        }
        return Math.max(0.0625, median(noise));
    }

    /** The five parameters smoothed over the pass; null when a parameter is never measured. */
    private LegPose[] smooth(LegPoseFit.Result[] res, double sigma2, double dt) {
        int n = res.length;
        double[][] z = new double[LegPose.SIZE][n];
        double[][] v = new double[LegPose.SIZE][n];
        for (double[] row : z) {
            Arrays.fill(row, Double.NaN);
        }
        for (double[] row : v) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < n; i++) {
            if (res[i] == null) {
                continue;
            }
            double[] prm = res[i].pose().toArray();
            double[] var = variances(res[i].normal(), sigma2);
            for (int j = 0; j < LegPose.SIZE; j++) {
                z[j][i] = prm[j];
                v[j][i] = var[j];
            }
        }
        double[][] smooth = new double[LegPose.SIZE][];
        for (int j = 0; j < LegPose.SIZE; j++) {
            double nominal = median(finite(v[j]));
            if (!(nominal > 0)) {
                return null;
            }
            smooth[j] = RtsSmoother.forCutoff(cutoffHz, nominal, dt).smooth(z[j], v[j], dt);
        }
        LegPose[] poses = new LegPose[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(smooth[0][i])) {
                poses[i] = new LegPose(smooth[0][i], smooth[1][i], smooth[2][i], smooth[3][i], smooth[4][i]);
            }
        }
        return poses;
    }

    /**
     * Drops (weight 0) the landmarks lying more than {@link #OUTLIER_SIGMAS} noise SDs ({@code sqrt(sigma2 / w)})
     * and {@link #OUTLIER_MIN_FOOT} foot lengths from the smoothed body: a foot the pose model put on the other foot
     * for a frame or two, or a leg it exchanged, shows as such a jump. Returns how many were dropped.
     */
    private static int rejectOutliers(LegPoseFit fit, LegPose[] poses, double[][] x, double[][] y, double[][] w,
            double sigma2) {
        int dropped = 0;
        double floor = OUTLIER_MIN_FOOT * fit.geometry().footPx();
        for (int i = 0; i < poses.length; i++) {
            if (poses[i] == null) {
                continue;
            }
            double[][] pts = fit.points(poses[i]);
            for (int k = 0; k < 5; k++) {
                if (!(w[i][k] > 0)) {
                    continue;
                }
                double d = Math.hypot(pts[k][0] - x[i][k], pts[k][1] - y[i][k]);
                if (d > Math.max(floor, OUTLIER_SIGMAS * Math.sqrt(sigma2 / w[i][k]))) {
                    w[i][k] = 0;
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** Per-parameter variances {@code sigma2 * diag(normal^-1)}; infinite where the frame holds no information. */
    static double[] variances(double[][] normal, double sigma2) {
        int m = LegPose.SIZE;
        double[] out = new double[m];
        double trace = 0;
        for (int i = 0; i < m; i++) {
            trace += normal[i][i];
        }
        double ridge = 1e-9 * trace / m + 1e-12;
        for (int j = 0; j < m; j++) {
            double[][] a = new double[m][m];
            for (int i = 0; i < m; i++) {
                a[i] = normal[i].clone();
                a[i][i] += ridge;
            }
            double[] e = new double[m];
            e[j] = 1;
            double[] col = LegPoseFit.solve(a, e);
            out[j] = col == null || !(col[j] > 0) ? Double.POSITIVE_INFINITY : sigma2 * col[j];
        }
        return out;
    }

    /** The starting pose: the landmarks' own directions where they are present, else the previous frame's. */
    private static LegPose start(double[] x, double[] y, double[] w, LegPose previous) {
        double hx = w[0] > 0 ? x[0] : previous != null ? previous.hipXPx() : Double.NaN;
        double hy = w[0] > 0 ? y[0] : previous != null ? previous.hipYPx() : Double.NaN;
        double thigh = w[0] > 0 && w[1] > 0 ? Math.atan2(x[1] - x[0], y[1] - y[0])
                : previous != null ? previous.thighRad() : 0;
        double shank = w[1] > 0 && w[2] > 0 ? Math.atan2(x[2] - x[1], y[2] - y[1])
                : previous != null ? previous.shankRad() : 0;
        double foot = w[3] > 0 && w[4] > 0 ? Math.atan2(x[4] - x[3], y[4] - y[3])
                : previous != null ? previous.footRad() : Math.PI / 2;
        if (Double.isNaN(hx)) {
            // no hip: start from the first landmark present, as if it were the hip
            for (int k = 1; k < 5 && Double.isNaN(hx); k++) {
                if (w[k] > 0) {
                    hx = x[k];
                    hy = y[k];
                }
            }
        }
        return new LegPose(hx, hy, thigh, shank, foot);
    }

    /** Medians of segment lengths and foot-triangle coordinates over complete frames; null if too few. */
    static LegGeometry geometry(double[][] x, double[][] y, double[][] w) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean all = true;
            for (int k = 0; k < 5; k++) {
                all &= w[i][k] > 0;
            }
            if (!all) {
                continue;
            }
            double thigh = Math.hypot(x[i][1] - x[i][0], y[i][1] - y[i][0]);
            double shank = Math.hypot(x[i][2] - x[i][1], y[i][2] - y[i][1]);
            double fx = x[i][4] - x[i][3];
            double fy = y[i][4] - y[i][3];
            double len = Math.hypot(fx, fy);
            if (!(len > 0)) {
                continue;
            }
            // u = (sin phi, cos phi) along heel -> tip; n = (cos phi, -sin phi) = (u_y, -u_x)
            double ux = fx / len;
            double uy = fy / len;
            double nx = uy;
            double ny = -ux;
            double hx = x[i][3] - x[i][2];
            double hy = y[i][3] - y[i][2];
            double tx = x[i][4] - x[i][2];
            double ty = y[i][4] - y[i][2];
            // heel and tip lie on the line along u, so their n coordinates are equal (up to round-off): one sole n
            rows.add(new double[] {thigh, shank, hx * ux + hy * uy, tx * ux + ty * uy,
                0.5 * (hx * nx + hy * ny + tx * nx + ty * ny)});
        }
        if (rows.size() < MIN_GEOMETRY_FRAMES) {
            return null;
        }
        double[] m = new double[5];
        for (int c = 0; c < 5; c++) {
            double[] col = new double[rows.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = rows.get(i)[c];
            }
            m[c] = median(col);
        }
        if (!(m[0] > 0) || !(m[1] > 0) || !(m[3] > m[2])) {
            return null;
        }
        return new LegGeometry(m[0], m[1], m[2], m[3], m[4]);
    }

    private static void write(LandmarkSeries out, WalkingPass p, Side side, double sign, Fitted f) {
        LegGeometry g = f.geometry();
        LandmarkTrack[] tr = new LandmarkTrack[5];
        for (int k = 0; k < 5; k++) {
            BodyLandmark lm = BodyLandmark.of(side, BodyPart.LEG.get(k));
            if (!out.has(lm)) {
                return;
            }
            tr[k] = out.track(lm);
        }
        for (int i = 0; i < f.poses().length; i++) {
            LegPose pose = f.poses()[i];
            if (pose == null) {
                continue;
            }
            double[][] pts = {{pose.hipXPx(), pose.hipYPx()}, pose.knee(g), pose.ankle(g), pose.heel(g),
                pose.toe(g)};
            int frame = f.firstFrame() + i;
            if (!p.contains(frame)) {
                continue;
            }
            for (int k = 0; k < 5; k++) {
                if (tr[k].has(frame)) {
                    tr[k].x()[frame] = sign * pts[k][0];
                    tr[k].y()[frame] = pts[k][1];
                }
            }
        }
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)).toArray();
    }

    private static double median(List<Double> v) {
        return median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }
}
