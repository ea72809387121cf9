package org.gaitlens.motion;

/** Camera view of a recording relative to the walking direction. */
public enum ViewKind {
    /** Camera beside the walker (sagittal view): the walker crosses the image. */
    SIDE,
    /** Camera in front of the walker, who approaches it and faces it (patient's right on image left). */
    FRONTAL_FRONT,
    /** Camera behind the walker, who walks away from it (patient's right on image right). */
    FRONTAL_BACK,
    /** The evidence disagrees or is missing. */
    UNKNOWN;

    /** Whether this is one of the two frontal views. */
    public boolean isFrontal() {
        return this == FRONTAL_FRONT || this == FRONTAL_BACK;
    }
}
