package org.gaitlens.motion;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;

/**
 * Puts a series with non-uniform timestamps (variable-frame-rate video) on a uniform time grid.
 *
 * <p>The grid starts at the first timestamp with step {@code dt = median(t_{i+1} - t_i)} and ends at or
 * before the last timestamp. Values (x, y, confidence) are linearly interpolated between the two bracketing
 * input samples; if either is missing the output is missing. A series counts as uniform when every step is
 * within {@code relativeTolerance * dt} of the median step, and is then returned unchanged. Filtering
 * ({@link ButterworthLowPass}) and event timing assume a uniform grid.
 */
public final class UniformResampler {
    private final double relativeTolerance;

    /** @param relativeTolerance allowed step deviation as a fraction of the median step, in (0, 1) */
    public UniformResampler(double relativeTolerance) {
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance must be in (0, 1), was " + relativeTolerance);
        }
        this.relativeTolerance = relativeTolerance;
    }

    /** Median time step in seconds (needs at least two samples). */
    public static double medianStepS(double[] timeS) {
        if (timeS.length < 2) {
            throw new IllegalArgumentException("need at least 2 samples, have " + timeS.length);
        }
        double[] d = new double[timeS.length - 1];
        for (int i = 1; i < timeS.length; i++) {
            d[i - 1] = timeS[i] - timeS[i - 1];
        }
        Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
    }

    /** Whether all steps are within tolerance of the median step. */
    public boolean isUniform(double[] timeS) {
        double dt = medianStepS(timeS);
        for (int i = 1; i < timeS.length; i++) {
            if (Math.abs(timeS[i] - timeS[i - 1] - dt) > relativeTolerance * dt) {
                return false;
            }
        }
        return true;
    }

    /** The series on a uniform grid, or the input itself when it already is uniform. */
    public LandmarkSeries resample(LandmarkSeries s) {
        double[] t = s.timeS();
        if (isUniform(t)) {
            return s;
        }
        double dt = medianStepS(t);
        int m = (int) Math.floor((t[t.length - 1] - t[0]) / dt + 1e-9) + 1;
        double[] grid = new double[m];
        for (int k = 0; k < m; k++) {
            grid[k] = t[0] + k * dt;
        }
        Map<BodyLandmark, LandmarkTrack> out = new EnumMap<>(BodyLandmark.class);
        for (Map.Entry<BodyLandmark, LandmarkTrack> e : s.tracks().entrySet()) {
            LandmarkTrack tr = e.getValue();
            out.put(e.getKey(), new LandmarkTrack(interp(t, tr.x(), grid), interp(t, tr.y(), grid),
                    interp(t, tr.confidence(), grid)));
        }
        return new LandmarkSeries(grid, out, s.imageWidthPx(), s.imageHeightPx(), s.pixelsPerMetre(), s.source());
    }

    private static double[] interp(double[] t, double[] v, double[] grid) {
        double[] r = new double[grid.length];
        int j = 0;
        for (int k = 0; k < grid.length; k++) {
            double g = grid[k];
            while (j + 1 < t.length - 1 && t[j + 1] <= g) {
                j++;
            }
            int j1 = Math.min(j + 1, t.length - 1);
            if (j1 == j || g <= t[j]) {
                r[k] = v[j];
            } else {
                double w = (g - t[j]) / (t[j1] - t[j]);
                r[k] = (1 - w) * v[j] + w * v[j1];
            }
        }
        return r;
    }
}
