package org.gaitlens.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.IndexValue;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.ParameterStats;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.PooledStride;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.metric.Metric;
import org.gaitlens.reference.Deviation;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.GaitVariable;
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
 *   <li>side-less, category {@code quality}: {@code quality_trustworthy} 1 or 0, {@code tracking_coverage} 0-1;</li>
 *   <li>side view, category {@code deviation} (the deviation from healthy walking, {@code docs/reference.md}): side-less
 *       {@code gps2d_deg} with {@code gps2d_ci95_low_deg} and {@code gps2d_ci95_high_deg}, and the matched band's
 *       healthy {@code gps2d_healthy_mean_deg} and {@code gps2d_healthy_p95_deg}; per side {@code gps2d_side_deg}
 *       with {@code gps2d_side_ci95_low_deg} and {@code gps2d_side_ci95_high_deg}, and {@code gvs_hip_deg},
 *       {@code gvs_knee_deg}, {@code gvs_ankle_deg} (NaN where not computed; none for a frontal view).</li>
 * </ul>
 */
public final class RunResultsMapper {
    /** Extra {@code strides.csv} columns stored as stride values, beside the stride parameters. */
    public static final List<String> STRIDE_TIMING_COLUMNS = List.of("pass", "start_s", "toe_off_s", "end_s");
    /** Stride value of a pooled session: the position of the stride's recording in its run. */
    public static final String RECORDING = "recording";

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
                add(out, side, k, strides.get(k));
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
     * As {@link #strides(GaitResult)} for a session pooled from several recordings: per side the pooled strides in
     * pool order, each with a {@value #RECORDING} value, the position of its recording in the run
     * ({@code org.gaitlens.store.RunRepository#recordingIds}; the export turns it into the file name). {@code pass}
     * stays the pass index within that recording.
     *
     * @param position the run position of each pooled recording, by {@link PooledGait#recordings()} index
     */
    public static List<StrideValue> strides(PooledGait gait, IntUnaryOperator position) {
        List<StrideValue> out = new ArrayList<>();
        for (Side side : Side.values()) {
            List<PooledStride> strides = gait.strides().getOrDefault(side, List.of());
            for (int k = 0; k < strides.size(); k++) {
                out.add(new StrideValue(side, k, RECORDING, position.applyAsInt(strides.get(k).recording()), ""));
                add(out, side, k, strides.get(k).stride());
            }
        }
        return out;
    }

    private static void add(List<StrideValue> out, Side side, int k, Stride s) {
        out.add(new StrideValue(side, k, "pass", s.passIndex(), strideUnit("pass")));
        out.add(new StrideValue(side, k, "start_s", s.timing().contactS(), strideUnit("start_s")));
        out.add(new StrideValue(side, k, "toe_off_s", s.timing().toeOffS(), strideUnit("toe_off_s")));
        out.add(new StrideValue(side, k, "end_s", s.timing().nextContactS(), strideUnit("end_s")));
        for (StrideParameter p : StrideParameter.values()) {
            out.add(new StrideValue(side, k, p.column(), finite(p.of(s)), strideUnit(p.column())));
        }
    }

    /**
     * Per-side summaries, asymmetry, indicators, quality and the deviation from healthy walking. For a frontal-view
     * session ({@code gait == null}) the summaries are the assessment's per-side (or pooled) means of its metrics.
     *
     * @param deviation the side view's deviation from healthy walking, or {@code null} (frontal view)
     */
    public static List<MetricValue> metrics(GaitResult gait, Assessment assessment, Deviation deviation) {
        return gait == null ? metrics(null, null, assessment, deviation) : metrics(side -> gait.strides()
                .getOrDefault(side, List.of()).size(), gait.summaries(), assessment, deviation);
    }

    /**
     * As {@link #metrics(GaitResult, Assessment, Deviation)} for a pooled session: stride counts and summaries of the
     * pool.
     */
    public static List<MetricValue> metrics(PooledGait gait, Assessment assessment, Deviation deviation) {
        return metrics(gait::strideCount, gait.summaries(), assessment, deviation);
    }

    private static List<MetricValue> metrics(ToIntFunction<Side> strideCount,
            Map<Side, Map<StrideParameter, ParameterStats>> summaries, Assessment assessment, Deviation deviation) {
        boolean gait = summaries != null;
        List<MetricValue> out = new ArrayList<>();
        for (Side side : !gait ? new Side[0] : Side.values()) {
            out.add(MetricValue.of("summary", side, "stride_count", strideCount.applyAsInt(side), ""));
            Map<StrideParameter, ParameterStats> stats = summaries.getOrDefault(side, Map.of());
            for (StrideParameter p : StrideParameter.values()) {
                ParameterStats s = stats.get(p);
                out.add(MetricValue.of("summary", side, p.column(), s == null ? Double.NaN : finite(s.mean()),
                        p.metric().unit()));
                out.add(MetricValue.of("summary", side, p.column() + "_sd", s == null ? Double.NaN : finite(s.sd()),
                        p.metric().unit()));
            }
        }
        if (!gait) {
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
        if (deviation != null) {
            deviation(out, deviation);
        }
        return out;
    }

    /** The {@code deviation} rows, named and with units from the metric table's deviation scores. */
    private static void deviation(List<MetricValue> out, Deviation d) {
        String unit = Metric.GPS2D_DEG.unit();
        String gps = Metric.GPS2D_DEG.key().replace("_deg", "");
        String side = Metric.GPS2D_SIDE_DEG.key().replace("_deg", "");
        GaitProfileScore.Scores s = d.scores();
        estimate(out, null, gps, s.overall(), unit);
        out.add(MetricValue.sideless("deviation", gps + "_healthy_mean_deg", finite(d.healthy().gps2d().mean()), unit));
        out.add(MetricValue.sideless("deviation", gps + "_healthy_p95_deg", finite(d.healthy().gps2d().p95()), unit));
        for (Side sd : Side.values()) {
            estimate(out, sd, side, s.sideGps().get(sd), unit);
            for (GaitVariable v : GaitVariable.values()) {
                out.add(MetricValue.of("deviation", sd, gvs(v).key(), finite(s.gvs(sd, v)), gvs(v).unit()));
            }
        }
    }

    private static void estimate(List<MetricValue> out, Side side, String name, GaitProfileScore.Estimate e,
            String unit) {
        double[] v = {e.valueDeg(), e.ciLowDeg(), e.ciHighDeg()};
        String[] names = {name + "_deg", name + "_ci95_low_deg", name + "_ci95_high_deg"};
        for (int i = 0; i < v.length; i++) {
            out.add(side == null ? MetricValue.sideless("deviation", names[i], finite(v[i]), unit)
                    : MetricValue.of("deviation", side, names[i], finite(v[i]), unit));
        }
    }

    /** The metric-table entry of a variable's GVS. */
    static Metric gvs(GaitVariable v) {
        return switch (v) {
            case HIP -> Metric.GVS_HIP_DEG;
            case KNEE -> Metric.GVS_KNEE_DEG;
            case ANKLE -> Metric.GVS_ANKLE_DEG;
        };
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
