package org.gaitlens.gait;

import org.gaitlens.core.Side;

/**
 * A candidate stride that was rejected.
 *
 * @param side      side of the stride
 * @param timeS     time of its initial contact, s
 * @param passIndex walking pass
 * @param reason    why
 * @param detail    human-readable explanation with the offending numbers
 */
public record Rejection(Side side, double timeS, int passIndex, RejectionReason reason, String detail) {
    public Rejection {
        if (side == null || reason == null || detail == null) {
            throw new IllegalArgumentException("side, reason and detail are required");
        }
    }
}
