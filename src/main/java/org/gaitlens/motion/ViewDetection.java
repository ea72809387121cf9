package org.gaitlens.motion;

/**
 * Result of {@link ViewDetector}: the view and the evidence, for reports ("view detected automatically").
 *
 * @param kind                   detected view
 * @param hipWidthLegLengths     median image distance between the two hips / leg length (side ~0-0.08,
 *                               frontal ~0.15-0.25)
 * @param travelLegLengths       horizontal mid-hip travel from start to end of the recording / leg length
 * @param sizeChangeRatio        body size (mid-shoulder or mid-hip to mid-ankle height) at the end / at the
 *                               start; > 1 approaching the camera, < 1 receding
 * @param rightToImagePlusX      median sign of {@code x(right hip) - x(left hip)}: +1 when the patient's
 *                               right appears toward +x (seen from behind), -1 when facing the camera
 * @param description            one sentence for reports
 */
public record ViewDetection(ViewKind kind, double hipWidthLegLengths, double travelLegLengths, double sizeChangeRatio,
        int rightToImagePlusX, String description) {
    public ViewDetection {
        if (kind == null || description == null) {
            throw new IllegalArgumentException("kind and description are required");
        }
    }
}
