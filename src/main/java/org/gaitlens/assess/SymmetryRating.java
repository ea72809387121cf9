package org.gaitlens.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.metric.References;

/**
 * Rates overall symmetry from the per-metric asymmetries and the indicators.
 *
 * <p><b>Spatiotemporal</b> (Patterson et al. 2010, Gait Posture 31:241-246): stance time, swing time and
 * step length, whose healthy upper limits of the larger/smaller ratio are 1.05, 1.06 and 1.08. A metric is
 * <em>mildly</em> asymmetric when its ratio of side means exceeds the limit, the difference exceeds the
 * measurement floor (0.02 s; 0.05 m for step length, Stenum et al. 2021) and its confidence interval
 * excludes zero; <em>markedly</em> when the ratio's excess over 1 is at least twice the healthy excess
 * (1.10, 1.12, 1.16). The factor two is a product choice, not a published cut-off.
 *
 * <p><b>Kinematic</b>: the key joint-angle values (knee flexion in loading and in swing, hip extension,
 * hip flexion in swing, ankle dorsiflexion in swing, plantarflexion at toe off) are mildly asymmetric when
 * the sides differ by at least 5 deg (McGinley et al. 2009) with the interval excluding zero, markedly at
 * 10 deg or more (twice; product choice).
 *
 * <p>With pose-model landmarks filmed from one side, a loading-response knee flexion excess of the far leg within
 * the pose model's near-knee bias is not rated ({@link PoseCameraBias#NEAR_KNEE_LOADING_FLEXION}), nor a
 * plantarflexion-at-toe-off deficit of the far leg within its far-ankle bias
 * ({@link PoseCameraBias#FAR_ANKLE_PLANTARFLEXION_TOE_OFF}).
 *
 * <p><b>Affected side</b>: the side of the strongest raised indicator (likely before possible, then in
 * {@link Pattern} order); without one, for a temporal asymmetry the side with the shorter stance (less
 * time on that leg); otherwise not determined, and the reasons say so.
 */
public final class SymmetryRating {

    /** Step-length floor, m (Stenum et al. 2021: 0.049 m step-length error of video methods). */
    public static final double STEP_LENGTH_MIN_DIFF_M = 0.05;
    /**
     * Angle difference for a marked kinematic asymmetry, deg (twice {@link IndicatorThresholds#ANGLE_MIN_DIFF_DEG}).
     */
    public static final double ANGLE_MARKED_DIFF_DEG = 2 * IndicatorThresholds.ANGLE_MIN_DIFF_DEG;

    private static final List<Metric> KINEMATIC = List.of(Metric.KNEE_FLEX_LOADING_PEAK_DEG,
            Metric.KNEE_FLEX_SWING_PEAK_DEG, Metric.HIP_EXT_PEAK_DEG, Metric.HIP_FLEX_SWING_PEAK_DEG,
            Metric.ANKLE_DF_SWING_DEG, Metric.ANKLE_PF_TOE_OFF_DEG);

    /**
     * @param metrics    assessed metrics
     * @param indicators evaluated indicators
     */
    public SymmetryVerdict rate(Map<Metric, MetricSummary> metrics, List<Indicator> indicators) {
        return rate(metrics, indicators, null);
    }

