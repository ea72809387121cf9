package org.gaitlens.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gaitlens.assess.MetricSummary;
import org.gaitlens.assess.Pattern;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.pipeline.Golden;
import org.gaitlens.pipeline.ReportFixtures;
import org.gaitlens.reference.CurveBand;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.GaitVariable;
import org.gaitlens.reference.HealthyStats;
import org.gaitlens.reference.ReferenceGroup;
import org.gaitlens.reference.ValueStats;
import org.gaitlens.report.AsymmetryItem;
import org.gaitlens.report.CurveChartData;
import org.gaitlens.report.DeviationSection;
import org.gaitlens.report.GaitPhase;
import org.gaitlens.report.GoldenFiles;
import org.gaitlens.report.IndicatorStatus;
import org.gaitlens.report.MapItem;
import org.gaitlens.report.MetricRow;
import org.gaitlens.report.PdfRenderer;
import org.gaitlens.report.PhaseInterval;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.report.ReportJson;
import org.gaitlens.report.SessionReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SessionReportBuilder} on real analyses of two mocap validation trials (Vicon overground walk, OpenSim
 * treadmill walk): golden report models, consistency of the model with the assessment it came from, the
 * snapshot round trip that {@code gaitlens report} relies on, and the PDF's text.
 */
class SessionReportBuilderTest {
    static final String OVERGROUND = "btk_PiG_Motion-FlatFoot-Full";
    static final String TREADMILL = "opensim_subject01_walk1_treadmill";

    @TempDir
    static Path tmp;
    static ReportInput overground;
    static ReportInput treadmill;
    /**
     * Synthetic walk with a shorter right stance: 64 % left vs 56 % right of a 1.1 s stride (0.704 s vs 0.616 s),
     * right contact at 52 % of the left stride (the walk of GaitAnalyzerSyntheticTest).
     */
    static ReportInput antalgic;

    @BeforeAll
    static void analyse() {
        overground = ReportFixtures.trial(OVERGROUND, ReportFixtures.meta("P-0001", "2024-01-10", "baseline"),
                tmp.resolve("a"));
        treadmill = ReportFixtures.trial(TREADMILL, ReportFixtures.meta("P-0002", "2024-02-14", "follow-up"),
                tmp.resolve("b"));
        antalgic = ReportFixtures.synthetic(new org.gaitlens.motion.SyntheticWalk(1.75, 1.1, 1.3, 0.64, 0.56, 0.52, 5),
                ReportFixtures.meta("P-0003", "2024-03-20", "synthetic antalgic"), tmp.resolve("c"));
    }

    /** Regenerate with {@code mvn test -Dtest='*ReportBuilder*Test' -Dgaitlens.updateGolden=true}. */
    @RegisterExtension
    final GoldenFiles golden = new GoldenFiles("pipeline");

    @Test
    void modelsMatchGoldenFiles() throws IOException {
        golden.check("session-" + OVERGROUND + ".json", ReportJson.write(SessionReportBuilder.build(overground)));
        golden.check("session-" + TREADMILL + ".json", ReportJson.write(SessionReportBuilder.build(treadmill)));
        golden.check("session-synthetic-antalgic.json", ReportJson.write(SessionReportBuilder.build(antalgic)));
    }

    @Test
    void snapshotRoundTripRebuildsTheSameModel() {
        for (ReportInput in : List.of(overground, treadmill, antalgic)) {
            ReportInput back = ReportJson.read(in.toJson(), ReportInput.class);
            assertEquals(in.toJson(), back.toJson(), "write(read(json)) reproduces the snapshot");
            assertEquals(SessionReportBuilder.build(in), SessionReportBuilder.build(back));
            assertEquals(ReportJson.write(SessionReportBuilder.build(in)), ReportJson.write(SessionReportBuilder.build(back)));
        }
    }

    @Test
    void snapshotHasNoAbsolutePathsOrTimestamps() {
        String json = treadmill.toJson();
        assertFalse(json.contains(tmp.toString()), "no temp folder in the snapshot");
        assertFalse(json.contains("/work/"), "no absolute paths");
    }

