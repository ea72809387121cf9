package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.List;

/**
 * Local extrema of a uniformly sampled signal with sub-sample timing.
 *
 * <p>Sample {@code i} is a maximum when it is the largest valid value in the window
 * {@code [i - w, i + w]} (w = {@code halfWindowSamples}), both direct neighbours are valid, and it exceeds
 * the smallest value in that window by at least {@code minProminence}. Its time is refined by fitting a
 * parabola through samples {@code i-1, i, i+1}: the vertex lies at
 * {@code delta = (y_{i-1} - y_{i+1}) / (2 (y_{i-1} - 2 y_i + y_{i+1}))} samples from {@code i}, clamped to
 * [-0.5, 0.5]. For a signal that is locally quadratic this recovers the true extremum time exactly; for a
 * symmetric kink it is unbiased.
 */
final class Extrema {
    private Extrema() {
    }

    /** A located extremum: {@code position} in fractional samples. */
    record Peak(int index, double position) {
    }

    static List<Peak> maxima(double[] y, int from, int to, int halfWindowSamples, double minProminence) {
        List<Peak> out = new ArrayList<>();
        for (int i = Math.max(from + 1, 1); i < Math.min(to - 1, y.length - 1); i++) {
            if (Double.isNaN(y[i]) || Double.isNaN(y[i - 1]) || Double.isNaN(y[i + 1])) {
                continue;
            }
            if (!(y[i] > y[i - 1] && y[i] >= y[i + 1])) {
                continue;
            }
            boolean isMax = true;
            double min = y[i];
            for (int j = Math.max(from, i - halfWindowSamples); j <= Math.min(to - 1, i + halfWindowSamples); j++) {
                if (Double.isNaN(y[j])) {
                    continue;
                }
                if (y[j] > y[i] || (y[j] == y[i] && j < i)) {
                    isMax = false;
                    break;
                }
                min = Math.min(min, y[j]);
            }
            if (!isMax || y[i] - min < minProminence) {
                continue;
            }
            double den = y[i - 1] - 2 * y[i] + y[i + 1];
            double delta = den == 0 ? 0 : 0.5 * (y[i - 1] - y[i + 1]) / den;
            delta = Math.max(-0.5, Math.min(0.5, delta));
            out.add(new Peak(i, i + delta));
        }
        return out;
    }

    static List<Peak> minima(double[] y, int from, int to, int halfWindowSamples, double minProminence) {
        double[] neg = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            neg[i] = -y[i];
        }
        return maxima(neg, from, to, halfWindowSamples, minProminence);
    }
}
