package org.gaitlens.motion;

import java.util.Arrays;

/**
 * Fixed-interval smoothing of one sampled coordinate with a constant-acceleration motion model: a Kalman filter
 * forward, then the Rauch-Tung-Striebel backward pass (Rauch H.E., Tung F., Striebel C.T. (1965) Maximum likelihood
 * estimates of linear dynamic systems. AIAA Journal 3:1445-1450, doi:10.2514/3.3166).
 *
 * <p>State {@code (x, v, a)} (value, rate, acceleration); between samples {@code dt} apart the acceleration is driven
 * by white jerk of spectral density {@code q} (the continuous white-noise-jerk model; Bar-Shalom, Li and
 * Kirubarajan 2001, Estimation with Applications to Tracking and Navigation, section 6.2.3). Each sample {@code z_i}
 * measures {@code x} with its own variance {@code r_i}; a NaN sample or an infinite variance is no measurement.
 *
 * <p><b>What it does to a signal.</b> With a constant measurement variance {@code r} and many samples, the smoother is
 * the zero-phase Wiener smoother of this model, whose gain at frequency {@code f} is
 * {@code 1 / (1 + (f / fc)^6)} with {@code (2 pi fc)^6 = q / (r dt)}: a sixth-order zero-lag low-pass with cutoff
 * {@code fc} (-6 dB there). {@link #forCutoff} sets {@code q} from a cutoff and a nominal variance, so that samples
 * with the nominal variance are smoothed like that low-pass, less certain ones more (the model carries the motion
 * across them) and more certain ones less. Unlike a fixed filter it bridges missing samples with the motion model,
 * and its output's variance says how well each sample is known.
 */
public final class RtsSmoother {
    private final double jerkDensity;

    /**
     * @param jerkDensity white-jerk spectral density {@code q} (value units squared per s^5), {@code > 0}
     */
    public RtsSmoother(double jerkDensity) {
        if (!(jerkDensity > 0) || Double.isInfinite(jerkDensity)) {
            throw new IllegalArgumentException("jerkDensity must be finite and > 0, was " + jerkDensity);
        }
        this.jerkDensity = jerkDensity;
    }

    /**
     * The smoother that acts as a sixth-order zero-lag low-pass with cutoff {@code cutoffHz} on samples of variance
     * {@code nominalVariance} taken every {@code dtS} seconds (see the class comment).
     */
    public static RtsSmoother forCutoff(double cutoffHz, double nominalVariance, double dtS) {
        if (!(cutoffHz > 0) || !(nominalVariance > 0) || !(dtS > 0)) {
            throw new IllegalArgumentException("cutoffHz, nominalVariance and dtS must be > 0, were " + cutoffHz + ", "
                    + nominalVariance + ", " + dtS);
        }
        return new RtsSmoother(nominalVariance * dtS * Math.pow(2 * Math.PI * cutoffHz, 6));
    }

    /**
     * The smoothed value at every sample.
     *
     * @param z        measurements (NaN = none)
     * @param variance measurement variances ({@code > 0}; infinite or NaN = none)
     * @param dtS      sample interval, s
     * @return smoothed values; NaN before the first and after the last measurement (no extrapolation)
     */
    public double[] smooth(double[] z, double[] variance, double dtS) {
        if (z.length != variance.length) {
            throw new IllegalArgumentException("z and variance differ in length: " + z.length + " vs " + variance.length);
        }
        if (!(dtS > 0)) {
            throw new IllegalArgumentException("dtS must be > 0, was " + dtS);
        }
        int n = z.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (measured(z[i], variance[i])) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return out;
        }
        double[][] f = transition(dtS);
        double[][] q = processNoise(dtS);
        int m = last - first + 1;
        double[][] xf = new double[m][];
        double[][][] pf = new double[m][][];
        double[][] xp = new double[m][];
        double[][][] pp = new double[m][][];
        // start: value from the first measurement, rate and acceleration unknown (a variance a million times what
        // one measurement leaves, in the state's own units)
        double[] x = {z[first], 0, 0};
        double r0 = variance[first];
        double[][] p = {{r0, 0, 0}, {0, 1e6 * r0 / (dtS * dtS), 0}, {0, 0, 1e6 * r0 / (dtS * dtS * dtS * dtS)}};
        for (int k = 0; k < m; k++) {
            int i = first + k;
            if (k > 0) {
                x = mul(f, x);
                p = add(mul(mul(f, p), transpose(f)), q);
            }
            xp[k] = x;
            pp[k] = p;
            if (measured(z[i], variance[i])) {
                double s = p[0][0] + variance[i];
                double[] gain = {p[0][0] / s, p[1][0] / s, p[2][0] / s};
                double innov = z[i] - x[0];
                x = new double[] {x[0] + gain[0] * innov, x[1] + gain[1] * innov, x[2] + gain[2] * innov};
                double[][] np = new double[3][3];
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        np[a][b] = p[a][b] - gain[a] * p[0][b];
                    }
                }
                p = symmetric(np);
            }
            xf[k] = x;
            pf[k] = p;
        }
        double[] xs = xf[m - 1];
        out[last] = xs[0];
        for (int k = m - 2; k >= 0; k--) {
            double[][] c = mul(mul(pf[k], transpose(f)), inverse3(pp[k + 1]));
            double[] d = {xs[0] - xp[k + 1][0], xs[1] - xp[k + 1][1], xs[2] - xp[k + 1][2]};
            double[] cd = mul(c, d);
            xs = new double[] {xf[k][0] + cd[0], xf[k][1] + cd[1], xf[k][2] + cd[2]};
            out[first + k] = xs[0];
        }
        return out;
    }

    private static boolean measured(double z, double r) {
        return !Double.isNaN(z) && r > 0 && !Double.isInfinite(r);
    }

    static double[][] transition(double dt) {
        return new double[][] {{1, dt, dt * dt / 2}, {0, 1, dt}, {0, 0, 1}};
    }

    double[][] processNoise(double dt) {
        double q = jerkDensity;
        double d2 = dt * dt;
        double d3 = d2 * dt;
        double d4 = d3 * dt;
        double d5 = d4 * dt;
        return new double[][] {{q * d5 / 20, q * d4 / 8, q * d3 / 6}, {q * d4 / 8, q * d3 / 3, q * d2 / 2},
            {q * d3 / 6, q * d2 / 2, q * dt}};
    }

    private static double[] mul(double[][] a, double[] v) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = a[i][0] * v[0] + a[i][1] * v[1] + a[i][2] * v[2];
        }
        return r;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return r;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][j] + b[i][j];
            }
        }
        return r;
    }

    private static double[][] transpose(double[][] a) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[j][i];
            }
        }
        return r;
    }

    private static double[][] symmetric(double[][] a) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return r;
    }

    /** Inverse of a 3x3 matrix by the adjugate. */
    static double[][] inverse3(double[][] a) {
        double c00 = a[1][1] * a[2][2] - a[1][2] * a[2][1];
        double c01 = a[1][2] * a[2][0] - a[1][0] * a[2][2];
        double c02 = a[1][0] * a[2][1] - a[1][1] * a[2][0];
        double det = a[0][0] * c00 + a[0][1] * c01 + a[0][2] * c02;
        double[][] r = new double[3][3];
        r[0][0] = c00 / det;
        r[1][0] = c01 / det;
        r[2][0] = c02 / det;
        r[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
        r[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
        r[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
        r[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
        r[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
        r[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
        return r;
    }
}
