package org.gaitlens.gait;

import org.gaitlens.core.Side;

/**
 * One gait event.
 *
 * @param side       anatomical side of the foot
 * @param type       initial contact or toe off
 * @param timeS      time in seconds on the input series' clock, with sub-frame resolution
 * @param frameIndex index of the input sample (video frame) nearest to {@code timeS}
 * @param passIndex  walking pass the event belongs to
 */
public record GaitEvent(Side side, GaitEventType type, double timeS, int frameIndex, int passIndex) {
    public GaitEvent {
        if (side == null || type == null) {
            throw new IllegalArgumentException("side and type are required");
        }
        if (!Double.isFinite(timeS)) {
            throw new IllegalArgumentException("timeS must be finite, was " + timeS);
        }
    }
}
