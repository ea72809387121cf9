package org.gaitlens.store;

import java.util.Objects;
import org.gaitlens.core.Side;

/**
 * One number of one stride (a tall row; exports pivot metrics into columns).
 *
 * @param side        the stride's side (the foot whose initial contacts bound it)
 * @param strideIndex 0-based index of the stride within its side, in time order
 * @param metric      name with its unit in it where it has one, e.g. {@code stanceTimeS}
 * @param value       the value; NaN when it could not be computed; never infinite
 * @param unit        unit symbol; empty when dimensionless
 */
public record StrideValue(Side side, int strideIndex, String metric, double value, String unit) {

    public StrideValue {
        Objects.requireNonNull(side, "side");
        if (strideIndex < 0) {
            throw new IllegalArgumentException("strideIndex must be >= 0, was " + strideIndex);
        }
        Checks.notBlank("metric", metric);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("value of " + metric + " must be finite or NaN, was " + value);
        }
        Checks.notNull("unit", unit);
    }
}
