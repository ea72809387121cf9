package org.gaitlens.store;

import java.util.Objects;
import java.util.Optional;
import org.gaitlens.core.Side;

/**
 * One number of a run's summary: a per-side value (mean stride time of the left side), or a side-less one
 * (an asymmetry index, an indicator). The store attaches no meaning to names; the metric name is unique per run
 * and side.
 *
 * @param category group chosen by the producer, e.g. {@code summary}, {@code asymmetry}, {@code indicator}
 * @param side     the patient's side, empty for side-less values
 * @param metric   name with its unit in it where it has one, e.g. {@code strideTimeS}
 * @param value    the value; NaN when it could not be computed (stored as SQL NULL); never infinite
 * @param unit     unit symbol such as {@code s}, {@code m}, {@code deg}, {@code %}; empty when dimensionless
 */
public record MetricValue(String category, Optional<Side> side, String metric, double value, String unit) {

    public MetricValue {
        Checks.notBlank("category", category);
        Objects.requireNonNull(side, "side");
        Checks.notBlank("metric", metric);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("value of " + metric + " must be finite or NaN, was " + value);
        }
        Checks.notNull("unit", unit);
    }

    /** A per-side value. */
    public static MetricValue of(String category, Side side, String metric, double value, String unit) {
        return new MetricValue(category, Optional.of(side), metric, value, unit);
    }

    /** A side-less value. */
    public static MetricValue sideless(String category, String metric, double value, String unit) {
        return new MetricValue(category, Optional.empty(), metric, value, unit);
    }
}
