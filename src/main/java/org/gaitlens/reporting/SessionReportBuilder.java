package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.Asymmetry;
import org.gaitlens.assess.IndexValue;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.assess.SymmetryVerdict;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.gait.Rejection;
import org.gaitlens.gait.RejectionReason;
import org.gaitlens.metric.Metric;
import org.gaitlens.metric.ReferenceRange;
import org.gaitlens.metric.References;
import org.gaitlens.report.AsymmetryItem;
import org.gaitlens.report.IndicatorItem;
import org.gaitlens.report.IndicatorStatus;
import org.gaitlens.report.MetricRow;
import org.gaitlens.report.MetricTable;
import org.gaitlens.report.QualityPanel;
import org.gaitlens.report.QualityVerdict;
import org.gaitlens.report.RejectedStrides;
import org.gaitlens.report.ReportHeader;
import org.gaitlens.report.ReportSummary;
import org.gaitlens.report.SessionReport;

/**
 * Builds the display-level {@link SessionReport} from one session's {@link ReportInput} (gait result and
 * assessment). A pure function: the same input gives the same model, so {@code gaitlens report} rebuilds
 * exactly what {@code gaitlens analyze} wrote.
 *
 * <p>What goes where:
 * <ul>
 *   <li>Summary: the symmetry verdict ({@link org.gaitlens.assess.SymmetryRating}) in one sentence naming the
 *       metrics that made it asymmetric with their side means; the affected side; every lumbar screening
 *       pattern with its status (likely = signs present, possible, none = no signs, not assessable) and the
 *       assessment's evidence; the data-quality verdict (not trustworthy = insufficient, trustworthy with
 *       cautions = limited, else sufficient).</li>
 *   <li>Tables: spatiotemporal parameters per side with the symmetry index SI = 100 (R - L) / mean(L, R)
 *       (Robinson et al. 1987) and its 95 % CI in the asymmetry chart; SI thresholds where the assessment
 *       has one (Patterson et al. 2010 healthy ratio limits, as SI = 200 (r - 1) / (r + 1)); kinematic key
 *       values per side. Labels, units, decimals and reference ranges (where both bounds are set) from the
 *       metric table ({@link Metric}). Where the healthy dataset holds a metric ({@link Metric#normativeKey()}),
 *       the row carries its mean and SD in the session's matched speed band ({@link HealthyReferences}), and the
 *       values are judged by their z-scores against it instead of the textbook range.</li>
 *   <li>A session pooled from several recordings ({@link RecordingsReport}): the recordings table (named in the
 *       header), and the main values per pass and per recording with their range.</li>
 *   <li>Curves ({@link SessionChartData}, with the phase bars and per-stride series): the assessment's
 *       per-side mean and SD of every stride's curve, toe off at the side's mean stance %, over the matched
 *       healthy band (Fukuchi et al. 2018, mean ± 1 SD; hip as thigh from vertical as gaitlens measures it,
 *       docs/reference.md); the trunk has no band.</li>
 *   <li>Deviation from healthy walking ({@link DeviationSections}): GPS-2D and GVS with the Movement Analysis
 *       Profile, for a side view whose snapshot carries the comparison.</li>
 * </ul>
 */
