package org.gaitlens.motion.mocap;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;

/**
 * Test support: degrades a clean landmark series (for example motion capture through a {@link VirtualCamera})
 * the way a single-camera pose model does, reproducibly from a seed.
 *
 * <p>Per landmark and axis, pixel noise is a first-order autoregressive process
 * {@code e_i = rho e_(i-1) + sqrt(1 - rho^2) sd N(0, 1)} with stationary standard deviation {@code sd}
 * ({@code jointSdPx}, or {@code footSdPx} for heels and foot tips, which pose models place worst);
 * {@code rho = correlation} models that tracking errors persist over frames ({@code 0} = white noise).
 * Independently per landmark, three kinds of episodes start as Poisson processes (rate per second) and
 * last an exponentially distributed time (at least one sample):
 * <ul>
 *   <li><b>dropout</b>: position NaN, confidence 0;</li>
 *   <li><b>low confidence</b>: confidence {@code lowConfidence}, noise SD multiplied by
 *       {@code lowConfidenceSdFactor};</li>
 *   <li><b>leg swap</b> (per leg pair, not per landmark): the left and right knee, ankle, heel and foot
 *       tip exchange places, the near/far confusion of side views.</li>
 * </ul>
 * Figures for BlazePose on rendered side-view walkers 5 m away (about 6 mm per px, see {@code docs/mocap.md},
 * "Pose model error on rendered walkers"): median error hip 3-6 px, knee 4-5.5 px, ankle 3.5-5.4 px, heel 7-9 px; near/far leg swaps
 * in 2-5 of 120 frames with the heavy model. {@link #typical()} follows them.
 *
 * @param jointSdPx             noise SD of hip, knee, ankle, shoulder and other landmarks, px
 * @param footSdPx              noise SD of heels and foot tips, px
 * @param correlation           AR(1) coefficient of the noise between consecutive samples, in [0, 1)
 * @param dropoutRatePerS       dropouts started per landmark per second
 * @param dropoutMeanS          mean dropout duration, s
 * @param lowConfidenceRatePerS low-confidence episodes per landmark per second
 * @param lowConfidenceMeanS    mean low-confidence duration, s
 * @param lowConfidence         confidence during such an episode, in [0, 1]
 * @param lowConfidenceSdFactor noise SD multiplier during such an episode, &ge; 1
 * @param swapRatePerS          leg swaps started per second
 * @param swapMeanS             mean leg-swap duration, s
 */
