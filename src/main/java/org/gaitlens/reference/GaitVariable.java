package org.gaitlens.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The sagittal kinematic variables of the 2D Gait Profile Score ({@link GaitProfileScore}): what a side video
 * measures of hip, knee and ankle, each a curve over the gait cycle in degrees, flexion and dorsiflexion positive.
 *
 * <table>
 * <caption>Variables and their laboratory counterparts (Fukuchi et al. 2018, Visual3D, Z = sagittal)</caption>
 * <tr><th>variable</th><th>gaitlens (side video)</th><th>laboratory</th></tr>
 * <tr><td>{@link #HIP}</td><td>thigh (hip -> knee) from the vertical</td>
 *     <td>{@code HipAngleZ - PelvisAngleZ}: hip flexion minus anterior pelvic tilt, per sample</td></tr>
 * <tr><td>{@link #KNEE}</td><td>180 deg minus the hip-knee-ankle angle</td><td>{@code KneeAngleZ}</td></tr>
 * <tr><td>{@link #ANKLE}</td><td>heel -> foot-index line against the shank, minus 90 deg</td>
 *     <td>{@code AnkleAngleZ} (marker foot axis, 0 = neutral standing)</td></tr>
 * </table>
 * Curves are compared as measured, without an offset: hip and knee are the same quantities in both, and the ankle's
 * offset between the laboratory foot axis and the heel-to-foot-index line, measured on motion capture through the
 * virtual camera, is not consistent between walkers and sides (docs/reference.md, "Angle conventions").
 */
public enum GaitVariable {
    /** Thigh flexion from the vertical, + knee anterior of the hip. */
    HIP("hip"),
    /** Knee flexion, + flexion, - hyperextension. */
    KNEE("knee"),
    /** Ankle dorsiflexion, + dorsiflexion, - plantarflexion. */
    ANKLE("ankle");

    private final String key;

    GaitVariable(String key) {
        this.key = key;
    }

    /** Name used in files and reports (and in the resource, which Jackson reads back through it). */
    @JsonValue
    public String key() {
        return key;
    }
}
