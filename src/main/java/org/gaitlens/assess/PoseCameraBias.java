package org.gaitlens.assess;

import java.util.Optional;
import org.gaitlens.core.Side;

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
     * Loading-response knee flexion peak: the near knee reads lower than the far knee by up to 8.1 deg (mean 3.4; one
     * sample -1.9, the other way) on the eight side-view samples, so the far knee reads relatively higher. Used by
     * the L4 rule and the symmetry verdict. (Before the skeletal model: 2.0-9.5 deg, mean 5.0.)
     */
    public static final PoseCameraBias NEAR_KNEE_LOADING_FLEXION = new PoseCameraBias(
            "loading-response knee flexion peak, near knee lower than far", FarReading.HIGHER, -1.9, 3.4, 8.1, "deg",
            "BlazePose full model with the skeletal model (2026-12-06), the eight side-view rendered samples (video "
                    + "minus exact landmarks); checked on the held-out renders (max 5.6 deg)",
            "docs/accuracy.md, \"Camera-side biases, re-measured\"");

    /**
     * Plantarflexion at toe off: the far ankle reads lower than the near one by up to 7.5 deg (mean 1.8; one sample
     * -1.4) on the eight side-view samples. Used by the S1 rule and the symmetry verdict. (Before the skeletal model
     * and the toe-rise toe off: 0.4-14.4 deg, mean 6.5.) On the held-out renders one of nine read 8.8 deg.
     */
    public static final PoseCameraBias FAR_ANKLE_PLANTARFLEXION_TOE_OFF = new PoseCameraBias(
            "plantarflexion at toe off, far ankle lower than near", FarReading.LOWER, -1.4, 1.8, 7.5, "deg",
            "BlazePose full model with the skeletal model and the toe-rise toe off (2026-12-06), the eight side-view "
                    + "rendered samples (video minus exact landmarks); held-out renders: up to 8.8 deg",
            "docs/accuracy.md, \"Camera-side biases, re-measured\"");

    /**
     * Stance time: the far leg's reads shorter than the near leg's by up to 10 ms (mean -3.5 ms: on average not
     * shorter; -25 ms, longer, on one sample) on the eight side-view samples. Used for a caution on the antalgic
     * indicator only. (Before the toe-rise toe off: -1 to 56 ms, mean 31.) On the held-out renders: up to 14 ms,
     * and 131 ms on one whose near (painful) foot's toe offs read 0.1 s late.
     */
    public static final PoseCameraBias FAR_STANCE_TIME = new PoseCameraBias(
            "stance time, far leg shorter than near", FarReading.LOWER, -0.025, -0.0035, 0.010, "s",
            "BlazePose full model, skeletal model and toe-rise toe off (2026-12-06), the eight side-view rendered "
                    + "samples (video minus exact landmarks); held-out renders: up to 14 ms, one at 131 ms",
            "docs/accuracy.md, \"Camera-side biases, re-measured\"");

    public PoseCameraBias {
        if (quantity == null || farReads == null || unit == null || measuredOn == null || table == null) {
            throw new IllegalArgumentException("quantity, farReads, unit, measuredOn and table must be given");
        }
        if (!(lowest <= mean && mean <= allowance)) {
            throw new IllegalArgumentException("need lowest <= mean <= allowance, was " + lowest + ", " + mean + ", "
                    + allowance + " " + unit);
        }
    }

    /**
     * Whether the far leg clearly differs in this bias's direction: higher (or lower, as {@link #farReads()}) by at
     * least {@link IndicatorThresholds#ANGLE_MIN_DIFF_DEG} with the interval excluding zero.
     *
     * @param poseNearSide the side nearer the camera in every pass, or {@code null} (then false)
     */
    public boolean farSign(Asymmetry a, Side poseNearSide) {
        if (poseNearSide == null || a == null || !a.assessed()) {
            return false;
        }
        Optional<Side> side = farReads == FarReading.HIGHER
                ? a.significantlyHigherSide(IndicatorThresholds.ANGLE_MIN_DIFF_DEG)
                : a.significantlyLowerSide(IndicatorThresholds.ANGLE_MIN_DIFF_DEG);
        return side.filter(s -> s == poseNearSide.opposite()).isPresent();
    }

    /** Whether {@link #farSign} holds and the difference is no larger than the {@link #allowance()}. */
    public boolean withinAllowance(Asymmetry a, Side poseNearSide) {
        return farSign(a, poseNearSide) && a.absoluteDifference() <= allowance;
    }
}
