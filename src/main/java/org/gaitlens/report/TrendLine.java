package org.gaitlens.report;

import java.util.List;

import org.gaitlens.core.Side;

/**
 * One line of a trend chart: a value per session.
 *
 * @param name   legend name, e.g. "Left", "Right", "SI"
 * @param side   the side (sets the colour), or {@code null} for a whole-body metric or an index
 * @param values value per session in date order, {@code null} where missing
 */
public record TrendLine(String name, Side side, List<Double> values) {
    public TrendLine {
        Checks.requireText(name, "name");
        values = Checks.nullableList(values);
        for (int i = 0; i < values.size(); i++) {
            Checks.requireFiniteOrNull(values.get(i), "values[" + i + "]");
        }
    }
}
