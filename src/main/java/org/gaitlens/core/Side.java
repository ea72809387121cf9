package org.gaitlens.core;

/**
 * Anatomical body side. Always the patient's own left and right, never the image's.
 */
public enum Side {
    LEFT,
    RIGHT;

    /** The other side. */
    public Side opposite() {
        return this == LEFT ? RIGHT : LEFT;
    }

    /** One-letter code used in tables: {@code L} or {@code R}. */
    public String code() {
        return this == LEFT ? "L" : "R";
    }
}
