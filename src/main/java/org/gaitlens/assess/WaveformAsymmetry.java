package org.gaitlens.assess;

/**
 * Left/right comparison of the mean angle curves of one joint over the normalised gait cycle.
 *
 * <ul>
 *   <li>{@code rmsDifferenceDeg = sqrt(mean_p (R_p - L_p)^2)} over the 101 points of the mean curves;</li>
 *   <li>{@code meanAbsDifferenceDeg = mean_p |R_p - L_p|};</li>
 *   <li>{@code pearsonR}: Pearson correlation of the two mean curves (shape similarity, blind to offset and gain);</li>
 *   <li>{@code rangeDeg}: max minus min over both mean curves together;</li>
 *   <li>{@code weightedSimilarity = r x (1 - MAE / range)}: correlation weighted by how small the mean
 *       absolute difference is relative to the curves' range, the curve-agreement score used with OpenCap
 *       (Uhlrich, Falisse et al. 2023, PLoS Comput Biol 19:e1011462; {@code docs/assessment.md} section 3). 1 for
 *       identical curves; it falls with both shape and offset differences.</li>
 * </ul>
 *
 * @param joint                the joint
 * @param assessed             false when a side has fewer than {@link AsymmetryEstimator#MIN_STRIDES_PER_SIDE}
 *                             curves; then the numbers are NaN and {@code note} says why
 * @param note                 why not assessed, or {@code null}
 * @param left                 left mean and SD curve, or {@code null} when there are none
 * @param right                right mean and SD curve, or {@code null} when there are none
 * @param rmsDifferenceDeg     RMS of R - L in degrees
 * @param meanAbsDifferenceDeg mean |R - L| in degrees
 * @param rangeDeg             range of both mean curves in degrees
 * @param pearsonR             correlation of the mean curves ({@code NaN} when a curve is constant)
 * @param weightedSimilarity   r x (1 - MAE / range)
 */
public record WaveformAsymmetry(
        CurveJoint joint,
        boolean assessed,
        String note,
        CurveSummary left,
        CurveSummary right,
        double rmsDifferenceDeg,
        double meanAbsDifferenceDeg,
        double rangeDeg,
        double pearsonR,
        double weightedSimilarity) {
}
