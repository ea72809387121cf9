package org.gaitlens.assess;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.metric.ReferenceRange;

/**
 * Assesses one session: for every metric the per-side and pooled stride statistics, left/right
 * asymmetry with confidence intervals ({@link AsymmetryEstimator}), healthy-range flags
 * ({@link Metric#reference()}); for every joint the waveform asymmetry ({@link WaveformComparison});
 * the lumbar screening indicators (the {@link PatternScreen} it is given); the overall symmetry ({@link SymmetryRating});
 * and the data-quality verdict ({@link QualityAssessor}). Stateless and thread-safe.
 */
public final class Assessor {

    private final double confidenceLevel;
    private final AsymmetryEstimator asymmetry;
    private final WaveformComparison waveforms = new WaveformComparison();
    private final PatternScreen indicators;
    private final SymmetryRating symmetry = new SymmetryRating();
    private final QualityAssessor quality = new QualityAssessor();

    /**
     * An assessor with 95 % confidence intervals.
     *
     * @param screen the lumbar-pattern rules (the product's: {@code LumbarIndicators.assessor()})
     */
    public Assessor(PatternScreen screen) {
        this(0.95, screen);
    }

    /**
     * @param confidenceLevel coverage of all intervals, in (0, 1); the screen's rules use their own
     * @param screen          the lumbar-pattern rules
     * @throws IllegalArgumentException if outside (0, 1)
     */
    public Assessor(double confidenceLevel, PatternScreen screen) {
        this.asymmetry = new AsymmetryEstimator(confidenceLevel);
        this.indicators = java.util.Objects.requireNonNull(screen, "screen");
        this.confidenceLevel = confidenceLevel;
    }

    /** Assesses one session. */
    public Assessment assess(AssessmentInput in) {
        Map<Metric, MetricSummary> byMetric = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (!m.assessed()) {
                continue;
            }
            SampleStats pooled = SampleStats.of(in.pooledValues(m));
            if (pooled.n() == 0) {
                continue;
            }
            Map<Side, SampleStats> perSide = new EnumMap<>(Side.class);
            for (Side s : Side.values()) {
                perSide.put(s, SampleStats.of(in.values(s, m)));
            }
            Asymmetry a = m.bilateral()
                    ? asymmetry.estimate(in.values(Side.LEFT, m), in.values(Side.RIGHT, m), m.ratioScale())
                    : null;
            byMetric.put(m, new MetricSummary(m, perSide, pooled, a, flags(m, perSide, pooled)));
        }
        List<WaveformAsymmetry> curves = new ArrayList<>();
        for (CurveJoint j : CurveJoint.values()) {
            List<double[]> l = in.curves(Side.LEFT, j);
            List<double[]> r = in.curves(Side.RIGHT, j);
            if (!l.isEmpty() || !r.isEmpty()) {
                curves.add(waveforms.compare(j, l, r));
            }
        }
        List<Indicator> found = indicators.evaluate(byMetric, in.view(), in.frontal(), in.quality().poseNearSide(),
                in.quality().nearLegRecordings());
        return new Assessment(confidenceLevel, in.view(), new ArrayList<>(byMetric.values()), curves, found,
                symmetry.rate(byMetric, found, in.quality().poseNearSide()), quality.assess(in));
    }

    private static List<ReferenceFlag> flags(Metric m, Map<Side, SampleStats> perSide, SampleStats pooled) {
        List<ReferenceFlag> out = new ArrayList<>();
        ReferenceRange range = m.reference();
        if (!range.defined()) {
            return out;
        }
        if (m.bilateral()) {
            for (Side s : Side.values()) {
                flag(m, s, perSide.get(s).mean(), range).ifPresent(out::add);
            }
        } else {
            flag(m, null, pooled.mean(), range).ifPresent(out::add);
        }
        return out;
    }

    private static java.util.Optional<ReferenceFlag> flag(Metric m, Side side, double mean, ReferenceRange range) {
        int c = range.compare(mean);
        if (c == 0) {
            return java.util.Optional.empty();
        }
        ReferenceFlag.Direction d = c < 0 ? ReferenceFlag.Direction.BELOW : ReferenceFlag.Direction.ABOVE;
        String where = side == null ? "" : " (" + Fmt.side(side) + ")";
        String text = m.label() + where + " " + m.formatWithUnit(mean) + " is " + (c < 0 ? "below" : "above")
                + " the healthy range " + m.format(range.low()) + " to " + m.formatWithUnit(range.high()) + " ("
                + range.source() + ")";
        return java.util.Optional.of(new ReferenceFlag(m, side, mean, d, range.low(), range.high(), text));
    }
}
