package org.gaitlens.gait;

/**
 * Selectable gait-event methods, all published. {@link #ZENI_TOE_RISE} (the default for video and landmark files)
 * is Zeni's method with the heel strike refined by the heel's speed (Bonci et al. 2022 with the Bruening and Ridge
 * 2014 threshold) and the toe off by the foot tip's rise off its resting level ({@link ToeRise});
 * {@link #ZENI_FOOT_SPEED} refines both by speed; {@link #ZENI_REFINED} refines only the heel strike (the default
 * for motion capture), see {@link ZeniRefinedEventDetector}.
 *
 * <p>Which toe off fits depends on what the toe landmark is. On exact rendered landmarks (the tip of the shoe),
 * Zeni's toe-minus-pelvis minimum (toe as fast as the pelvis) comes 20-60 ms late and Bruening and Ridge's toe
 * speed threshold just after toe off; the pose model's foot index sits behind the tip and rolls forward before the
 * tip leaves, so on video the speed threshold fires early, and late for a slow, flat lift (weak push-off): the
 * tip's rise fits both (docs/accuracy.md, "Event timing on video"). A motion-capture toe marker on the 2nd
 * metatarsal head (Plug-in Gait) already rolls forward in pre-swing, so there the speed threshold fires 13-38 ms
 * early and Zeni's minimum is within about a frame (docs/angles.md): use {@link #ZENI_REFINED} for such data.
 */
public enum EventMethod {
    /** {@link ZeniEventDetector}: Zeni et al. 2008 heel/toe minus pelvis extrema. */
    ZENI,
    /** {@link ZeniRefinedEventDetector} with its defaults: heel strike refined, Zeni's toe off (marker data). */
    ZENI_REFINED,
    /** {@link ZeniRefinedEventDetector} with both Bruening and Ridge thresholds (heel 0.78 W, toe 0.66 W). */
    ZENI_FOOT_SPEED,
    /**
     * {@link #ZENI_FOOT_SPEED}, then each toe off moved to the foot tip's rise of {@link #TOE_RISE_LEG_LENGTHS} leg
     * lengths off its resting level ({@link ToeRise}): the default, for pose-model landmarks.
     */
    ZENI_TOE_RISE,
    /** {@link StenumEventDetector}. */
    STENUM;

    /** A detector for this method with the given peak rules. */
    public GaitEventDetector create(double minSeparationS, double minProminenceLegLengths) {
        return switch (this) {
            case ZENI -> new ZeniEventDetector(minSeparationS, minProminenceLegLengths);
            case ZENI_REFINED -> new ZeniRefinedEventDetector(minSeparationS, minProminenceLegLengths,
                    ZeniRefinedEventDetector.DEFAULT_HEEL_SPEED_RATIO, Double.NaN);
            case ZENI_FOOT_SPEED -> new ZeniRefinedEventDetector(minSeparationS, minProminenceLegLengths,
                    ZeniRefinedEventDetector.DEFAULT_HEEL_SPEED_RATIO, ZeniRefinedEventDetector.DEFAULT_TOE_SPEED_RATIO);
            case ZENI_TOE_RISE -> new ZeniRefinedEventDetector(minSeparationS, minProminenceLegLengths,
                    ZeniRefinedEventDetector.DEFAULT_HEEL_SPEED_RATIO, ZeniRefinedEventDetector.DEFAULT_TOE_SPEED_RATIO,
                    TOE_RISE_LEG_LENGTHS);
            case STENUM -> new StenumEventDetector(minSeparationS, minProminenceLegLengths);
        };
    }

    /**
     * The toe rise of {@link #ZENI_TOE_RISE}, leg lengths (about 2 cm): measured on the rendered samples with the
     * skeletal model (docs/accuracy.md, "Event timing on video").
     */
    public static final double TOE_RISE_LEG_LENGTHS = 0.02;
}