public final class SessionReportBuilder {
    /** Spatiotemporal rows in display order. */
    static final List<Metric> SPATIOTEMPORAL = List.of(Metric.SPEED_M_PER_S, Metric.CADENCE_STEPS_PER_MIN,
            Metric.STRIDE_TIME_S, Metric.STANCE_TIME_S, Metric.SWING_TIME_S, Metric.STANCE_PCT,
            Metric.SINGLE_SUPPORT_S, Metric.DOUBLE_SUPPORT_S, Metric.STEP_TIME_S, Metric.STEP_LENGTH_M,
            Metric.STRIDE_LENGTH_M, Metric.STEP_WIDTH_M);
    /** Kinematic rows in display order. */
    static final List<Metric> KINEMATIC = List.of(Metric.KNEE_FLEX_IC_DEG,
            Metric.KNEE_FLEX_LOADING_PEAK_DEG, Metric.KNEE_FLEX_SWING_PEAK_DEG, Metric.HIP_EXT_PEAK_DEG,
            Metric.HIP_FLEX_SWING_PEAK_DEG, Metric.ANKLE_DF_SWING_DEG, Metric.ANKLE_PF_TOE_OFF_DEG,
            Metric.FOOT_CLEARANCE_REL, Metric.CONTACT_HEEL_FIRST_FRAC, Metric.TRUNK_LEAN_DEG,
            Metric.TRUNK_SHIFT_REL, Metric.PELVIC_OBLIQUITY_DEG);
    /** Metrics whose SI appears in the asymmetry overview. */
    static final List<Metric> ASYMMETRY = List.of(Metric.STANCE_TIME_S, Metric.SWING_TIME_S,
            Metric.SINGLE_SUPPORT_S, Metric.STEP_TIME_S, Metric.STEP_LENGTH_M, Metric.STRIDE_TIME_S,
            Metric.STANCE_PCT, Metric.DOUBLE_SUPPORT_S);

    private SessionReportBuilder() {
    }

    /** The session report of one analysed session. */
    public static SessionReport build(ReportInput in) {
        if (in.isFrontal()) {
            return FrontalReportBuilder.build(in);
        }
        Assessment a = in.assessment();
        ReportHeader header = new ReportHeader(in.patientId(), in.sessionDate(), in.sessionLabel(), in.inputFile(),
                in.cameraView(), in.frameRateHz(), in.poseModel(), in.scaleSource(), in.softwareVersion(),
                in.recordings().stream().map(ReportInput.Recording::file).toList());
        QualityVerdict verdict = verdict(a);
        ReportSummary summary = new ReportSummary(symmetryStatement(a), a.symmetry().affectedSide(), indicators(a),
                verdict, qualityStatement(a));
        List<MetricTable> tables = new ArrayList<>();
        MetricTable spatio = spatiotemporalTable(in);
        if (!spatio.rows().isEmpty()) {
            tables.add(spatio);
        }
        MetricTable kin = kinematicTable(a, in.deviation());
        if (!kin.rows().isEmpty()) {
            tables.add(kin);
        }
        return new SessionReport(header, summary, tables, asymmetryItems(a),
                SessionChartData.curves(a, in.deviation()), SessionChartData.phases(in.events()),
                SessionChartData.strideSeries(in), in.keyFrames(), qualityPanel(in, verdict), List.of(),
                RecordingsReport.rows(in), RecordingsReport.repeatability(in),
                in.deviation() == null ? null : DeviationSections.of(in.deviation()));
    }

    // ---------------------------------------------------------------- summary

    static QualityVerdict verdict(Assessment a) {
        if (!a.quality().trustworthy()) {
            return QualityVerdict.INSUFFICIENT;
        }
        return a.quality().cautions().isEmpty() ? QualityVerdict.SUFFICIENT : QualityVerdict.LIMITED;
    }

    static String symmetryStatement(Assessment a) {
        SymmetryVerdict s = a.symmetry();
        return switch (s.level()) {
            case INSUFFICIENT_DATA -> "Symmetry cannot be judged: fewer than 3 usable strides per side.";
            case SYMMETRIC -> "Gait is symmetric: no left/right difference is both beyond healthy limits and clearly "
                    + "larger than the measurement error (95 % confidence interval excluding zero).";
            case MILDLY_ASYMMETRIC, MARKEDLY_ASYMMETRIC -> {
                List<String> parts = new ArrayList<>();
                for (String reason : s.reasons()) {
                    if (!(reason.endsWith("mildly asymmetric") || reason.endsWith("markedly asymmetric"))) {
                        continue;
                    }
                    for (MetricSummary ms : a.metrics()) {
                        if (reason.startsWith(ms.metric().label() + " ")) {
                            parts.add(contributor(ms, reason.endsWith("markedly asymmetric")));
                            break;
                        }
                    }
                }
                String level = s.level() == SymmetryVerdict.Level.MILDLY_ASYMMETRIC ? "mildly" : "markedly";
                yield "Gait is " + level + " asymmetric" + (parts.isEmpty() ? "." : ": " + String.join("; ", parts) + ".");
            }
        };
    }

