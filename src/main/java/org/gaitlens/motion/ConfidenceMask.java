package org.gaitlens.motion;

/**
 * Marks low-confidence samples as missing: {@code confidence < minConfidence ? NaN : x}.
 *
 * <p>A sample whose confidence is {@code NaN} counts as missing too. Pose models report a per-landmark
 * visibility/presence score in [0, 1]; a landmark the model only guesses (occluded far leg, foot out of
 * frame) has a low score and its position is better treated as a gap (filled later by {@link GapFiller} when
 * short) than as data.
 */
public final class ConfidenceMask {
    private final double minConfidence;

    /**
     * @param minConfidence samples with confidence strictly below this value become {@code NaN}; in [0, 1]
     * @throws IllegalArgumentException if {@code minConfidence} is outside [0, 1]
     */
    public ConfidenceMask(double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], was " + minConfidence);
        }
        this.minConfidence = minConfidence;
    }

    /**
     * Sets x and y of low-confidence samples to {@code NaN}, in place.
     *
     * @return the number of samples that had a position and were masked
     */
    public int apply(LandmarkTrack track) {
        int masked = 0;
        double[] c = track.confidence();
        for (int i = 0; i < track.size(); i++) {
            boolean low = Double.isNaN(c[i]) || c[i] < minConfidence;
            if (low && track.has(i)) {
                track.x()[i] = Double.NaN;
                track.y()[i] = Double.NaN;
                masked++;
            }
        }
        return masked;
    }
}
