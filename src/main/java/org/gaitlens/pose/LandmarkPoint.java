package org.gaitlens.pose;

/**
 * One landmark of one frame as the pose model gives it.
 *
 * <p>Image coordinates: origin at the top-left pixel corner of the upright frame, x to the right,
 * y <em>down</em>, in pixels. {@code z} is the model's relative depth (same scale as x, smaller is
 * closer to the camera; roughly hip-centred). World coordinates are the model's metric estimate in
 * metres with the origin between the hips, y down.
 *
 * @param xPx        horizontal image position in pixels
 * @param yPx        vertical image position in pixels (down is positive)
 * @param z          relative depth (model units, comparable to x in pixels)
 * @param visibility probability in [0, 1] that the point is visible (not occluded)
 * @param presence   probability in [0, 1] that the point is inside the frame
 * @param worldXM    world x in metres
 * @param worldYM    world y in metres
 * @param worldZM    world z in metres
 */
public record LandmarkPoint(
        double xPx,
        double yPx,
        double z,
        double visibility,
        double presence,
        double worldXM,
        double worldYM,
        double worldZM) {

    /** The smaller of visibility and presence: the confidence used to decide whether a point is usable. */
    public double confidence() {
        return Math.min(visibility, presence);
    }
}
