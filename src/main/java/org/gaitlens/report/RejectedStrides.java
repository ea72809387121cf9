package org.gaitlens.report;

import java.util.Objects;

import org.gaitlens.core.Side;

/**
 * How many strides of one side were rejected for one reason.
 *
 * @param side   side of the rejected strides
 * @param reason plain reason, e.g. "turn", "landmark gap > 0.2 s", "stride time outlier"
 * @param count  number rejected (>= 1)
 */
public record RejectedStrides(Side side, String reason, int count) {
    public RejectedStrides {
        Objects.requireNonNull(side, "side");
        Checks.requireText(reason, "reason");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }
}
