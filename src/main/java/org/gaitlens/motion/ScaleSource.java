package org.gaitlens.motion;

/** Where the pixel-to-metre scale came from. */
public enum ScaleSource {
    /** {@link LandmarkSeries#pixelsPerMetre()} given by the source (virtual camera, floor calibration). */
    CALIBRATION,
    /** The patient's standing height against the nose-to-heel height in the image. */
    PATIENT_HEIGHT_NOSE_HEEL,
    /** The patient's standing height against the hip-to-ankle length in the image. */
    PATIENT_HEIGHT_LEG,
    /** No scale: lengths are reported normalised to leg length only. */
    NONE
}
