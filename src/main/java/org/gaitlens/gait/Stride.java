package org.gaitlens.gait;

import org.gaitlens.core.Side;

/**
 * Spatiotemporal parameters and kinematics of one stride (initial contact to the next initial contact of
 * the same foot). Times in s, lengths in m (or leg lengths), percentages of the stride time.
 *
 * @param side                    side of the stride
 * @param passIndex               walking pass
 * @param timing                  the bounding events
 * @param strideTimeS             {@code IC' - IC}
 * @param stanceTimeS             {@code TC - IC}
 * @param swingTimeS              {@code IC' - TC}
 * @param stancePct               {@code 100 stance / stride}
 * @param singleSupportS          {@code IC_o - TC_o}: the other foot's swing within this stance
 * @param initialDoubleSupportS   {@code TC_o - IC}
 * @param terminalDoubleSupportS  {@code TC - IC_o}
 * @param doubleSupportPct        {@code 100 (initial + terminal double support) / stride}
 * @param stepTimeS               {@code IC - IC_o,prev}: this foot's contact minus the other foot's preceding
 *                                contact ({@code NaN} when that contact is outside the pass)
 * @param cadenceStepsPerMin      {@code 120 / strideTimeS} (two steps per stride)
 * @param stepLengthM             {@code x_heel,S(IC) - x_heel,o(IC_o,prev)} along the walking direction, each
 *                                heel taken at its own contact; {@code NaN} without scale
 * @param strideLengthM           {@code x_heel,S(IC') - x_heel,S(IC)}; {@code NaN} without scale
 * @param speedMPerS              {@code strideLengthM / strideTimeS}
 * @param stepLengthLegLengths    step length divided by leg length (always available)
 * @param strideLengthLegLengths  stride length divided by leg length
 * @param speedLegLengthsPerS     speed in leg lengths per second
 * @param kinematics              sagittal key values and cycle curves
 */
public record Stride(Side side, int passIndex, StrideTiming timing, double strideTimeS, double stanceTimeS,
        double swingTimeS, double stancePct, double singleSupportS, double initialDoubleSupportS,
        double terminalDoubleSupportS, double doubleSupportPct, double stepTimeS, double cadenceStepsPerMin,
        double stepLengthM, double strideLengthM, double speedMPerS, double stepLengthLegLengths,
        double strideLengthLegLengths, double speedLegLengthsPerS, StrideKinematics kinematics) {
    public Stride {
        if (side == null || timing == null || kinematics == null) {
            throw new IllegalArgumentException("side, timing and kinematics are required");
        }
    }

    /** Start (initial contact), s. */
    public double startTimeS() {
        return timing.contactS();
    }
}
