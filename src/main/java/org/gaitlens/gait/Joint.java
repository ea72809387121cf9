package org.gaitlens.gait;

/**
 * Sagittal angles computed by {@link SagittalAngles}; the sign table is in its Javadoc and in
 * {@code docs/angles.md}.
 */
public enum Joint {
    /** Trunk lean from vertical, + forward. Not sided: the same curve is stored under both sides. */
    TRUNK_LEAN("trunk_lean"),
    /** Thigh from the downward vertical, + knee anterior (flexion). */
    HIP_FLEXION("hip_flexion"),
    /** 180 deg minus the hip-knee-ankle angle, + flexion, - hyperextension. */
    KNEE_FLEXION("knee_flexion"),
    /** Shank-to-foot angle minus 90 deg, + dorsiflexion, - plantarflexion. */
    ANKLE_DORSIFLEXION("ankle_dorsiflexion");

    private final String code;

    Joint(String code) {
        this.code = code;
    }

    /** Name used in files. */
    public String code() {
        return code;
    }
}
