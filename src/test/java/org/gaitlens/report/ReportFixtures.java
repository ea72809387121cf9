package org.gaitlens.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gaitlens.core.Side;
import org.gaitlens.metric.ImprovementDirection;
import org.gaitlens.metric.ReferenceRange;

/**
 * Synthetic report models with hand-chosen numbers, shared by the report tests.
 *
 * <p>The session: a walker whose left stance is shorter (0.61 s vs 0.70 s), i.e. an antalgic-looking
 * left side. Symmetry index SI = 100 (R - L) / (0.5 (R + L)) (Robinson 1987) is worked out here from the
 * chosen per-side means, e.g. stance time 100 x 0.09 / 0.655 = 13.74 %.
 */
final class ReportFixtures {
    static final String VERSION = "0.1.0-test";

    private ReportFixtures() {
    }

    static double si(double left, double right) {
        return 100 * (right - left) / (0.5 * (right + left));
    }

    /** A smooth synthetic curve: sum of Gaussian bumps (amplitude, centre %, width %) over a base value. */
    static double[] bumps(double base, double... ampCentreWidth) {
        double[] y = new double[CurveChartData.POINTS];
        for (int i = 0; i < y.length; i++) {
            y[i] = base;
            for (int k = 0; k < ampCentreWidth.length; k += 3) {
                double z = (i - ampCentreWidth[k + 1]) / ampCentreWidth[k + 2];
                y[i] += ampCentreWidth[k] * Math.exp(-0.5 * z * z);
            }
            y[i] = Math.round(y[i] * 100) / 100.0;
        }
        return y;
    }

    static double[] constant(double v) {
        double[] y = new double[CurveChartData.POINTS];
        java.util.Arrays.fill(y, v);
        return y;
    }

