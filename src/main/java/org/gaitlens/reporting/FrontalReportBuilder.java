package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.assess.IndicatorThresholds;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.metric.ReferenceRange;
import org.gaitlens.report.MetricRow;
import org.gaitlens.report.MetricTable;
import org.gaitlens.report.QualityVerdict;
import org.gaitlens.report.ReportHeader;
import org.gaitlens.report.ReportSummary;
import org.gaitlens.report.SessionReport;
import org.gaitlens.report.TimeSeriesChartData;
import org.gaitlens.report.TimeSeriesLine;

/**
 * The session report of a frontal-view session ({@link ReportInput#frontal()} set); called by
 * {@link SessionReportBuilder#build}. Like it, a pure function of the snapshot.
 *
 * <p>Contents: the header (camera view "frontal ..."), the summary (symmetry sentence, every screening pattern
 * with the trunk list assessed and the sagittal ones marked not assessable, quality verdict), a table of frontal
 * measures (step width, trunk lateral shift and lean, pelvic drop per side, pelvic obliquity range and mean,
 * with the assessment's reference ranges where it has one), a timing table (cadence, stride and step time with
 * the step-time SI), the asymmetry overview where defined, two time charts (trunk lateral lean and pelvic
 * obliquity per frame; step width per step) and the quality panel. No joint-angle curves, gait-phase diagram or
 * key frames: a frontal view gives no sagittal angles and no toe offs.
 */
final class FrontalReportBuilder {
    /** Timing rows in display order. */
    static final List<Metric> TIMING = List.of(Metric.CADENCE_STEPS_PER_MIN, Metric.STRIDE_TIME_S,
            Metric.STEP_TIME_S);

    private FrontalReportBuilder() {
    }

    static SessionReport build(ReportInput in) {
        Assessment a = in.assessment();
        ReportInput.Frontal f = in.frontal();
        ReportHeader header = new ReportHeader(in.patientId(), in.sessionDate(), in.sessionLabel(), in.inputFile(),
                in.cameraView(), in.frameRateHz(), in.poseModel(), in.scaleSource(), in.softwareVersion());
        QualityVerdict verdict = SessionReportBuilder.verdict(a);
        ReportSummary summary = new ReportSummary(symmetryStatement(a), a.symmetry().affectedSide(),
                SessionReportBuilder.indicators(a), verdict, SessionReportBuilder.qualityStatement(a));
        List<MetricTable> tables = new ArrayList<>();
        MetricTable frontal = frontalTable(in);
        if (!frontal.rows().isEmpty()) {
            tables.add(frontal);
        }
        List<MetricRow> timing = new ArrayList<>();
        for (Metric m : TIMING) {
            a.metric(m).ifPresent(ms -> timing.add(SessionReportBuilder.row(ms)));
        }
        if (!timing.isEmpty()) {
            tables.add(new MetricTable("Step timing",
                    "Mean ± SD across steps, from the contacts seen in the frontal view (Stenum et al. 2024). "
                            + "Asymmetry: SI = 100 (R − L) / mean(L, R) (Robinson 1987); SI > 0: right larger.",
                    timing));
        }
        return new SessionReport(header, summary, tables, SessionReportBuilder.asymmetryItems(a), List.of(), null,
                List.of(), List.of(), SessionReportBuilder.qualityPanel(in, verdict), timeSeries(f));
    }

    /**
     * The side-view statement, except when the symmetry rating had too little data: a frontal view has no toe
     * offs, so stance and swing cannot be compared; the step times are reported instead.
     */
    static String symmetryStatement(Assessment a) {
        if (a.symmetry().level() != org.gaitlens.assess.SymmetryVerdict.Level.INSUFFICIENT_DATA) {
            return SessionReportBuilder.symmetryStatement(a);
        }
        String s = "Left/right symmetry of stance and swing cannot be judged from a frontal view (no toe offs are "
                + "detected)";
        var step = a.metric(Metric.STEP_TIME_S);
        if (step.isPresent() && step.get().perSide().get(Side.LEFT).n() > 0 && step.get().perSide().get(Side.RIGHT).n() > 0) {
            s += "; step time left " + Decimals.format(step.get().perSide().get(Side.LEFT).mean(), 2)
                    + " s vs right " + Decimals.format(step.get().perSide().get(Side.RIGHT).mean(), 2) + " s";
        }
        return s + ".";
    }

