package org.gaitlens.pose;

import java.util.List;
import org.gaitlens.core.BodyLandmark;

/**
 * What the landmark model found in one region of interest, projected back to image pixels.
 *
 * @param roi            the region the model ran on
 * @param poseScore      the model's pose presence in [0, 1]
 * @param landmarks      the 33 landmarks in {@link BodyLandmark} order, image pixels
 * @param alignmentCentre auxiliary landmark 33 (hip centre), image pixels
 * @param alignmentScale  auxiliary landmark 34 (body scale/rotation point), image pixels
 */
public record LandmarkerResult(PoseRoi roi, double poseScore, List<LandmarkPoint> landmarks,
                               ImagePoint alignmentCentre, ImagePoint alignmentScale) {

    public LandmarkerResult {
        if (landmarks.size() != BodyLandmark.COUNT) {
            throw new IllegalArgumentException("expected " + BodyLandmark.COUNT + " landmarks, was " + landmarks.size());
        }
        landmarks = List.copyOf(landmarks);
    }

    /** The region for the next frame, from the auxiliary landmarks (MediaPipe's pose_landmarks_to_roi). */
    public PoseRoi nextRoi() {
        return PoseRoi.fromAlignmentPoints(alignmentCentre, alignmentScale);
    }

    /** The given landmark. */
    public LandmarkPoint get(BodyLandmark landmark) {
        return landmarks.get(landmark.ordinal());
    }
}
