package org.gaitlens.motion;

import java.util.List;
import java.util.Optional;

/**
 * Cleaned motion ready for gait analysis.
 *
 * <p>{@link #anterior()} is the cleaned series with x flipped per pass so that walking goes toward +x
 * ({@code x' = imageWidthPx - x} in passes walked toward -x) and every sample outside a pass set to
 * {@code NaN}: downstream "anterior" is +x everywhere, y still points down, and no computation can run across
 * a turn. Anatomical sides are never changed by the flip.
 *
 * @param cleaned      masked, resampled, swap-corrected, outlier-free, gap-filled, filtered image coordinates
 * @param anterior     direction-normalised pass data, see above
 * @param sourceTimeS  timestamps of the input series (to map results back to video frames)
 * @param frameRateHz  rate of the cleaned grid, Hz
 * @param passes       walking passes
 * @param viewProblems stretches seen as walking along the camera axis
 * @param scale        px-to-m scale and leg length
 * @param log          what was changed
 */
public record CleanMotion(LandmarkSeries cleaned, LandmarkSeries anterior, double[] sourceTimeS, double frameRateHz,
        List<WalkingPass> passes, List<ViewProblem> viewProblems, Scale scale, CleaningLog log) {
    public CleanMotion {
        if (cleaned.size() != anterior.size()) {
            throw new IllegalArgumentException("cleaned and anterior differ in length");
        }
        passes = List.copyOf(passes);
        viewProblems = List.copyOf(viewProblems);
    }

    /** The pass containing cleaned sample {@code frame}. */
    public Optional<WalkingPass> passAt(int frame) {
        return passes.stream().filter(p -> p.contains(frame)).findFirst();
    }

    /** Index of the input sample nearest in time to {@code timeS} (the video frame number for video input). */
    public int sourceFrameIndex(double timeS) {
        int lo = 0;
        int hi = sourceTimeS.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (sourceTimeS[mid] <= timeS) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.abs(sourceTimeS[hi] - timeS) < Math.abs(sourceTimeS[lo] - timeS) ? hi : lo;
    }
}
