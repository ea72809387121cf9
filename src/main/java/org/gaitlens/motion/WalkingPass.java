package org.gaitlens.motion;

/**
 * One stretch of steady walking in one direction across the image.
 *
 * @param index             0-based pass number in time order
 * @param startFrame        first sample of the pass (index into the cleaned series)
 * @param endFrameExclusive one past the last sample
 * @param startTimeS        time of {@code startFrame}, s
 * @param endTimeS          time of the last sample, s
 * @param direction         direction of travel in the image
 * @param meanSpeedPxPerS   mean absolute mid-hip horizontal speed, px/s
 */
public record WalkingPass(int index, int startFrame, int endFrameExclusive, double startTimeS, double endTimeS,
        WalkingDirection direction, double meanSpeedPxPerS) {
    public WalkingPass {
        if (index < 0 || startFrame < 0 || endFrameExclusive <= startFrame) {
            throw new IllegalArgumentException("bad pass frames: index " + index + ", " + startFrame + ".."
                    + endFrameExclusive);
        }
        if (direction == null) {
            throw new IllegalArgumentException("direction is required");
        }
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
