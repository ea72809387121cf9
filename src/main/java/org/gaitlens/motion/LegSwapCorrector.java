package org.gaitlens.motion;

import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/**
 * Detects and undoes left/right exchanges of the leg landmarks (hip, knee, ankle, heel, foot index): the
 * classic far-leg swap of 2D pose models in side view.
 *
 * <p>Every frame {@code i} has a hidden label state {@code s_i} (0: the model's left/right labels are right,
 * 1: they are exchanged). The most likely state sequence is found by dynamic programming (Viterbi) over the
 * whole series, minimising
 * <pre>
 *   sum_i [ sum_{parts, sides} min(min_k |q_i - p_k|, cap) + prior * s_i ]
 * </pre>
 * where {@code q_j} is a landmark's position in frame {@code j} after applying the label state {@code s_j}
 * and the {@code p_k} are three constant-velocity predictions of {@code q_i}, each from two of the three
 * preceding frames: {@code 2 q_{i-1} - q_{i-2}}, {@code q_{i-1} + (q_{i-1} - q_{i-3}) / 2} and
 * {@code 3 q_{i-2} - 2 q_{i-3}}. The residual is the best of them, truncated at {@code cap}, plus a constant
 * cost {@code prior} for each frame whose labels are declared exchanged. A prediction is used only when both
 * sides of the part are present in the frames it needs, and a part enters frame {@code i} only when both
 * sides are present there and have a prediction. The chain's state is the labels of frames {@code i-2 .. i} (8
 * states), and each step looks back to frame {@code i-3}; frame 2 is scored with the one prediction it has
 * (from frames 0 and 1).
 *
 * <p>Why a global optimum rather than a frame-by-frame decision: the continuity cost is symmetric under
 * exchanging a whole run of frames, so the evidence for a swap lies only at its start and end, and those are
 * often frames where the pose model collapses both legs onto one line (the legs' points meet half way). A
 * greedy rule predicts from such a frame and then keeps the wrong labels for many frames (measured on the
 * rendered samples: runs of 7-30 wrongly exchanged frames). The truncation ({@code cap}) limits what one such
 * garbage frame can cost under either labelling, and the small per-frame {@code prior} (the model's labels
 * are right most of the time) breaks the tie for runs bounded by leg crossings, where exchanging labels is
 * nearly free.
 *
 * <p>Why three predictions: with the single prediction from the two previous frames, one garbage frame
 * spoils the residuals of itself and the next two frames under either labelling, so a label change hidden
 * behind it costs nothing more than keeping the labels: the chain could hand the stance foot's identity to
 * the swing foot there for free. On a real clip (validation video {@code sports2d_demo4_sagittal_indoor}, the
 * walker entering the frame with the far leg cut off, where the model exchanged the legs in 11 of 50 frames
 * interleaved with collapsed frames) the old chain labelled the two legs the wrong way round in 17 frames; a
 * prediction that skips one frame keeps the identity across a single garbage frame. Labels compared with the
 * truth frame by frame (docs/accuracy.md, "Leg swaps"; frames where the truth leaves no doubt): indoor clip 17
 * -> 1 wrong, nine rendered samples 18 -> 13 wrong of 2006, with {@code cap} 0.1 and {@code prior} 0.03 leg
 * lengths; over cap 0.1-0.15 and prior 0.03-0.05 the counts stay within 12-14 and 1-3.
 *
 * <p>Method: continuity-based identity tracking (as the far/near-leg correction used by 2D markerless gait
 * pipelines, e.g. Stenum J., Rossi C., Roemmich R.T. (2021) PLOS Comput Biol 17:e1008935,
 * doi:10.1371/journal.pcbi.1008935, who corrected swaps by hand-checked continuity), solved as a hidden
 * Markov model with the Viterbi algorithm (Viterbi A.J. (1967) IEEE Trans Inf Theory 13:260-269) and a
 * truncated (outlier-robust) residual; the cost terms are gaitlens' own.
 */
public final class LegSwapCorrector {
    static final List<BodyPart> PARTS = BodyPart.LEG;
    /** Frames in the state: labels of frames i-2, i-1 and i (bits 2, 1, 0). */
    private static final int STATES = 8;

    private final double capLegLengths;
    private final double priorLegLengths;

