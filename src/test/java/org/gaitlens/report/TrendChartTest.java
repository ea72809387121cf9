package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Trends across sessions: a date axis, or session numbers when sessions share a date. */
class TrendChartTest {

    @Test
    void trendChartsRender() throws IOException {
        ComparisonReport c = ReportFixtures.threeSessions();
        for (TrendSeries t : c.trends()) {
            renderAndCheck(TrendChart.build(t, c.sessions(), 245, 200), "trend_" + t.title().replace(' ', '_') + ".png",
                    t.title().equals("Stance time"));
        }
    }

    @Test
    void trendChartWithManySessionsAndGapsRenders() throws IOException {
        ComparisonReport c = ReportFixtures.manySessions(20, 7);
        for (TrendSeries t : c.trends()) {
            renderAndCheck(TrendChart.build(t, c.sessions(), 245, 200), "trend20_" + t.title().replace(' ', '_')
                    + ".png", false);
        }
    }

    /** Before and after a treatment on one day: a date axis would stack the sessions on one x. */
    @Test
    void sessionsOnOneDateAreSpreadBySessionNumber() throws IOException {
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<SessionColumn> sessions = List.of(
                new SessionColumn("a", day, "before", "side", QualityVerdict.values()[0]),
                new SessionColumn("b", day, "after", "side", QualityVerdict.values()[0]),
                new SessionColumn("c", day.plusDays(7), "week 1", "side", QualityVerdict.values()[0]));
        TrendSeries t = new TrendSeries("Gait speed", "m/s", List.of(new TrendLine("Gait speed", null,
                Arrays.asList(0.8, 0.9, 1.0))));
        XYChart chart = TrendChart.build(t, sessions, 245, 200);
        assertEquals("Session (#, see the sessions table)", chart.getXAxisTitle());
        double[] x = chart.getSeriesMap().get("Gait speed").getXData();
        assertEquals(List.of(1.0, 2.0, 3.0), Arrays.stream(x).boxed().toList());
        renderAndCheck(chart, "trend_same_day.png", false);
        // distinct dates keep the date axis
        List<SessionColumn> dated = List.of(sessions.get(0), sessions.get(2));
        TrendSeries two = new TrendSeries("Gait speed", "m/s", List.of(new TrendLine("Gait speed", null,
                Arrays.asList(0.8, 1.0))));
        assertEquals("Session date", TrendChart.build(two, dated, 245, 200).getXAxisTitle());
    }
}
