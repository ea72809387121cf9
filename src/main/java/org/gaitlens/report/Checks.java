package org.gaitlens.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gaitlens.core.Side;
import org.gaitlens.metric.ReferenceRange;

/** Precondition helpers shared by the report model records. */
final class Checks {
    private Checks() {
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
        return value;
    }

    static Double requireFiniteOrNull(Double value, String name) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite or null, was " + value);
        }
        return value;
    }

    /** A range a table or chart can show: both bounds set, or no range at all ({@code null}). */
    static ReferenceRange requireClosedOrNull(ReferenceRange range, String name) {
        if (range != null && !range.closed()) {
            throw new IllegalArgumentException(name + " must have both bounds, was " + range);
        }
        return range;
    }

    /** An immutable copy of a list; null becomes empty; null elements are rejected. */
    static <T> List<T> list(List<T> values, String name) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    /**
     * Checks per-position intervals: the lists are equally long, each pair is both {@code null} or both finite
     * with {@code low <= high}.
     */
    static void requireIntervals(List<Double> low, List<Double> high, String name) {
        if (low.size() != high.size()) {
            throw new IllegalArgumentException(name + ": low and high must have the same size, were " + low.size()
                    + " and " + high.size());
        }
        for (int i = 0; i < low.size(); i++) {
            requireFiniteOrNull(low.get(i), name + ".low[" + i + "]");
            requireFiniteOrNull(high.get(i), name + ".high[" + i + "]");
            if ((low.get(i) == null) != (high.get(i) == null) || low.get(i) != null && low.get(i) > high.get(i)) {
                throw new IllegalArgumentException(name + "[" + i + "] must have low <= high, were " + low.get(i)
                        + " and " + high.get(i));
            }
        }
    }

    /** An immutable copy of a list that may hold nulls (missing values); null becomes empty. */
    static <T> List<T> nullableList(List<T> values) {
        if (values == null) {
            return List.of();
        }
        return Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** An immutable per-side map iterating LEFT then RIGHT; null becomes empty; null values are rejected. */
    static <T> Map<Side, T> sideMap(Map<Side, T> values, String name) {
        EnumMap<Side, T> copy = new EnumMap<>(Side.class);
        if (values != null) {
            for (Map.Entry<Side, T> e : values.entrySet()) {
                Objects.requireNonNull(e.getKey(), name + " has a null side");
                if (e.getValue() == null) {
                    throw new IllegalArgumentException(name + "." + e.getKey() + " must not be null");
                }
                copy.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    static double[] curve(double[] values, String name, boolean allowNaN) {
        Objects.requireNonNull(values, name);
        if (values.length != CurveChartData.POINTS) {
            throw new IllegalArgumentException(name + " must have " + CurveChartData.POINTS
                    + " points (0..100 % of the gait cycle), had " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!allowNaN && !Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + values[i]);
            }
        }
        return values.clone();
    }
}
