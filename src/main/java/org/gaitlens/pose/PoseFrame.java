package org.gaitlens.pose;

import java.util.List;
import org.gaitlens.core.BodyLandmark;

/**
 * The pose of the tracked walker in one video frame.
 *
 * @param frameIndex zero-based index of the frame in decoding order
 * @param timeS      presentation time of the frame in seconds
 * @param landmarks  the 33 landmarks in {@link BodyLandmark} order, or an empty list when no person
 *                   was found in this frame (the frame is kept as missing, never dropped)
 * @param poseScore  the landmark model's pose presence in [0, 1]; 0 when missing
 */
public record PoseFrame(int frameIndex, double timeS, List<LandmarkPoint> landmarks, double poseScore) {

    public PoseFrame {
        if (!landmarks.isEmpty() && landmarks.size() != BodyLandmark.COUNT) {
            throw new IllegalArgumentException(
                    "a pose has " + BodyLandmark.COUNT + " landmarks or none, was " + landmarks.size());
        }
        landmarks = List.copyOf(landmarks);
    }

    /** A frame in which no person was found. */
    public static PoseFrame missing(int frameIndex, double timeS) {
        return new PoseFrame(frameIndex, timeS, List.of(), 0.0);
    }

    /** Whether a person was found in this frame. */
    public boolean present() {
        return !landmarks.isEmpty();
    }

    /** The given landmark; only valid when {@link #present()}. */
    public LandmarkPoint get(BodyLandmark landmark) {
        if (!present()) {
            throw new IllegalStateException("frame " + frameIndex + " has no pose");
        }
        return landmarks.get(landmark.ordinal());
    }
}