public record PoseLikeNoise(
        double jointSdPx,
        double footSdPx,
        double correlation,
        double dropoutRatePerS,
        double dropoutMeanS,
        double lowConfidenceRatePerS,
        double lowConfidenceMeanS,
        double lowConfidence,
        double lowConfidenceSdFactor,
        double swapRatePerS,
        double swapMeanS) {

    private static final List<BodyPart> LEG_PARTS = List.of(BodyPart.KNEE, BodyPart.ANKLE, BodyPart.HEEL, BodyPart.FOOT_INDEX);

    public PoseLikeNoise {
        nonNegative("jointSdPx", jointSdPx);
        nonNegative("footSdPx", footSdPx);
        if (!(correlation >= 0 && correlation < 1)) {
            throw new IllegalArgumentException("correlation must be in [0, 1), was " + correlation);
        }
        nonNegative("dropoutRatePerS", dropoutRatePerS);
        positive("dropoutMeanS", dropoutMeanS);
        nonNegative("lowConfidenceRatePerS", lowConfidenceRatePerS);
        positive("lowConfidenceMeanS", lowConfidenceMeanS);
        if (!(lowConfidence >= 0 && lowConfidence <= 1)) {
            throw new IllegalArgumentException("lowConfidence must be in [0, 1], was " + lowConfidence);
        }
        if (!(lowConfidenceSdFactor >= 1)) {
            throw new IllegalArgumentException("lowConfidenceSdFactor must be >= 1, was " + lowConfidenceSdFactor);
        }
        nonNegative("swapRatePerS", swapRatePerS);
        positive("swapMeanS", swapMeanS);
    }

    /**
     * BlazePose-heavy-like errors for a walker about 300-450 px tall: joints 4 px, feet 7 px, correlation
     * 0.6; a dropout every 10 s per landmark lasting 0.1 s on average; low confidence (0.3, noise x2.5)
     * every 5 s for 0.2 s; a leg swap every 10 s for 0.07 s (about 3 in 120 frames at 30 fps).
     */
    public static PoseLikeNoise typical() {
        return new PoseLikeNoise(4.0, 7.0, 0.6, 0.1, 0.1, 0.2, 0.2, 0.3, 2.5, 0.1, 0.07);
    }

    /** Gaussian white pixel noise only: no dropouts, no low confidence, no swaps. */
    public static PoseLikeNoise jitterOnly(double jointSdPx, double footSdPx) {
        return new PoseLikeNoise(jointSdPx, footSdPx, 0.0, 0.0, 0.1, 0.0, 0.1, 1.0, 1.0, 0.0, 0.1);
    }

    /**
     * Applies the noise. The same series, parameters and seed always give the same result.
     *
     * @param series clean input (not modified)
     * @param seed   random seed
     */
    public LandmarkSeries apply(LandmarkSeries series, long seed) {
        Random rnd = new Random(seed);
        int n = series.size();
        double dtS = n > 1 ? (series.timeS()[n - 1] - series.timeS()[0]) / (n - 1) : 1.0;
        boolean[] swapped = episodes(rnd, n, dtS, swapRatePerS, swapMeanS);
        Map<BodyLandmark, LandmarkTrack> in = series.tracks();
        Map<BodyLandmark, LandmarkTrack> out = new EnumMap<>(BodyLandmark.class);
        for (Map.Entry<BodyLandmark, LandmarkTrack> e : in.entrySet()) {
            BodyLandmark lm = e.getKey();
            LandmarkTrack src = e.getValue();
            BodyLandmark partner = swapPartner(lm);
            LandmarkTrack other = partner != null ? in.get(partner) : null;
            double sd = isFoot(lm) ? footSdPx : jointSdPx;
            boolean[] dropout = episodes(rnd, n, dtS, dropoutRatePerS, dropoutMeanS);
            boolean[] low = episodes(rnd, n, dtS, lowConfidenceRatePerS, lowConfidenceMeanS);
            double[] x = new double[n];
            double[] y = new double[n];
            double[] c = new double[n];
            double ex = 0;
            double ey = 0;
            double innovation = Math.sqrt(1 - correlation * correlation);
            for (int i = 0; i < n; i++) {
                double g1 = rnd.nextGaussian();
                double g2 = rnd.nextGaussian();
                ex = i == 0 ? g1 : correlation * ex + innovation * g1;
                ey = i == 0 ? g2 : correlation * ey + innovation * g2;
                LandmarkTrack t = swapped[i] && other != null ? other : src;
                double factor = low[i] ? lowConfidenceSdFactor : 1.0;
                if (dropout[i] || !t.has(i)) {
                    x[i] = Double.NaN;
                    y[i] = Double.NaN;
                    c[i] = 0.0;
                } else {
                    x[i] = t.x()[i] + ex * sd * factor;
                    y[i] = t.y()[i] + ey * sd * factor;
                    c[i] = low[i] ? Math.min(lowConfidence, t.confidence()[i]) : t.confidence()[i];
                }
            }
            out.put(lm, new LandmarkTrack(x, y, c));
        }
        return new LandmarkSeries(series.timeS().clone(), out, series.imageWidthPx(), series.imageHeightPx(),
                series.pixelsPerMetre(), series.source() + ", " + this + " seed " + seed);
    }

    private static boolean isFoot(BodyLandmark lm) {
        return lm.part().filter(p -> p == BodyPart.HEEL || p == BodyPart.FOOT_INDEX).isPresent();
    }

    private static BodyLandmark swapPartner(BodyLandmark lm) {
        for (BodyPart part : LEG_PARTS) {
            for (Side s : Side.values()) {
                if (lm == BodyLandmark.of(s, part)) {
                    return lm.mirror();
                }
            }
        }
        return null;
    }

    /** Marks samples inside episodes that start at {@code ratePerS} and last Exp(meanS), >= 1 sample. */
    private static boolean[] episodes(Random rnd, int n, double dtS, double ratePerS, double meanS) {
        boolean[] on = new boolean[n];
        double pStart = 1 - Math.exp(-ratePerS * dtS);
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < pStart) {
                double durationS = -meanS * Math.log(1 - rnd.nextDouble());
                int len = Math.max(1, (int) Math.round(durationS / dtS));
                for (int k = i; k < Math.min(n, i + len); k++) {
                    on[k] = true;
                }
            }
        }
        return on;
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + v);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
    }
}
