package org.gaitlens.report;

/** Phase of one foot's gait cycle. */
public enum GaitPhase {
    /** Foot on the ground: initial contact to toe off. */
    STANCE,
    /** Foot in the air: toe off to the next initial contact. */
    SWING
}
