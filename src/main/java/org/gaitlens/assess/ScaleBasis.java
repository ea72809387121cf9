package org.gaitlens.assess;

/**
 * Where the pixel-to-metre scale of a session came from. Kept independent of the motion stage's
 * own enum; the pipeline maps one onto the other.
 */
public enum ScaleBasis {
    /** A known distance in the scene (floor marks) or a calibrated virtual camera. */
    CALIBRATION,
    /** The patient's entered standing height against the body's height in the image. */
    PATIENT_HEIGHT,
    /** The pose model's metric world landmarks (fallback; approximate). */
    POSE_WORLD_LANDMARKS,
    /** No scale: lengths and speed are unavailable or normalised to leg length. */
    NONE
}
