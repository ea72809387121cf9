package org.gaitlens.assess.indicator;

/**
 * A measured reading bias of the pose model between the leg nearer a side camera and the far one: in a video
 * filmed from one side only, a side difference of this size in this direction can come from the camera side
 * alone. Unlike {@link IndicatorThresholds}, these allowances are <b>measured on the product's own test data</b>
 * (the rendered samples in {@code sample-videos/}, whose exact truth gives each leg's error), so they are only as
 * general as those renders: real patients in clothes, other cameras and lighting may show a different bias
 * (docs/accuracy.md, "Near and far knee", caveat).
 *
 * @param quantity       the quantity and the leg that reads off, in words
 * @param farReads       how the far leg's value reads against the near leg's, relative to the truth
 * @param lowest         the smallest bias measured over the samples, in the direction {@code quantity} names, in
 *                       {@code unit} (negative: one sample read the other way)
 * @param mean           the mean bias over the samples, in {@code unit}
 * @param allowance      the largest bias measured, the allowance the rules use, in {@code unit}
 * @param unit           unit of the three values
 * @param measuredOn     pose model, data and cleaning the values were measured with
 * @param table          the docs/accuracy.md section holding the per-sample table
 */
public record PoseCameraBias(String quantity, FarReading farReads, double lowest, double mean, double allowance,
        String unit, String measuredOn, String table) {

    /** How the far leg reads against the near leg. */
    public enum FarReading {
        /** The far leg's value reads higher than the near leg's. */
        HIGHER,
        /** The far leg's value reads lower (or shorter) than the near leg's. */
        LOWER
    }

    /**
     * Loading-response knee flexion peak: the near knee reads lower than the far knee by 2.0-9.5 deg (mean 5.0) on
     * all eight side-view samples, so the far knee reads relatively higher. Used by the L4 rule and the symmetry
     * verdict.
     */
    public static final PoseCameraBias NEAR_KNEE_LOADING_FLEXION = new PoseCameraBias(
            "loading-response knee flexion peak, near knee lower than far", FarReading.HIGHER, 2.0, 5.0, 9.5, "deg",
            "BlazePose full model, the eight side-view rendered samples (video minus exact landmarks)",
            "docs/accuracy.md, \"Near and far knee\"");

    /**
     * Plantarflexion at toe off: the far ankle reads lower than the near one by 0.4-14.4 deg (mean 6.5) on all
     * eight side-view samples. Used by the S1 rule and the symmetry verdict.
     */
    public static final PoseCameraBias FAR_ANKLE_PLANTARFLEXION_TOE_OFF = new PoseCameraBias(
            "plantarflexion at toe off, far ankle lower than near", FarReading.LOWER, 0.4, 6.5, 14.4, "deg",
            "BlazePose full model, the eight side-view rendered samples (video minus exact landmarks)",
            "docs/accuracy.md, \"Near and far ankle at toe off\"");

    /**
     * Stance time: the far leg's reads shorter than the near leg's by -1 to 56 ms (mean 31) on the eight side-view
     * samples, from far toe offs detected about a frame early. Used for a caution on the antalgic indicator only.
     */
    public static final PoseCameraBias FAR_STANCE_TIME = new PoseCameraBias(
            "stance time, far leg shorter than near", FarReading.LOWER, -0.001, 0.031, 0.056, "s",
            "BlazePose full model, video cleaning as of 2026-12-03, the eight side-view rendered samples "
                    + "(video minus exact landmarks)",
            "docs/accuracy.md, \"Far-leg stance\"");

    public PoseCameraBias {
        if (quantity == null || farReads == null || unit == null || measuredOn == null || table == null) {
            throw new IllegalArgumentException("quantity, farReads, unit, measuredOn and table must be given");
        }
        if (!(lowest <= mean && mean <= allowance)) {
            throw new IllegalArgumentException("need lowest <= mean <= allowance, was " + lowest + ", " + mean + ", "
                    + allowance + " " + unit);
        }
    }
}
