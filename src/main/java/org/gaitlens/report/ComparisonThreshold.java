package org.gaitlens.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitlens.metric.ChangeAnchor;
import org.gaitlens.metric.Metric;

/**
 * The threshold a between-session change of one comparison row must exceed to count ({@link ChangeVerdict#judge}),
 * and which term set it: the largest of
 * <ol>
 *   <li><em>published</em>: the metric's published minimal detectable or meaningful change
 *       ({@link Metric#changeAnchor()}, sources in {@code docs/metrics.md}); for a symmetry index the anchor
 *       expressed as SI, {@code 100 x anchor / side mean}, i.e. how far the SI moves when one side changes by
 *       the anchor ({@link #publishedAsSi});</li>
 *   <li><em>own repeatability</em>: the product's MDC95 from within-session pass-to-pass differences
 *       ({@link #mdc95});</li>
 *   <li><em>sampling</em>: {@code 1.96 sqrt(2) x} the median standard error of the session values (stride
 *       scatter), so that sessions with few scattered strides show no change their data cannot support. This term
 *       goes beyond "the larger of published and own repeatability": it is the product's own addition.</li>
 * </ol>
 *
 * @param value  the threshold in the row's unit, finite and {@code >= 0}
 * @param source the term that set it, in words (with the citation for a published one)
 */
public record ComparisonThreshold(double value, String source) {
    /** Two-sided 95 % normal quantile, for the sampling term and MDC95. */
    public static final double Z95 = 1.959963984540054;

    /**
     * @throws IllegalArgumentException if {@code value} is negative or not finite, or the source is blank
     */
    public ComparisonThreshold {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("value must be finite and >= 0, was " + value);
        }
        Checks.requireText(source, "source");
    }

    /** The metric's published anchor, when it has one. */
    public static Optional<ComparisonThreshold> published(Metric m) {
        ChangeAnchor anchor = m.changeAnchor();
        return Double.isFinite(anchor.minChange())
                ? Optional.of(new ComparisonThreshold(anchor.minChange(), "published: " + anchor.source()))
                : Optional.empty();
    }

    /**
     * The metric's published anchor expressed as a symmetry index at the median of the sessions' side means
     * ({@code 0.5 (L + R)}); empty without an anchor, without side means, or at a side mean {@code <= 0}.
     */
    public static Optional<ComparisonThreshold> publishedAsSi(Metric m, List<Double> sideMeans) {
        ChangeAnchor anchor = m.changeAnchor();
        if (!Double.isFinite(anchor.minChange()) || sideMeans.isEmpty()) {
            return Optional.empty();
        }
        double meanSide = median(sideMeans);
        if (!(meanSide > 0)) {
            return Optional.empty();
        }
        String label = m.label().isEmpty() ? "" : Character.toLowerCase(m.label().charAt(0)) + m.label().substring(1);
        return Optional.of(new ComparisonThreshold(100 * anchor.minChange() / meanSide, String.format(Locale.ROOT,
                "derived from the published %s threshold %s %s as SI at a side mean of %s %s (%s)", label,
                m.format(anchor.minChange()), m.unit(), m.format(meanSide), m.unit(), anchor.source())));
    }

    /**
     * The largest of the available terms; empty when none is available.
     *
     * @param published       the published term, if any
     * @param passDifferences per session with two or more walking passes, pass 1 minus pass 2 (finite)
     * @param standardErrors  the standard errors of the session values that have one
     */
    public static Optional<ComparisonThreshold> largest(Optional<ComparisonThreshold> published,
            List<Double> passDifferences, List<Double> standardErrors) {
        ComparisonThreshold best = published.orElse(null);
        if (!passDifferences.isEmpty()) {
            double own = mdc95(passDifferences.stream().mapToDouble(Double::doubleValue).toArray());
            if (best == null || own > best.value()) {
                best = new ComparisonThreshold(own, "own pass-to-pass repeatability (MDC95, " + passDifferences.size()
                        + " session" + (passDifferences.size() == 1 ? "" : "s") + " with 2+ passes)");
            }
        }
        if (!standardErrors.isEmpty()) {
            double sampling = Z95 * Math.sqrt(2) * median(standardErrors);
            if (best == null || sampling > best.value()) {
                best = new ComparisonThreshold(sampling, "sampling error (1.96 × √2 × median SE)");
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The product's own MDC95 from pass-to-pass differences of a quantity within sessions (e.g. pass 1 mean minus
     * pass 2 mean, one difference per session). With SEM = SD_diff / sqrt(2) and MDC95 = 1.96 sqrt(2) SEM (standard
     * test-retest definitions), MDC95 = 1.96 x SD_diff; SD_diff is estimated as the root mean square of the
     * differences, which assumes no systematic pass effect and works from a single difference.
     *
     * @throws IllegalArgumentException if there is no finite difference
     */
    public static double mdc95(double... differences) {
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

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }
}