    static MetricTable frontalTable(ReportInput in) {
        Assessment a = in.assessment();
        ReportInput.Frontal f = in.frontal();
        List<MetricRow> rows = new ArrayList<>();
        var width = a.metric(Metric.STEP_WIDTH_M);
        if (width.isPresent()) {
            rows.add(SessionReportBuilder.row(width.get()));
        } else {
            SampleStats s = SampleStats.of(f.steps().stream().mapToDouble(ReportInput.Step::widthLegLengths).toArray());
            if (s.n() > 0) {
                Metric m = Metric.STEP_WIDTH_LEG;
                rows.add(MetricRow.single(m.label(), m.unit(), m.decimals(), SessionReportBuilder.mean(s),
                        SessionReportBuilder.sd(s), null));
            }
        }
        a.metric(Metric.TRUNK_SHIFT_REL).ifPresent(ms -> rows.add(SessionReportBuilder.row(ms)));
        SampleStats lean = SampleStats.of(f.trunkLeanDeg());
        if (lean.n() > 0) {
            double limit = Math.toDegrees(Math.asin(IndicatorThresholds.TRUNK_SHIFT_POSSIBLE));
            rows.add(MetricRow.single("Trunk lateral lean", "deg", 1, SessionReportBuilder.mean(lean),
                    SessionReportBuilder.sd(lean), new ReferenceRange(-Decimals.round(limit, 1),
                            Decimals.round(limit, 1), "trunk-list limit of the assessment (product choice)")));
        }
        SampleStats shiftHip = SampleStats.of(f.trunkShiftHipWidths());
        if (shiftHip.n() > 0) {
            rows.add(MetricRow.single("Trunk lateral shift (hip widths)", "hip widths", 3,
                    SessionReportBuilder.mean(shiftHip), SessionReportBuilder.sd(shiftHip), null));
        }
        a.metric(Metric.PELVIC_OBLIQUITY_DEG).ifPresent(ms -> rows.add(SessionReportBuilder.row(ms)));
        if (Double.isFinite(f.pelvicObliquityRangeDeg())) {
            rows.add(MetricRow.single("Pelvic obliquity range (P95 − P5)", "deg", 1,
                    Decimals.round(f.pelvicObliquityRangeDeg(), 3), null, null));
        }
        SampleStats obliq = SampleStats.of(f.pelvicObliquityDeg());
        if (obliq.n() > 0) {
            rows.add(MetricRow.single("Pelvic obliquity, mean (+ right hip higher)", "deg", 1,
                    SessionReportBuilder.mean(obliq), SessionReportBuilder.sd(obliq), null));
        }
        return new MetricTable("Frontal-plane measures",
                "Frontal view. Trunk shift and lean: + toward the patient's right (shift in trunk lengths = sine of "
                        + "the lean; in hip widths = shoulder-midpoint offset / hip distance). Pelvic drop: peak "
                        + "drop of the swing-side hip during each side's stance, + = swing side lower. Step width: "
                        + "heel distance at each contact. Reference ranges as in the assessment.", rows);
    }

    static List<TimeSeriesChartData> timeSeries(ReportInput.Frontal f) {
        List<TimeSeriesChartData> out = new ArrayList<>();
        if (f.timeS().length > 0) {
            double limit = Decimals.round(
                    Math.toDegrees(Math.asin(IndicatorThresholds.TRUNK_SHIFT_POSSIBLE)), 1);
            out.add(new TimeSeriesChartData("Trunk lateral lean and pelvic obliquity", "deg",
                    "Per frame. Trunk lean: angle of the hip-to-shoulder midline from vertical, + toward the "
                            + "patient's right; grey band: ±" + limit + " deg, the trunk-list limit. Pelvic obliquity: "
                            + "+ when the right hip is higher.",
                    List.of(new TimeSeriesLine("Trunk lateral lean", null, f.timeS(), f.trunkLeanDeg()),
                            new TimeSeriesLine("Pelvic obliquity", null, f.timeS(), f.pelvicObliquityDeg())),
                    new ReferenceRange(-limit, limit, "±" + limit + " deg")));
        }
        boolean metres = f.steps().stream().anyMatch(s -> Double.isFinite(s.widthM()));
        Map<Side, List<double[]>> points = new EnumMap<>(Side.class);
        for (ReportInput.Step s : f.steps()) {
            double v = metres ? s.widthM() : s.widthLegLengths();
            if (Double.isFinite(v)) {
                points.computeIfAbsent(s.side(), k -> new ArrayList<>()).add(new double[] {s.timeS(), v});
            }
        }
        List<TimeSeriesLine> lines = new ArrayList<>();
        for (Side side : Side.values()) {
            List<double[]> p = points.getOrDefault(side, List.of());
            if (!p.isEmpty()) {
                lines.add(new TimeSeriesLine(side == Side.LEFT ? "Left" : "Right", side,
                        p.stream().mapToDouble(x -> Decimals.round(x[0], 4)).toArray(),
                        p.stream().mapToDouble(x -> x[1]).toArray()));
            }
        }
        if (!lines.isEmpty()) {
            var range = Metric.STEP_WIDTH_M.reference();
            String unit = (metres ? Metric.STEP_WIDTH_M : Metric.STEP_WIDTH_LEG).unit();
            out.add(new TimeSeriesChartData("Step width per step", unit,
                    "Heel distance at each contact, by the foot that lands (left / right)" + (metres
                            ? "; grey band: healthy range (" + range.source() + ")." : "; no scale, so in leg lengths."),
                    lines, metres && range.defined() ? new ReferenceRange(range.low(), range.high(), "healthy range")
                            : null));
        }
        return out;
    }
}
