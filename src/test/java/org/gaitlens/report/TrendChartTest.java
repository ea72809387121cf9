package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

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

    /** GPS-2D: 95 % CI whiskers in the line's colour and the healthy range as a grey band behind the line. */
    @Test
    void trendWithIntervalsAndHealthyBand() throws IOException {
        ComparisonReport c = ReportFixtures.threeSessions();
        TrendSeries gps = c.trends().get(0);
        assertEquals("GPS-2D", gps.title());
        XYChart chart = TrendChart.build(gps, c.sessions(), 245, 200);
        long whiskers = chart.getSeriesMap().keySet().stream().filter(n -> n.contains("95 % CI")).count();
        assertEquals(3, whiskers, "one per session with an interval");
        XYSeries band = chart.getSeriesMap().get(gps.healthy().label());
        // one polygon: upper edge left to right, then lower edge back
        assertEquals(List.of(8.4, 6.9, 6.9, 0.0, 0.0, 0.0), Arrays.stream(band.getYData()).boxed().toList());
        BufferedImage img = renderAndCheck(chart, "trend_gps2d.png", false);
        BufferedImage without = renderAndCheck(TrendChart.build(new TrendSeries(gps.title(), gps.unit(), gps.lines()),
                c.sessions(), 245, 200), "trend_gps2d_no_band.png", false);
        int grey = ChartRendering.referencePixels(img);
        int greyWithout = ChartRendering.referencePixels(without);
        assertTrue(grey > greyWithout + 5000, "the healthy band is drawn: " + grey + " vs " + greyWithout);
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
