package org.gaitlens.pose;

/**
 * What the previous frames left of the tracked person: the last accepted landmark result (whose auxiliary
 * landmarks give the next frame's region of interest), the time of the last pose, and the hip centre's recent
 * positions ({@link HipTrack}), which predict where a lost person should reappear and say whether the tracked
 * person walks.
 *
 * <p>Losing the pose ({@link #lose()}) drops the region of interest but keeps the time and the positions, so that
 * a re-detection within the hold time can be gated around the predicted position; a new track
 * ({@link #restart()}) drops the positions.
 */
final class TrackHistory {
    private LandmarkerResult previous;
    private double lastPoseS = Double.NaN;
    private final HipTrack hips = new HipTrack();

    /** The last accepted result, or null when the last frame had no pose. */
    LandmarkerResult previous() {
        return previous;
    }

    /** Records the accepted pose of the frame at time {@code t}. */
    void record(double t, LandmarkerResult result) {
        previous = result;
        lastPoseS = t;
        hips.add(t, result.alignmentCentre(), radiusPx(result));
    }

    /** The frame had no pose: the next frame needs the detector. */
    void lose() {
        previous = null;
    }

    /** A new track starts: the positions of the previous one no longer predict anything. */
    void restart() {
        hips.clear();
    }

    /** Whether any frame so far had a pose. */
    boolean hadTrack() {
        return !Double.isNaN(lastPoseS);
    }

    /** Seconds from the last pose to time {@code t}; NaN before the first pose. */
    double secondsSincePose(double t) {
        return t - lastPoseS;
    }

    /** Whether a re-detection at time {@code t} must be near the predicted position: a pose within the hold. */
    boolean holding(double t, double holdS) {
        return hadTrack() && !hips.isEmpty() && t - lastPoseS <= holdS;
    }

    /** The hip centre predicted at time {@code t}, or null before the first pose or without positions. */
    ImagePoint predictedHipCentre(double t) {
        return hadTrack() && hips.last() != null ? hips.predict(t) : null;
    }

    /** The body radius at the newest position, px; NaN without positions. */
    double lastRadiusPx() {
        HipTrack.Sample last = hips.last();
        return last == null ? Double.NaN : last.radiusPx();
    }

    /** The tracked person's horizontal speed at time {@code t} ({@link HipTrack#speedRadiiPerS}). */
    double speedRadiiPerS(double t) {
        return hips.speedRadiiPerS(t);
    }

    /** Body radius of a landmark result: hip centre to body-scale point, px (at least 1e-6). */
    static double radiusPx(LandmarkerResult r) {
        return Math.max(1e-6, r.alignmentCentre().distanceTo(r.alignmentScale()));
    }
}
