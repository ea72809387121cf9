package org.gaitlens.motion;

import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.Side;

/**
 * Detects and undoes left/right exchanges of the leg landmarks (hip, knee, ankle, heel, foot index): the
 * classic far-leg swap of 2D pose models in side view.
 *
 * <p>Frames are visited in time order. For frame {@code i} each leg landmark is predicted by constant
 * velocity from the two previous (already corrected) frames, {@code p = 2 q_{i-1} - q_{i-2}} (or
 * {@code q_{i-1}} when {@code q_{i-2}} is missing). With {@code d(a, b)} the image distance,
 * <pre>
 *   C_keep = sum_parts d(L_i, pL) + d(R_i, pR)
 *   C_swap = sum_parts d(L_i, pR) + d(R_i, pL)
 * </pre>
 * summed over the parts present on both sides in frame {@code i} and in the prediction (at least
 * {@code 3}). The frame is swapped back when {@code C_swap < ratio * C_keep} <em>and</em>
 * {@code C_keep - C_swap > marginLegLengths * legLengthPx * parts}: the second condition keeps frames where
 * both legs overlap (mid-swing crossing, collapsed legs) from flipping on noise. A swap that starts in the
 * very first two frames cannot be detected (there is nothing to predict from).
 *
 * <p>Method: continuity-based identity tracking, as in the far/near-leg correction used by 2D markerless
 * gait pipelines (e.g. Stenum J., Rossi C., Roemmich R.T. (2021) Two-dimensional video-based analysis of
 * human gait using pose estimation. PLOS Comput Biol 17:e1008935, doi:10.1371/journal.pcbi.1008935, who
 * corrected swaps by hand-checked continuity); the cost-comparison rule here is gaitlens' own.
 */
public final class LegSwapCorrector {
    static final String[] PARTS = {"HIP", "KNEE", "ANKLE", "HEEL", "FOOT_INDEX"};
    private static final int MIN_PARTS = 3;

    private final double ratio;
    private final double marginLegLengths;

    /**
     * @param ratio            swap when the swapped cost is below this fraction of the kept cost, in (0, 1)
     * @param marginLegLengths minimum cost saving per part, in leg lengths, {@code >= 0}
     */
    public LegSwapCorrector(double ratio, double marginLegLengths) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("ratio must be in (0, 1), was " + ratio);
        }
        if (!(marginLegLengths >= 0)) {
            throw new IllegalArgumentException("marginLegLengths must be >= 0, was " + marginLegLengths);
        }
        this.ratio = ratio;
        this.marginLegLengths = marginLegLengths;
    }

    /**
     * Corrects swaps in place.
     *
     * @param series      the series whose leg tracks are modified
     * @param legLengthPx typical leg length in pixels (hip-knee plus knee-ankle), {@code > 0}
     * @return the frames that were swapped back, in order
     */
    public List<Integer> correct(LandmarkSeries series, double legLengthPx) {
        if (!(legLengthPx > 0)) {
            throw new IllegalArgumentException("legLengthPx must be > 0, was " + legLengthPx);
        }
        List<LandmarkTrack[]> pairs = new ArrayList<>();
        for (String part : PARTS) {
            BodyLandmark l = BodyLandmark.of(Side.LEFT, part);
            BodyLandmark r = BodyLandmark.of(Side.RIGHT, part);
            if (series.has(l) && series.has(r)) {
                pairs.add(new LandmarkTrack[] {series.track(l), series.track(r)});
            }
        }
        List<Integer> swapped = new ArrayList<>();
        int n = series.size();
        for (int i = 2; i < n; i++) {
            double keep = 0;
            double swap = 0;
            int used = 0;
            for (LandmarkTrack[] p : pairs) {
                LandmarkTrack a = p[0];
                LandmarkTrack b = p[1];
                if (!a.has(i) || !b.has(i) || !a.has(i - 1) || !b.has(i - 1)) {
                    continue;
                }
                double pax = predict(a.x(), i);
                double pay = predict(a.y(), i);
                double pbx = predict(b.x(), i);
                double pby = predict(b.y(), i);
                keep += Math.hypot(a.x()[i] - pax, a.y()[i] - pay) + Math.hypot(b.x()[i] - pbx, b.y()[i] - pby);
                swap += Math.hypot(a.x()[i] - pbx, a.y()[i] - pby) + Math.hypot(b.x()[i] - pax, b.y()[i] - pay);
                used++;
            }
            if (used < MIN_PARTS) {
                continue;
            }
            if (swap < ratio * keep && keep - swap > marginLegLengths * legLengthPx * used) {
                for (LandmarkTrack[] p : pairs) {
                    swapSample(p[0], p[1], i);
                }
                swapped.add(i);
            }
        }
        return swapped;
    }

    private static double predict(double[] v, int i) {
        if (i >= 2 && !Double.isNaN(v[i - 2])) {
            return 2 * v[i - 1] - v[i - 2];
        }
        return v[i - 1];
    }

    private static void swapSample(LandmarkTrack a, LandmarkTrack b, int i) {
        double t = a.x()[i];
        a.x()[i] = b.x()[i];
        b.x()[i] = t;
        t = a.y()[i];
        a.y()[i] = b.y()[i];
        b.y()[i] = t;
        t = a.confidence()[i];
        a.confidence()[i] = b.confidence()[i];
        b.confidence()[i] = t;
    }
}
