package org.gaitlens.assess;

/**
 * The verdict on one quantity's change between two sessions, with the threshold and where it came from.
 *
 * @param quantity           what was compared (metric key, or e.g. "stance_time_s SI")
 * @param unit               its unit
 * @param outcome            the verdict
 * @param before             value in the earlier session
 * @param after              value in the later session
 * @param change             after - before
 * @param threshold          the threshold used: max of the three below (finite ones only)
 * @param publishedThreshold published minimal (detectable or meaningful) change, or {@code NaN}
 * @param ownRepeatability   the product's own test-retest MDC, or {@code NaN}
 * @param samplingThreshold  1.96 x the standard error of the difference of the two session means, or {@code NaN}
 * @param thresholdSource    which of the three set the threshold, with the citation for a published one
 * @param substantial        true when the change also reaches a published "substantial" change
 * @param text               a sentence for the report
 */
public record ChangeResult(
        String quantity,
        String unit,
        ChangeOutcome outcome,
        double before,
        double after,
        double change,
        double threshold,
        double publishedThreshold,
        double ownRepeatability,
        double samplingThreshold,
        String thresholdSource,
        boolean substantial,
        String text) {
}
