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
 * @param footPitchIcDeg           sole angle at initial contact: the heel -> foot-index line against the pass's
 *                                 floor line, toe up positive (the "foot strike angle" of Altman and Davis 2012,
 *                                 with the floor standing in for their standing calibration)
 * @param heelFirstContact         1 when the contact is heel-first (footPitchIcDeg above
 *                                 {@link #HEEL_FIRST_MIN_PITCH_DEG}), 0 for a flat or toe-first contact, NaN when
 *                                 the pitch is unknown; Perry and Burnfield's initial-contact classes (heel,
 *                                 foot flat, forefoot), Gait Analysis, 2nd ed. 2010, ch. 4 and 8
 * @param trunkLeanMeanDeg         mean trunk lean over the stride
 * @param curvesDeg                per joint the angle at 0, 1, ..., 100 % of the cycle (101 points)
 */
public record StrideKinematics(double kneeFlexIcDeg, double kneeFlexLoadingPeakDeg, double kneeFlexSwingPeakDeg,
        double hipFlexIcDeg, double hipExtensionPeakDeg, double hipFlexSwingPeakDeg, double ankleDorsiIcDeg,
        double ankleDorsiMidSwingDeg, double ankleDorsiToeOffDeg, double ankleDorsiMinPushOffDeg,
        double footClearanceLegLengths, double footPitchIcDeg, double heelFirstContact, double trunkLeanMeanDeg,
        Map<Joint, double[]> curvesDeg) {
    /** Points per normalised cycle. */
    public static final int CYCLE_POINTS = 101;

    /**
     * Smallest foot strike angle of a heel-first (rearfoot) contact, deg: Altman A.R., Davis I.S. (2012) A
     * kinematic method for footstrike pattern detection in barefoot and shod runners. Gait Posture 35:298-300,
     * doi:10.1016/j.gaitpost.2011.09.104 (rearfoot strike above 8.0 deg, midfoot -1.6 to 8.0 deg, forefoot
     * below -1.6 deg). Healthy walking lands at about 15-20 deg.
     */
    public static final double HEEL_FIRST_MIN_PITCH_DEG = 8.0;

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