    /** "stance time left 0.61 s vs right 0.70 s (SI +13.7 %)" or the angle difference. */
    private static String contributor(MetricSummary ms, boolean marked) {
        Metric m = ms.metric();
        String sides = lower(m.label()) + " left " + m.format(ms.perSide().get(Side.LEFT).mean()) + " vs right "
                + m.formatWithUnit(ms.perSide().get(Side.RIGHT).mean());
        Asymmetry as = ms.asymmetry();
        if (as != null && as.symmetryIndexPct().defined()) {
            return sides + " (SI " + Decimals.signed(as.symmetryIndexPct().value(), 1) + " %"
                    + (marked ? ", marked" : "") + ")";
        }
        return sides + (as == null ? "" : " (difference " + m.formatWithUnit(as.absoluteDifference())
                + (marked ? ", marked" : "") + ")");
    }

    static List<IndicatorItem> indicators(Assessment a) {
        List<IndicatorItem> out = new ArrayList<>();
        for (Indicator i : a.indicators()) {
            IndicatorStatus status = switch (i.strength()) {
                case LIKELY -> IndicatorStatus.PRESENT;
                case POSSIBLE -> IndicatorStatus.POSSIBLE;
                case NONE -> IndicatorStatus.NOT_PRESENT;
                case NOT_ASSESSABLE -> IndicatorStatus.NOT_ASSESSED;
            };
            List<String> evidence = new ArrayList<>();
            i.evidence().forEach(e -> {
                if (!evidence.contains(tidy(e))) {
                    evidence.add(tidy(e));
                }
            });
            out.add(new IndicatorItem(patternName(i.pattern()), status, i.side(), tidy(i.statement()), evidence));
        }
        return out;
    }

    /** Short pattern names for the report. */
    static String patternName(Pattern p) {
        return switch (p) {
            case ANTALGIC -> "Antalgic gait";
            case L5_FOOT_DROP -> "Foot drop / steppage (L5)";
            case S1_WEAK_PUSH_OFF -> "Weak push-off (S1)";
            case L4_KNEE -> "Knee pattern (L4)";
            case TRUNK_LIST -> "Trunk list";
        };
    }

    static String qualityStatement(Assessment a) {
        var q = a.quality();
        int rejected = q.stridesRejected().values().stream().mapToInt(Integer::intValue).sum();
        String s = String.format(Locale.ROOT, "%d left and %d right strides used (%d rejected), %.0f %% tracking coverage",
                q.stridesUsed().getOrDefault(Side.LEFT, 0), q.stridesUsed().getOrDefault(Side.RIGHT, 0), rejected,
                100 * q.trackingCoverage());
        if (!q.reasons().isEmpty()) {
            s += ". " + String.join(" ", q.reasons());
        }
        return s;
    }

    // ---------------------------------------------------------------- tables

    static MetricTable spatiotemporalTable(ReportInput in) {
        Assessment a = in.assessment();
        List<MetricRow> rows = new ArrayList<>();
        for (Metric m : SPATIOTEMPORAL) {
            a.metric(m).ifPresent(ms -> rows.add(row(ms, in.deviation())));
        }
        if (a.metric(Metric.STEP_LENGTH_M).isEmpty()) {
            // Without a scale, lengths and speed in leg lengths (always available).
            addNormalised(in, rows, Metric.SPEED_LEG_PER_S);
            addNormalised(in, rows, Metric.STEP_LENGTH_LEG);
            addNormalised(in, rows, Metric.STRIDE_LENGTH_LEG);
        }
        return new MetricTable("Spatiotemporal parameters",
                "Mean ± SD across strides. Asymmetry: symmetry index SI = 100 (R − L) / mean(L, R) (Robinson 1987); "
                        + "SI > 0: right larger. Flagged where a documented healthy limit exists (Patterson et al. 2010)."
                        + HealthyReferences.note(rows, in.deviation(), ""),
                rows);
    }

