package org.gaitlens.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the speed class of a session's band was chosen by ({@link BandSelector}). */
public enum MatchBasis {
    /** Froude number {@code v^2 / (g L)} from speed and leg length in metres. */
    FROUDE("froude"),
    /** Speed in leg lengths per second, without a metric scale. */
    SPEED_LEG_LENGTHS("speed_leg_lengths"),
    /** No walking speed measured: the comfortable class by default. */
    NONE("none");

    private final String key;

    MatchBasis(String key) {
        this.key = key;
    }

    /** Name used in files. */
    @JsonValue
    public String key() {
        return key;
    }
}
