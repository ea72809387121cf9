package org.gaitlens.motion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw landmark trajectories into {@link CleanMotion}. Steps, in order (each documented in its class):
 * <ol>
 * <li>{@link LegSwapCorrector}: left/right leg exchanges undone (before any smoothing, which would blur a swap
 *     into both legs, and before masking, which would remove the far leg's evidence);</li>
 * <li>{@link ConfidenceMask}: low-confidence samples become missing;</li>
 * <li>{@link UniformResampler}: variable frame rate put on a uniform grid;</li>
 * <li>{@link HampelFilter} on x and y: outliers rejected (both coordinates of the sample);</li>
 * <li>{@link GapFiller}: short gaps (incl. rejected outliers) interpolated;</li>
 * <li>{@link ButterworthLowPass}: zero-lag low-pass per unbroken stretch;</li>
 * <li>{@link ScaleEstimator}: px-to-m scale;</li>
 * <li>{@link WalkingPassSegmenter}: passes and view problems;</li>
 * <li>{@link SkeletalModel} (when {@link CleaningSettings#skeletalModel()}): the leg landmarks inside each pass
 *     replaced by those of a fitted and smoothed body, from the landmarks as they were before gap filling and
 *     filtering (a note in the log says so);</li>
 * <li>direction normalisation ({@link CleanMotion#anterior()}; {@link CleanMotion#facingForward()} for
 *     angles).</li>
 * </ol>
 * The input is never modified.
 */
public final class MotionCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(MotionCleaner.class);

    private final CleaningSettings settings;

    /** @param settings parameters; {@code null} means {@link CleaningSettings#defaults()} */
    public MotionCleaner(CleaningSettings settings) {
        this.settings = settings == null ? CleaningSettings.defaults() : settings;
    }

    /**
     * Cleans a series.
     *
     * @throws IllegalArgumentException if the series has fewer than 3 samples or lacks hips
     */
    public CleanMotion clean(LandmarkSeries input) {
        if (input.size() < 3) {
            throw new IllegalArgumentException("need at least 3 samples, have " + input.size());
        }
        if (!input.has(BodyLandmark.LEFT_HIP) || !input.has(BodyLandmark.RIGHT_HIP)) {
            throw new IllegalArgumentException("series has no hips (source: " + input.source() + ")");
        }
        List<String> notes = new ArrayList<>();
        LandmarkSeries s = BodyPoints.copy(input);
        // swaps first: the far leg's low-visibility points still carry the continuity that identifies the
        // legs (median error 3-4 px on the rendered samples, visibility ~0.6), so they are used here and only
        // masked afterwards (their confidence travels with them)
        List<Integer> swaps = List.of();
        double rawLeg = BodyPoints.legLengthPx(s);
        if (settings.correctLegSwaps() && rawLeg > 0) {
            swaps = new LegSwapCorrector(settings.legSwapCapLegLengths(), settings.legSwapPriorLegLengths())
                    .correct(s, rawLeg);
            if (!swaps.isEmpty()) {
                notes.add("left/right leg landmarks swapped back in " + swaps.size() + " frames");
            }
        }
        ConfidenceMask mask = new ConfidenceMask(settings.minConfidence());
        int masked = 0;
        for (LandmarkTrack tr : s.tracks().values()) {
            masked += mask.apply(tr);
        }
        // a point outside the image was not seen: the pose model extrapolated it (e.g. the far foot of a walker
        // entering the frame), often with high visibility; events timed on it would be guesses
        int outside = 0;
        Map<BodyLandmark, boolean[]> unseen = new EnumMap<>(BodyLandmark.class);
        for (Map.Entry<BodyLandmark, LandmarkTrack> e : s.tracks().entrySet()) {
            boolean[] out = outsideImage(e.getValue(), s.imageWidthPx(), s.imageHeightPx());
            int k = mask(e.getValue(), out);
            if (k > 0) {
                unseen.put(e.getKey(), out);
                outside += k;
            }
        }
        if (outside > 0) {
            notes.add(outside + " landmark samples lay outside the image (body parts out of view, whose position the"
                    + " pose model only guessed) and were treated as missing");
        }
        UniformResampler resampler = new UniformResampler(settings.resampleTolerance());
        boolean resampled = !resampler.isUniform(s.timeS());
        if (resampled) {
            double[] before = s.timeS();
            s = resampler.resample(s);
            double[] after = s.timeS();
            unseen.replaceAll((lm, flags) -> onNewGrid(flags, before, after));
            notes.add(String.format(Locale.ROOT, "non-uniform timestamps: resampled %d samples to %d on a %.3f Hz grid",
                    input.size(), s.size(), 1 / UniformResampler.medianStepS(s.timeS())));
        }
        double fs = 1.0 / UniformResampler.medianStepS(s.timeS());
        double leg = BodyPoints.legLengthPx(s);

        HampelFilter hampel = new HampelFilter(settings.hampelWindowS(), settings.hampelSigmas(),
                leg > 0 ? settings.hampelMinSigmaLegLengths() * leg : 0, true);
        GapFiller filler = new GapFiller(settings.maxGapS());
        ButterworthLowPass lowPass = new ButterworthLowPass(settings.cutoffHz(), settings.filterOrder());
        int outliers = 0;
        int filled = 0;
        int unfilled = 0;
        int unfiltered = 0;
        double[] t = s.timeS();
        // the leg landmarks as measured (outliers out, nothing filled or filtered), for the skeletal model
        Map<BodyLandmark, LandmarkTrack> measured = new EnumMap<>(BodyLandmark.class);
        for (Map.Entry<BodyLandmark, LandmarkTrack> e : s.tracks().entrySet()) {
            LandmarkTrack tr = e.getValue();
            int[] ox = hampel.apply(t, tr.x());
            int[] oy = hampel.apply(t, tr.y());
            for (int i : ox) {
                tr.y()[i] = Double.NaN;
            }
            for (int i : oy) {
                tr.x()[i] = Double.NaN;
            }
            outliers += countUnion(ox, oy);
            if (settings.skeletalModel() && e.getKey().part().filter(BodyPart.LEG::contains).isPresent()) {
                measured.put(e.getKey(), new LandmarkTrack(tr.x().clone(), tr.y().clone(), tr.confidence().clone()));
            }
            boolean[] out = unseen.get(e.getKey());
            boolean[] gapsWithUnseen = out == null ? null : gapsContaining(tr, out);
            GapFiller.Result rx = filler.fill(t, tr.x());
            filler.fill(t, tr.y());
            filled += rx.filledSamples();
            unfilled += rx.unfilledSamples();
            if (gapsWithUnseen != null) {
                // a gap with a part out of view is not interpolated: where it comes back into the image says
                // little about where it was (a walker leaving the frame, or the model's guess as it re-enters)
                int back = mask(tr, gapsWithUnseen);
                filled -= back;
                unfilled += back;
            }
            unfiltered += lowPass.filter(tr.x(), fs);
            lowPass.filter(tr.y(), fs);
        }
        Scale scale = new ScaleEstimator().estimate(s, settings.heightCm());
        WalkingPassSegmenter segmenter = new WalkingPassSegmenter(settings.minSpeedLegPerS(), settings.steadyFraction(),
                settings.minPassDurationS(), settings.velocitySmoothingS(), settings.viewChangeRatio());
        WalkingPassSegmenter.Result seg = settings.treadmill() ? segmenter.treadmill(s) : segmenter.segment(s, leg);
        if (seg.passes().isEmpty()) {
            notes.add("no walking pass found (walker not moving sideways for " + settings.minPassDurationS() + " s)");
        }
        seg.viewProblems().forEach(p -> notes.add(p.description()));
        if (settings.skeletalModel()) {
            LandmarkSeries legs = new LandmarkSeries(s.timeS(), measured, s.imageWidthPx(), s.imageHeightPx(),
                    s.pixelsPerMetre(), s.source());
            List<SkeletalModel.Fitted> fitted = new SkeletalModel(settings.skeletonCutoffHz()).apply(legs, s,
                    seg.passes());
            if (!fitted.isEmpty()) {
                notes.add(String.format(Locale.ROOT, "leg landmarks inside the walking passes from the skeletal model "
                        + "(%d legs fitted; %d landmark samples far from the fitted body left out)", fitted.size(),
                        fitted.stream().mapToInt(SkeletalModel.Fitted::dropped).sum()));
            }
        }
        LandmarkSeries anterior = CleanMotion.normalise(s, seg.passes(), WalkingPass::direction,
                " (direction-normalised)");
        CleaningLog log = new CleaningLog(masked, outside, resampled, fs, swaps, outliers, filled, unfilled, unfiltered, notes);
        LOG.debug("cleaned {}: {} passes, scale {}, {}", input.source(), seg.passes().size(), scale.source(), log);
        return new CleanMotion(s, anterior, input.timeS().clone(), fs, seg.passes(), seg.viewProblems(), scale, log);
    }

    /**
     * Which samples lie outside {@code [0, width) x [0, height)}; none when the image size is unknown
     * ({@code <= 0}).
     */
    static boolean[] outsideImage(LandmarkTrack tr, int widthPx, int heightPx) {
        boolean[] out = new boolean[tr.size()];
        if (widthPx <= 0 || heightPx <= 0) {
            return out;
        }
        for (int i = 0; i < tr.size(); i++) {
            double x = tr.x()[i];
            double y = tr.y()[i];
            out[i] = tr.has(i) && (x < 0 || x >= widthPx || y < 0 || y >= heightPx);
        }
        return out;
    }

    /**
     * Flags carried from one time grid to another: a new sample is flagged when either old sample around it is
     * (the resampler's interpolation uses both), or, outside the old grid, the nearest one.
     */
    static boolean[] onNewGrid(boolean[] flags, double[] fromT, double[] toT) {
        boolean[] out = new boolean[toT.length];
        int j = 0;
        for (int i = 0; i < toT.length; i++) {
            while (j + 1 < fromT.length && fromT[j + 1] <= toT[i]) {
                j++;
            }
            boolean between = toT[i] > fromT[j] && j + 1 < fromT.length;
            out[i] = flags[j] || (between && flags[j + 1]);
        }
        return out;
    }

    /**
     * The missing samples of {@code tr} that lie in a run of missing samples containing a flagged one (the
     * gaps that include an out-of-view stretch, with any low-confidence or outlier samples beside it).
     */
    private static boolean[] gapsContaining(LandmarkTrack tr, boolean[] flagged) {
        int n = tr.size();
        boolean[] out = new boolean[n];
        int i = 0;
        while (i < n) {
            if (tr.has(i)) {
                i++;
                continue;
            }
            int end = i;
            boolean any = false;
            while (end < n && !tr.has(end)) {
                any |= flagged[end];
                end++;
            }
            if (any) {
                java.util.Arrays.fill(out, i, end, true);
            }
            i = end;
        }
        return out;
    }

    /** Sets the flagged samples that have a value to missing; returns how many. */
    private static int mask(LandmarkTrack tr, boolean[] flagged) {
        int n = 0;
        for (int i = 0; i < flagged.length; i++) {
            if (flagged[i] && tr.has(i)) {
                tr.x()[i] = Double.NaN;
                tr.y()[i] = Double.NaN;
                n++;
            }
        }
        return n;
    }

    private static int countUnion(int[] a, int[] b) {
        java.util.Set<Integer> u = new java.util.HashSet<>();
        for (int i : a) {
            u.add(i);
        }
        for (int i : b) {
            u.add(i);
        }
        return u.size();
    }
}
