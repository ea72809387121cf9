package org.gaitlens.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.IndexValue;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.ParameterStats;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StrideValue;

/**
 * Turns an analysis into the store's tall rows. Names follow the session folder's files, so an export's columns
 * match them; units are the metric table's ({@link org.gaitlens.metric.Metric#unit()}):
 * <ul>
 *   <li>per stride ({@link #strides}): every {@code strides.csv} column, by its name there: {@code pass},
 *       {@code start_s}, {@code toe_off_s}, {@code end_s} and each {@link StrideParameter#column()}; the stride
 *       index is the {@code stride} column (0-based per side, in time order);</li>
 *   <li>per side, category {@code summary}: {@code stride_count}, and for each stride parameter its mean under the
 *       parameter's column name and its SD as {@code <column>_sd};</li>
 *   <li>side-less, category {@code asymmetry}: for each bilateral assessment metric {@code <key>_diff_r_minus_l},
 *       {@code <key>_si_pct}, {@code <key>_ratio_l_over_r}, {@code <key>_ga} and {@code <key>_sa_pct}
 *       (NaN where undefined, e.g. ratio indices of joint angles);</li>
 *   <li>per side, category {@code indicator}: {@code indicator_<pattern>} = 2 likely, 1 possible on the side the
 *       pattern points to, 0 on the other side and when absent, NaN when not assessable;</li>
 *   <li>side-less, category {@code quality}: {@code quality_trustworthy} 1 or 0, {@code tracking_coverage} 0-1.</li>
 * </ul>
 */
public final class RunResultsMapper {
    /** Extra {@code strides.csv} columns stored as stride values, beside the stride parameters. */
    public static final List<String> STRIDE_TIMING_COLUMNS = List.of("pass", "start_s", "toe_off_s", "end_s");

    private RunResultsMapper() {
    }

    /**
     * One row per stride and {@code strides.csv} column (except side and stride index, which are keys); none for a
     * frontal-view session ({@code gait == null}).
     */
    public static List<StrideValue> strides(GaitResult gait) {
        List<StrideValue> out = new ArrayList<>();
        if (gait == null) {
            return out;
        }
        for (Side side : Side.values()) {
            List<Stride> strides = gait.strides().getOrDefault(side, List.of());
            for (int k = 0; k < strides.size(); k++) {
                Stride s = strides.get(k);
                out.add(new StrideValue(side, k, "pass", s.passIndex(), strideUnit("pass")));
                out.add(new StrideValue(side, k, "start_s", s.timing().contactS(), strideUnit("start_s")));
                out.add(new StrideValue(side, k, "toe_off_s", s.timing().toeOffS(), strideUnit("toe_off_s")));
                out.add(new StrideValue(side, k, "end_s", s.timing().nextContactS(), strideUnit("end_s")));
                for (StrideParameter p : StrideParameter.values()) {
                    out.add(new StrideValue(side, k, p.column(), finite(p.of(s)), strideUnit(p.column())));
                }
            }
        }
        return out;
    }

    /** The names of the per-stride values ({@link #strides}): {@link #STRIDE_TIMING_COLUMNS}, then the parameters. */
    public static List<String> strideColumns() {
        List<String> out = new ArrayList<>(STRIDE_TIMING_COLUMNS);
        for (StrideParameter p : StrideParameter.values()) {
            out.add(p.column());
        }
        return out;
    }

    /**
     * The unit of a per-stride value by its name: none for {@code pass}, {@code s} for the event times, the metric
     * table's for a stride parameter.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link #strideColumns()}
     */
    public static String strideUnit(String column) {
        if (column.equals("pass")) {
            return "";
        }
        if (STRIDE_TIMING_COLUMNS.contains(column)) {
            return "s";
        }
        for (StrideParameter p : StrideParameter.values()) {
            if (p.column().equals(column)) {
                return p.metric().unit();
            }
        }
        throw new IllegalArgumentException("not a per-stride value: " + column);
    }

    /**
     * Per-side summaries, asymmetry, indicators and quality. For a frontal-view session ({@code gait == null}) the
     * summaries are the assessment's per-side (or pooled) means of its metrics.
     */
    public static List<MetricValue> metrics(GaitResult gait, Assessment assessment) {
        List<MetricValue> out = new ArrayList<>();
        for (Side side : gait == null ? new Side[0] : Side.values()) {
            out.add(MetricValue.of("summary", side, "stride_count", gait.strides().getOrDefault(side, List.of()).size(), ""));
            Map<StrideParameter, ParameterStats> stats = gait.summaries().getOrDefault(side, Map.of());
            for (StrideParameter p : StrideParameter.values()) {
                ParameterStats s = stats.get(p);
                out.add(MetricValue.of("summary", side, p.column(), s == null ? Double.NaN : finite(s.mean()),
                        p.metric().unit()));
                out.add(MetricValue.of("summary", side, p.column() + "_sd", s == null ? Double.NaN : finite(s.sd()),
                        p.metric().unit()));
            }
        }
        if (gait == null) {
            for (MetricSummary m : assessment.metrics()) {
                if (m.metric().bilateral()) {
                    for (Side side : Side.values()) {
                        out.add(MetricValue.of("summary", side, m.metric().key(), finite(m.perSide().get(side).mean()),
                                m.metric().unit()));
                    }
                } else {
                    out.add(MetricValue.sideless("summary", m.metric().key(), finite(m.pooled().mean()),
                            m.metric().unit()));
                }
            }
        }
        for (MetricSummary m : assessment.metrics()) {
            Asymmetry a = m.asymmetry();
            if (a == null) {
                continue;
            }
            String key = m.metric().key();
            out.add(MetricValue.sideless("asymmetry", key + "_diff_r_minus_l", value(a.differenceRightMinusLeft()),
                    m.metric().unit()));
            out.add(MetricValue.sideless("asymmetry", key + "_si_pct", value(a.symmetryIndexPct()), "%"));
            out.add(MetricValue.sideless("asymmetry", key + "_ratio_l_over_r", value(a.ratioLeftOverRight()), ""));
            out.add(MetricValue.sideless("asymmetry", key + "_ga", value(a.gaitAsymmetry()), ""));
            out.add(MetricValue.sideless("asymmetry", key + "_sa_pct", value(a.symmetryAnglePct()), "%"));
        }
        for (Indicator i : assessment.indicators()) {
            String name = "indicator_" + i.pattern().name().toLowerCase(Locale.ROOT);
            for (Side side : Side.values()) {
                out.add(MetricValue.of("indicator", side, name, indicatorLevel(i, side), ""));
            }
        }
        out.add(MetricValue.sideless("quality", "quality_trustworthy", assessment.quality().trustworthy() ? 1 : 0, ""));
        out.add(MetricValue.sideless("quality", "tracking_coverage", finite(assessment.quality().trackingCoverage()), ""));
        return out;
    }

    static double indicatorLevel(Indicator i, Side side) {
        if (i.strength() == Strength.NOT_ASSESSABLE) {
            return Double.NaN;
        }
        if (!i.strength().raised() || i.side() != side) {
            return 0;
        }
        return i.strength() == Strength.LIKELY ? 2 : 1;
    }

    private static double value(IndexValue v) {
        return v == null || !v.defined() ? Double.NaN : finite(v.value());
    }

    /** The store keeps NaN as "missing"; an infinite value (a division by zero upstream) is missing too. */
    private static double finite(double v) {
        return Double.isInfinite(v) ? Double.NaN : v;
    }
}
