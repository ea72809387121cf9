package org.gaitlens.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.metric.ImprovementDirection;
import org.gaitlens.motion.SyntheticWalk;
import org.gaitlens.pipeline.Golden;
import org.gaitlens.pipeline.ReportFixtures;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.ChangeVerdict;
import org.gaitlens.report.ComparisonReport;
import org.gaitlens.report.GoldenFiles;
import org.gaitlens.report.PatternSentence;
import org.gaitlens.report.ReportJson;
import org.gaitlens.report.TrendSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ComparisonReportBuilder} on three analysed synthetic walks of one "patient":
 * <ol>
 *   <li>2024-01-10 baseline: stance 64 % left / 56 % right (antalgic right, stance-time SI about -13 %),
 *       stride 1.3 m in 1.1 s (1.18 m/s);</li>
 *   <li>2024-02-14: stance 61 % / 59 % (SI about -3 %), same speed: asymmetry improved;</li>
 *   <li>2024-03-20: same stance as session 2, stride 1.1 m (1.00 m/s): speed worse, asymmetry stable.</li>
 * </ol>
 */
class ComparisonReportBuilderTest {
    @TempDir
    static Path tmp;
    static List<ComparisonReportBuilder.Session> sessions;

    @BeforeAll
    static void analyse() {
        ReportInput s1 = ReportFixtures.synthetic(new SyntheticWalk(1.75, 1.1, 1.3, 0.64, 0.56, 0.52, 5),
                ReportFixtures.meta("P-0042", "2024-01-10", "baseline"), tmp.resolve("s1"));
        ReportInput s2 = ReportFixtures.synthetic(new SyntheticWalk(1.75, 1.1, 1.3, 0.61, 0.59, 0.5, 5),
                ReportFixtures.meta("P-0042", "2024-02-14", "follow-up 1"), tmp.resolve("s2"));
        ReportInput s3 = ReportFixtures.synthetic(new SyntheticWalk(1.75, 1.1, 1.1, 0.61, 0.59, 0.5, 5),
                ReportFixtures.meta("P-0042", "2024-03-20", "follow-up 2"), tmp.resolve("s3"));
        // given out of order: the builder sorts by date
        sessions = List.of(new ComparisonReportBuilder.Session("s3", s3), new ComparisonReportBuilder.Session("s1", s1),
                new ComparisonReportBuilder.Session("s2", s2));
    }

    /** Regenerate with {@code mvn test -Dtest='*ReportBuilder*Test' -Dgaitlens.updateGolden=true}. */
    @RegisterExtension
    final GoldenFiles golden = new GoldenFiles("pipeline");

    @Test
    void matchesGoldenFile() throws IOException {
        golden.check("comparison-synthetic-3-sessions.json", ReportJson.write(ComparisonReportBuilder.build(sessions)));
    }

