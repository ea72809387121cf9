package org.gaitlens.validate;

import org.gaitlens.core.Side;

/**
 * A leg named by where it is in a side view: the one nearer the camera or the far one (partly hidden behind the
 * near one). Pose models read the two differently (docs/accuracy.md), so every accuracy figure is split by it.
 */
public enum CameraLeg {
    NEAR,
    FAR;

    /** The camera leg of {@code side} when {@code nearSide} is toward the camera. */
    public static CameraLeg of(Side side, Side nearSide) {
        return side == nearSide ? NEAR : FAR;
    }

    /** Lower-case name for tables and column names. */
    public String code() {
        return this == NEAR ? "near" : "far";
    }
}
