package org.gaitlens.report;

import java.util.Objects;

/**
 * The change of one metric in one session relative to a reference session.
 *
 * @param referenceIndex index of the session compared with (into the comparison's sessions), or
 *                       {@code null} when there is none
 * @param change         value minus reference value, in the metric's unit, or {@code null}
 * @param verdict        improved / no detectable change / worsened / not available
 */
public record ChangeCell(Integer referenceIndex, Double change, ChangeVerdict verdict) {
    /** The cell for a session with nothing to compare with. */
    public static final ChangeCell NOT_AVAILABLE = new ChangeCell(null, null, ChangeVerdict.NOT_AVAILABLE);

    public ChangeCell {
        Objects.requireNonNull(verdict, "verdict");
        Checks.requireFiniteOrNull(change, "change");
        if ((change == null) != (verdict == ChangeVerdict.NOT_AVAILABLE)) {
            throw new IllegalArgumentException("change must be null exactly when verdict is NOT_AVAILABLE, were "
                    + change + " and " + verdict);
        }
    }
}
