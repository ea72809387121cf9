package org.gaitlens.motion;

import org.gaitlens.core.Side;

/**
 * One stretch of steady walking in one direction across the image.
 *
 * <p>Travel and facing are separate: a walker who walks backwards (facing left while moving right) has
 * {@code facing != direction}; see {@link #backward()} and {@code docs/passes.md}.
 *
 * @param index             0-based pass number in time order
 * @param startFrame        first sample of the pass (index into the cleaned series)
 * @param endFrameExclusive one past the last sample
 * @param startTimeS        time of {@code startFrame}, s
 * @param endTimeS          time of the last sample, s
 * @param direction         direction of travel in the image
 * @param meanSpeedPxPerS   mean absolute mid-hip horizontal speed, px/s
 * @param facing            the side of the image the walker faces (anatomical anterior), from the feet and head
 */
public record WalkingPass(int index, int startFrame, int endFrameExclusive, double startTimeS, double endTimeS,
        WalkingDirection direction, double meanSpeedPxPerS, WalkingDirection facing) {
    public WalkingPass {
        if (index < 0 || startFrame < 0 || endFrameExclusive <= startFrame) {
            throw new IllegalArgumentException("bad pass frames: index " + index + ", " + startFrame + ".."
                    + endFrameExclusive);
        }
        if (direction == null || facing == null) {
            throw new IllegalArgumentException("direction and facing are required");
        }
    }

    /** A pass walked facing the direction of travel (ordinary forward walking). */
    public WalkingPass(int index, int startFrame, int endFrameExclusive, double startTimeS, double endTimeS,
            WalkingDirection direction, double meanSpeedPxPerS) {
        this(index, startFrame, endFrameExclusive, startTimeS, endTimeS, direction, meanSpeedPxPerS, direction);
    }

    /** Whether the walker moves opposite to the way they face (walking backwards). */
    public boolean backward() {
        return facing != direction;
    }

    /**
     * The side of the walker nearer a side-view camera in this pass. A walker facing +x (to the right of the
     * image) shows the camera the right side: with image x right and y up, the walker's left is up x forward,
     * which points away from the camera.
     */
    public Side nearSide() {
        return facing == WalkingDirection.POSITIVE_X ? Side.RIGHT : Side.LEFT;
    }

    /** Whether sample {@code frame} lies in the pass. */
    public boolean contains(int frame) {
        return frame >= startFrame && frame < endFrameExclusive;
    }

    /** Duration in seconds. */
    public double durationS() {
        return endTimeS - startTimeS;
    }
}
