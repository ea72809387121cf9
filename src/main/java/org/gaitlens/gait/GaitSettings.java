package org.gaitlens.gait;

import org.gaitlens.motion.CleaningSettings;

/**
 * Parameters of {@link GaitAnalyzer}.
 *
 * @param cleaning                motion cleaning (incl. patient height for the scale)
 * @param eventMethod             gait-event method; default {@link EventMethod#ZENI_TOE_RISE}
 * @param minEventSeparationS     shortest time between two events of one kind and side, s; default 0.5
 * @param minProminenceLegLengths event extremum prominence, leg lengths; default 0.1
 * @param minStrideTimeS          shortest plausible stride, s; default 0.6
 * @param maxStrideTimeS          longest plausible stride, s; default 2.0
 * @param minStancePct            lowest plausible stance %; default 45
 * @param maxStancePct            highest plausible stance %; default 80
 */
public record GaitSettings(CleaningSettings cleaning, EventMethod eventMethod, double minEventSeparationS,
        double minProminenceLegLengths, double minStrideTimeS, double maxStrideTimeS, double minStancePct,
        double maxStancePct) {
    public GaitSettings {
        if (cleaning == null || eventMethod == null) {
            throw new IllegalArgumentException("cleaning and eventMethod are required");
        }
        eventMethod.create(minEventSeparationS, minProminenceLegLengths);
        new StrideBuilder(minStrideTimeS, maxStrideTimeS, minStancePct, maxStancePct);
    }

    /** Defaults as listed above. */
    public static GaitSettings defaults() {
        return new GaitSettings(CleaningSettings.defaults(), EventMethod.ZENI_TOE_RISE, 0.5, 0.1, 0.6, 2.0, 45, 80);
    }

    /** A copy with other cleaning settings. */
    public GaitSettings withCleaning(CleaningSettings c) {
        return new GaitSettings(c, eventMethod, minEventSeparationS, minProminenceLegLengths, minStrideTimeS,
                maxStrideTimeS, minStancePct, maxStancePct);
    }

    /** A copy with another event method. */
    public GaitSettings withEventMethod(EventMethod m) {
        return new GaitSettings(cleaning, m, minEventSeparationS, minProminenceLegLengths, minStrideTimeS,
                maxStrideTimeS, minStancePct, maxStancePct);
    }
}
