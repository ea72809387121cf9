package org.gaitlens.gait;

/** Why a candidate stride was not used. */
public enum RejectionReason {
    /** No toe off of the same foot between two initial contacts (events do not alternate). */
    MISSING_TOE_OFF,
    /** More than one toe off of the same foot between two initial contacts. */
    EXTRA_TOE_OFF,
    /** The other foot's toe off and contact are missing, duplicated or in the wrong order within the stance. */
    OPPOSITE_EVENTS_OUT_OF_ORDER,
    /** Stride time outside the plausible range. */
    STRIDE_TIME_IMPLAUSIBLE,
    /** Stance percentage outside the plausible range. */
    STANCE_IMPLAUSIBLE
}
