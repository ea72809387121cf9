package org.gaitlens.pose;

import java.util.List;

/**
 * One person found by the BlazePose detector (Bazarevsky et al. 2020, arXiv:2006.10204), in image pixels
 * of the frame the detector ran on.
 *
 * <p>The box is the detector's box, which for this model encloses the <em>face</em>; the body is given
 * by the keypoints: 0 = mid-hip centre, 1 = a point that encodes body size and rotation (about the top of
 * the head, on the hip-to-head axis), 2 = mid-shoulder centre, 3 = the upper-body size/rotation point.
 *
 * @param score     detection confidence in [0, 1] (sigmoid of the model's logit)
 * @param xMinPx    box left edge
 * @param yMinPx    box top edge
 * @param xMaxPx    box right edge
 * @param yMaxPx    box bottom edge
 * @param keypoints the four keypoints, in the order above
 */
public record PersonDetection(double score, double xMinPx, double yMinPx, double xMaxPx, double yMaxPx,
                              List<ImagePoint> keypoints) {
    /** Number of keypoints of a detection. */
    public static final int KEYPOINTS = 4;

    public PersonDetection {
        if (keypoints.size() != KEYPOINTS) {
            throw new IllegalArgumentException("a detection has " + KEYPOINTS + " keypoints, was " + keypoints.size());
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        keypoints = List.copyOf(keypoints);
    }

    /** Keypoint 0: the centre between the hips. */
    public ImagePoint hipCentre() {
        return keypoints.get(0);
    }

    /** Keypoint 1: the full-body size and rotation point. */
    public ImagePoint bodyScalePoint() {
        return keypoints.get(1);
    }

    /** Distance from the hip centre to the body-scale point: the body's "radius" in pixels. */
    public double bodyRadiusPx() {
        return hipCentre().distanceTo(bodyScalePoint());
    }

    /** Box area in square pixels. */
    public double boxAreaPx2() {
        return Math.max(0, xMaxPx - xMinPx) * Math.max(0, yMaxPx - yMinPx);
    }

    /** The same detection shifted by (dx, dy) pixels. */
    public PersonDetection translated(double dxPx, double dyPx) {
        return new PersonDetection(score, xMinPx + dxPx, yMinPx + dyPx, xMaxPx + dxPx, yMaxPx + dyPx,
                keypoints.stream().map(k -> new ImagePoint(k.xPx() + dxPx, k.yPx() + dyPx)).toList());
    }
}