    private static void addNormalised(ReportInput in, List<MetricRow> rows, Metric m) {
        Map<Side, SampleStats> stats = new EnumMap<>(Side.class);
        List<Double> pooled = new ArrayList<>();
        for (Side side : Side.values()) {
            double[] v = in.strides(side).stream().mapToDouble(s -> s.value(m.key())).toArray();
            stats.put(side, SampleStats.of(v));
            for (double x : v) {
                pooled.add(x);
            }
        }
        SampleStats all = SampleStats.of(pooled.stream().mapToDouble(Double::doubleValue).toArray());
        if (all.n() == 0) {
            return;
        }
        if (m.bilateral()) {
            rows.add(MetricRow.bilateral(m.label(), m.unit(), m.decimals(), mean(stats.get(Side.LEFT)),
                    sd(stats.get(Side.LEFT)), mean(stats.get(Side.RIGHT)), sd(stats.get(Side.RIGHT)), null, "", null, null));
        } else {
            rows.add(MetricRow.single(m.label(), m.unit(), m.decimals(), mean(all), sd(all), null));
        }
    }

    static MetricTable kinematicTable(Assessment a, HealthyComparison h) {
        List<MetricRow> rows = new ArrayList<>();
        for (Metric m : KINEMATIC) {
            a.metric(m).ifPresent(ms -> rows.add(row(ms, h)));
        }
        String toeOff = a.metric(Metric.ANKLE_PF_TOE_OFF_DEG).isPresent()
                ? " Plantarflexion at toe off keeps its textbook range: the dataset has no toe-off times, and its "
                        + "value depends on where toe off is placed." : "";
        return new MetricTable("Joint angles and foot: key values",
                "Mean ± SD across strides; flexion and dorsiflexion positive; hip = thigh against the vertical. "
                        + "Angles are compared between sides by their difference (limit 5 deg, McGinley et al. 2009), "
                        + "not by a % index." + HealthyReferences.note(rows, h, toeOff),
                rows);
    }

    /** {@link #row(MetricSummary)} with the healthy dataset's reference where it has the metric. */
    static MetricRow row(MetricSummary ms, HealthyComparison h) {
        MetricRow row = row(ms);
        return HealthyReferences.normative(h, ms.metric()).map(row::withNormative).orElse(row);
    }

    static MetricRow row(MetricSummary ms) {
        Metric m = ms.metric();
        int d = m.decimals();
        ReferenceRange ref = m.reference().closed() ? m.reference() : null;
        if (!m.bilateral()) {
            return MetricRow.single(m.label(), m.unit(), d, mean(ms.pooled()), sd(ms.pooled()), ref);
        }
        Double si = null;
        Asymmetry as = ms.asymmetry();
        if (as != null && as.symmetryIndexPct().defined()) {
            si = as.symmetryIndexPct().value();
        }
        return MetricRow.bilateral(m.label(), m.unit(), d, mean(ms.perSide().get(Side.LEFT)),
                sd(ms.perSide().get(Side.LEFT)), mean(ms.perSide().get(Side.RIGHT)), sd(ms.perSide().get(Side.RIGHT)),
                si, si == null ? "" : "SI", si == null ? null : siThreshold(m).orElse(null), ref);
    }

