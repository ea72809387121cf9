package org.gaitlens.assess;

/**
 * Where the camera looked at the walker from. Sagittal quantities (joint angles, foot clearance)
 * need {@link #SIDE}; frontal quantities (trunk shift, pelvic obliquity, step width) need
 * {@link #FRONTAL}; timing works from either (frontal contacts after Stenum et al. 2024, {@code docs/frontal.md}).
 */
public enum CameraView {
    /** Camera to the side of the walking line (sagittal view). */
    SIDE,
    /** Camera in front of or behind the walker (frontal view). */
    FRONTAL,
    /** The view could not be determined. */
    UNKNOWN
}
