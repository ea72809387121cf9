package org.gaitlens.gait;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sagittal key values of one stride (degrees; signs as in {@link SagittalAngles}); cycle % runs from the
 * stride's initial contact (0 %) to the next one (100 %). {@code NaN} where the angle is unavailable.
 *
 * @param kneeFlexIcDeg            knee flexion at initial contact
 * @param kneeFlexLoadingPeakDeg   maximum knee flexion in 0-15 % of the cycle (loading response)
 * @param kneeFlexSwingPeakDeg     maximum knee flexion from toe off to the next contact
 * @param hipFlexIcDeg             hip (thigh) flexion at initial contact
 * @param hipExtensionPeakDeg      peak hip extension in stance, as a positive number: {@code -min(hip flexion)}
 *                                 over the stance phase (negative when the thigh never passes vertical)
 * @param hipFlexSwingPeakDeg      maximum hip flexion in swing
 * @param ankleDorsiIcDeg          ankle dorsiflexion at initial contact
 * @param ankleDorsiMidSwingDeg    mean ankle dorsiflexion over the middle third of swing (mid-swing)
 * @param ankleDorsiToeOffDeg      ankle dorsiflexion at toe off (negative = plantarflexion)
 * @param ankleDorsiMinPushOffDeg  minimum ankle dorsiflexion from 5 % of the cycle before to 10 % after toe off
 *                                 (55-70 % for a normal 60 % stance): peak plantarflexion of push-off, signed
 * @param footClearanceLegLengths  minimum height of the foot tip above the pass's floor line over the middle
 *                                 third of swing, divided by the leg length
 * @param trunkLeanMeanDeg         mean trunk lean over the stride
 * @param curvesDeg                per joint the angle at 0, 1, ..., 100 % of the cycle (101 points)
 */
public record StrideKinematics(double kneeFlexIcDeg, double kneeFlexLoadingPeakDeg, double kneeFlexSwingPeakDeg,
        double hipFlexIcDeg, double hipExtensionPeakDeg, double hipFlexSwingPeakDeg, double ankleDorsiIcDeg,
        double ankleDorsiMidSwingDeg, double ankleDorsiToeOffDeg, double ankleDorsiMinPushOffDeg,
        double footClearanceLegLengths, double trunkLeanMeanDeg, Map<Joint, double[]> curvesDeg) {
    /** Points per normalised cycle. */
    public static final int CYCLE_POINTS = 101;

    public StrideKinematics {
        curvesDeg = Collections.unmodifiableMap(new EnumMap<>(curvesDeg));
        for (Map.Entry<Joint, double[]> e : curvesDeg.entrySet()) {
            if (e.getValue().length != CYCLE_POINTS) {
                throw new IllegalArgumentException(e.getKey() + " curve has " + e.getValue().length + " points, expected "
                        + CYCLE_POINTS);
            }
        }
    }
}