    @Test
    void tablesCarryTheAssessmentNumbers() {
        SessionReport r = SessionReportBuilder.build(antalgic);
        for (Metric m : List.of(Metric.STANCE_TIME_S, Metric.SWING_TIME_S, Metric.KNEE_FLEX_SWING_PEAK_DEG)) {
            MetricSummary ms = antalgic.assessment().metric(m).orElseThrow();
            MetricRow row = row(r, m.label());
            assertEquals(ms.perSide().get(Side.LEFT).mean(), row.left(), 0, m.key() + " left mean");
            assertEquals(ms.perSide().get(Side.RIGHT).mean(), row.right(), 0, m.key() + " right mean");
            assertEquals(ms.perSide().get(Side.LEFT).sd(), row.leftSd(), 0, m.key() + " left SD");
        }
        MetricRow speed = row(r, Metric.SPEED_M_PER_S.label());
        assertEquals(antalgic.assessment().metric(Metric.SPEED_M_PER_S).orElseThrow().pooled().mean(),
                speed.overall(), 0);
        MetricRow stance = row(r, Metric.STANCE_TIME_S.label());
        // Patterson et al. 2010 stance ratio limit 1.05 as SI: 200 x 0.05 / 2.05 = 4.878 %, shown to 0.01.
        assertEquals(4.88, stance.asymmetryThresholdPct(), 0);
        assertEquals(antalgic.assessment().metric(Metric.STANCE_TIME_S).orElseThrow().asymmetry()
                .symmetryIndexPct().value(), stance.asymmetryPct(), 0);
        // Robinson SI worked out by hand from the stride values in the snapshot (exact wiring check); by
        // construction the walk's SI is 100 (0.616 - 0.704) / 0.660 = -13.3 %, the engine's events are within
        // a frame of it (GaitAnalyzerSyntheticTest), so the sign and rough size must agree.
        double l = antalgic.strides(Side.LEFT).stream().mapToDouble(x -> x.value("stance_time_s")).average().orElseThrow();
        double rr = antalgic.strides(Side.RIGHT).stream().mapToDouble(x -> x.value("stance_time_s")).average().orElseThrow();
        assertEquals(100 * (rr - l) / (0.5 * (rr + l)), stance.asymmetryPct(), 1e-9);
        assertTrue(stance.asymmetryPct() < -10 && stance.asymmetryPct() > -16, "about -13.3 %: " + stance.asymmetryPct());
        assertTrue(stance.asymmetryFlagged(), "|-13.3| % is above the 4.88 % limit");
        assertNotNull(stance.reference(), "stance time has a documented range");
        AsymmetryItem si = r.asymmetry().stream().filter(a -> a.label().equals("Stance time")).findFirst().orElseThrow();
        assertTrue(si.ciLowPct() <= si.valuePct() && si.valuePct() <= si.ciHighPct(), "CI contains the estimate");
    }

    @Test
    void summaryListsEveryPatternAndQuality() {
        SessionReport r = SessionReportBuilder.build(antalgic);
        assertEquals(Pattern.values().length, r.summary().indicators().size(), "one item per pattern");
        var trunk = r.summary().indicators().stream().filter(i -> i.pattern().equals("Trunk list")).findFirst().orElseThrow();
        assertEquals(IndicatorStatus.NOT_ASSESSED, trunk.status(), "trunk list needs a frontal view");
        assertFalse(r.summary().symmetryStatement().contains("NaN"));
        assertEquals(antalgic.assessment().quality().stridesUsed(), r.quality().stridesUsed());
        var antalgicItem = r.summary().indicators().get(0);
        assertEquals("Antalgic gait", antalgicItem.pattern());
        assertEquals(IndicatorStatus.PRESENT, antalgicItem.status(), "shorter stance and single support on the right");
        assertEquals(Side.RIGHT, antalgicItem.side());
        assertEquals(Side.RIGHT, r.summary().affectedSide());
        MetricSummary st = antalgic.assessment().metric(Metric.STANCE_TIME_S).orElseThrow();
        assertTrue(r.summary().symmetryStatement().contains(String.format(Locale.ROOT, "stance time left %.2f vs right %.2f s",
                st.perSide().get(Side.LEFT).mean(), st.perSide().get(Side.RIGHT).mean())),
                r.summary().symmetryStatement());
        // 2 strides per side in the overground trial: below the 3 per side needed, so no conclusion.
        SessionReport o = SessionReportBuilder.build(overground);
        assertEquals(org.gaitlens.report.QualityVerdict.INSUFFICIENT, o.summary().qualityVerdict());
        assertTrue(o.summary().symmetryStatement().startsWith("Symmetry cannot be judged"));
    }

