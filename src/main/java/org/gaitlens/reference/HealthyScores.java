package org.gaitlens.reference;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How far healthy walkers of one reference group are from their own band, by leave-one-subject-out
 * ({@link HealthyStats}): what a score is shown against ("healthy: mean, 95th percentile").
 *
 * @param gps2d     overall GPS-2D of each subject (RMS of its six GVS; the three of one side where the dataset has
 *                  one side only)
 * @param gps2dSide GPS-2D of each subject-side (RMS of that side's three GVS)
 * @param gvs       per variable, the GVS of each subject-side
 */
public record HealthyScores(HealthyStats gps2d, HealthyStats gps2dSide, Map<GaitVariable, HealthyStats> gvs) {
    public HealthyScores {
        gvs = Collections.unmodifiableMap(new EnumMap<>(gvs));
    }
}
