package org.gaitlens.assess;

import java.util.OptionalDouble;

/**
 * Classifies the change of one quantity between two sessions as improved, no detectable change or
 * worsened (DESIGN.md section 5, "Change over treatment").
 *
 * <p><b>Threshold.</b> A change counts only when {@code |after - before|} exceeds
 * {@code max(published, own, sampling)}:
 * <ul>
 *   <li><em>published</em>: the metric's published minimal detectable or meaningful change
 *       ({@link GaitMetric#changeAnchor()}, e.g. gait speed 0.05 m/s, Perera et al. 2006, J Am Geriatr Soc
 *       54:743-749); the per-metric table is in {@code docs/assessment.md};</li>
 *   <li><em>own</em>: the product's own repeatability, an MDC95 from within-session pass-to-pass
 *       differences ({@link #repeatabilityFromPassDifferences});</li>
 *   <li><em>sampling</em>: {@code 1.96 sqrt(se_before^2 + se_after^2)}, the 95 % limit of the difference of
 *       two session means from their own stride scatter. This third term is an addition to the brief's
 *       max(published, own): it stops a session with few, scattered strides from showing a change that its
 *       own data cannot support.</li>
 * </ul>
 * Terms that are unknown ({@code NaN}) are left out; with none left the result is
 * {@link ChangeOutcome#NOT_ASSESSABLE}.
 *
 * <p><b>Direction</b> ({@link ImprovementDirection}): higher or lower is better; toward zero (|after| &lt;
 * |before|); toward the healthy range (the distance to the range shrinks; a change with both values inside
 * the range is {@link ChangeOutcome#CHANGED_WITHIN_RANGE}).
 */
public final class ChangeClassifier {

    /** Two-sided 95 % normal quantile used for the sampling term and for MDC95. */
    public static final double Z95 = 1.959963984540054;

    /**
     * The product's own MDC95 from pass-to-pass differences of a quantity within sessions (e.g. pass 1 mean
     * minus pass 2 mean, one difference per session). With SEM = SD_diff / sqrt(2) and MDC95 = 1.96 sqrt(2) SEM
     * (standard test-retest definitions), MDC95 = 1.96 x SD_diff; SD_diff is estimated as the root mean square
     * of the differences, which assumes no systematic pass effect and works from a single difference.
     *
     * @throws IllegalArgumentException if there is no finite difference
     */
    public static double repeatabilityFromPassDifferences(double... differences) {
        double ss = 0;
        int n = 0;
        for (double d : differences) {
            if (Double.isFinite(d)) {
                ss += d * d;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no finite pass-to-pass difference");
        }
        return Z95 * Math.sqrt(ss / n);
    }

    /**
     * Classifies a metric's change.
     *
     * @param metric           the metric; its published anchor, direction and range are used
     * @param before           earlier session
     * @param after            later session
     * @param ownRepeatability the product's own MDC95 for this metric, if known
     */
    public ChangeResult classify(GaitMetric metric, SessionValue before, SessionValue after,
            OptionalDouble ownRepeatability) {
        return classify(metric.key(), metric.unit(), metric.improvement(), metric.reference(), metric.changeAnchor(),
                before, after, ownRepeatability);
    }

    /**
     * Classifies the change of a metric's side difference or symmetry index between sessions; improvement is
     * toward zero. No published threshold exists for asymmetry changes, so the threshold is the own
     * repeatability or the sampling term.
     *
     * @param quantity label such as "stance_time_s SI"
     * @param unit     its unit ("%" for SI)
     */
    public ChangeResult classifyAsymmetry(String quantity, String unit, SessionValue before, SessionValue after,
            OptionalDouble ownRepeatability) {
        return classify(quantity, unit, ImprovementDirection.TOWARD_ZERO, ReferenceRange.NONE,
                ChangeAnchor.none("no published change threshold for asymmetry indices"), before, after,
                ownRepeatability);
    }

    /** General form: any quantity with its direction, range and published anchor. */
    public ChangeResult classify(String quantity, String unit, ImprovementDirection direction, ReferenceRange range,
            ChangeAnchor anchor, SessionValue before, SessionValue after, OptionalDouble ownRepeatability) {
        double published = anchor.minChange();
        double own = ownRepeatability.orElse(Double.NaN);
        if (own < 0) {
            throw new IllegalArgumentException("ownRepeatability must be >= 0, was " + own);
        }
        double sampling = Z95 * Math.sqrt(sq(before.standardError()) + sq(after.standardError()));
        double threshold = Double.NaN;
        String source = null;
        if (Double.isFinite(published)) {
            threshold = published;
            source = "published: " + anchor.source();
        }
        if (Double.isFinite(own) && !(own <= threshold)) {
            threshold = own;
            source = "own pass-to-pass repeatability (MDC95)";
        }
        if (Double.isFinite(sampling) && !(sampling <= threshold)) {
            threshold = sampling;
            source = "sampling error of the two session means (1.96 x SE of the difference)";
        }
        double change = after.mean() - before.mean();
        ChangeOutcome outcome;
        if (Double.isNaN(threshold)) {
            outcome = ChangeOutcome.NOT_ASSESSABLE;
            source = "none available";
        } else if (Math.abs(change) <= threshold) {
            outcome = ChangeOutcome.NO_DETECTABLE_CHANGE;
        } else {
            outcome = direction(direction, range, before.mean(), after.mean());
        }
        boolean substantial = outcome != ChangeOutcome.NOT_ASSESSABLE && outcome != ChangeOutcome.NO_DETECTABLE_CHANGE
                && Double.isFinite(anchor.substantialChange()) && Math.abs(change) >= anchor.substantialChange();
        String text = quantity + ": " + Fmt.num(before.mean(), 3) + " -> " + Fmt.num(after.mean(), 3) + " " + unit
                + " (change " + Fmt.num(change, 3) + ", threshold " + Fmt.num(threshold, 3) + " from " + source + "): "
                + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (substantial ? ", substantial (" + anchor.source() + ")" : "");
        return new ChangeResult(quantity, unit, outcome, before.mean(), after.mean(), change, threshold, published,
                own, sampling, source, substantial, text);
    }

    private static ChangeOutcome direction(ImprovementDirection d, ReferenceRange range, double before, double after) {
        return switch (d) {
            case HIGHER_IS_BETTER -> after > before ? ChangeOutcome.IMPROVED : ChangeOutcome.WORSENED;
            case LOWER_IS_BETTER -> after < before ? ChangeOutcome.IMPROVED : ChangeOutcome.WORSENED;
            case TOWARD_ZERO -> Math.abs(after) < Math.abs(before) ? ChangeOutcome.IMPROVED : ChangeOutcome.WORSENED;
            case TOWARD_RANGE -> {
                if (!range.defined()) {
                    yield ChangeOutcome.CHANGED_WITHIN_RANGE;
                }
                double db = range.distance(before);
                double da = range.distance(after);
                yield da < db ? ChangeOutcome.IMPROVED : da > db ? ChangeOutcome.WORSENED
                        : ChangeOutcome.CHANGED_WITHIN_RANGE;
            }
        };
    }

    private static double sq(double x) {
        return x * x;
    }
}
