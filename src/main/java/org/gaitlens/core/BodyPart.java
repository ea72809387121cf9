package org.gaitlens.core;

/**
 * A body part that exists on both sides of the body in the BlazePose GHUM topology; with a {@link Side} it names
 * one {@link BodyLandmark} ({@link BodyLandmark#of(Side, BodyPart)}). The mouth corners are left out: the model
 * names them by image side ({@code MOUTH_LEFT}), not by a side prefix.
 */
public enum BodyPart {
    EYE_INNER,
    EYE,
    EYE_OUTER,
    EAR,
    SHOULDER,
    ELBOW,
    WRIST,
    PINKY,
    INDEX,
    THUMB,
    HIP,
    KNEE,
    ANKLE,
    HEEL,
    FOOT_INDEX;

    /** The parts of the leg the gait engine follows, from hip to toe. */
    public static final java.util.List<BodyPart> LEG = java.util.List.of(HIP, KNEE, ANKLE, HEEL, FOOT_INDEX);
}
