package org.gaitlens.motion;

import java.util.List;

/**
 * What {@link MotionCleaner} changed. Sample counts are summed over landmarks (one sample = one landmark in
 * one frame).
 *
 * @param lowConfidenceSamples   samples masked for low confidence
 * @param outsideImageSamples    samples masked because they lie outside the image (a pose model's guess for a
 *                               body part the camera did not see)
 * @param resampled              whether the input was put on a uniform grid (non-uniform timestamps)
 * @param frameRateHz            rate of the cleaned series, Hz
 * @param legSwapFrames          frames (cleaned grid) whose left and right leg landmarks were swapped back
 * @param outlierSamples         samples rejected by the Hampel filter
 * @param filledSamples          samples filled by interpolation
 * @param unfilledGapSamples     interior samples left missing (gaps longer than the maximum)
 * @param unfilteredSamples      valid samples in stretches too short to low-pass filter
 * @param notes                  human-readable remarks
 */
public record CleaningLog(int lowConfidenceSamples, int outsideImageSamples, boolean resampled, double frameRateHz, List<Integer> legSwapFrames,
        int outlierSamples, int filledSamples, int unfilledGapSamples, int unfilteredSamples, List<String> notes) {
    public CleaningLog {
        legSwapFrames = List.copyOf(legSwapFrames);
        notes = List.copyOf(notes);
    }
}
