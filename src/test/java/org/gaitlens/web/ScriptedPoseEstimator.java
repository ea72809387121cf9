package org.gaitlens.web;

import java.util.List;
import org.gaitlens.pose.PoseEstimator;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.pose.TrackingReport;
import org.gaitlens.video.VideoFrame;

/**
 * A pose "estimator" that returns known poses: for frame {@code i} of the video, pose {@code i} of the list, at the
 * frame's own time. With the bundled samples' exact landmarks ({@code sample-videos/NAME.landmarks.csv}) the whole
 * video pipeline runs as in production (decoding, landmarks.csv, video.json, key frames, report) without the pose
 * model, in seconds; frames past the list have no pose.
 */
final class ScriptedPoseEstimator implements PoseEstimator {
    private final List<PoseFrame> poses;
    private int frames;
    private int withPose;

    ScriptedPoseEstimator(List<PoseFrame> poses) {
        this.poses = List.copyOf(poses);
    }

    @Override
    public List<PoseFrame> push(VideoFrame frame) {
        frames++;
        PoseFrame p = frame.index() < poses.size() ? poses.get(frame.index()) : null;
        if (p == null || !p.present()) {
            return List.of(PoseFrame.missing(frame.index(), frame.timeS()));
        }
        withPose++;
        return List.of(new PoseFrame(frame.index(), frame.timeS(), p.landmarks(), p.poseScore()));
    }

    @Override
    public List<PoseFrame> finish() {
        return List.of();
    }

    @Override
    public TrackingReport report() {
        return new TrackingReport(frames, withPose, 0, 0, 0, 0, 0, 0, List.of(), List.of());
    }

    @Override
    public void close() {
        // nothing held
    }
}
