package org.gaitlens.motion;

/**
 * A stretch of the recording that cannot be analysed as an ordinary side view of forward walking: walking
 * toward or away from the camera, or walking backwards.
 *
 * @param startTimeS  start, s
 * @param endTimeS    end, s
 * @param kind        what was seen
 * @param description human-readable account with the measured numbers
 */
public record ViewProblem(double startTimeS, double endTimeS, Kind kind, String description) {
    /** Kinds of view problem. */
    public enum Kind {
        /** The body grows in the image while it barely moves sideways. */
        WALKING_TOWARD_CAMERA,
        /** The body shrinks in the image while it barely moves sideways. */
        WALKING_AWAY_FROM_CAMERA,
        /** A walking pass in which the walker faces away from the direction of travel (walking backwards). */
        WALKING_BACKWARD
    }
}
