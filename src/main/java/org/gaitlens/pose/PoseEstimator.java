package org.gaitlens.pose;

import org.gaitlens.video.VideoFrame;

/**
 * Finds the pose of the tracked person in consecutive video frames. Implementations keep state between
 * calls (tracking), so frames must be given in decoding order, one video per instance.
 */
public interface PoseEstimator extends AutoCloseable {

    /**
     * The pose in one frame; {@link PoseFrame#missing} when nobody is found. The frame is not modified
     * and stays owned by the caller.
     */
    PoseFrame estimate(VideoFrame frame);

    /** How tracking went so far (counts over all frames given). */
    TrackingReport report();

    @Override
    void close();
}
