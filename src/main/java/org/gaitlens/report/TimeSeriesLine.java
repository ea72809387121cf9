package org.gaitlens.report;

import java.util.Arrays;
import java.util.Objects;

import org.gaitlens.core.Side;

/**
 * One line of a {@link TimeSeriesChartData}: values over time (s from the start of the recording).
 *
 * @param name   legend name, e.g. "Trunk lateral lean"
 * @param side   the side (sets the colour), or {@code null} for a whole-body quantity
 * @param timeS  sample times, s, strictly increasing
 * @param values values at those times, finite (leave out samples that were not measured)
 */
public record TimeSeriesLine(String name, Side side, double[] timeS, double[] values) {
    public TimeSeriesLine {
        Checks.requireText(name, "name");
        Objects.requireNonNull(timeS, "timeS");
        Objects.requireNonNull(values, "values");
        if (timeS.length != values.length) {
            throw new IllegalArgumentException("timeS and values differ in length: " + timeS.length + " and "
                    + values.length);
        }
        for (int i = 0; i < timeS.length; i++) {
            Checks.requireFinite(timeS[i], "timeS[" + i + "]");
            Checks.requireFinite(values[i], "values[" + i + "]");
            if (i > 0 && !(timeS[i] > timeS[i - 1])) {
                throw new IllegalArgumentException("timeS must increase at " + i + ": " + timeS[i - 1] + " then "
                        + timeS[i]);
            }
        }
        timeS = timeS.clone();
        values = values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeriesLine l && name.equals(l.name) && side == l.side && Arrays.equals(timeS, l.timeS)
                && Arrays.equals(values, l.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, side, Arrays.hashCode(timeS), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeriesLine[name=" + name + ", samples=" + timeS.length + "]";
    }
}
