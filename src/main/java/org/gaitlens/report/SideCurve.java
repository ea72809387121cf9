package org.gaitlens.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * One side's joint-angle curve over the normalised gait cycle (101 points, 0..100 %, initial contact
 * to the next initial contact of the same foot).
 *
 * @param mean        mean angle per point, in the chart's unit; {@code NaN} marks a gap (a point too few strides
 *                    had, e.g. a hidden far leg), drawn as a break in the line; at least one point is finite
 * @param sd          SD across strides per point (>= 0; zero when only one stride; ignored at gaps)
 * @param strideCount number of strides averaged (>= 1)
 * @param toeOffPct   mean toe-off in % of the cycle, or {@code null}; drawn as a vertical line
 */
public record SideCurve(double[] mean, double[] sd, int strideCount, Double toeOffPct) {
    public SideCurve {
        mean = Checks.curve(mean, "mean", true);
        sd = Checks.curve(sd, "sd", true);
        if (Arrays.stream(mean).noneMatch(Double::isFinite)) {
            throw new IllegalArgumentException("mean has no finite point");
        }
        for (int i = 0; i < sd.length; i++) {
            if (Double.isFinite(mean[i]) && !(sd[i] >= 0)) {
                throw new IllegalArgumentException("sd[" + i + "] must be >= 0, was " + sd[i]);
            }
        }
        if (strideCount < 1) {
            throw new IllegalArgumentException("strideCount must be >= 1, was " + strideCount);
        }
        if (toeOffPct != null && !(toeOffPct >= 0 && toeOffPct <= 100)) {
            throw new IllegalArgumentException("toeOffPct must be in 0..100, was " + toeOffPct);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SideCurve c && Arrays.equals(mean, c.mean) && Arrays.equals(sd, c.sd)
                && strideCount == c.strideCount && Objects.equals(toeOffPct, c.toeOffPct);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mean), Arrays.hashCode(sd), strideCount, toeOffPct);
    }

    @Override
    public String toString() {
        return "SideCurve[strideCount=" + strideCount + ", toeOffPct=" + toeOffPct + "]";
    }
}
