package org.gaitlens.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

import org.gaitlens.core.Side;

/**
 * One line of a trend chart: a value per session.
 *
 * @param name   legend name, e.g. "Left", "Right", "SI"
 * @param side   the side (sets the colour), or {@code null} for a whole-body metric or an index
 * @param values value per session in date order, {@code null} where missing
 * @param ciLow  lower 95 % confidence limit per session ({@code null} where there is none), or empty when the line
 *               has no intervals (then absent from the JSON)
 * @param ciHigh upper 95 % confidence limit per session, {@code null} exactly where {@code ciLow} is
 */
public record TrendLine(String name, Side side, List<Double> values,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> ciLow,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> ciHigh) {
    public TrendLine {
        Checks.requireText(name, "name");
        values = Checks.nullableList(values);
        for (int i = 0; i < values.size(); i++) {
            Checks.requireFiniteOrNull(values.get(i), "values[" + i + "]");
        }
        ciLow = Checks.nullableList(ciLow);
        ciHigh = Checks.nullableList(ciHigh);
        if (!ciLow.isEmpty() || !ciHigh.isEmpty()) {
            Checks.requireIntervals(ciLow, ciHigh, "line '" + name + "' CI");
            if (ciLow.size() != values.size()) {
                throw new IllegalArgumentException("line '" + name + "' has " + ciLow.size() + " intervals for "
                        + values.size() + " values");
            }
        }
    }

    /** A line without intervals. */
    public TrendLine(String name, Side side, List<Double> values) {
        this(name, side, values, List.of(), List.of());
    }
}
