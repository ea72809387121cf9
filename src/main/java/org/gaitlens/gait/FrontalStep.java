package org.gaitlens.gait;

import org.gaitlens.core.Side;

/**
 * One step seen in a frontal view: the initial contact of {@code side}, and the feet's lateral distance then.
 *
 * @param side             foot that lands
 * @param timeS            contact time, s
 * @param stepTimeS        time since the previous contact of the other foot, s ({@code NaN} for the first)
 * @param widthPx          lateral image distance between the two heels at contact, px
 * @param widthLegLengths  {@code widthPx} / the vertical hip-to-ankle image height at that time (depth-free)
 * @param widthM           step width in metres, {@code NaN} without a scale
 */
public record FrontalStep(Side side, double timeS, double stepTimeS, double widthPx, double widthLegLengths,
        double widthM) {
    public FrontalStep {
        if (side == null) {
            throw new IllegalArgumentException("side is required");
        }
    }
}