    @Test
    void chartsComeFromTheStridesAndEvents() {
        SessionReport r = SessionReportBuilder.build(antalgic);
        assertEquals(List.of("Hip", "Knee", "Ankle", "Trunk"), r.curves().stream().map(CurveChartData::joint).toList());
        double stanceL = antalgic.assessment().metric(Metric.STANCE_PCT).orElseThrow().perSide().get(Side.LEFT).mean();
        assertEquals(stanceL, r.curves().get(1).sides().get(Side.LEFT).toeOffPct(), 0, "toe off at mean stance %");
        HealthyComparison h = antalgic.deviation();
        assertNotNull(h, "a side view's snapshot carries the comparison with healthy walking");
        for (CurveChartData c : r.curves()) {
            if (c.joint().equals("Trunk")) {
                assertNull(c.reference(), "the healthy dataset holds no trunk angle");
                continue;
            }
            GaitVariable v = GaitVariable.valueOf(c.joint().toUpperCase(Locale.ROOT));
            CurveBand band = h.group().curve(v);
            for (int i : new int[] {0, 37, 100}) {
                assertEquals(band.meanDeg()[i] - band.sdDeg()[i], c.reference().lower()[i], 1e-12, c.joint() + " " + i);
                assertEquals(band.meanDeg()[i] + band.sdDeg()[i], c.reference().upper()[i], 1e-12, c.joint() + " " + i);
            }
            String src = c.reference().source();
            assertTrue(src.contains("Fukuchi et al. 2018") && src.contains("CC BY 4.0") && src.contains("doi:")
                    && src.contains(h.group().speedClass().key() + " speed") && src.contains("n " + h.group().n()), src);
        }
        for (Side side : Side.values()) {
            List<PhaseInterval> p = r.phases().intervals().get(side);
            assertFalse(p.isEmpty());
            for (int i = 1; i < p.size(); i++) {
                if (p.get(i).startS() == p.get(i - 1).endS()) {
                    assertTrue(p.get(i).phase() != p.get(i - 1).phase(), "stance and swing alternate");
                }
            }
            // Every accepted stride's stance interval is in the diagram.
            for (ReportInput.StrideValues s : antalgic.strides(side)) {
                assertTrue(p.stream().anyMatch(x -> x.phase() == GaitPhase.STANCE
                        && Math.abs(x.startS() - s.contactS()) < 1e-3 && Math.abs(x.endS() - s.toeOffS()) < 1e-3));
            }
        }
        assertEquals(List.of("Stride time", "Stance", "Step length"),
                r.strideSeries().stream().map(s -> s.metric()).toList());
        assertEquals(antalgic.strides(Side.RIGHT).size(), r.strideSeries().get(0).points().get(Side.RIGHT).size());
    }

    /** The deviation section near the top: the snapshot's scores and band, in words and as the profile's bars. */
    @Test
    void deviationSectionComesFromTheSnapshot() {
        SessionReport r = SessionReportBuilder.build(treadmill);
        DeviationSection d = r.deviation();
        assertNotNull(d, "a side view has the section");
        GaitProfileScore.Scores s = treadmill.deviation().scores();
        HealthyStats healthy = treadmill.deviation().group().healthy().gps2d();
        String value = String.format(Locale.ROOT, "GPS-2D %.1f deg", s.overall().valueDeg());
        assertTrue(d.headline().startsWith(value), d.headline());
        assertTrue(d.headline().contains(String.format(Locale.ROOT, "mean %.1f deg, 95th percentile %.1f deg",
                healthy.mean(), healthy.p95())), d.headline());
        assertTrue(d.headline().contains(s.overall().valueDeg() > healthy.p95() ? "above the healthy range"
                : "within the healthy range"), d.headline());
        assertTrue(d.findings().get(0).startsWith("GPS-2D per side: Left "), d.findings().toString());
        assertTrue(d.findings().stream().anyMatch(f -> f.contains("deviates most") || f.contains("closest to it")),
                "the joint that deviates most is named: " + d.findings());
        assertTrue(d.findings().stream().anyMatch(f -> f.startsWith("Left vs right")), d.findings().toString());
        assertTrue(d.band().contains(treadmill.deviation().bandLabel()) && d.band().contains("Why this band"), d.band());
        assertTrue(d.caveat().contains("not comparable with the 3D Gait Profile Score"), d.caveat());
        assertTrue(d.source().contains("CC BY 4.0") && d.source().contains("doi:10.1016/j.gaitpost.2009.05.020"),
                d.source());
        // Bars: GVS hip, knee, ankle x left, right, then GPS-2D left, right and both, with the healthy scores.
        assertEquals(9, d.profile().size());
        assertEquals(List.of("Hip", "Hip", "Knee", "Knee", "Ankle", "Ankle", "GPS-2D", "GPS-2D", "GPS-2D"),
                d.profile().stream().map(MapItem::group).toList());
        MapItem knee = d.profile().get(3);
        assertEquals(Side.RIGHT, knee.side());
        assertEquals(s.gvs(Side.RIGHT, GaitVariable.KNEE), knee.valueDeg(), 0.005, "rounded to 0.01 deg");
        assertEquals(treadmill.deviation().group().healthy().gvs().get(GaitVariable.KNEE).p95(), knee.healthyP95Deg(), 0);
        MapItem both = d.profile().get(8);
        assertNull(both.side());
        assertEquals(s.overall().valueDeg(), both.valueDeg(), 0.005);
        assertEquals(healthy.p95(), both.healthyP95Deg(), 0);
    }