    /**
     * @param poseNearSide the side nearer the camera in every pass of a pose-model video, else {@code null}
     *                     ({@link QualityFacts#poseNearSide()})
     */
    public SymmetryVerdict rate(Map<Metric, MetricSummary> metrics, List<Indicator> indicators,
            Side poseNearSide) {
        List<String> reasons = new ArrayList<>();
        int level = -1; // -1 nothing assessable, 0 symmetric, 1 mild, 2 marked
        Side shorterStance = null;
        level = Math.max(level, spatiotemporal(metrics, Metric.STANCE_TIME_S,
                IndicatorThresholds.STANCE_RATIO_LIMIT, IndicatorThresholds.TEMPORAL_MIN_DIFF_S, reasons));
        if (level >= 1) {
            shorterStance = metrics.get(Metric.STANCE_TIME_S).asymmetry()
                    .significantlyLowerSide(IndicatorThresholds.TEMPORAL_MIN_DIFF_S).orElse(null);
        }
        level = Math.max(level, spatiotemporal(metrics, Metric.SWING_TIME_S,
                IndicatorThresholds.SWING_RATIO_LIMIT, IndicatorThresholds.TEMPORAL_MIN_DIFF_S, reasons));
        level = Math.max(level, spatiotemporal(metrics, Metric.STEP_LENGTH_M,
                IndicatorThresholds.STEP_LENGTH_RATIO_LIMIT, STEP_LENGTH_MIN_DIFF_M, reasons));
        for (Metric m : KINEMATIC) {
            MetricSummary ms = metrics.get(m);
            if (m == Metric.KNEE_FLEX_LOADING_PEAK_DEG && ms != null
                    && PoseCameraBias.NEAR_KNEE_LOADING_FLEXION.withinAllowance(ms.asymmetry(), poseNearSide)) {
                reasons.add(m.label() + " not rated: the far leg's excess of "
                        + m.formatWithUnit(ms.asymmetry().absoluteDifference()) + " is within the pose model's near-knee bias (walk filmed from "
                        + "one side only)");
                continue;
            }
            if (m == Metric.ANKLE_PF_TOE_OFF_DEG && ms != null
                    && PoseCameraBias.FAR_ANKLE_PLANTARFLEXION_TOE_OFF.withinAllowance(ms.asymmetry(), poseNearSide)) {
                reasons.add(m.label() + " not rated: the far leg's deficit of "
                        + m.formatWithUnit(ms.asymmetry().absoluteDifference()) + " is within the pose model's far-ankle bias (walk filmed from "
                        + "one side only)");
                continue;
            }
            level = Math.max(level, kinematic(metrics, m, reasons));
        }
        if (level < 0) {
            reasons.add("No metric had " + AsymmetryEstimator.MIN_STRIDES_PER_SIDE + " or more strides per side.");
            return new SymmetryVerdict(SymmetryVerdict.Level.INSUFFICIENT_DATA, null, reasons);
        }
        SymmetryVerdict.Level l = switch (level) {
            case 0 -> SymmetryVerdict.Level.SYMMETRIC;
            case 1 -> SymmetryVerdict.Level.MILDLY_ASYMMETRIC;
            default -> SymmetryVerdict.Level.MARKEDLY_ASYMMETRIC;
        };
        Side side = null;
        Optional<Indicator> strongest = indicators.stream().filter(i -> i.strength() == Strength.LIKELY).findFirst()
                .or(() -> indicators.stream().filter(i -> i.strength() == Strength.POSSIBLE).findFirst());
        if (strongest.isPresent()) {
            side = strongest.get().side();
            reasons.add("Affected side from the strongest indicator: " + strongest.get().pattern().label() + ", "
                    + Fmt.side(side) + " side.");
        } else if (level >= 1 && shorterStance != null) {
            side = shorterStance;
            reasons.add("Affected side: the " + Fmt.side(side) + " leg has the shorter stance.");
        } else if (level >= 1) {
            reasons.add("The involved side cannot be inferred from these differences alone.");
        }
        return new SymmetryVerdict(l, side, reasons);
    }

    private static int spatiotemporal(Map<Metric, MetricSummary> metrics, Metric m, double ratioLimit,
            double minDiff, List<String> reasons) {
        MetricSummary s = metrics.get(m);
        if (s == null || s.asymmetry() == null || !s.asymmetry().assessed()) {
            return -1;
        }
        Asymmetry a = s.asymmetry();
        double larger = Math.max(a.left().mean(), a.right().mean());
        double smaller = Math.min(a.left().mean(), a.right().mean());
        if (!(smaller > 0)) {
            return -1;
        }
        double ratio = larger / smaller;
        boolean clear = a.significantlyLowerSide(minDiff).isPresent();
        double markedLimit = 1 + 2 * (ratioLimit - 1);
        int level = !clear || ratio <= ratioLimit ? 0 : ratio >= markedLimit ? 2 : 1;
        reasons.add(m.label() + " ratio larger/smaller " + Decimals.format(ratio, 3) + " (healthy limit " + ratioLimit
                + ", marked from " + Decimals.format(markedLimit, 2) + "; " + References.PATTERSON_2010 + ")"
                + (clear ? "" : ", difference not statistically clear or below " + minDiff + " " + m.unit())
                + " -> " + word(level));
        return level;
    }

    private static int kinematic(Map<Metric, MetricSummary> metrics, Metric m, List<String> reasons) {
        MetricSummary s = metrics.get(m);
        if (s == null || s.asymmetry() == null || !s.asymmetry().assessed()) {
            return -1;
        }
        Asymmetry a = s.asymmetry();
        boolean clear = a.significantlyLowerSide(IndicatorThresholds.ANGLE_MIN_DIFF_DEG).isPresent();
        int level = !clear ? 0 : a.absoluteDifference() >= ANGLE_MARKED_DIFF_DEG ? 2 : 1;
        if (level > 0) {
            reasons.add(m.label() + " differs by " + m.formatWithUnit(a.absoluteDifference()) + " between sides (limit "
                    + IndicatorThresholds.ANGLE_MIN_DIFF_DEG + " deg, marked from " + ANGLE_MARKED_DIFF_DEG + " deg; "
                    + References.MCGINLEY_2009 + ") -> " + word(level));
        }
        return level;
    }

    private static String word(int level) {
        return switch (level) {
            case 0 -> "symmetric";
            case 1 -> "mildly asymmetric";
            default -> "markedly asymmetric";
        };
    }
}
