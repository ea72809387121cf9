package org.gaitlens.report;

import java.util.Objects;

/**
 * One stance or swing interval of one foot, in seconds from the start of the video.
 *
 * @param phase  stance or swing
 * @param startS start time, s
 * @param endS   end time, s (> startS)
 */
public record PhaseInterval(GaitPhase phase, double startS, double endS) {
    public PhaseInterval {
        Objects.requireNonNull(phase, "phase");
        Checks.requireFinite(startS, "startS");
        Checks.requireFinite(endS, "endS");
        if (endS <= startS) {
            throw new IllegalArgumentException("endS must be > startS, were " + endS + " and " + startS);
        }
    }
}
