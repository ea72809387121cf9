package org.gaitlens.motion;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gaitlens.core.BodyLandmark;

/**
 * Cleaned motion ready for gait analysis.
 *
 * <p>{@link #anterior()} is the cleaned series with x flipped per pass so that walking goes toward +x
 * ({@code x' = imageWidthPx - x} in passes walked toward -x) and every sample outside a pass set to
 * {@code NaN}: the direction of <em>travel</em> (progression) is +x everywhere, y still points down, and no
 * computation can run across a turn. Gait events and lengths use it. For ordinary forward walking travel and
 * anatomical anterior coincide; in a pass walked backwards ({@link WalkingPass#backward()}) they are opposite,
 * so joint angles use {@link #facingForward()}, flipped by the side the walker faces instead (see
 * {@code docs/passes.md}). Anatomical sides are never changed by either flip.
 *
 * @param cleaned      masked, resampled, swap-corrected, outlier-free, gap-filled, filtered image coordinates
 * @param anterior     travel-direction-normalised pass data, see above
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

    /**
     * The pass data flipped per pass so that the side the walker <em>faces</em> is +x (anatomical anterior),
     * NaN outside passes; equals {@link #anterior()} when no pass is walked backwards.
     */
    public LandmarkSeries facingForward() {
        if (passes.stream().noneMatch(WalkingPass::backward)) {
            return anterior;
        }
        return normalise(cleaned, passes, WalkingPass::facing, " (facing-normalised)");
    }

    /**
     * {@code s} with x mirrored ({@code imageWidthPx - x}) in each pass whose {@code way} is
     * {@link WalkingDirection#NEGATIVE_X}, and NaN outside passes.
     */
    static LandmarkSeries normalise(LandmarkSeries s, List<WalkingPass> passes,
            Function<WalkingPass, WalkingDirection> way, String suffix) {
        int n = s.size();
        double w = s.imageWidthPx();
        EnumMap<BodyLandmark, LandmarkTrack> out = new EnumMap<>(BodyLandmark.class);
        s.tracks().forEach((lm, tr) -> {
            double[] x = new double[n];
            double[] y = new double[n];
            double[] c = new double[n];
            Arrays.fill(x, Double.NaN);
            Arrays.fill(y, Double.NaN);
            for (WalkingPass p : passes) {
                boolean flip = way.apply(p) == WalkingDirection.NEGATIVE_X;
                for (int i = p.startFrame(); i < p.endFrameExclusive(); i++) {
                    x[i] = flip ? w - tr.x()[i] : tr.x()[i];
                    y[i] = tr.y()[i];
                    c[i] = tr.confidence()[i];
                }
            }
            out.put(lm, new LandmarkTrack(x, y, c));
        });
        return new LandmarkSeries(s.timeS(), out, s.imageWidthPx(), s.imageHeightPx(), s.pixelsPerMetre(),
                s.source() + suffix);
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
