package org.gaitlens.gait;

import org.gaitlens.core.Side;

/**
 * The events that bound one accepted stride of {@code side}, in time order
 * {@code contactS < oppositeToeOffS < oppositeContactS < toeOffS < nextContactS}.
 *
 * @param side                  side of the stride
 * @param passIndex             walking pass
 * @param contactS              initial contact that starts the stride, s
 * @param oppositeToeOffS       toe off of the other foot (end of initial double support), s
 * @param oppositeContactS      initial contact of the other foot (start of terminal double support), s
 * @param toeOffS               toe off of this foot (end of stance), s
 * @param nextContactS          next initial contact of this foot (end of the stride), s
 * @param previousOppositeContactS last contact of the other foot before {@code contactS}, {@code NaN} if none or
 *                                 if this foot's toe off does not lie between the two (no valid step)
 *                              in the pass
 */
public record StrideTiming(Side side, int passIndex, double contactS, double oppositeToeOffS, double oppositeContactS,
        double toeOffS, double nextContactS, double previousOppositeContactS) {
    public StrideTiming {
        if (!(contactS < oppositeToeOffS && oppositeToeOffS < oppositeContactS && oppositeContactS < toeOffS
                && toeOffS < nextContactS)) {
            throw new IllegalArgumentException("events out of order: IC " + contactS + ", opposite TC " + oppositeToeOffS
                    + ", opposite IC " + oppositeContactS + ", TC " + toeOffS + ", next IC " + nextContactS);
        }
    }
}