    @Test
    void verdictsFollowTheSetChanges() {
        ComparisonReport r = ComparisonReportBuilder.build(sessions);
        assertEquals(List.of("s1", "s2", "s3"), r.sessions().stream().map(c -> c.sessionId()).toList(), "date order");
        assertEquals("P-0042", r.patientId());
        ChangeRow si = row(r, "Stance-time asymmetry (SI)");
        assertEquals(ImprovementDirection.CLOSER_TO_ZERO, si.direction());
        assertEquals(ChangeVerdict.IMPROVED, si.fromFirst().get(1).verdict(), "-13 % -> -3 %");
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, si.fromPrevious().get(2).verdict(), "same stance in 2 and 3");
        assertEquals(ChangeVerdict.IMPROVED, si.overallVerdict());
        assertTrue(si.thresholdSource().startsWith("derived from the published stance time threshold"), si.thresholdSource());
        ChangeRow speed = row(r, "Gait speed");
        // 1.3 / 1.1 = 1.18 m/s -> 1.1 / 1.1 = 1.00 m/s: a change of -0.18 m/s against the 0.05 m/s anchor
        // (Perera et al. 2006); stride scatter of a noise-free walk is far below it.
        assertEquals(1.3 / 1.1, speed.values().get(0), 0.02);
        assertEquals(1.0, speed.values().get(2), 0.02);
        assertEquals(0.05, speed.threshold(), 0);
        assertEquals(ChangeVerdict.WORSENED, speed.overallVerdict());
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, row(r, "Cadence").overallVerdict(), "same stride time");
        PatternSentence antalgic = r.patternSentences().stream().filter(p -> p.pattern().equals("Antalgic gait"))
                .findFirst().orElseThrow();
        assertEquals(ChangeVerdict.IMPROVED, antalgic.verdict());
        assertTrue(antalgic.sentence().matches("Stance-time asymmetry \\(SI\\) fell from 1[0-9]\\.\\d % to \\d\\.\\d % in magnitude "
                + "\\(threshold \\d\\.\\d %\\): improved"), antalgic.sentence());
        assertFalse(r.overlays().isEmpty(), "first vs latest curves");
        r.overlays().forEach(o -> {
            assertTrue(o.firstLabel().startsWith("2024-01-10"));
            assertTrue(o.latestLabel().startsWith("2024-03-20"));
        });
    }

    @Test
    void oneSessionAndSessionsMissingMetrics() {
        ComparisonReport one = ComparisonReportBuilder.build(List.of(sessions.get(1)));
        assertEquals(1, one.sessions().size());
        assertTrue(one.overlays().isEmpty(), "nothing to overlay with one session");
        one.changes().forEach(c -> assertEquals(ChangeVerdict.NOT_AVAILABLE, c.overallVerdict()));
        // the mocap trial has 2 strides per side: no SI (3 per side needed)
        ReportInput mocap = ReportFixtures.trial("btk_PiG_Motion-FlatFoot-Full",
                ReportFixtures.meta("P-0042", "2024-01-20", "mocap"), tmp.resolve("m"));
        List<ComparisonReportBuilder.Session> mixed = new ArrayList<>(sessions);
        mixed.add(new ComparisonReportBuilder.Session("m", mocap));
        ComparisonReport r = ComparisonReportBuilder.build(mixed);
        assertEquals("m", r.sessions().get(1).sessionId());
        ChangeRow si = row(r, "Stance-time asymmetry (SI)");
        assertNull(si.values().get(1), "no SI in the mocap session");
        assertEquals(0, si.fromPrevious().get(2).referenceIndex(), "session 3 compares with session 1, skipping 2");
        assertFalse(ReportJson.write(r).contains("NaN"));
    }

    /**
     * A copy of a session's snapshot whose deviation has the given overall GPS-2D and 95 % CI (per side: the same
     * value; GVS unchanged), under other metadata.
     */
    private static ReportInput withGps(ReportInput in, String date, double gps, double low, double high) {
        HealthyComparison h = in.deviation();
        GaitProfileScore.Scores s = h.scores();
        GaitProfileScore.Estimate e = new GaitProfileScore.Estimate(gps, low, high);
        GaitProfileScore.Scores scores = new GaitProfileScore.Scores(s.gvsDeg(), Map.of(Side.LEFT, e, Side.RIGHT, e),
                e, s.strides(), List.of());
        return withMetadata(in, new SessionMetadata("P-0042", LocalDate.parse(date), "s " + date))
                .withDeviation(new HealthyComparison(h.dataset(), h.citation(), h.dataCitation(), h.licence(),
                        h.toeOffPct(), h.band(), scores));
    }

    /**
     * Hand-set GPS-2D: 10.0 (CI 9.5-10.5) -> 7.0 (6.6-7.4) -> 6.0 (5.5-6.5) deg. The sampling term, 1.96 x sqrt(2)
     * x median SE (SE = CI width / 3.92 = 0.255 deg), is 0.71 deg, below the data-derived 2.06 deg, which therefore
     * judges: -3.0 improved, -1.0 no detectable change. With wide intervals (10 deg wide: SE 2.55) the sampling term
     * (7.07 deg) takes over and the same -4.0 deg change is not detectable.
     */
    @Test
    void gps2dChangeIsJudgedAgainstTheDataDerivedThreshold() {
        ReportInput base = sessions.get(1).input();
        List<ComparisonReportBuilder.Session> three = List.of(
                new ComparisonReportBuilder.Session("a", withGps(base, "2024-01-10", 10.0, 9.5, 10.5)),
                new ComparisonReportBuilder.Session("b", withGps(base, "2024-02-10", 7.0, 6.6, 7.4)),
                new ComparisonReportBuilder.Session("c", withGps(base, "2024-03-10", 6.0, 5.5, 6.5)));
        ComparisonReport r = ComparisonReportBuilder.build(three);
        ChangeRow gps = r.changes().get(0);
        assertEquals("GPS-2D", gps.label(), "the first row");
        assertEquals(List.of(10.0, 7.0, 6.0), gps.values());
        assertEquals(ImprovementDirection.LOWER_IS_BETTER, gps.direction());
        assertEquals(2.06, gps.threshold(), 0);
        assertTrue(gps.thresholdSource().contains("data-derived") && gps.thresholdSource().contains("84 pairs"),
                gps.thresholdSource());
        assertFalse(gps.thresholdSource().contains("1.6"), "the 3D GPS's MCID is not quoted as applying");
        assertEquals(ChangeVerdict.IMPROVED, gps.fromFirst().get(1).verdict());
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, gps.fromPrevious().get(2).verdict());
        assertEquals(ChangeVerdict.IMPROVED, gps.overallVerdict());
        assertEquals("Deviation from healthy walking", r.patternSentences().get(0).pattern());
        assertEquals("GPS-2D fell from 10.00 deg to 6.00 deg (threshold 2.06 deg): improved",
                r.patternSentences().get(0).sentence());
        // per session: value, CI and band; the trend with whiskers over the healthy range
        assertEquals(3, r.deviation().sessions().size());
        assertEquals(9.5, r.deviation().sessions().get(0).ciLowDeg(), 0);
        assertEquals(base.deviation().bandLabel(), r.deviation().sessions().get(2).band());
        assertTrue(r.deviation().caveat().contains("2.06 deg") && r.deviation().caveat().contains("not comparable"),
                r.deviation().caveat());
        TrendSeries trend = r.trends().get(0);
        assertEquals("GPS-2D", trend.title());
        assertEquals(List.of(9.5, 6.6, 5.5), trend.lines().get(0).ciLow());
        assertEquals(base.deviation().group().healthy().gps2d().p95(), trend.healthy().high().get(1), 0);

        List<ComparisonReportBuilder.Session> wide = List.of(
                new ComparisonReportBuilder.Session("a", withGps(base, "2024-01-10", 10.0, 5.0, 15.0)),
                new ComparisonReportBuilder.Session("b", withGps(base, "2024-02-10", 6.0, 1.0, 11.0)));
        ChangeRow w = ComparisonReportBuilder.build(wide).changes().get(0);
        assertEquals(1.96 * Math.sqrt(2) * 10 / (2 * 1.96), w.threshold(), 0.01);
        assertTrue(w.thresholdSource().startsWith("sampling error"), w.thresholdSource());
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, w.overallVerdict(), "-4 deg within 7.07 deg");
    }

    /** Without any session scored against the healthy reference (older snapshots): no row, trend or table. */
    @Test
    void noDeviationWithoutScores() {
        List<ComparisonReportBuilder.Session> old = sessions.stream().map(x -> new ComparisonReportBuilder.Session(
                x.sessionId(), withMetadata(x.input(), new SessionMetadata(x.input().patientId(), x.input().sessionDate(),
                        x.input().sessionLabel())))).toList();
        ComparisonReport r = ComparisonReportBuilder.build(old);
        assertNull(r.deviation());
        assertTrue(r.changes().stream().noneMatch(c -> c.label().equals("GPS-2D")));
        assertTrue(r.trends().stream().noneMatch(t -> t.healthy() != null));
        assertTrue(r.patternSentences().stream().noneMatch(p -> p.pattern().startsWith("Deviation")));
    }

    /** A copy of a session's snapshot under other session metadata (without the comparison with healthy walking). */
    private static ReportInput withMetadata(ReportInput in, SessionMetadata m) {
        return new ReportInput(in.schema(), m.patientId(), m.sessionDate(), m.label(), in.inputFile(), in.inputKind(),
                in.cameraView(), in.frameRateHz(), in.poseModel(), in.scaleSource(), in.softwareVersion(),
                in.meanConfidence(), in.passes(), in.events(), in.strides(), in.rejections(), in.assessment(),
                in.warnings(), in.keyFrames(), in.frontal());
    }

    @Test
    void twentyFiveSessions() {
        List<ComparisonReportBuilder.Session> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ReportInput in = withMetadata(sessions.get(i % 3).input(), new SessionMetadata("P-0042",
                    LocalDate.of(2023, 1, 2).plusWeeks(i), "week " + i));
            many.add(new ComparisonReportBuilder.Session("w" + i, in));
        }
        ComparisonReport r = ComparisonReportBuilder.build(many);
        assertEquals(25, r.sessions().size());
        r.trends().forEach(t -> t.lines().forEach(l -> assertEquals(25, l.values().size())));
    }

    @Test
    void passToPassDifference() {
        // Split the baseline walk's strides into two passes at 4 s: the difference is pass 1 mean minus pass 2 mean.
        ReportInput in = sessions.get(1).input();
        List<ReportInput.StrideValues> split = new ArrayList<>();
        for (ReportInput.StrideValues s : in.strides()) {
            split.add(new ReportInput.StrideValues(s.side(), s.contactS() < 4 ? 0 : 1, s.contactS(), s.toeOffS(),
                    s.nextContactS(), s.values()));
        }
        ReportInput two = new ReportInput(in.schema(), in.patientId(), in.sessionDate(), in.sessionLabel(),
                in.inputFile(), in.inputKind(), in.cameraView(), in.frameRateHz(), in.poseModel(), in.scaleSource(),
                in.softwareVersion(), in.meanConfidence(), List.of(new ReportInput.Pass(0, 0, 4), new ReportInput.Pass(1, 4, 8)),
                in.events(), split, in.rejections(), in.assessment(), in.warnings(), in.keyFrames());
        double p0 = split.stream().filter(s -> s.side() == Side.LEFT && s.passIndex() == 0)
                .mapToDouble(s -> s.value("stance_pct")).average().orElseThrow();
        double p1 = split.stream().filter(s -> s.side() == Side.LEFT && s.passIndex() == 1)
                .mapToDouble(s -> s.value("stance_pct")).average().orElseThrow();
        var spec = ComparisonReportBuilder.specs().stream().filter(s -> s.key().equals("stance_pct_left")).findFirst()
                .orElseThrow();
        assertEquals(p0 - p1, ComparisonReportBuilder.passDifference(spec, two).orElseThrow(), 1e-12);
        assertTrue(ComparisonReportBuilder.passDifference(spec, in).isEmpty(), "one pass: no difference");
    }

    private static ChangeRow row(ComparisonReport r, String label) {
        return r.changes().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }
}
