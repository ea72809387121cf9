package org.gaitlens.gait;

/**
 * Selectable gait-event methods. All three are published; {@link #ZENI_REFINED} (the default) is Zeni's
 * method with the heel-strike instant refined by the heel's speed (Bonci et al. 2022 with the Bruening and
 * Ridge 2014 threshold), see {@link ZeniRefinedEventDetector}.
 */
public enum EventMethod {
    /** {@link ZeniEventDetector}: Zeni et al. 2008 heel/toe minus pelvis extrema. */
    ZENI,
    /** {@link ZeniRefinedEventDetector} with its defaults (default method). */
    ZENI_REFINED,
    /** {@link StenumEventDetector}. */
    STENUM;

    /** A detector for this method with the given peak rules. */
    public GaitEventDetector create(double minSeparationS, double minProminenceLegLengths) {
        return switch (this) {
            case ZENI -> new ZeniEventDetector(minSeparationS, minProminenceLegLengths);
            case ZENI_REFINED -> new ZeniRefinedEventDetector(minSeparationS, minProminenceLegLengths,
                    ZeniRefinedEventDetector.DEFAULT_HEEL_SPEED_RATIO, Double.NaN);
            case STENUM -> new StenumEventDetector(minSeparationS, minProminenceLegLengths);
        };
    }
}