    /**
     * @param capLegLengths   truncation of one point's prediction residual, leg lengths, {@code > 0}
     * @param priorLegLengths cost of declaring one frame's labels exchanged, leg lengths, {@code > 0}
     */
    public LegSwapCorrector(double capLegLengths, double priorLegLengths) {
        if (!(capLegLengths > 0)) {
            throw new IllegalArgumentException("capLegLengths must be > 0, was " + capLegLengths);
        }
        if (!(priorLegLengths > 0)) {
            throw new IllegalArgumentException("priorLegLengths must be > 0, was " + priorLegLengths);
        }
        this.capLegLengths = capLegLengths;
        this.priorLegLengths = priorLegLengths;
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
        for (BodyPart part : PARTS) {
            BodyLandmark l = BodyLandmark.of(Side.LEFT, part);
            BodyLandmark r = BodyLandmark.of(Side.RIGHT, part);
            if (series.has(l) && series.has(r)) {
                pairs.add(new LandmarkTrack[] {series.track(l), series.track(r)});
            }
        }
        int n = series.size();
        List<Integer> swapped = new ArrayList<>();
        if (n < 4 || pairs.isEmpty()) {
            return swapped;
        }
        double cap = capLegLengths * legLengthPx;
        double prior = priorLegLengths * legLengthPx;
        // cost[k]: best cost of frames 0..i with (s_{i-2}, s_{i-1}, s_i) = bits of k; back[i][k]: best s_{i-3}
        double[] cost = new double[STATES];
        for (int k = 0; k < STATES; k++) {
            cost[k] = prior * Integer.bitCount(k) + residual(pairs, 2, 0, k >> 2, (k >> 1) & 1, k & 1, cap);
        }
        byte[][] back = new byte[n][STATES];
        for (int i = 3; i < n; i++) {
            double[] next = new double[STATES];
            for (int k = 0; k < STATES; k++) {
                int z = k >> 2;
                int a = (k >> 1) & 1;
                int b = k & 1;
                double best = Double.POSITIVE_INFINITY;
                int arg = 0;
                for (int y = 0; y < 2; y++) {
                    double c = cost[(y << 2) | (z << 1) | a] + residual(pairs, i, y, z, a, b, cap);
                    if (c < best) {
                        best = c;
                        arg = y;
                    }
                }
                next[k] = best + prior * b;
                back[i][k] = (byte) arg;
            }
            cost = next;
        }
        int bestK = 0;
        for (int k = 1; k < STATES; k++) {
            if (cost[k] < cost[bestK]) {
                bestK = k;
            }
        }
        int[] s = new int[n];
        s[n - 3] = bestK >> 2;
        s[n - 2] = (bestK >> 1) & 1;
        s[n - 1] = bestK & 1;
        for (int i = n - 1; i >= 3; i--) {
            s[i - 3] = back[i][(s[i - 2] << 2) | (s[i - 1] << 1) | s[i]];
        }
        for (int i = 0; i < n; i++) {
            if (s[i] == 1) {
                for (LandmarkTrack[] p : pairs) {
                    swapSample(p[0], p[1], i);
                }
                swapped.add(i);
            }
        }
        return swapped;
    }

    /**
     * Truncated residual of frame {@code i >= 2} under label states y (i-3, unused for i = 2), z (i-2), a (i-1),
     * b (i): per part and side the smallest distance to the available constant-velocity predictions.
     */
    private static double residual(List<LandmarkTrack[]> pairs, int i, int y, int z, int a, int b, double cap) {
        double c = 0;
        for (LandmarkTrack[] p : pairs) {
            if (!both(p, i)) {
                continue;
            }
            boolean h1 = both(p, i - 1);
            boolean h2 = both(p, i - 2);
            boolean h3 = i >= 3 && both(p, i - 3);
            if (!(h1 && h2) && !(h1 && h3) && !(h2 && h3)) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                LandmarkTrack q0 = p[side ^ b];
                LandmarkTrack q1 = p[side ^ a];
                LandmarkTrack q2 = p[side ^ z];
                LandmarkTrack q3 = p[side ^ y];
                double x0 = q0.x()[i];
                double y0 = q0.y()[i];
                double r = Double.POSITIVE_INFINITY;
                if (h1 && h2) {
                    r = Math.min(r, Math.hypot(x0 - (2 * q1.x()[i - 1] - q2.x()[i - 2]),
                            y0 - (2 * q1.y()[i - 1] - q2.y()[i - 2])));
                }
                if (h1 && h3) {
                    r = Math.min(r, Math.hypot(x0 - (1.5 * q1.x()[i - 1] - 0.5 * q3.x()[i - 3]),
                            y0 - (1.5 * q1.y()[i - 1] - 0.5 * q3.y()[i - 3])));
                }
                if (h2 && h3) {
                    r = Math.min(r, Math.hypot(x0 - (3 * q2.x()[i - 2] - 2 * q3.x()[i - 3]),
                            y0 - (3 * q2.y()[i - 2] - 2 * q3.y()[i - 3])));
                }
                c += Math.min(r, cap);
            }
        }
        return c;
    }

    private static boolean both(LandmarkTrack[] p, int i) {
        return p[0].has(i) && p[1].has(i);
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
