package org.gaitlens.motion.mocap;

/** Where a virtual camera stands relative to the walker (sides are the walker's anatomical sides). */
public enum CameraView {
    /** Sagittal view from the walker's left: the walker moves right-to-left in the image. */
    LEFT_SIDE,
    /** Sagittal view from the walker's right: the walker moves left-to-right in the image. */
    RIGHT_SIDE,
    /** Frontal view, camera ahead of the walker, who walks towards it. */
    FRONT,
    /** Frontal view, camera behind the walker, who walks away from it. */
    BACK;

    /** Whether this is a side (sagittal) view. */
    public boolean isSagittal() {
        return this == LEFT_SIDE || this == RIGHT_SIDE;
    }

    /** The side view from a given side of the walker. */
    public static CameraView side(org.gaitlens.core.Side side) {
        return side == org.gaitlens.core.Side.LEFT ? LEFT_SIDE : RIGHT_SIDE;
    }
}
