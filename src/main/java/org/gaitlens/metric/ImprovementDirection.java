package org.gaitlens.assess;

/** Which way a change of a quantity counts as improvement in a comparison between sessions. */
public enum ImprovementDirection {
    /** Larger is better (gait speed, step length, foot clearance). */
    HIGHER_IS_BETTER,
    /** Smaller is better (double support time). */
    LOWER_IS_BETTER,
    /** Closer to the healthy reference range is better; changes inside the range are neutral. */
    TOWARD_RANGE,
    /** Closer to zero is better (asymmetry indices, signed side differences, trunk shift). */
    TOWARD_ZERO
}
