package org.gaitlens.assess;

import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;

/**
 * A mean value outside the healthy reference range of its metric.
 *
 * @param metric    the metric
 * @param side      the side, or {@code null} for a metric pooled over both sides
 * @param value     the mean value
 * @param direction {@code BELOW} or {@code ABOVE}
 * @param low       lower bound of the range ({@code NaN} when open)
 * @param high      upper bound of the range ({@code NaN} when open)
 * @param text      a sentence for the report, with the numbers and the range's source
 */
public record ReferenceFlag(Metric metric, Side side, double value, Direction direction, double low, double high,
        String text) {

    /** Which side of the range the value lies on. */
    public enum Direction {
        BELOW,
        ABOVE
    }
}
