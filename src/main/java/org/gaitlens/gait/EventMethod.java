package org.gaitlens.gait;

/**
 * Selectable gait-event methods, all published. {@link #ZENI_FOOT_SPEED} (the default) is Zeni's method with
 * both events refined by the foot's speed (Bonci et al. 2022 with the Bruening and Ridge 2014 thresholds);
 * {@link #ZENI_REFINED} refines only the heel strike, see {@link ZeniRefinedEventDetector}.
 *
 * <p>Which toe off fits depends on what the toe landmark is. The pose model's foot index is the tip of the
 * foot, which rests on the floor until it leaves: its speed crosses Bruening and Ridge's threshold just
 * after toe off, while Zeni's toe-minus-pelvis minimum (toe as fast as the pelvis) comes 20-60 ms late
 * (rendered samples with exact landmarks, docs/accuracy.md). A motion-capture toe marker on the 2nd
 * metatarsal head (Plug-in Gait) already rolls forward in pre-swing, so there the threshold fires 13-38 ms
 * early and Zeni's minimum is within about a frame (docs/angles.md): use {@link #ZENI_REFINED} for such data.
 */
public enum EventMethod {
    /** {@link ZeniEventDetector}: Zeni et al. 2008 heel/toe minus pelvis extrema. */
    ZENI,
    /** {@link ZeniRefinedEventDetector} with its defaults: heel strike refined, Zeni's toe off (marker data). */
    ZENI_REFINED,
    /**
     * {@link ZeniRefinedEventDetector} with both Bruening and Ridge thresholds (heel 0.78 W, toe 0.66 W): the
     * default, for pose-model landmarks whose foot index is the tip of the foot.
     */
    ZENI_FOOT_SPEED,
    /**
     * {@link #ZENI_FOOT_SPEED}, then each toe off moved to the foot tip's rise of {@link #TOE_RISE_LEG_LENGTHS} leg
     * lengths off its resting level ({@link ToeRise}).
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
