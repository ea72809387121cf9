package org.gaitlens.assess;

/** Verdict on a between-session change. */
public enum ChangeOutcome {
    /** The change exceeds the threshold in the direction of improvement. */
    IMPROVED,
    /** The change is within the threshold. */
    NO_DETECTABLE_CHANGE,
    /** The change exceeds the threshold against the direction of improvement. */
    WORSENED,
    /** The change exceeds the threshold but both values lie in the healthy range, where no direction is better. */
    CHANGED_WITHIN_RANGE,
    /** No threshold could be formed (no published value, no repeatability, no standard errors). */
    NOT_ASSESSABLE
}
