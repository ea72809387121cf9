package org.gaitlens.pose;

import java.util.List;
import org.gaitlens.video.VideoFrame;

/**
 * Finds the pose of the tracked person in consecutive video frames. Implementations keep state between
 * calls (tracking), so frames must be given in decoding order, one video per instance.
 *
 * <p>Poses may come back later than their frames: an estimator may hold a few frames until it can decide
 * them (see {@link BlazePoseEstimator}). Every frame given to {@link #push} yields exactly one pose, in
 * frame order, from that call, a later {@code push} or {@link #finish}.
 */
public interface PoseEstimator extends AutoCloseable {

    /**
     * Gives the next frame and returns the poses decided by it, in frame order: none, this frame's, or
     * those of frames held before it (and possibly this one). {@link PoseFrame#missing} marks a frame
     * where nobody is found. The frame is not modified; the caller keeps it open until its pose has been
     * returned (its image may be read until then).
     */
    List<PoseFrame> push(VideoFrame frame);

    /** Decides every frame still held, at the end of the video; returns their poses in frame order. */
    List<PoseFrame> finish();

    /** How tracking went so far (counts over all frames decided). */
    TrackingReport report();

    @Override
    void close();
}
