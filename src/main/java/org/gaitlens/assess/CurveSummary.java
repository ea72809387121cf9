package org.gaitlens.assess;

import java.util.List;

import org.gaitlens.core.CurveStats;

/**
 * Point-wise mean and sample SD of a side's stride curves over the normalised gait cycle.
 *
 * @param strides number of stride curves with at least one value
 * @param meanDeg mean angle at 0, 1, ..., 100 % of the cycle; {@code NaN} where fewer than half of the strides
 *                with any value have one there ({@link CurveStats})
 * @param sdDeg   sample SD at each point ({@code NaN} where fewer than 2 curves have a value)
 */
public record CurveSummary(int strides, double[] meanDeg, double[] sdDeg) {

    /**
     * Point-wise statistics of curves of equal length; NaN samples are skipped point by point, and a point
     * that fewer than half of the curves with any value have is a gap ({@link CurveStats#of}).
     *
     * @throws IllegalArgumentException if the list is empty or the lengths differ
     */
    public static CurveSummary of(List<double[]> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves");
        }
        CurveStats s = CurveStats.of(curves, curves.get(0).length);
        return new CurveSummary(s.curves(), s.mean(), s.sd());
    }
}
