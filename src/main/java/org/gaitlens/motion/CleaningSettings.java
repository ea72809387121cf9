package org.gaitlens.motion;

/**
 * Parameters of {@link MotionCleaner}, with units in the names.
 *
 * @param minConfidence          landmark confidence below which a sample is missing, [0, 1]; default 0.5
 * @param resampleTolerance      relative frame-step deviation above which the series is resampled to a
 *                               uniform grid, (0, 1); default 0.02
 * @param correctLegSwaps        whether to run {@link LegSwapCorrector}; default true
 * @param legSwapCapLegLengths   {@link LegSwapCorrector} residual truncation, leg lengths; default 0.1 (a
 *                               little above the Hampel outlier scale below, 3.5 x 0.02 leg lengths; see
 *                               the corrector for the measured range)
 * @param legSwapPriorLegLengths {@link LegSwapCorrector} cost per exchanged frame, leg lengths; default 0.03
 * @param hampelWindowS          Hampel window, s; default 0.2 (shorter than any foot-height peak of walking, so
 *                               a real peak never looks like an outlier against its window)
 * @param hampelSigmas           Hampel threshold, robust SDs; default 3.5
 * @param hampelMinSigmaLegLengths floor of the Hampel robust SD, leg lengths; default 0.02 (~1.7 cm), so a
 *                               sample must be more than 0.07 leg lengths off its local median to be rejected
 * @param maxGapS                longest gap filled, s; default 0.25
 * @param cutoffHz               Butterworth -3 dB cutoff of one pass, Hz; default 6 (Winter, walking)
 * @param filterOrder            order of one Butterworth pass; default 2 (4th order zero-lag)
 * @param minSpeedLegPerS        walking-pass speed threshold, leg lengths/s; default 0.3
 * @param steadyFraction         pass ends trimmed below this fraction of the median speed; default 0.6
 * @param minPassDurationS       shortest walking pass, s; default 1.5
 * @param velocitySmoothingS     moving average of the mid-hip velocity, s; default 0.6
 * @param viewChangeRatio        body-size change factor flagged as walking along the camera axis; default 1.2
 * @param heightCm               patient's standing height in cm for the scale, {@code NaN} when unknown
 * @param treadmill              treadmill walking: the pelvis does not travel, so the whole recording (its
 *                               longest stretch with hips) is one pass and the direction comes from the feet
 *                               ({@link WalkingPassSegmenter#treadmill}); default false
 * @param skeletalModel          replace the leg landmarks inside walking passes (side views) by a fitted and
 *                               smoothed {@link SkeletalModel}; default true (docs/accuracy.md, "Skeletal model")
 * @param skeletonCutoffHz       the skeletal model's smoother cutoff at median landmark uncertainty, Hz; default
 *                               {@value #DEFAULT_SKELETON_CUTOFF_HZ} (chosen on the rendered samples and the
 *                               motion-capture trials under pose-like noise, docs/accuracy.md)
 */