    static double[] shift(double[] y, double d) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round((out[i] + d) * 100) / 100.0;
        }
        return out;
    }

    static CurveChartData curve(String joint, String angleName, double[] left, double[] right, double sdDeg,
                                ReferenceBand ref) {
        Map<Side, SideCurve> sides = new EnumMap<>(Side.class);
        sides.put(Side.LEFT, new SideCurve(left, constant(sdDeg), 11, 56.0));
        sides.put(Side.RIGHT, new SideCurve(right, constant(sdDeg), 12, 63.6));
        return new CurveChartData(joint, angleName, "deg", sides, ref);
    }

    static ReferenceBand band(double[] mean, double halfWidth) {
        return new ReferenceBand(shift(mean, -halfWidth), shift(mean, halfWidth), "synthetic test band (mean ± 1 SD)");
    }

    static double[] knee(double swingPeak) {
        return bumps(3, 15, 12, 6, swingPeak - 3, 72, 11);
    }

    static SessionReport session() {
        ReportHeader header = new ReportHeader("P-0042", LocalDate.of(2024, 3, 5), "baseline", "walk_side.mp4",
                "sagittal (left side to camera)", 30.0, "BlazePose full", "patient height 1.72 m", VERSION);
        ReportSummary summary = new ReportSummary(
                "Gait is asymmetric: the left stance phase is 13.7 % shorter than the right one (threshold 5 %).",
                Side.LEFT,
                List.of(new IndicatorItem("Antalgic gait", IndicatorStatus.PRESENT, Side.LEFT,
                                "Shorter stance and single support on the left side are consistent with an antalgic "
                                        + "pattern. This is a screening indicator, not a diagnosis.",
                                List.of("Stance time L 0.61 s vs R 0.70 s (SI 13.7 %, threshold 5 %)",
                                        "Single support L 0.45 s vs R 0.54 s")),
                        new IndicatorItem("Foot drop / steppage", IndicatorStatus.NOT_PRESENT, null,
                                "No reduced dorsiflexion in swing on either side.",
                                List.of("Ankle dorsiflexion at mid-swing L 2.1 deg, R 2.4 deg")),
                        new IndicatorItem("Weak push-off", IndicatorStatus.POSSIBLE, Side.LEFT,
                                "Slightly less plantarflexion at toe off on the left side; possible weak push-off.",
                                List.of("Plantarflexion at toe off L 11.0 deg vs R 16.5 deg (reference 15–25 deg)")),
                        new IndicatorItem("Knee pattern", IndicatorStatus.NOT_PRESENT, null,
                                "Knee flexion after initial contact is within the usual range on both sides.", List.of()),
                        new IndicatorItem("Trunk list", IndicatorStatus.NOT_ASSESSED, null,
                                "Trunk list needs a frontal view; this video is sagittal.", List.of())),
                QualityVerdict.SUFFICIENT, "11 left and 12 right strides, 96.5 % tracking coverage.");

        double stL = 0.61, stR = 0.70, swL = 0.54, swR = 0.45, slL = 0.58, slR = 0.62;
        MetricTable spatio = new MetricTable("Spatiotemporal parameters",
                "Mean ± SD across strides. SI = 100 (R - L) / mean(L, R): > 0 means right larger.",
                List.of(MetricRow.single("Gait speed", "m/s", 2, 0.98, 0.04, new ReferenceRange(1.1, 1.5, "Bohannon 2011, adults"))
                                .withNormative(new NormativeValue(1.27, 0.16, 42, "synthetic dataset, comfortable speed")),
                        MetricRow.single("Cadence", "steps/min", 1, 104.3, 2.1, new ReferenceRange(100, 120, "docs/metrics.md §The table")),
                        MetricRow.bilateral("Stance time", "s", 2, stL, 0.02, stR, 0.02, si(stL, stR), "SI", 5.0,
                                new ReferenceRange(0.58, 0.72, "synthetic")),
                        MetricRow.bilateral("Swing time", "s", 2, swL, 0.02, swR, 0.03, si(swL, swR), "SI", 5.0,
                                new ReferenceRange(0.38, 0.48, "synthetic")),
                        MetricRow.bilateral("Stance", "% cycle", 1, 53.0, 1.2, 60.9, 1.4, si(53.0, 60.9), "SI", 5.0,
                                new ReferenceRange(58, 62, "Perry 1992")),
                        MetricRow.bilateral("Step length", "m", 2, slL, 0.03, slR, 0.03, si(slL, slR), "SI", 5.0, null),
                        MetricRow.bilateral("Double support", "s", 2, 0.16, 0.01, 0.15, 0.01, si(0.16, 0.15), "SI", 10.0, null)));
        MetricTable kin = new MetricTable("Joint angles: key values", "",
                List.of(MetricRow.bilateral("Peak knee flexion in swing", "deg", 1, 61.0, 3.1, 58.5, 2.8, null, "", null,
                                new ReferenceRange(60, 70, "Perry & Burnfield 2010, product choice"))
                                .withNormative(new NormativeValue(64.0, 2.5, 42, "synthetic dataset, comfortable speed")),
                        MetricRow.bilateral("Plantarflexion at toe off", "deg", 1, 11.0, 2.0, 16.5, 2.2, null, "", null,
                                new ReferenceRange(15, 25, "Perry & Burnfield 2010, product choice"))));
        List<AsymmetryItem> asym = List.of(
                new AsymmetryItem("Stance time", "SI", si(stL, stR), 9.6, 17.9, 5.0, "synthetic"),
                new AsymmetryItem("Swing time", "SI", si(swL, swR), -24.0, -13.1, 5.0, "synthetic"),
                new AsymmetryItem("Step length", "SI", si(slL, slR), 1.2, 12.1, 5.0, "synthetic"),
                new AsymmetryItem("Swing time", "GA", 100 * Math.abs(Math.log(swR / swL)), 13.0, 24.3, 7.0, "Plotnik 2007"));
        double[] kneeL = knee(61);
        double[] kneeR = knee(58.5);
        double[] hip = bumps(-12, 42, 0, 22, 36, 100, 22);
        double[] ankle = bumps(2, -6, 5, 4, 10, 45, 9, -20, 63, 5, 3, 85, 9);
        double[] trunk = bumps(5, 1.5, 20, 8, 1.5, 70, 8);
        List<CurveChartData> curves = List.of(
                curve("Hip", "flexion (+) / extension (-)", hip, shift(hip, 2), 3.0, band(hip, 5)),
                curve("Knee", "flexion (+)", kneeL, kneeR, 3.5, band(knee(64), 6)),
                curve("Ankle", "dorsiflexion (+) / plantarflexion (-)", ankle, shift(ankle, -1.5), 2.5, band(ankle, 4)),
                curve("Trunk", "forward lean (+)", trunk, shift(trunk, 0.5), 1.5, null));
        double strideS = 1.15;
        Map<Side, List<PhaseInterval>> phases = new EnumMap<>(Side.class);
        Map<Side, List<StridePoint>> strides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            double stance = side == Side.LEFT ? stL : stR;
            double t0 = side == Side.LEFT ? 0.40 : 0.40 + 0.575;
            List<PhaseInterval> list = new ArrayList<>();
            List<StridePoint> pts = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                double ic = round3(t0 + k * strideS);
                list.add(new PhaseInterval(GaitPhase.STANCE, ic, round3(ic + stance)));
                list.add(new PhaseInterval(GaitPhase.SWING, round3(ic + stance), round3(ic + strideS)));
                pts.add(new StridePoint(ic, round3(strideS + 0.01 * ((k * 7 + (side == Side.LEFT ? 0 : 3)) % 5 - 2))));
            }
            phases.put(side, list);
            strides.put(side, pts);
        }
        List<KeyFrame> keyFrames = List.of(
                new KeyFrame(Side.LEFT, "Heel strike", 1.55, "keyframes/left_heel_strike.png", null, true),
                new KeyFrame(Side.LEFT, "Mid-swing", 1.29, "keyframes/left_mid_swing.png", null, true),
                new KeyFrame(Side.RIGHT, "Heel strike", 2.125, "keyframes/right_heel_strike.png", null, true),
                new KeyFrame(Side.RIGHT, "Mid-swing", 1.90, "keyframes/right_mid_swing.png", null, true));
        QualityPanel quality = new QualityPanel(QualityVerdict.SUFFICIENT, 96.5, 0.87,
                Map.of(Side.LEFT, 11, Side.RIGHT, 12),
                List.of(new RejectedStrides(Side.LEFT, "turn at the end of the walkway", 2),
                        new RejectedStrides(Side.RIGHT, "landmark gap > 0.2 s", 1)),
                List.of("Only one walking pass was found; ≥ 2 passes allow a test-retest check."));
        return new SessionReport(header, summary, List.of(spatio, kin), asym, curves, new PhaseDiagramData(phases),
                List.of(new StrideSeries("Stride time", "s", strides)), keyFrames, quality, List.of(), List.of(), List.of(),
                deviation());
    }

    /**
     * A deviation section with hand-set scores: the left knee deviates most (GVS 14.2 against a healthy 95th
     * percentile of 10.2), the left side more than the right; every GPS-2D above its healthy 95th percentile.
     */
    static DeviationSection deviation() {
        List<MapItem> profile = new ArrayList<>();
        double[][] gvs = {{5.1, 4.0}, {14.2, 6.3}, {7.9, 3.2}}; // hip, knee, ankle x left, right
        double[][] healthy = {{3.2, 6.5}, {5.4, 10.2}, {3.4, 5.9}}; // mean, p95
        String[] joints = {"Hip", "Knee", "Ankle"};
        for (int j = 0; j < 3; j++) {
            for (Side side : Side.values()) {
                profile.add(new MapItem(joints[j], side, gvs[j][side.ordinal()], null, null, healthy[j][0], healthy[j][1]));
            }
        }
        profile.add(new MapItem("GPS-2D", Side.LEFT, 9.8, 8.9, 10.9, 4.2, 7.5));
        profile.add(new MapItem("GPS-2D", Side.RIGHT, 4.7, null, null, 4.2, 7.5));
        profile.add(new MapItem("GPS-2D", null, 7.7, 7.0, 8.5, 4.2, 6.9));
        return new DeviationSection("GPS-2D 7.7 deg (95 % CI 7.0–8.5): above the healthy range (healthy walkers at "
                + "this speed: mean 4.2 deg, 95th percentile 6.9 deg).",
                List.of("GPS-2D per side: Left 9.8 deg (95 % CI 8.9–10.9); Right 4.7 deg (healthy per side: mean "
                                + "4.2 deg, 95th percentile 7.5 deg).",
                        "Relative to healthy walkers the left knee deviates most: GVS 14.2 deg against a healthy 95th "
                                + "percentile of 10.2 deg.",
                        "Left vs right (left 9.8 deg, right 4.7 deg): not judged, a side has fewer than 3 strides for "
                                + "a confidence interval."),
                "Healthy band: synthetic dataset, comfortable speed, all ages, n 42. Why this band: test.",
                "GPS-2D is a two-dimensional sagittal score: it is not comparable with the 3D Gait Profile Score.",
                "Reference data: synthetic; licence CC BY 4.0.",
                List.of("right: 2 strides, at least 3 needed for a confidence interval"), profile);
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * Three sessions: gait speed and stance-time asymmetry improve, cadence and peak knee flexion stay within
     * their thresholds, double support worsens.
     */
    static ComparisonReport threeSessions() {
        List<SessionColumn> sessions = List.of(
                new SessionColumn("S1", LocalDate.of(2024, 1, 10), "baseline", "sagittal", QualityVerdict.SUFFICIENT),
                new SessionColumn("S2", LocalDate.of(2024, 2, 14), "follow-up 1", "sagittal", QualityVerdict.SUFFICIENT),
                new SessionColumn("S3", LocalDate.of(2024, 3, 20), "follow-up 2", "sagittal", QualityVerdict.LIMITED));
        ChangeRow speed = ChangeRow.compute("Gait speed", "m/s", 2, ImprovementDirection.HIGHER_IS_BETTER, 0.10,
                "Perera et al. 2006 (substantial change)", List.of(0.92, 1.01, 1.10));
        // GPS-2D falls by 1.3 deg (within the 2.06 deg threshold), then by 3.2 deg in all (beyond it).
        ChangeRow gps = ChangeRow.compute("GPS-2D", "deg", 2, ImprovementDirection.LOWER_IS_BETTER, 2.06,
                "data-derived (synthetic)", List.of(10.4, 9.1, 7.2));
        TrendSeries gpsTrend = new TrendSeries("GPS-2D", "deg", List.of(new TrendLine("GPS-2D", null, gps.values(),
                List.of(9.6, 8.2, 6.5), List.of(11.3, 10.0, 8.1))),
                new TrendBand(List.of(0.0, 0.0, 0.0), List.of(8.4, 6.9, 6.9), "Healthy range (to the 95th percentile)"));
        DeviationTrend deviation = new DeviationTrend(List.of(
                new SessionDeviation(10.4, 9.6, 11.3, 11.0, 9.7, "slow speed, all ages, n 42", 4.5, 8.4),
                new SessionDeviation(9.1, 8.2, 10.0, 9.5, 8.6, "comfortable speed, all ages, n 42", 4.2, 6.9),
                new SessionDeviation(7.2, 6.5, 8.1, 7.0, 7.4, "comfortable speed, all ages, n 42", 4.2, 6.9)),
                "GPS-2D: a sagittal 2D score (synthetic caveat).", "synthetic reference; CC BY 4.0");
        ChangeRow stanceSi = ChangeRow.compute("Stance-time asymmetry", "%", 0, ImprovementDirection.CLOSER_TO_ZERO, 5,
                "synthetic", List.of(14.0, 9.0, 4.0));
        ChangeRow cadence = ChangeRow.compute("Cadence", "steps/min", 1, ImprovementDirection.HIGHER_IS_BETTER, 3,
                "synthetic", List.of(104.0, 105.0, 104.5));
        ChangeRow knee = ChangeRow.compute("Peak knee flexion in swing, right", "deg", 1,
                ImprovementDirection.HIGHER_IS_BETTER, 5, "synthetic", List.of(58.0, 57.0, 55.0));
        ChangeRow doubleSupport = ChangeRow.compute("Double support", "s", 2, ImprovementDirection.LOWER_IS_BETTER, 0.02,
                "Brach et al. (MDC)", List.of(0.28, 0.31, 0.34));
        ChangeRow pushOff = ChangeRow.compute("Plantarflexion at toe off, left", "deg", 1,
                ImprovementDirection.HIGHER_IS_BETTER, 3, "synthetic", List.of(9.0, 12.0, 16.0));
        List<TrendSeries> trends = List.of(gpsTrend,
                new TrendSeries("Gait speed", "m/s", List.of(new TrendLine("Gait speed", null, speed.values()))),
                new TrendSeries("Stance time", "s", List.of(new TrendLine("Left", Side.LEFT, List.of(0.61, 0.64, 0.67)),
                        new TrendLine("Right", Side.RIGHT, List.of(0.70, 0.70, 0.70)))),
                new TrendSeries("Stance-time asymmetry", "%", List.of(new TrendLine("SI", null, stanceSi.values()))));
        SideCurve firstL = new SideCurve(knee(58), constant(3), 10, 55.0);
        SideCurve latestL = new SideCurve(knee(62), constant(3), 12, 59.0);
        SideCurve firstR = new SideCurve(knee(58), constant(3), 11, 62.0);
        SideCurve latestR = new SideCurve(knee(55), constant(3), 12, 61.0);
        List<CurveOverlay> overlays = List.of(
                new CurveOverlay("Knee", "flexion (+)", "deg", Side.LEFT, "2024-01-10 baseline", firstL,
                        "2024-03-20 follow-up 2", latestL, band(knee(64), 6)),
                new CurveOverlay("Knee", "flexion (+)", "deg", Side.RIGHT, "2024-01-10 baseline", firstR,
                        "2024-03-20 follow-up 2", latestR, band(knee(64), 6)));
        List<PatternSentence> sentences = List.of(PatternSentence.of("Deviation from healthy walking", gps),
                PatternSentence.of("Antalgic gait", stanceSi),
                PatternSentence.of("Weak push-off", pushOff),
                PatternSentence.of("Knee pattern", knee));
        return new ComparisonReport("P-0042", VERSION, sessions,
                List.of(gps, speed, stanceSi, cadence, knee, doubleSupport, pushOff), trends, overlays, sentences,
                deviation);
    }

    /**
     * {@code n} weekly sessions from a seeded random walk; every fifth session is frontal and lacks the
     * sagittal metrics (and has trunk lean, which the sagittal ones lack).
     */
    static ComparisonReport manySessions(int n, long seed) {
        Random rnd = new Random(seed);
        List<SessionColumn> sessions = new ArrayList<>();
        List<Double> speed = new ArrayList<>();
        List<Double> si = new ArrayList<>();
        List<Double> stanceL = new ArrayList<>();
        List<Double> stanceR = new ArrayList<>();
        List<Double> lean = new ArrayList<>();
        LocalDate d = LocalDate.of(2023, 9, 4);
        for (int i = 0; i < n; i++) {
            boolean frontal = i % 5 == 4;
            sessions.add(new SessionColumn("S" + (i + 1), d.plusWeeks(i),
                    i == 0 ? "baseline" : "follow-up " + i + (frontal ? " (frontal view, long label to wrap)" : ""),
                    frontal ? "frontal" : "sagittal", i % 7 == 6 ? QualityVerdict.LIMITED : QualityVerdict.SUFFICIENT));
            speed.add(frontal ? null : round3(0.9 + 0.01 * i + 0.02 * rnd.nextGaussian()));
            si.add(frontal ? null : round3(15 - 0.5 * i + rnd.nextGaussian()));
            stanceL.add(frontal ? null : round3(0.6 + 0.004 * i));
            stanceR.add(frontal ? null : round3(0.7 - 0.001 * i));
            lean.add(frontal ? round3(4 - 0.1 * i) : null);
        }
        List<ChangeRow> rows = List.of(
                ChangeRow.compute("Gait speed", "m/s", 2, ImprovementDirection.HIGHER_IS_BETTER, 0.10, "Perera et al. 2006", speed),
                ChangeRow.compute("Stance-time asymmetry (symmetry index, Robinson 1987)", "%", 1,
                        ImprovementDirection.CLOSER_TO_ZERO, 5, "synthetic", si),
                ChangeRow.compute("Stance time, left", "s", 2, ImprovementDirection.HIGHER_IS_BETTER, 0.02, "Brach et al.", stanceL),
                ChangeRow.compute("Stance time, right", "s", 2, ImprovementDirection.LOWER_IS_BETTER, 0.02, "Brach et al.", stanceR),
                ChangeRow.compute("Trunk lateral lean (frontal view only)", "deg", 1, ImprovementDirection.CLOSER_TO_ZERO, 2,
                        "synthetic", lean));
        List<TrendSeries> trends = List.of(
                new TrendSeries("Gait speed", "m/s", List.of(new TrendLine("Gait speed", null, speed))),
                new TrendSeries("Stance time", "s", List.of(new TrendLine("Left", Side.LEFT, stanceL),
                        new TrendLine("Right", Side.RIGHT, stanceR))),
                new TrendSeries("Stance-time asymmetry", "%", List.of(new TrendLine("SI", null, si))),
                new TrendSeries("Trunk lateral lean", "deg", List.of(new TrendLine("Lean", null, lean))));
        List<CurveOverlay> overlays = List.of(new CurveOverlay("Knee", "flexion (+)", "deg", Side.LEFT, "first",
                new SideCurve(knee(58), constant(3), 10, 55.0), "latest", new SideCurve(knee(62), constant(3), 12, 59.0), null));
        List<PatternSentence> sentences = List.of(PatternSentence.of("Antalgic gait", rows.get(1)),
                PatternSentence.of("Trunk list", rows.get(4)));
        return new ComparisonReport("P-0099", VERSION, sessions, rows, trends, overlays, sentences);
    }
}