    /**
     * Key values the healthy dataset holds show its matched band's mean ± SD and are flagged by z; the others keep
     * their textbook range; plantarflexion at toe off keeps it by design (the dataset has no toe-off times).
     */
    @Test
    void keyValuesUseTheDatasetWhereItHasThem() {
        SessionReport r = SessionReportBuilder.build(treadmill);
        ReferenceGroup g = treadmill.deviation().group();
        MetricRow swing = row(r, Metric.KNEE_FLEX_SWING_PEAK_DEG.label());
        ValueStats ref = g.keyValues().get(Metric.KNEE_FLEX_SWING_PEAK_DEG.key());
        assertNotNull(swing.normative());
        assertEquals(ref.mean(), swing.normative().mean(), 0);
        assertEquals(ref.sd(), swing.normative().sd(), 0);
        assertEquals(ref.n(), swing.normative().n());
        assertEquals((swing.left() - ref.mean()) / ref.sd(), swing.leftZ(), 1e-12);
        assertEquals(Math.abs(swing.leftZ()) > MetricRow.Z_LIMIT, swing.leftOutOfRange(), "flag by |z| > 2");
        MetricRow speed = row(r, Metric.SPEED_M_PER_S.label());
        assertEquals(g.walking(ReferenceGroup.SPEED_M_PER_S).mean(), speed.normative().mean(), 0, "speed per class");
        assertNotNull(speed.overallZ());
        MetricRow toeOff = row(r, Metric.ANKLE_PF_TOE_OFF_DEG.label());
        assertNull(toeOff.normative(), "no dataset reference for plantarflexion at toe off");
        assertNotNull(toeOff.reference(), "it keeps its textbook range");
        MetricRow cadence = row(r, Metric.CADENCE_STEPS_PER_MIN.label());
        assertNull(cadence.normative(), "the dataset has no cadence");
        assertNotNull(cadence.reference());
        String note = r.tables().stream().filter(t -> t.rows().contains(swing)).findFirst().orElseThrow().note();
        assertTrue(note.contains("Reference where a z is given: healthy adults of Fukuchi et al. 2018")
                && note.contains("Plantarflexion at toe off keeps its textbook range"), note);
    }

    /**
     * A snapshot written before the comparison with healthy walking existed (no {@code deviation}) still rebuilds:
     * no section, no bands, every reference the textbook range, the rest as with the comparison.
     */
    @Test
    void olderSnapshotRebuildsWithoutTheComparison() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(treadmill.toJson());
        assertTrue(json.has("deviation"));
        json.remove("deviation");
        ReportInput old = ReportJson.read(json.toString(), ReportInput.class);
        assertNull(old.deviation());
        SessionReport r = SessionReportBuilder.build(old);
        SessionReport now = SessionReportBuilder.build(treadmill);
        assertNull(r.deviation());
        r.curves().forEach(c -> assertNull(c.reference(), c.joint()));
        r.tables().forEach(t -> t.rows().forEach(x -> assertNull(x.normative(), x.label())));
        assertEquals(now.summary(), r.summary());
        assertEquals(now.asymmetry(), r.asymmetry());
        assertFalse(ReportJson.write(r).contains("Fukuchi"), "nothing of the reference in the old report");
    }

    @Test
    void pdfTextHasTheKeyNumbers() throws IOException {
        SessionReport r = SessionReportBuilder.build(antalgic);
        String text;
        String page1;
        try (PDDocument doc = Loader.loadPDF(new PdfRenderer(RenderOptions.defaults()).render(r))) {
            text = new PDFTextStripper().getText(doc);
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            page1 = first.getText(doc);
        }
        assertTrue(page1.contains("Deviation from healthy walking") && page1.contains("Bars: the Gait Variable Score"),
                "the deviation section and its profile are on page 1");
        MetricSummary stance = antalgic.assessment().metric(Metric.STANCE_TIME_S).orElseThrow();
        for (Side side : Side.values()) {
            String v = String.format(Locale.ROOT, "%.2f", stance.perSide().get(side).mean());
            assertTrue(text.contains(v), "stance time " + side + " " + v + " in the PDF");
        }
        String cadence = String.format(Locale.ROOT, "%.0f",
                antalgic.assessment().metric(Metric.CADENCE_STEPS_PER_MIN).orElseThrow().pooled().mean());
        assertTrue(text.contains(cadence), "cadence " + cadence + " in the PDF");
        assertTrue(text.contains("P-0003") && text.contains("2024-03-20"), "header");
        assertFalse(text.contains("NaN"), "no NaN in the PDF");
    }

    private static MetricRow row(SessionReport r, String label) {
        return r.tables().stream().flatMap(t -> t.rows().stream()).filter(x -> x.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }
}
