package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.gaitlens.metric.ImprovementDirection;
import org.gaitlens.metric.ReferenceRange;
import org.junit.jupiter.api.Test;

/** Change verdicts, sentences, flags and validation of the report model, against hand-worked values. */
class ReportModelTest {
    /** Changes here are differences of decimal inputs; 1e-9 absorbs binary rounding only. */
    private static final double EPS = 1e-9;

    @Test
    void changeRowJudgesAgainstThresholdAndDirection() {
        ChangeRow si = ReportFixtures.threeSessions().changes().get(2); // 14 -> 9 -> 4 %, threshold 5, closer to 0
        assertEquals(ChangeVerdict.IMPROVED, si.fromFirst().get(2).verdict(), "|4| is 10 below |14| > 5");
        assertEquals(-10.0, si.fromFirst().get(2).change(), EPS);
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, si.fromPrevious().get(2).verdict(), "9 -> 4 is exactly 5: not > 5");
        assertEquals(ChangeVerdict.NOT_AVAILABLE, si.fromFirst().get(0).verdict(), "first session has no reference");
        assertEquals("Stance-time asymmetry fell from 14 % to 4 % (threshold 5 %): improved", si.sentence());

        ChangeRow ds = ReportFixtures.threeSessions().changes().get(5); // 0.28 -> 0.34 s, lower is better, 0.02
        assertEquals(ChangeVerdict.WORSENED, ds.overallVerdict());
        assertEquals(ChangeVerdict.WORSENED, ds.fromPrevious().get(2).verdict(), "0.31 -> 0.34 is 0.03 > 0.02");
        ChangeRow cadence = ReportFixtures.threeSessions().changes().get(3); // 104 -> 104.5, threshold 3
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, cadence.overallVerdict());
        assertEquals("Cadence rose from 104.0 steps/min to 104.5 steps/min (threshold 3.0 steps/min): no detectable change",
                cadence.sentence());
    }

    /** The GPS-2D row is judged like every row: lower is better, against its data-derived threshold. */
    @Test
    void gps2dRowIsJudgedAgainstItsThreshold() {
        ChangeRow gps = ReportFixtures.threeSessions().changes().get(0); // 10.4 -> 9.1 -> 7.2 deg, threshold 2.06
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, gps.fromFirst().get(1).verdict(), "-1.3 is within 2.06");
        assertEquals(ChangeVerdict.IMPROVED, gps.fromFirst().get(2).verdict(), "-3.2 is beyond 2.06, and lower is better");
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE, gps.fromPrevious().get(2).verdict(), "-1.9 is within 2.06");
        assertEquals("GPS-2D fell from 10.40 deg to 7.20 deg (threshold 2.06 deg): improved", gps.sentence());
    }

    /** Trend intervals and healthy bands must have one entry per session, both limits or none, low <= high. */
    @Test
    void trendIntervalsAndBandsAreChecked() {
        List<Double> three = List.of(1.0, 2.0, 3.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrendLine("x", null, three, List.of(0.5, 1.5), List.of(1.5, 2.5)));
        assertTrue(e.getMessage().contains("2 intervals for 3 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TrendLine("x", null, three, List.of(0.5, 2.5, 2.0), List.of(1.5, 2.0, 4.0)));
        assertThrows(IllegalArgumentException.class,
                () -> new TrendBand(java.util.Arrays.asList(0.0, null), java.util.Arrays.asList(1.0, 2.0), "band"));
        ComparisonReport c = ReportFixtures.threeSessions();
        TrendSeries bad = new TrendSeries("GPS-2D", "deg", List.of(new TrendLine("GPS-2D", null, three)),
                new TrendBand(List.of(0.0), List.of(7.0), "band"));
        e = assertThrows(IllegalArgumentException.class, () -> new ComparisonReport(c.patientId(), "", c.sessions(),
                c.changes(), List.of(bad), c.overlays(), c.patternSentences(), c.deviation()));
        assertTrue(e.getMessage().contains("healthy band has 1 entries for 3 sessions"), e.getMessage());
    }

    @Test
    void closerToZeroComparesMagnitudes() {
        // SI from -12 % (left larger) to +3 %: magnitude fell by 9 > 5, so improved although the value rose.
        assertEquals(ChangeVerdict.IMPROVED, ChangeVerdict.judge(-12.0, 3.0, ImprovementDirection.CLOSER_TO_ZERO, 5));
        assertEquals(ChangeVerdict.WORSENED, ChangeVerdict.judge(2.0, -9.0, ImprovementDirection.CLOSER_TO_ZERO, 5));
        assertEquals(ChangeVerdict.NOT_AVAILABLE, ChangeVerdict.judge(null, 3.0, ImprovementDirection.HIGHER_IS_BETTER, 1));
    }

    /**
     * An SI from +3 % to -6 % at a threshold of 4: the value changed by 9 points, but what counts for a signed
     * index is its magnitude, which grew by 3 only. A side swap of an unchanged asymmetry (true +4.5 % to -4.5 %)
     * read with errors within the threshold gives exactly these values, so the data show no detectable worsening.
     * (The removed assess.ChangeClassifier called this "worsened": it tested the raw change against the threshold
     * and only then asked which way the magnitude went.) The same magnitude change beyond the threshold counts.
     */
    @Test
    void anSiChangingSidesIsJudgedByItsMagnitude() {
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE,
                ChangeVerdict.judge(3.0, -6.0, ImprovementDirection.CLOSER_TO_ZERO, 4));
        assertEquals(ChangeVerdict.WORSENED, ChangeVerdict.judge(3.0, -8.0, ImprovementDirection.CLOSER_TO_ZERO, 4),
                "magnitude +5 > 4");
        assertEquals(ChangeVerdict.NO_DETECTABLE_CHANGE,
                ChangeVerdict.judge(3.0, -7.0, ImprovementDirection.CLOSER_TO_ZERO, 4), "magnitude +4: not > 4");
        assertThrows(IllegalArgumentException.class,
                () -> ChangeVerdict.judge(3.0, -6.0, ImprovementDirection.CLOSER_TO_ZERO, Double.NaN));
    }

    @Test
    void aRowNeedsAResolvedDirection() {
        assertThrows(IllegalArgumentException.class, () -> ChangeRow.compute("Cadence", "steps/min", 0,
                ImprovementDirection.TOWARD_RANGE, 4, "", List.of(100.0, 104.0)));
    }

    @Test
    void missingValuesUseTheNearestSessionsThatHaveTheMetric() {
        ChangeRow row = ChangeRow.compute("Gait speed", "m/s", 2, ImprovementDirection.HIGHER_IS_BETTER, 0.1, "",
                Arrays.asList(null, 0.90, null, 1.05));
        assertEquals(ChangeCell.NOT_AVAILABLE, row.fromFirst().get(0));
        assertEquals(ChangeCell.NOT_AVAILABLE, row.fromFirst().get(1), "session 2 is the first with the metric");
        assertEquals(ChangeCell.NOT_AVAILABLE, row.fromPrevious().get(2));
        assertEquals(1, row.fromFirst().get(3).referenceIndex());
        assertEquals(1, row.fromPrevious().get(3).referenceIndex());
        assertEquals(0.15, row.fromFirst().get(3).change(), EPS);
        assertEquals(ChangeVerdict.IMPROVED, row.overallVerdict());
        assertEquals("Gait speed rose from 0.90 m/s to 1.05 m/s (threshold 0.10 m/s): improved", row.sentence());

        ChangeRow none = ChangeRow.compute("Lean", "deg", 1, ImprovementDirection.CLOSER_TO_ZERO, 2, "", Arrays.asList(null, null));
        assertEquals(ChangeVerdict.NOT_AVAILABLE, none.overallVerdict());
        assertEquals("Lean: not measured in any session", none.sentence());
    }

    @Test
    void metricRowFlagsFollowTheReference() {
        MetricRow r = MetricRow.bilateral("Stance", "% cycle", 1, 53.0, 1.0, 60.9, 1.0, 13.9, "SI", 5.0,
                new ReferenceRange(58, 62, "x"));
        assertTrue(r.leftOutOfRange());
        assertFalse(r.rightOutOfRange());
        assertFalse(r.overallOutOfRange(), "no overall value");
        assertTrue(r.asymmetryFlagged());
        MetricRow noRef = MetricRow.single("Speed", "m/s", 2, 0.5, null, null);
        assertFalse(noRef.overallOutOfRange());
        assertFalse(noRef.asymmetryFlagged());
    }

    @Test
    void formattingIsLocaleIndependent() {
        assertEquals("0.61", ReportFormat.number(0.6149, 2));
        assertEquals("0.0", ReportFormat.number(-0.01, 1), "no negative zero");
        assertEquals("+0.05", ReportFormat.signed(0.05, 2));
        assertEquals("–", ReportFormat.number(null, 2));
        assertEquals("14 %", ReportFormat.value(14.0, 0, "%"));
    }

    @Test
    void validationNamesTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SideCurve(new double[100], new double[101], 1, null));
        assertTrue(e.getMessage().contains("had 100"), e.getMessage());
        double[] allGap = new double[101];
        java.util.Arrays.fill(allGap, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> new SideCurve(allGap, new double[101], 1, null));
        assertTrue(e.getMessage().contains("no finite point"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReferenceRange(2, 1, ""));
        assertTrue(e.getMessage().contains("2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PhaseInterval(GaitPhase.STANCE, 1.0, 0.5));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MetricRow.single("x", "", 2, Double.NaN, null, null));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void comparisonRequiresDateOrderAndMatchingSizes() {
        SessionColumn a = new SessionColumn("A", LocalDate.of(2024, 2, 1), "", "", QualityVerdict.SUFFICIENT);
        SessionColumn b = new SessionColumn("B", LocalDate.of(2024, 1, 1), "", "", QualityVerdict.SUFFICIENT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ComparisonReport("P", "v", List.of(a, b), List.of(), List.of(), List.of(), List.of()));
        assertTrue(e.getMessage().contains("date order"), e.getMessage());
        ChangeRow one = ChangeRow.compute("x", "", 0, ImprovementDirection.LOWER_IS_BETTER, 1, "", List.of(1.0));
        e = assertThrows(IllegalArgumentException.class,
                () -> new ComparisonReport("P", "v", List.of(b, a), List.of(one), List.of(), List.of(), List.of()));
        assertTrue(e.getMessage().contains("1 values for 2 sessions"), e.getMessage());
    }

    @Test
    void sideMapsIterateLeftThenRight() {
        CurveChartData c = ReportFixtures.session().curves().get(0);
        assertEquals(List.of(org.gaitlens.core.Side.LEFT, org.gaitlens.core.Side.RIGHT), List.copyOf(c.sides().keySet()));
        assertNull(ReportFixtures.session().curves().get(3).reference(), "trunk has no documented band");
    }
}
