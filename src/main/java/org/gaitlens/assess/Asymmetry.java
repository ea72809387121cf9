package org.gaitlens.assess;

import java.util.Optional;
import org.gaitlens.core.Side;

/**
 * Left/right asymmetry of one bilateral metric with confidence intervals, computed by
 * {@link AsymmetryEstimator}. The primary quantity is the difference of the side means (right minus
 * left, in the metric's unit); the ratio-based indices of {@link SymmetryIndices} are added for
 * ratio-scale metrics and are undefined (with the reason) otherwise.
 *
 * @param assessed                 false when a side has fewer than
 *                                 {@link AsymmetryEstimator#MIN_STRIDES_PER_SIDE} strides: then every
 *                                 index is undefined with the reason "insufficient strides ..."
 * @param note                     why it was not assessed, or {@code null}
 * @param left                     left-side stride statistics
 * @param right                    right-side stride statistics
 * @param confidenceLevel          coverage of the intervals, e.g. 0.95
 * @param degreesOfFreedom         Welch-Satterthwaite degrees of freedom used for the t quantile
 * @param differenceRightMinusLeft mean(R) - mean(L) in the metric's unit
 * @param symmetryIndexPct         SI in % (Robinson et al. 1987)
 * @param ratioLeftOverRight       mean(L) / mean(R)
 * @param gaitAsymmetry            GA = 100 |ln(R / L)| (Yogev, Plotnik et al. 2007)
 * @param symmetryAnglePct         SA in % (Zifchock et al. 2008)
 */
public record Asymmetry(
        boolean assessed,
        String note,
        SampleStats left,
        SampleStats right,
        double confidenceLevel,
        double degreesOfFreedom,
        IndexValue differenceRightMinusLeft,
        IndexValue symmetryIndexPct,
        IndexValue ratioLeftOverRight,
        IndexValue gaitAsymmetry,
        IndexValue symmetryAnglePct) {

    /** The statistics of one side. */
    public SampleStats side(Side side) {
        return side == Side.LEFT ? left : right;
    }

    /**
     * The side whose mean is lower than the other side's by at least {@code minDifference} (in the
     * metric's unit) with the confidence interval of the difference excluding zero; empty when
     * neither side qualifies or the asymmetry was not assessed.
     */
    public Optional<Side> significantlyLowerSide(double minDifference) {
        IndexValue d = differenceRightMinusLeft;
        if (!assessed || !d.excludesZero()) {
            return Optional.empty();
        }
        if (d.value() <= -minDifference) {
            return Optional.of(Side.RIGHT);
        }
        if (d.value() >= minDifference) {
            return Optional.of(Side.LEFT);
        }
        return Optional.empty();
    }

    /** The side with the significantly higher mean, by the same rule as {@link #significantlyLowerSide}. */
    public Optional<Side> significantlyHigherSide(double minDifference) {
        return significantlyLowerSide(minDifference).map(Side::opposite);
    }

    /** |mean(affected) - mean(other)|, the size of the side difference. */
    public double absoluteDifference() {
        return Math.abs(differenceRightMinusLeft.value());
    }
}
