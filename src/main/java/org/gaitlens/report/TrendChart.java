package org.gaitlens.report;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * A metric across sessions: one marked line per {@link TrendLine}; x is the session date (epoch day, labelled as
 * ISO dates), or the session number (#1, #2, ... as in the sessions table) when two sessions share a date (before
 * and after a treatment on one day), which a date axis would stack. Sessions without the metric are skipped, so a
 * line joins the sessions that have it. A line's 95 % confidence intervals are drawn as whiskers, and the series'
 * healthy range as a grey band through the sessions that have it.
 */
public final class TrendChart {
    private TrendChart() {
    }

    /** The chart of {@code data} over {@code sessions} (in order, one value per session) at the given size. */
    public static XYChart build(TrendSeries data, List<SessionColumn> sessions, int widthPx, int heightPx) {
        boolean byNumber = sessions.stream().map(SessionColumn::date).distinct().count() < sessions.size();
        XYChart chart = ChartFrame.create(widthPx, heightPx, data.title(), byNumber
                ? "Session (#, see the sessions table)" : "Session date",
                ChartFrame.axisTitle(data.title(), data.unit()));
        double[] x = byNumber ? IntStream.rangeClosed(1, sessions.size()).asDoubleStream().toArray()
                : sessions.stream().mapToDouble(s -> s.date().toEpochDay()).toArray();
        if (data.healthy() != null) {
            addBand(chart, data.healthy(), x);
        }
        int others = 0;
        boolean any = false;
        for (TrendLine line : data.lines()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (line.values().get(i) != null) {
                    xs.add(x[i]);
                    ys.add(line.values().get(i));
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(line.name(), xs, ys);
            Color c = line.side() != null ? ReportTheme.color(line.side()) : ReportTheme.otherColor(others++);
            SeriesStyle.markedLine(s, c, line.side(), 1.8f);
            addWhiskers(chart, line, x, c);
            any = true;
        }
        if (!any) {
            ChartFrame.markEmpty(chart);
        }
        if (byNumber) {
            numberAxis(chart, sessions.size());
        } else {
            dateAxis(chart, x[0], x[x.length - 1]);
        }
        return chart;
    }

    /** The healthy range as one grey polygon through the sessions that have it (a lone session gets a short bar). */
    private static void addBand(XYChart chart, TrendBand band, double[] x) {
        List<Double> xs = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (band.low().get(i) != null) {
                xs.add(x[i]);
                lo.add(band.low().get(i));
                hi.add(band.high().get(i));
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        if (xs.size() == 1) {
            double half = x.length > 1 ? 0.2 * (x[x.length - 1] - x[0]) / (x.length - 1) : 0.3;
            xs = List.of(xs.get(0) - half, xs.get(0) + half);
            lo = List.of(lo.get(0), lo.get(0));
            hi = List.of(hi.get(0), hi.get(0));
        }
        List<Double> px = new ArrayList<>(xs);
        List<Double> py = new ArrayList<>(hi);
        for (int i = xs.size() - 1; i >= 0; i--) {
            px.add(xs.get(i));
            py.add(lo.get(i));
        }
        XYSeries s = chart.addSeries(band.label(), px, py);
        SeriesStyle.band(s, ReportTheme.REFERENCE);
        s.setShowInLegend(false); // a half-width legend has no room for it: the caption names the band
    }

    /** A vertical 95 % CI whisker in the line's colour at each session where the line has one. */
    private static void addWhiskers(XYChart chart, TrendLine line, double[] x, Color c) {
        for (int i = 0; i < line.ciLow().size(); i++) {
            if (line.ciLow().get(i) == null || line.values().get(i) == null) {
                continue;
            }
            XYSeries w = chart.addSeries(line.name() + " 95 % CI #" + i, new double[] {x[i], x[i]},
                    new double[] {line.ciLow().get(i), line.ciHigh().get(i)});
            SeriesStyle.line(w, c, 1.2f, false);
            w.setShowInLegend(false); // the caption says what the whiskers are
        }
    }

    /** Sessions 1..n with a blank slot at each end. */
    private static void numberAxis(XYChart chart, int n) {
        // Integer bounds and data make XChart 3.8 tick every integer; it drops ticks whose labels repeat,
        // so the two bounds get distinct blank labels.
        XYStyler st = chart.getStyler();
        st.setXAxisMin(0.0);
        st.setXAxisMax(n + 1.0);
        chart.setCustomXAxisTickLabelsFormatter(v -> {
            long k = Math.round(v);
            if (Math.abs(v - k) > 1e-6) {
                return String.valueOf(v);
            }
            return k == 0 ? " " : k == n + 1 ? "  " : "#" + k;
        });
    }

    /** Epoch days {@code minDay..maxDay} padded by 5 % (at least 2 days), at most 6 ISO-date labels. */
    private static void dateAxis(XYChart chart, double minDay, double maxDay) {
        XYStyler st = chart.getStyler();
        double pad = Math.max(2, (maxDay - minDay) * 0.05);
        st.setXAxisMin(minDay - pad);
        st.setXAxisMax(maxDay + pad);
        st.setXAxisMaxLabelCount(6);
        chart.setCustomXAxisTickLabelsFormatter(v -> LocalDate.ofEpochDay(Math.round(v)).toString());
    }
}
