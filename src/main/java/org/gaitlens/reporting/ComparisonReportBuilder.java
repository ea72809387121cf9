package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.IndexValue;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.metric.ImprovementDirection;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.ChangeVerdict;
import org.gaitlens.report.ComparisonReport;
import org.gaitlens.report.ComparisonThreshold;
import org.gaitlens.report.DeviationTrend;
import org.gaitlens.report.PatternSentence;
import org.gaitlens.report.ReportFormat;
import org.gaitlens.report.SessionColumn;
import org.gaitlens.report.TrendSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the multi-session {@link ComparisonReport} of one patient from the sessions' {@link ReportInput}s.
 *
 * <p><b>Rows.</b> Key metrics (the product's choice, after the change-over-treatment measures of the lumbar
 * literature in {@code docs/assessment.md} section 4): gait speed, cadence, stride time, stance % and step
 * length per side, the symmetry indices (SI, Robinson et al. 1987) of stance, step and swing time and step
 * length, knee flexion peaks in swing and loading, ankle dorsiflexion in mid-swing, plantarflexion at toe off
 * and foot clearance per side, trunk forward lean; frontal metrics (trunk shift, pelvic drop, step width) when
 * a session has them. Labels, units and decimals come from the metric table ({@link Metric}). A session lacking
 * a metric has no value there; rows without any value are left out.
 *
 * <p><b>Threshold per row</b>: {@link ComparisonThreshold}, the largest of the published anchor, the product's own
 * pass-to-pass repeatability (from the pass-1-minus-pass-2 differences of every session with two or more
 * walking passes) and the sampling error of the session values. The row's source text names the term that set
 * it. A row with no term at all is left out. The change is judged by {@link ChangeVerdict#judge}.
 *
 * <p><b>Deviation from healthy walking</b> ({@link ComparisonDeviations}): the first row, the first trend and the
 * first summary sentence are the overall GPS-2D, judged against its data-derived threshold; the per-session scores,
 * intervals and bands go with the report.
 *
 * <p><b>Direction</b>: {@link Metric#improvement()}; for metrics judged "toward the healthy range" the
 * direction is toward the range from the first value when that lies outside it, else the direction of the
 * lumbar pattern the metric screens for ({@link #inRangeDirection}).
 */
public final class ComparisonReportBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ComparisonReportBuilder.class);

    /**
     * One session to compare.
     *
     * @param sessionId stable id (folder name or run id)
     * @param input     its report input
     */
    public record Session(String sessionId, ReportInput input) {
        public Session {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(input, "input");
        }
    }

    /** What a row measures: a metric's mean on one side or pooled, or a metric's SI. */
    record Spec(Metric metric, Side side, boolean si) {
        String key() {
            return metric.key() + (si ? "_si" : side == null ? "" : "_" + side.name().toLowerCase(Locale.ROOT));
        }

        /** The metric's label, with the side ("Stance, left") or as an SI ("Stance-time asymmetry (SI)"). */
        String label() {
            if (si) {
                return metric.label().replace(' ', '-') + " asymmetry (SI)";
            }
            return metric.label() + (side == null ? "" : ", " + side.name().toLowerCase(Locale.ROOT));
        }
    }

    private ComparisonReportBuilder() {
    }

    /** The rows in display order. */
    static List<Spec> specs() {
        List<Spec> out = new ArrayList<>();
        out.add(new Spec(Metric.SPEED_M_PER_S, null, false));
        out.add(new Spec(Metric.CADENCE_STEPS_PER_MIN, null, false));
        out.add(new Spec(Metric.STRIDE_TIME_S, null, false));
        sided(out, Metric.STANCE_PCT);
        sided(out, Metric.STEP_LENGTH_M);
        out.add(new Spec(Metric.STANCE_TIME_S, null, true));
        out.add(new Spec(Metric.STEP_TIME_S, null, true));
        out.add(new Spec(Metric.SWING_TIME_S, null, true));
        out.add(new Spec(Metric.STEP_LENGTH_M, null, true));
        sided(out, Metric.KNEE_FLEX_SWING_PEAK_DEG);
        sided(out, Metric.KNEE_FLEX_LOADING_PEAK_DEG);
        sided(out, Metric.ANKLE_DF_SWING_DEG);
        sided(out, Metric.ANKLE_PF_TOE_OFF_DEG);
        sided(out, Metric.FOOT_CLEARANCE_REL);
        out.add(new Spec(Metric.TRUNK_LEAN_DEG, null, false));
        out.add(new Spec(Metric.TRUNK_SHIFT_REL, null, false));
        sided(out, Metric.PELVIC_OBLIQUITY_DEG);
        out.add(new Spec(Metric.STEP_WIDTH_M, null, false));
        return out;
    }

    private static void sided(List<Spec> out, Metric m) {
        for (Side s : Side.values()) {
            out.add(new Spec(m, s, false));
        }
    }

    /**
     * Builds the comparison; sessions are put in date order (then label, then id).
     *
     * @throws IllegalArgumentException if {@code sessions} is empty
     */
    public static ComparisonReport build(List<Session> sessions) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("no session to compare");
        }
        List<Session> s = sorted(sessions);
        Set<String> patients = new LinkedHashSet<>();
        s.forEach(x -> patients.add(x.input().patientId()));
        if (patients.size() > 1) {
            LOG.warn("comparing sessions of different patients: {}", patients);
        }
        List<SessionColumn> columns = new ArrayList<>();
        for (Session x : s) {
            columns.add(new SessionColumn(x.sessionId(), x.input().sessionDate(), x.input().sessionLabel(),
                    x.input().cameraView(), SessionReportBuilder.verdict(x.input().assessment()),
                    x.input().recordings().stream().filter(r -> r.note() == null || r.note().isEmpty())
                            .map(ReportInput.Recording::file).toList()));
        }
        Map<String, ChangeRow> rows = new java.util.LinkedHashMap<>();
        ComparisonDeviations.row(s).ifPresent(r -> rows.put(ComparisonDeviations.KEY, r));
        for (Spec spec : specs()) {
            row(spec, s).ifPresent(r -> rows.put(spec.key(), r));
        }
        DeviationTrend deviation = ComparisonDeviations.trend(s);
        List<TrendSeries> trends = new ArrayList<>();
        ComparisonDeviations.trendSeries(rows.get(ComparisonDeviations.KEY), deviation).ifPresent(trends::add);
        trends.addAll(ComparisonChartData.trends(rows));
        return new ComparisonReport(String.join(" / ", patients), s.get(s.size() - 1).input().softwareVersion(), columns,
                new ArrayList<>(rows.values()), trends, ComparisonChartData.overlays(s), sentences(rows, s), deviation);
    }

    /** The sessions in the comparison's order: by date, then label, then id. */
    static List<Session> sorted(List<Session> sessions) {
        List<Session> s = new ArrayList<>(sessions);
        s.sort(Comparator.comparing((Session x) -> x.input().sessionDate())
                .thenComparing(x -> x.input().sessionLabel()).thenComparing(Session::sessionId));
        return s;
    }

    // ---------------------------------------------------------------- rows

    static Optional<ChangeRow> row(Spec spec, List<Session> sessions) {
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> sideMeans = new ArrayList<>();
        List<Double> passDiffs = new ArrayList<>();
        boolean any = false;
        for (Session x : sessions) {
            Optional<MetricSummary> ms = x.input().assessment().metric(spec.metric());
            Double v = null;
            double se = Double.NaN;
            if (ms.isPresent()) {
                if (spec.si()) {
                    if (ms.get().asymmetry() != null && ms.get().asymmetry().symmetryIndexPct().defined()) {
                        IndexValue si = ms.get().asymmetry().symmetryIndexPct();
                        v = si.value();
                        se = si.standardError();
                        sideMeans.add(0.5 * (ms.get().perSide().get(Side.LEFT).mean()
                                + ms.get().perSide().get(Side.RIGHT).mean()));
                    }
                } else {
                    SampleStats st = spec.side() == null ? ms.get().pooled() : ms.get().perSide().get(spec.side());
                    if (st != null && st.n() > 0 && Double.isFinite(st.mean())) {
                        v = st.mean();
                        se = st.standardError();
                    }
                }
            }
            if (v != null && !Double.isFinite(v)) {
                v = null;
            }
            any |= v != null;
            values.add(v);
            if (v != null && Double.isFinite(se)) {
                errors.add(se);
            }
            passDifference(spec, x.input()).ifPresent(passDiffs::add);
        }
        if (!any) {
            return Optional.empty();
        }
        Metric m = spec.metric();
        Optional<ComparisonThreshold> published = spec.si() ? ComparisonThreshold.publishedAsSi(m, sideMeans)
                : ComparisonThreshold.published(m);
        Optional<ComparisonThreshold> threshold = ComparisonThreshold.largest(published, passDiffs, errors);
        if (threshold.isEmpty()) {
            LOG.info("no change threshold for {}: row left out", spec.label());
            return Optional.empty();
        }
        int decimals = spec.si() ? 1 : m.decimals();
        String unit = spec.si() ? "%" : m.unit();
        ImprovementDirection dir = spec.si() ? ImprovementDirection.CLOSER_TO_ZERO : direction(m, values);
        return Optional.of(ChangeRow.compute(spec.label(), unit, decimals, dir,
                Decimals.round(threshold.get().value(), decimals + 1), threshold.get().source(), values));
    }

    /**
     * The first-minus-second walking pass difference of a row's quantity in one session, when it has two passes
     * with values.
     */
    static Optional<Double> passDifference(Spec spec, ReportInput in) {
        Map<Integer, Double> byPass = new TreeMap<>();
        for (ReportInput.Pass p : in.passes()) {
            double v = spec.si() ? passSi(in, spec.metric(), p.index())
                    : passMean(in, spec.metric().key(), spec.side(), p.index());
            if (Double.isFinite(v)) {
                byPass.put(p.index(), v);
            }
        }
        if (byPass.size() < 2) {
            return Optional.empty();
        }
        var it = byPass.values().iterator();
        return Optional.of(it.next() - it.next());
    }

    private static double passMean(ReportInput in, String key, Side side, int pass) {
        SampleStats s = SampleStats.of(in.strides().stream()
                .filter(x -> x.passIndex() == pass && (side == null || x.side() == side))
                .mapToDouble(x -> x.value(key)).toArray());
        return s.n() == 0 ? Double.NaN : s.mean();
    }

    private static double passSi(ReportInput in, Metric m, int pass) {
        double l = passMean(in, m.key(), Side.LEFT, pass);
        double r = passMean(in, m.key(), Side.RIGHT, pass);
        return l + r > 0 ? 100 * (r - l) / (0.5 * (r + l)) : Double.NaN;
    }

    static ImprovementDirection direction(Metric m, List<Double> values) {
        if (m.improvement().resolved()) {
            return m.improvement();
        }
        Double first = values.stream().filter(Objects::nonNull).findFirst().orElse(null);
        int c = first == null ? 0 : m.reference().compare(first);
        if (c < 0) {
            return ImprovementDirection.HIGHER_IS_BETTER;
        }
        if (c > 0) {
            return ImprovementDirection.LOWER_IS_BETTER;
        }
        return inRangeDirection(m);
    }

    /**
     * Direction for a "toward the range" metric whose first value lies in the range: the direction away from
     * the lumbar pattern it screens for ({@code docs/assessment.md} section 4): slower cadence and longer strides
     * and stance in lumbar disorders (Natarajan et al. 2022); less dorsiflexion in swing (L5, Lee et al. 2010); less
     * plantarflexion at toe off and hip extension (S1, Ryu et al. 2004); more knee flexion after contact (L4,
     * Yokogawa et al. 2015); less knee flexion in swing (stiff-knee gait in slow, painful walking); trunk
     * toward upright; less pelvic drop.
     */
    static ImprovementDirection inRangeDirection(Metric m) {
        return switch (m) {
            case CADENCE_STEPS_PER_MIN, KNEE_FLEX_SWING_PEAK_DEG, ANKLE_DF_SWING_DEG, ANKLE_PF_TOE_OFF_DEG,
                    HIP_EXT_PEAK_DEG -> ImprovementDirection.HIGHER_IS_BETTER;
            case TRUNK_LEAN_DEG -> ImprovementDirection.CLOSER_TO_ZERO;
            default -> ImprovementDirection.LOWER_IS_BETTER;
        };
    }

    // ---------------------------------------------------------------- sentences

    /**
     * One sentence per pattern: walking speed, antalgic gait (stance-time SI), step-length asymmetry, and for the
     * sided patterns (L5, S1, L4) the side the indicators or the symmetry verdict named in the earliest session
     * that named one. Trunk list when a frontal session has the trunk shift.
     */
    static List<PatternSentence> sentences(Map<String, ChangeRow> rows, List<Session> sessions) {
        List<PatternSentence> out = new ArrayList<>();
        add(out, "Deviation from healthy walking", rows.get(ComparisonDeviations.KEY));
        add(out, "Walking speed", rows.get(Metric.SPEED_M_PER_S.key()));
        add(out, "Antalgic gait", rows.get(Metric.STANCE_TIME_S.key() + "_si"));
        add(out, "Step-length asymmetry", rows.get(Metric.STEP_LENGTH_M.key() + "_si"));
        sidedSentence(out, rows, sessions, Pattern.L5_FOOT_DROP, Metric.ANKLE_DF_SWING_DEG);
        sidedSentence(out, rows, sessions, Pattern.S1_WEAK_PUSH_OFF, Metric.ANKLE_PF_TOE_OFF_DEG);
        sidedSentence(out, rows, sessions, Pattern.L4_KNEE, Metric.KNEE_FLEX_LOADING_PEAK_DEG);
        add(out, SessionReportBuilder.patternName(Pattern.TRUNK_LIST), rows.get(Metric.TRUNK_SHIFT_REL.key()));
        return out;
    }

    private static void sidedSentence(List<PatternSentence> out, Map<String, ChangeRow> rows, List<Session> sessions,
            Pattern p, Metric m) {
        Side side = null;
        for (Session x : sessions) {
            Assessment a = x.input().assessment();
            Optional<Indicator> i = a.indicators().stream().filter(k -> k.pattern() == p && k.strength().raised())
                    .findFirst();
            if (i.isPresent()) {
                side = i.get().side();
                break;
            }
        }
        if (side == null) {
            side = sessions.stream().map(x -> x.input().assessment().symmetry().affectedSide())
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        if (side != null) {
            add(out, SessionReportBuilder.patternName(p), rows.get(m.key() + "_" + side.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static void add(List<PatternSentence> out, String pattern, ChangeRow row) {
        if (row != null) {
            out.add(new PatternSentence(pattern, row.overallVerdict(), sentence(row)));
        }
    }

    /**
     * {@link ChangeRow#sentence()}, except for signed indices judged by their distance from zero, whose sentence
     * speaks of the magnitude: "Stance-time asymmetry (SI) fell from 12.7 % to 3.2 % in magnitude (threshold
     * 3.1 %): improved" rather than "rose from -12.7 % to -3.2 %".
     */
    public static String sentence(ChangeRow row) {
        int last = row.latestIndex();
        if (row.direction() != ImprovementDirection.CLOSER_TO_ZERO || last < 0
                || row.fromFirst().get(last).referenceIndex() == null) {
            return row.sentence();
        }
        double from = Math.abs(row.values().get(row.fromFirst().get(last).referenceIndex()));
        double to = Math.abs(row.values().get(last));
        String f = ReportFormat.value(from, row.decimals(), row.unit());
        String t = ReportFormat.value(to, row.decimals(), row.unit());
        String movement = f.equals(t) ? "stayed at " + t + " in magnitude"
                : (to > from ? "rose" : "fell") + " from " + f + " to " + t + " in magnitude";
        return row.label() + " " + movement + " (threshold "
                + ReportFormat.value(row.threshold(), row.decimals(), row.unit()) + "): "
                + row.fromFirst().get(last).verdict().label();
    }

}
