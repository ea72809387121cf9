package org.gaitlens.assess;

/** How strongly the data show a screening pattern. */
public enum Strength {
    /** The data cannot show the pattern (wrong camera view, too few strides, metric missing). */
    NOT_ASSESSABLE,
    /** Assessed; the pattern is not present beyond the thresholds. */
    NONE,
    /** The primary sign of the pattern is present, or several supporting signs without it. */
    POSSIBLE,
    /** The primary sign and at least one supporting sign are present on the same side. */
    LIKELY;

    /** True for {@link #POSSIBLE} and {@link #LIKELY}. */
    public boolean raised() {
        return this == POSSIBLE || this == LIKELY;
    }
}