    /**
     * The SI above which the assessment counts a side difference as beyond healthy (Patterson et al. 2010 ratio
     * limits as SI = 200 (r - 1) / (r + 1)); empty where no limit is documented.
     */
    static Optional<Double> siThreshold(Metric m) {
        double ratio = switch (m) {
            case STANCE_TIME_S -> IndicatorThresholds.STANCE_RATIO_LIMIT;
            case SWING_TIME_S, SINGLE_SUPPORT_S -> IndicatorThresholds.SWING_RATIO_LIMIT;
            case STEP_LENGTH_M -> IndicatorThresholds.STEP_LENGTH_RATIO_LIMIT;
            default -> Double.NaN;
        };
        return Double.isNaN(ratio) ? Optional.empty()
                : Optional.of(Decimals.round(IndicatorThresholds.siForRatio(ratio), 2));
    }

    static List<AsymmetryItem> asymmetryItems(Assessment a) {
        List<AsymmetryItem> out = new ArrayList<>();
        for (Metric m : ASYMMETRY) {
            Optional<MetricSummary> ms = a.metric(m);
            if (ms.isEmpty() || ms.get().asymmetry() == null) {
                continue;
            }
            IndexValue si = ms.get().asymmetry().symmetryIndexPct();
            if (!si.defined()) {
                continue;
            }
            Optional<Double> threshold = siThreshold(m);
            out.add(new AsymmetryItem(m.label(), "SI", si.value(), finite(si.ciLow()), finite(si.ciHigh()),
                    threshold.orElse(null), threshold.isPresent()
                            ? "healthy ratio limit of " + References.PATTERSON_2010 + " as SI" : ""));
        }
        return out;
    }

    // ---------------------------------------------------------------- quality

    static QualityPanel qualityPanel(ReportInput in, QualityVerdict verdict) {
        var q = in.assessment().quality();
        Map<String, RejectedStrides> rejected = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            for (Rejection r : in.rejections()) {
                if (r.side() == side) {
                    String reason = rejectionText(r.reason());
                    rejected.merge(side + reason, new RejectedStrides(side, reason, 1),
                            (x, y) -> new RejectedStrides(side, reason, x.count() + 1));
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        q.reasons().forEach(c -> warnings.add(tidy(c)));
        q.cautions().forEach(c -> {
            if (!warnings.contains(tidy(c))) {
                warnings.add(tidy(c));
            }
        });
        if (in.passes().size() == 1) {
            warnings.add("Only one walking pass: the product's own pass-to-pass repeatability cannot be checked.");
        }
        double coverage = Math.max(0, Math.min(100, 100 * q.trackingCoverage()));
        return new QualityPanel(verdict, Decimals.round(coverage, 2), in.meanConfidence(), q.stridesUsed(),
                new ArrayList<>(rejected.values()), warnings);
    }

    static String rejectionText(RejectionReason r) {
        return switch (r) {
            case MISSING_TOE_OFF -> "no toe off detected between two contacts";
            case EXTRA_TOE_OFF -> "two toe offs between two contacts";
            case OPPOSITE_EVENTS_OUT_OF_ORDER -> "other foot's events missing or out of order";
            case STRIDE_TIME_IMPLAUSIBLE -> "implausible stride time";
            case STANCE_IMPLAUSIBLE -> "implausible stance %";
        };
    }

    // ---------------------------------------------------------------- helpers

    static Double mean(SampleStats s) {
        return s == null || s.n() == 0 || !Double.isFinite(s.mean()) ? null : s.mean();
    }

    static Double sd(SampleStats s) {
        return s == null || s.n() < 2 || !Double.isFinite(s.sd()) ? null : s.sd();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /**
     * Evidence sentences use ASCII "+-"; the report shows "±". Rejection counts by reason appear in the
     * assessment's cautions as a map ({@code {EXTRA_TOE_OFF=3}}); the report shows "extra toe off: 3".
     */
    static String tidy(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Z_]+=\\d+(, [A-Z_]+=\\d+)*)\\}").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1).toLowerCase(Locale.ROOT).replace('_', ' ').replace("=", ": ");
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(inner));
        }
        m.appendTail(sb);
        return sb.toString().replace(" +- ", " ± ");
    }
}
