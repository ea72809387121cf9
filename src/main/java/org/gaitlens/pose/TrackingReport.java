package org.gaitlens.pose;

import java.util.List;

/**
 * How tracking of one video went.
 *
 * @param frames             frames given to the estimator
 * @param framesWithPose     frames with an accepted pose
 * @param detectorRuns       full-frame detector runs (acquisition, re-detection and scans for others)
 * @param redetections       times the track was re-started by the detector after it had been lost
 * @param identityLostCount  re-detections whose chosen person was far (more than one body radius) from
 *                           the position predicted from the lost track: the pose after it may belong to
 *                           someone else
 * @param walkerSwitches     times the track was moved on purpose from a person standing still to a person
 *                           walking across the frame
 * @param meanDetectorMs     mean wall time of one detector run (preprocessing included), ms
 * @param meanLandmarkMs     mean wall time of one landmark-model run (crop included), ms
 * @param segments           the stretches of frames that belong to one track, in order
 * @param notes              human-readable events (time, frame, what happened)
 */
public record TrackingReport(int frames, int framesWithPose, int detectorRuns, int redetections,
                             int identityLostCount, int walkerSwitches, double meanDetectorMs,
                             double meanLandmarkMs, List<TrackSegment> segments, List<String> notes) {

    public TrackingReport {
        segments = List.copyOf(segments);
        notes = List.copyOf(notes);
    }

    /** Share of frames with a pose, in [0, 1]; 0 for no frames. */
    public double coverage() {
        return frames == 0 ? 0 : (double) framesWithPose / frames;
    }

    /**
     * Frames in which one track held the pose.
     *
     * @param trackId        1-based track number, in order of acquisition
     * @param firstFrame     index of the first frame with this track's pose
     * @param lastFrame      index of the last frame with this track's pose
     * @param framesWithPose frames with this track's pose
     * @param reason         why the track started ("first detection", "re-detection near the lost track",
     *                       "re-detection elsewhere (identity may have changed)", "walker switch")
     */
    public record TrackSegment(int trackId, int firstFrame, int lastFrame, int framesWithPose, String reason) {
    }
}
