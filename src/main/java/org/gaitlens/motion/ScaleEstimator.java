package org.gaitlens.motion;

import java.util.Locale;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/**
 * Chooses the px-to-m scale of a series, in this order:
 * <ol>
 * <li>{@link LandmarkSeries#pixelsPerMetre()} when the source knows it ({@link ScaleSource#CALIBRATION});</li>
 * <li>the patient's standing height {@code H} (cm) against the nose-to-heel height in the image:
 *     {@code h_px = P90_i(max(yHeel_L, yHeel_R) - yNose)} (vertical image distance, y down; the 90th
 *     percentile picks the most upright frames and ignores outliers), {@code ppm = h_px / (NOSE_HEEL_FRACTION H)}
 *     ({@link ScaleSource#PATIENT_HEIGHT_NOSE_HEEL});</li>
 * <li>the patient's height against the leg: {@code l_px = P90_i(|hip - ankle|)} over both sides,
 *     {@code ppm = l_px / (HIP_ANKLE_FRACTION H)} ({@link ScaleSource#PATIENT_HEIGHT_LEG});</li>
 * <li>otherwise {@link ScaleSource#NONE}.</li>
 * </ol>
 *
 * <p>Anthropometric factors from the segment-length proportions of Drillis and Contini as drawn by Winter
 * (2009, Fig. 4.1): eye height 0.936 H, chin 0.870 H, hip (greater trochanter) 0.530 H, ankle 0.039 H.
 * The nose lies between eye and chin (~0.91 H) and the BlazePose heel point ~0.01 H above the floor, so
 * {@code NOSE_HEEL_FRACTION = 0.90}; hip-to-ankle is {@code 0.530 - 0.039 = 0.491 H}. Walking lowers the
 * body a little (knee flexion in stance, pelvic drop), so the height route may under-estimate the scale by
 * a few percent; a calibration is always preferred.
 *
 * <p>References: Drillis R., Contini R. (1966) Body segment parameters. Technical report 1166-03, Office of
 * Vocational Rehabilitation, New York University. Winter D.A. (2009) Biomechanics and Motor Control of
 * Human Movement, 4th ed., Wiley, doi:10.1002/9780470549148.
 */
public final class ScaleEstimator {
    /** Nose-to-heel-landmark height as a fraction of standing height. */
    public static final double NOSE_HEEL_FRACTION = 0.90;
    /** Hip-joint-to-ankle length as a fraction of standing height. */
    public static final double HIP_ANKLE_FRACTION = 0.491;
    private static final double PERCENTILE = 90;
    private static final int MIN_SAMPLES = 10;

    /**
     * @param s        the (cleaned) series
     * @param heightCm standing height in cm, {@code NaN} when unknown
     */
    public Scale estimate(LandmarkSeries s, double heightCm) {
        if (!Double.isNaN(heightCm) && !(heightCm > 50 && heightCm < 260)) {
            throw new IllegalArgumentException("heightCm must be in (50, 260) or NaN, was " + heightCm);
        }
        double leg = BodyPoints.legLengthPx(s);
        if (s.pixelsPerMetre() > 0) {
            return new Scale(s.pixelsPerMetre(), ScaleSource.CALIBRATION,
                    String.format(Locale.ROOT, "%.2f px/m given by the source (%s)", s.pixelsPerMetre(), s.source()), leg);
        }
        if (!Double.isNaN(heightCm)) {
            double heightM = heightCm / 100;
            double noseHeel = noseHeelPx(s);
            if (!Double.isNaN(noseHeel)) {
                double ppm = noseHeel / (NOSE_HEEL_FRACTION * heightM);
                return new Scale(ppm, ScaleSource.PATIENT_HEIGHT_NOSE_HEEL, String.format(Locale.ROOT,
                        "height %.1f cm; P90 nose-to-heel %.1f px = %.2f x height -> %.2f px/m", heightCm, noseHeel,
                        NOSE_HEEL_FRACTION, ppm), leg);
            }
            double hipAnkle = hipAnklePx(s);
            if (!Double.isNaN(hipAnkle)) {
                double ppm = hipAnkle / (HIP_ANKLE_FRACTION * heightM);
                return new Scale(ppm, ScaleSource.PATIENT_HEIGHT_LEG, String.format(Locale.ROOT,
                        "height %.1f cm; P90 hip-to-ankle %.1f px = %.3f x height -> %.2f px/m", heightCm, hipAnkle,
                        HIP_ANKLE_FRACTION, ppm), leg);
            }
        }
        return new Scale(Double.NaN, ScaleSource.NONE,
                "no scale: no calibration and no patient height; lengths normalised to leg length", leg);
    }

    /**
     * The nose-to-heel height in the image, {@code P90_i(max(yHeel_L, yHeel_R) - yNose)} px (see the class
     * comment), or {@code NaN} with fewer than {@value #MIN_SAMPLES} samples showing nose and a heel.
     */
    public static double noseHeelPx(LandmarkSeries s) {
        if (!s.has(BodyLandmark.NOSE) || !s.has(BodyLandmark.LEFT_HEEL) || !s.has(BodyLandmark.RIGHT_HEEL)) {
            return Double.NaN;
        }
        LandmarkTrack nose = s.track(BodyLandmark.NOSE);
        LandmarkTrack hl = s.track(BodyLandmark.LEFT_HEEL);
        LandmarkTrack hr = s.track(BodyLandmark.RIGHT_HEEL);
        double[] d = new double[s.size()];
        int m = 0;
        for (int i = 0; i < s.size(); i++) {
            if (nose.has(i) && (hl.has(i) || hr.has(i))) {
                double heelY = Math.max(hl.has(i) ? hl.y()[i] : Double.NEGATIVE_INFINITY,
                        hr.has(i) ? hr.y()[i] : Double.NEGATIVE_INFINITY);
                d[m++] = heelY - nose.y()[i];
            }
        }
        return m < MIN_SAMPLES ? Double.NaN : BodyPoints.percentile(d, m, PERCENTILE);
    }

    private static double hipAnklePx(LandmarkSeries s) {
        double[] d = new double[2 * s.size()];
        int m = 0;
        for (Side side : Side.values()) {
            BodyLandmark h = BodyLandmark.of(side, BodyPart.HIP);
            BodyLandmark a = BodyLandmark.of(side, BodyPart.ANKLE);
            if (!s.has(h) || !s.has(a)) {
                continue;
            }
            LandmarkTrack hip = s.track(h);
            LandmarkTrack ankle = s.track(a);
            for (int i = 0; i < s.size(); i++) {
                if (hip.has(i) && ankle.has(i)) {
                    d[m++] = Math.hypot(hip.x()[i] - ankle.x()[i], hip.y()[i] - ankle.y()[i]);
                }
            }
        }
        return m < MIN_SAMPLES ? Double.NaN : BodyPoints.percentile(d, m, PERCENTILE);
    }
}