public record CleaningSettings(
        double minConfidence,
        double resampleTolerance,
        boolean correctLegSwaps,
        double legSwapCapLegLengths,
        double legSwapPriorLegLengths,
        double hampelWindowS,
        double hampelSigmas,
        double hampelMinSigmaLegLengths,
        double maxGapS,
        double cutoffHz,
        int filterOrder,
        double minSpeedLegPerS,
        double steadyFraction,
        double minPassDurationS,
        double velocitySmoothingS,
        double viewChangeRatio,
        double heightCm,
        boolean treadmill,
        boolean skeletalModel,
        double skeletonCutoffHz) {

    /** Default cutoff of the skeletal model's smoother, Hz. */
    public static final double DEFAULT_SKELETON_CUTOFF_HZ = 4.0;

    public CleaningSettings {
        // the algorithm constructors check their own ranges; check here what they do not see
        if (!Double.isNaN(heightCm) && !(heightCm > 50 && heightCm < 260)) {
            throw new IllegalArgumentException("heightCm must be in (50, 260) or NaN, was " + heightCm);
        }
        new ConfidenceMask(minConfidence);
        new UniformResampler(resampleTolerance);
        new LegSwapCorrector(legSwapCapLegLengths, legSwapPriorLegLengths);
        new HampelFilter(hampelWindowS, hampelSigmas, hampelMinSigmaLegLengths);
        new GapFiller(maxGapS);
        new ButterworthLowPass(cutoffHz, filterOrder);
        new WalkingPassSegmenter(minSpeedLegPerS, steadyFraction, minPassDurationS, velocitySmoothingS,
                viewChangeRatio);
        new SkeletalModel(skeletonCutoffHz);
    }

    /** The defaults listed above, without patient height. */
    public static CleaningSettings defaults() {
        return new CleaningSettings(0.5, 0.02, true, 0.1, 0.03, 0.2, 3.5, 0.02, 0.25, 6.0, 2, 0.3, 0.6, 1.5, 0.6, 1.2,
                Double.NaN, false, true, DEFAULT_SKELETON_CUTOFF_HZ);
    }

    /** A copy with the patient's height. */
    public CleaningSettings withHeightCm(double cm) {
        return new CleaningSettings(minConfidence, resampleTolerance, correctLegSwaps, legSwapCapLegLengths,
                legSwapPriorLegLengths, hampelWindowS, hampelSigmas, hampelMinSigmaLegLengths, maxGapS, cutoffHz, filterOrder, minSpeedLegPerS,
                steadyFraction, minPassDurationS, velocitySmoothingS, viewChangeRatio, cm, treadmill,
                skeletalModel, skeletonCutoffHz);
    }

    /** A copy for treadmill walking (or not). */
    public CleaningSettings withTreadmill(boolean t) {
        return new CleaningSettings(minConfidence, resampleTolerance, correctLegSwaps, legSwapCapLegLengths,
                legSwapPriorLegLengths, hampelWindowS, hampelSigmas, hampelMinSigmaLegLengths, maxGapS, cutoffHz,
                filterOrder, minSpeedLegPerS, steadyFraction, minPassDurationS, velocitySmoothingS, viewChangeRatio,
                heightCm, t, skeletalModel, skeletonCutoffHz);
    }

    /** A copy with another cutoff. */
    public CleaningSettings withCutoffHz(double hz) {
        return new CleaningSettings(minConfidence, resampleTolerance, correctLegSwaps, legSwapCapLegLengths,
                legSwapPriorLegLengths, hampelWindowS, hampelSigmas, hampelMinSigmaLegLengths, maxGapS, hz, filterOrder, minSpeedLegPerS,
                steadyFraction, minPassDurationS, velocitySmoothingS, viewChangeRatio, heightCm, treadmill,
                skeletalModel, skeletonCutoffHz);
    }

    /** A copy with another minimum pass duration. */
    public CleaningSettings withMinPassDurationS(double s) {
        return new CleaningSettings(minConfidence, resampleTolerance, correctLegSwaps, legSwapCapLegLengths,
                legSwapPriorLegLengths, hampelWindowS, hampelSigmas, hampelMinSigmaLegLengths, maxGapS, cutoffHz, filterOrder, minSpeedLegPerS,
                steadyFraction, s, velocitySmoothingS, viewChangeRatio, heightCm, treadmill,
                skeletalModel, skeletonCutoffHz);
    }

    /** A copy with another pass-end trimming fraction. */
    public CleaningSettings withSteadyFraction(double f) {
        return new CleaningSettings(minConfidence, resampleTolerance, correctLegSwaps, legSwapCapLegLengths,
                legSwapPriorLegLengths, hampelWindowS, hampelSigmas, hampelMinSigmaLegLengths, maxGapS, cutoffHz, filterOrder, minSpeedLegPerS,
                f, minPassDurationS, velocitySmoothingS, viewChangeRatio, heightCm, treadmill,
                skeletalModel, skeletonCutoffHz);
    }

    /** A copy with the skeletal model switched on or off, with the given smoother cutoff. */
    public CleaningSettings withSkeletalModel(boolean on, double skeletonHz) {
        return new CleaningSettings(minConfidence, resampleTolerance, correctLegSwaps, legSwapCapLegLengths,
                legSwapPriorLegLengths, hampelWindowS, hampelSigmas, hampelMinSigmaLegLengths, maxGapS, cutoffHz,
                filterOrder, minSpeedLegPerS, steadyFraction, minPassDurationS, velocitySmoothingS, viewChangeRatio,
                heightCm, treadmill, on, skeletonHz);
    }
}
