package org.gaitlens.metric;

/**
 * The historical name under which a {@link Metric} is written per stride and per side ({@code strides.csv}
 * column, {@code summary.json} {@code per_side.*.parameters} key, store {@code summary} rows, export column),
 * where it differs from the metric's key. Declared in the table, never guessed from a name.
 *
 * @param column the column name
 * @param sign   +1 when the column holds the metric's value, -1 when it holds its negative (the column names
 *               the opposite direction, e.g. dorsiflexion for a plantarflexion metric)
 */
public record Alias(String column, int sign) {

    /**
     * @throws IllegalArgumentException if the column is blank or the sign is not +1 or -1
     */
    public Alias {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("column must be given");
        }
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, was " + sign);
        }
    }

    /** A column holding the metric's value under another name. */
    static Alias of(String column) {
        return new Alias(column, 1);
    }

    /** A column holding the metric's negative (the opposite direction is positive there). */
    static Alias negated(String column) {
        return new Alias(column, -1);
    }
}
