package org.gaitlens.gait;

import org.gaitlens.core.Side;

/**
 * Mean and SD of a joint angle over the normalised gait cycle of one side (101 points, 0-100 %), over the
 * strides whose curve is complete.
 *
 * @param side   side
 * @param joint  joint
 * @param meanDeg mean per cycle percent, degrees
 * @param sdDeg   sample SD per cycle percent, degrees ({@code NaN} if n &lt; 2)
 * @param n      number of strides averaged
 */
public record CycleCurve(Side side, Joint joint, double[] meanDeg, double[] sdDeg, int n) {
    public CycleCurve {
        if (meanDeg.length != StrideKinematics.CYCLE_POINTS || sdDeg.length != StrideKinematics.CYCLE_POINTS) {
            throw new IllegalArgumentException("curves need " + StrideKinematics.CYCLE_POINTS + " points, were "
                    + meanDeg.length + ", " + sdDeg.length);
        }
    }
}
