package org.gaitlens.validate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.StrideParameter;

/**
 * The errors of one camera leg (near or far) of one validated sample ({@link LegValidation}).
 *
 * @param leg             near or far leg
 * @param events          true events of this leg matched to a detected one
 * @param heelStrikeMaeS  heel-strike mean absolute error, s
 * @param toeOffMaeS      toe-off mean absolute error, s
 * @param heelStrikeBiasS heel-strike mean signed error (detected minus true; negative = early), s
 * @param toeOffBiasS     toe-off mean signed error, s
 * @param angles          per joint (hip, knee, ankle) the frame-by-frame error
 * @param peakErrorDeg    per key value (loading and swing knee peaks, hip extension peak, push-off plantarflexion) the
 *                        mean over matched strides of measured minus true, deg
 */
public record LegErrors(CameraLeg leg, int events, double heelStrikeMaeS, double toeOffMaeS, double heelStrikeBiasS,
        double toeOffBiasS, Map<Joint, AngleError> angles, Map<StrideParameter, Double> peakErrorDeg) {

    public LegErrors {
        angles = Collections.unmodifiableMap(new EnumMap<>(angles));
        peakErrorDeg = Collections.unmodifiableMap(new LinkedHashMap<>(peakErrorDeg));
    }

    /**
     * One joint's error over the frames of a leg inside the analysed passes.
     *
     * @param rmsDeg               root mean square of measured minus true, deg
     * @param offsetDeg            mean of measured minus true, deg
     * @param offsetRemovedRmsDeg  RMS after removing that mean (the waveform error, as in myogait's and Stenum et
     *                             al.'s offset-removed RMSE), deg
     * @param frames               frames compared
     */
    public record AngleError(double rmsDeg, double offsetDeg, double offsetRemovedRmsDeg, int frames) {
        /** No frames compared. */
        public static final AngleError NONE = new AngleError(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /**
     * The mean over samples of each figure (NaN figures skipped): the summary row of a table. Its event count is
     * the total.
     */
    public static LegErrors mean(CameraLeg leg, java.util.List<LegErrors> all) {
        Map<Joint, AngleError> angles = new EnumMap<>(Joint.class);
        for (Joint j : LegValidation.JOINTS) {
            angles.put(j, new AngleError(avg(all, e -> e.rmsDeg(j)),
                    avg(all, e -> e.angles().getOrDefault(j, AngleError.NONE).offsetDeg()),
                    avg(all, e -> e.offsetRemovedRmsDeg(j)),
                    all.stream().mapToInt(e -> e.angles().getOrDefault(j, AngleError.NONE).frames()).sum()));
        }
        Map<StrideParameter, Double> peaks = new LinkedHashMap<>();
        for (StrideParameter p : LegValidation.PEAKS) {
            peaks.put(p, avg(all, e -> e.peakErrorDeg(p)));
        }
        return new LegErrors(leg, all.stream().mapToInt(LegErrors::events).sum(), avg(all, LegErrors::heelStrikeMaeS),
                avg(all, LegErrors::toeOffMaeS), avg(all, LegErrors::heelStrikeBiasS), avg(all, LegErrors::toeOffBiasS),
                angles, peaks);
    }

    private static double avg(java.util.List<LegErrors> all, java.util.function.ToDoubleFunction<LegErrors> f) {
        return all.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /** The RMS of a joint, NaN when not compared. */
    public double rmsDeg(Joint j) {
        return angles.getOrDefault(j, AngleError.NONE).rmsDeg();
    }

    /** The offset-removed RMS of a joint, NaN when not compared. */
    public double offsetRemovedRmsDeg(Joint j) {
        return angles.getOrDefault(j, AngleError.NONE).offsetRemovedRmsDeg();
    }

    /** The mean error of a key value, NaN when no stride was matched. */
    public double peakErrorDeg(StrideParameter p) {
        return peakErrorDeg.getOrDefault(p, Double.NaN);
    }
}
