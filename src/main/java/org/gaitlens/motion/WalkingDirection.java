package org.gaitlens.motion;

/** Direction of travel in the image during a walking pass. */
public enum WalkingDirection {
    /** Walking toward larger image x (left to right on screen). */
    POSITIVE_X(1),
    /** Walking toward smaller image x (right to left on screen). */
    NEGATIVE_X(-1);

    private final int sign;

    WalkingDirection(int sign) {
        this.sign = sign;
    }

    /** +1 or -1. */
    public int sign() {
        return sign;
    }
}
