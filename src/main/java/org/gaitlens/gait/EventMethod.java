package org.gaitlens.gait;

/** Selectable gait-event methods. */
public enum EventMethod {
    /** {@link ZeniEventDetector} (default). */
    ZENI,
    /** {@link StenumEventDetector}. */
    STENUM;

    /** A detector for this method with the given peak rules. */
    public GaitEventDetector create(double minSeparationS, double minProminenceLegLengths) {
        return this == ZENI ? new ZeniEventDetector(minSeparationS, minProminenceLegLengths)
                : new StenumEventDetector(minSeparationS, minProminenceLegLengths);
    }
}
