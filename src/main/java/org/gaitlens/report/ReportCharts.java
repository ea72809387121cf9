package org.gaitlens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.gaitlens.core.Side;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts of the report model, rendered to PNG (and SVG on request).
 *
 * <p>Colours follow the Okabe-Ito colour-blind-safe palette and mean the same everywhere: left =
 * blue {@code #0072B2}, right = vermillion {@code #D55E00}, healthy reference = grey band, flagged values
 * = reddish purple {@code #CC79A7}. Every chart is an {@link XYChart}:
 * <ul>
 * <li>joint-angle curves: mean line per side, SD band as a translucent polygon ({@code PolygonArea}),
 * reference band as a grey polygon, toe-off as a dashed vertical two-point line per side;</li>
 * <li>gait-phase diagram: XChart has no Gantt chart, so each stance interval is a filled rectangle
 * polygon and each swing interval an outlined rectangle (a closed 5-point line) on an XY chart whose y
 * axis has two rows (left at y = 1, right at y = 0) labelled by a tick formatter;</li>
 * <li>asymmetry overview: a forest plot (one row per index, point with 95 % CI whisker, the index's
 * threshold as short vertical bars at plus and minus the threshold);</li>
 * <li>trends: x is the session date (epoch day, labelled as ISO dates), or the session number when two sessions
 *     share a date; sessions without the metric are skipped.</li>
 * </ul>
 */
public final class ReportCharts {
    /** Colour of the left side. */
    public static final Color LEFT = new Color(0x00, 0x72, 0xB2);
    /** Colour of the right side. */
    public static final Color RIGHT = new Color(0xD5, 0x5E, 0x00);
    /** Colour of whole-body metrics and indices (bluish green). */
    public static final Color NEUTRAL = new Color(0x00, 0x9E, 0x73);
    /** Colour of flagged values (reddish purple). */
    public static final Color FLAG = new Color(0xCC, 0x79, 0xA7);
    /** Colour of reference bands. */
    public static final Color REFERENCE = new Color(150, 150, 150, 70);
    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    private static final Color[] EXTRA = {NEUTRAL, FLAG, new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
            new Color(0xF0, 0xE4, 0x42), INK};

    /** Logical size of a full-width chart (points in the PDF). */
    public static final int FULL_WIDTH = 500;
    /** Time-series lines with at most this many samples are drawn with markers (per-step values). */
    static final int SPARSE_SAMPLES = 40;
    /** Logical size of a half-width chart. */
    public static final int HALF_WIDTH = 245;

    private ReportCharts() {
    }

    /** The colour of a side. */
    public static Color color(Side side) {
        return side == Side.LEFT ? LEFT : RIGHT;
    }

    /** CSS hex form of a colour, e.g. {@code #0072B2}. */
    public static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    // ---------------------------------------------------------------- charts

    /** Left/right joint-angle curves with SD bands over 0-100 % of the gait cycle. */
    public static XYChart curveChart(CurveChartData data, int widthPx, int heightPx) {
        XYChart chart = newChart(widthPx, heightPx, data.joint(),
                "Gait cycle (%)", axisTitle(data.joint() + " angle", data.unit()));
        List<double[]> ranges = new ArrayList<>();
        if (data.reference() != null) {
            addBand(chart, "Healthy reference", data.reference().lower(), data.reference().upper(), REFERENCE, false);
            ranges.add(data.reference().lower());
            ranges.add(data.reference().upper());
        }
        for (Map.Entry<Side, SideCurve> e : data.sides().entrySet()) {
            ranges.addAll(addCurve(chart, e.getKey(), sideName(e.getKey()) + " (n=" + e.getValue().strideCount() + ")",
                    e.getValue(), true, false));
        }
        double[] yr = yRange(ranges);
        data.sides().forEach((side, c) -> addToeOff(chart, side, c.toeOffPct(), yr));
        finishCycleAxes(chart, yr);
        return chart;
    }

    /** First vs latest session's curve of one joint and side. */
    public static XYChart overlayChart(CurveOverlay data, int widthPx, int heightPx) {
        XYChart chart = newChart(widthPx, heightPx, data.joint() + ", " + sideName(data.side()).toLowerCase(Locale.ROOT), "Gait cycle (%)", axisTitle(data.joint() + " angle", data.unit()));
        List<double[]> ranges = new ArrayList<>();
        if (data.reference() != null) {
            addBand(chart, "Healthy reference", data.reference().lower(), data.reference().upper(), REFERENCE, false);
            ranges.add(data.reference().lower());
            ranges.add(data.reference().upper());
        }
        ranges.addAll(addCurve(chart, data.side(), "First: " + data.firstLabel(), data.first(), false, true));
        ranges.addAll(addCurve(chart, data.side(), "Latest: " + data.latestLabel(), data.latest(), true, false));
        double[] yr = yRange(ranges);
        finishCycleAxes(chart, yr);
        return chart;
    }

    /** Stance (filled) and swing (outlined) bars per side over time. */
    public static XYChart phaseChart(PhaseDiagramData data, int widthPx, int heightPx) {
        XYChart chart = newChart(widthPx, heightPx, "Gait phases: stance (filled) and swing (outlined)", "Time (s)", "");
        double halfHeight = 0.3;
        double minT = Double.POSITIVE_INFINITY;
        double maxT = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Map.Entry<Side, List<PhaseInterval>> e : data.intervals().entrySet()) {
            Side side = e.getKey();
            double row = side == Side.LEFT ? 1 : 0;
            for (PhaseInterval p : e.getValue()) {
                double[] x = {p.startS(), p.endS(), p.endS(), p.startS(), p.startS()};
                double[] y = {row - halfHeight, row - halfHeight, row + halfHeight, row + halfHeight, row - halfHeight};
                minT = Math.min(minT, p.startS());
                maxT = Math.max(maxT, p.endS());
                boolean stance = p.phase() == GaitPhase.STANCE;
                XYSeries s = chart.addSeries(sideName(side) + (stance ? " stance " : " swing ") + (n++), x, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(color(side));
                s.setLineStyle(new BasicStroke(1.2f));
                s.setXYSeriesRenderStyle(stance ? XYSeriesRenderStyle.PolygonArea : XYSeriesRenderStyle.Line);
                if (stance) {
                    s.setFillColor(color(side));
                }
                s.setShowInLegend(false);
            }
        }
        chart.getStyler().setLegendVisible(false);
        if (n == 0) {
            minT = 0;
            maxT = 1;
            chart.addSeries("no events", new double[] {0, 1}, new double[] {-1, -1}).setMarker(SeriesMarkers.NONE)
                    .setShowInLegend(false);
        }
        XYStyler st = chart.getStyler();
        st.setYAxisMin(-0.6);
        st.setYAxisMax(1.6);
        st.setXAxisMin(minT);
        st.setXAxisMax(maxT);
        st.setPlotGridHorizontalLinesVisible(false);
        chart.setCustomYAxisTickLabelsFormatter(rowLabels(List.of("Right", "Left")));
        return chart;
    }

    /** Per-stride values over time, one line with markers per side. */
    public static XYChart strideChart(StrideSeries data, int widthPx, int heightPx) {
        XYChart chart = newChart(widthPx, heightPx, data.metric() + " per stride", "Time (s)",
                axisTitle(data.metric(), data.unit()));
        boolean any = false;
        for (Map.Entry<Side, List<StridePoint>> e : data.points().entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            double[] x = e.getValue().stream().mapToDouble(StridePoint::timeS).toArray();
            double[] y = e.getValue().stream().mapToDouble(StridePoint::value).toArray();
            XYSeries s = chart.addSeries(sideName(e.getKey()), x, y);
            s.setLineColor(color(e.getKey()));
            s.setMarkerColor(color(e.getKey()));
            s.setMarker(e.getKey() == Side.LEFT ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            s.setLineStyle(new BasicStroke(1.5f));
            any = true;
        }
        if (!any) {
            addEmpty(chart);
        }
        return chart;
    }

    /**
     * Quantities over the recording's time: one line per {@link TimeSeriesLine} (side colours for sided lines,
     * else the neutral and extra colours in order), the optional band shaded grey over the whole time span, and
     * a thin zero line when the values
     * change sign. Lines of at most {@value #SPARSE_SAMPLES} samples get markers.
     */
    public static XYChart timeSeriesChart(TimeSeriesChartData data, int widthPx, int heightPx) {
        XYChart chart = newChart(widthPx, heightPx, data.title(), "Time (s)", axisTitle("", data.unit()).trim());
        double t0 = Double.POSITIVE_INFINITY;
        double t1 = Double.NEGATIVE_INFINITY;
        for (TimeSeriesLine l : data.lines()) {
            if (l.timeS().length > 0) {
                t0 = Math.min(t0, l.timeS()[0]);
                t1 = Math.max(t1, l.timeS()[l.timeS().length - 1]);
            }
        }
        if (data.band() != null && t1 > t0) {
            XYSeries band = chart.addSeries(data.band().source().isEmpty() ? "band" : data.band().source(),
                    new double[] {t0, t1, t1, t0}, new double[] {data.band().high(), data.band().high(),
                            data.band().low(), data.band().low()});
            band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(REFERENCE);
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setLineStyle(new BasicStroke(0.1f));
            band.setMarker(SeriesMarkers.NONE);
        }
        double lo = data.lines().stream().flatMapToDouble(l -> java.util.Arrays.stream(l.values())).min().orElse(0);
        double hi = data.lines().stream().flatMapToDouble(l -> java.util.Arrays.stream(l.values())).max().orElse(0);
        if (t1 > t0 && lo < 0 && hi > 0) {
            XYSeries zero = chart.addSeries("zero", new double[] {t0, t1}, new double[] {0, 0});
            zero.setLineColor(new Color(0x99, 0x99, 0x99));
            zero.setLineStyle(new BasicStroke(0.6f));
            zero.setMarker(SeriesMarkers.NONE);
            zero.setShowInLegend(false);
        }
        int extra = 0;
        for (TimeSeriesLine l : data.lines()) {
            if (l.timeS().length == 0) {
                continue;
            }
            Color c = l.side() != null ? color(l.side()) : EXTRA[extra++ % EXTRA.length];
            XYSeries s = chart.addSeries(l.name(), l.timeS(), l.values());
            // Sparse lines (one value per step) get markers; frame-by-frame lines do not.
            style(s, c, 1.4f, l.timeS().length <= SPARSE_SAMPLES);
            if (l.timeS().length <= SPARSE_SAMPLES) {
                s.setMarkerColor(c);
                s.setMarker(l.side() == Side.RIGHT ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    /**
     * Forest plot of asymmetry indices: one row per index (first item on top), point = value, whisker =
     * 95 % CI, short grey bars = the index's threshold (at plus and minus the threshold when any value is
     * negative), point colour = {@link #FLAG} when the threshold is exceeded.
     */
    public static XYChart asymmetryChart(List<AsymmetryItem> items, int widthPx, int heightPx) {
        XYChart chart = newChart(widthPx, heightPx, "Asymmetry overview", "Asymmetry index (%)", "");
        int n = items.size();
        List<String> labels = new ArrayList<>();
        double maxAbs = 1;
        boolean anyNegative = items.stream().anyMatch(i -> i.valuePct() < 0
                || (i.ciLowPct() != null && i.ciLowPct() < 0));
        List<Double> within = new ArrayList<>();
        List<Double> withinY = new ArrayList<>();
        List<Double> above = new ArrayList<>();
        List<Double> aboveY = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AsymmetryItem it = items.get(i);
            double y = n - 1 - i;
            labels.add(it.label() + (it.method().isEmpty() ? "" : " (" + it.method() + ")"));
            maxAbs = Math.max(maxAbs, Math.abs(it.valuePct()));
            if (it.ciLowPct() != null && it.ciHighPct() != null) {
                XYSeries ci = chart.addSeries("95 % CI" + (i == firstWithCi(items) ? "" : " #" + i),
                        new double[] {it.ciLowPct(), it.ciHighPct()}, new double[] {y, y});
                style(ci, INK, 1.5f, false);
                ci.setShowInLegend(i == firstWithCi(items));
                maxAbs = Math.max(maxAbs, Math.max(Math.abs(it.ciLowPct()), Math.abs(it.ciHighPct())));
            }
            if (it.thresholdPct() != null) {
                double t = it.thresholdPct();
                maxAbs = Math.max(maxAbs, t);
                boolean legend = i == firstWithThreshold(items);
                XYSeries th = chart.addSeries("Threshold" + (legend ? "" : " #" + i), new double[] {t, t},
                        new double[] {y - 0.35, y + 0.35});
                style(th, new Color(0x77, 0x77, 0x77), 2.5f, false);
                th.setShowInLegend(legend);
                if (anyNegative) {
                    XYSeries thn = chart.addSeries("Threshold- #" + i, new double[] {-t, -t},
                            new double[] {y - 0.35, y + 0.35});
                    style(thn, new Color(0x77, 0x77, 0x77), 2.5f, false);
                    thn.setShowInLegend(false);
                }
            }
            (it.exceedsThreshold() ? above : within).add(it.valuePct());
            (it.exceedsThreshold() ? aboveY : withinY).add(y);
        }
        if (!within.isEmpty()) {
            XYSeries s = chart.addSeries("Within threshold", within, withinY);
            scatter(s, INK);
        }
        if (!above.isEmpty()) {
            XYSeries s = chart.addSeries("Above threshold", above, aboveY);
            scatter(s, FLAG);
        }
        if (n == 0) {
            addEmpty(chart);
        }
        XYStyler st = chart.getStyler();
        double pad = maxAbs * 1.15;
        st.setXAxisMin(anyNegative ? -pad : 0.0);
        st.setXAxisMax(pad);
        st.setYAxisMin(-0.6);
        st.setYAxisMax(Math.max(n, 1) - 0.4);
        st.setPlotGridHorizontalLinesVisible(false);
        List<String> bottomUp = new ArrayList<>(labels);
        java.util.Collections.reverse(bottomUp);
        chart.setCustomYAxisTickLabelsFormatter(rowLabels(bottomUp));
        return chart;
    }

    /**
     * A metric across sessions; x = session date, or the session number (#1, #2, ... as in the sessions table)
     * when two sessions share a date (before and after a treatment on one day), which a date axis would stack.
     */
    public static XYChart trendChart(TrendSeries data, List<SessionColumn> sessions, int widthPx, int heightPx) {
        boolean byNumber = sessions.stream().map(SessionColumn::date).distinct().count() < sessions.size();
        XYChart chart = newChart(widthPx, heightPx, data.title(), byNumber ? "Session (#, see the sessions table)"
                : "Session date", axisTitle(data.title(), data.unit()));
        double[] x = byNumber ? java.util.stream.IntStream.rangeClosed(1, sessions.size()).asDoubleStream().toArray()
                : sessions.stream().mapToDouble(s -> s.date().toEpochDay()).toArray();
        int extra = 0;
        boolean any = false;
        for (TrendLine line : data.lines()) {
            // Sessions without the metric are skipped, so the line joins the sessions that have it.
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
            Color c = line.side() != null ? color(line.side()) : EXTRA[extra++ % EXTRA.length];
            s.setLineColor(c);
            s.setMarkerColor(c);
            s.setMarker(line.side() == Side.RIGHT ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(1.8f));
            any = true;
        }
        if (!any) {
            addEmpty(chart);
        }
        double min = x[0];
        double max = x[x.length - 1];
        XYStyler st = chart.getStyler();
        if (byNumber) {
            // Integer bounds and data make XChart 3.8 tick every integer; it drops ticks whose labels repeat,
            // so the two bounds get distinct blank labels.
            int n = sessions.size();
            st.setXAxisMin(0.0);
            st.setXAxisMax(n + 1.0);
            chart.setCustomXAxisTickLabelsFormatter(v -> {
                long k = Math.round(v);
                if (Math.abs(v - k) > 1e-6) {
                    return String.valueOf(v);
                }
                return k == 0 ? " " : k == n + 1 ? "  " : "#" + k;
            });
            return chart;
        }
        double pad = Math.max(2, (max - min) * 0.05);
        st.setXAxisMin(min - pad);
        st.setXAxisMax(max + pad);
        st.setXAxisMaxLabelCount(6);
        chart.setCustomXAxisTickLabelsFormatter(v -> LocalDate.ofEpochDay(Math.round(v)).toString());
        return chart;
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Renders a chart to PNG at {@code scale} times its logical size (2 gives crisp print at the logical
     * size in points).
     *
     * @throws IllegalArgumentException if {@code scale} is not 1..4
     */
    public static byte[] png(Chart<?, ?> chart, int scale) {
        if (scale < 1 || scale > 4) {
            throw new IllegalArgumentException("scale must be in 1..4, was " + scale);
        }
        BufferedImage img = new BufferedImage(chart.getWidth() * scale, chart.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Renders a chart to SVG text (through XChart's VectorGraphics2D encoder). */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Renders a chart to a {@link ChartImage}. */
    public static ChartImage image(Chart<?, ?> chart, String title, String caption, int scale, boolean fullWidth) {
        return new ChartImage(title, caption, png(chart, scale), chart.getWidth(), chart.getHeight(), scale, fullWidth);
    }

    // ---------------------------------------------------------------- all charts of a report

    /** Every chart of a session report, in report order: asymmetry, curves, phases, stride series, time series. */
    public static List<ChartImage> sessionCharts(SessionReport report, int scale) {
        List<ChartImage> out = new ArrayList<>();
        if (!report.asymmetry().isEmpty()) {
            int h = 70 + 26 * report.asymmetry().size();
            out.add(image(asymmetryChart(report.asymmetry(), FULL_WIDTH, h), "Asymmetry overview",
                    "Point: index value; whisker: 95 % confidence interval; grey bars: the index's threshold; "
                            + "purple points exceed it. SI > 0 means the right side's value is larger.", scale, true));
        }
        for (CurveChartData c : report.curves()) {
            String caption = (c.angleName().isEmpty() ? "" : c.joint() + " " + c.angleName() + ". ")
                    + "Mean (line) and ±1 SD (shaded) per side; dashed vertical lines: toe off"
                    + (hasGap(c) ? "; a break in a line: fewer than half of that side's strides were tracked there"
                    : "")
                    + (c.reference() == null ? "; no healthy reference documented."
                    : "; grey band: healthy reference (" + c.reference().source() + ").");
            out.add(image(curveChart(c, HALF_WIDTH, 210), c.joint() + " angle over the gait cycle", caption, scale, false));
        }
        if (report.phases() != null) {
            out.add(image(phaseChart(report.phases(), FULL_WIDTH, 150), "Gait phases",
                    "Stance (filled) and swing (outlined) of each foot, from the detected heel strikes and toe offs.",
                    scale, true));
        }
        for (StrideSeries s : report.strideSeries()) {
            out.add(image(strideChart(s, HALF_WIDTH, 190), s.metric() + " per stride",
                    "One point per stride at the time it started; drift shows fatigue, scatter shows variability.",
                    scale, false));
        }
        for (TimeSeriesChartData t : report.timeSeries()) {
            boolean dense = t.lines().stream().anyMatch(l -> l.timeS().length > SPARSE_SAMPLES);
            out.add(image(timeSeriesChart(t, dense ? FULL_WIDTH : HALF_WIDTH, dense ? 210 : 190), t.title(),
                    t.caption(), scale, dense));
        }
        return out;
    }

    /** Every trend chart of a comparison. */
    public static List<ChartImage> trendCharts(ComparisonReport report, int scale) {
        List<ChartImage> out = new ArrayList<>();
        for (TrendSeries t : report.trends()) {
            out.add(image(trendChart(t, report.sessions(), HALF_WIDTH, 200), t.title() + " across sessions",
                    "One point per session that has the metric.", scale, false));
        }
        return out;
    }

    /** Every first-vs-latest overlay chart of a comparison. */
    public static List<ChartImage> overlayCharts(ComparisonReport report, int scale) {
        List<ChartImage> out = new ArrayList<>();
        for (CurveOverlay o : report.overlays()) {
            String caption = "Dashed: first session (" + o.firstLabel() + "); solid with ±1 SD band: latest session ("
                    + o.latestLabel() + ")" + (o.reference() == null ? "."
                    : "; grey band: healthy reference (" + o.reference().source() + ").");
            out.add(image(overlayChart(o, HALF_WIDTH, 210), o.joint() + " " + sideName(o.side()).toLowerCase(Locale.ROOT)
                    + ": first vs latest session", caption, scale, false));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A y tick formatter naming integer rows: row k gets {@code labels.get(k)}. Other ticks get a unique
     * run of zero-width spaces: XChart drops every label unless all tick labels are distinct, so blanks
     * must differ from each other while staying invisible.
     */
    private static java.util.function.Function<Double, String> rowLabels(List<String> labels) {
        return v -> {
            long k = Math.round(v);
            if (Math.abs(v - k) < 1e-6 && k >= 0 && k < labels.size()) {
                return labels.get((int) k);
            }
            return "\u200B".repeat(1 + (int) Math.floorMod(Math.round(v * 10), 1000L));
        };
    }

    static String sideName(Side side) {
        return side == Side.LEFT ? "Left" : "Right";
    }

    private static String axisTitle(String name, String unit) {
        return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    private static XYChart newChart(int widthPx, int heightPx, String title, String xTitle, String yTitle) {
        if (widthPx < 100 || heightPx < 80) {
            throw new IllegalArgumentException("chart must be at least 100x80 px, was " + widthPx + "x" + heightPx);
        }
        XYChart chart = new XYChart(widthPx, heightPx);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setPlotGridLinesColor(GRID);
        st.setPlotGridLinesStroke(new BasicStroke(0.6f));
        st.setChartFontColor(INK);
        st.setAxisTickLabelsColor(INK);
        st.setAxisTickMarksColor(new Color(0x99, 0x99, 0x99));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        st.setChartTitleBoxVisible(false);
        st.setChartTitlePadding(4);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        st.setLegendPosition(LegendPosition.OutsideS);
        st.setLegendLayout(LegendLayout.Horizontal);
        st.setLegendBorderColor(Color.WHITE);
        st.setLegendPadding(3);
        st.setLegendSeriesLineLength(16);
        st.setChartPadding(6);
        st.setPlotMargin(2);
        st.setMarkerSize(5);
        st.setAxisTitlePadding(3);
        st.setAxisTickPadding(3);
        st.setAntiAlias(true);
        st.setLocale(Locale.ROOT);
        st.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        return chart;
    }

    private static void addBand(XYChart chart, String name, double[] lower, double[] upper, Color fill, boolean legend) {
        addBand(chart, name, 0, lower, upper, lower.length, fill, legend);
    }

    /** A band over cycle points {@code from .. from + lower.length - 1} of a {@code points}-point cycle. */
    private static void addBand(XYChart chart, String name, int from, double[] lower, double[] upper, int points,
                                Color fill, boolean legend) {
        int n = lower.length;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = (from + i) * 100.0 / (points - 1);
            y[i] = upper[i];
            x[2 * n - 1 - i] = x[i];
            y[2 * n - 1 - i] = lower[i];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(fill);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setLineStyle(new BasicStroke(0.1f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(legend);
    }

    /**
     * Adds an SD band (if {@code band}) and a mean line; returns the arrays spanned, for the y range. A curve with
     * gaps ({@code NaN} means, {@link SideCurve}) is drawn as one line and band per unbroken stretch.
     */
    private static List<double[]> addCurve(XYChart chart, Side side, String name, SideCurve curve, boolean band,
                                           boolean dashed) {
        Color c = color(side);
        double[] mean = curve.mean();
        double[] sd = curve.sd();
        double[] lo = new double[mean.length];
        double[] hi = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            lo[i] = mean[i] - sd[i];
            hi[i] = mean[i] + sd[i];
        }
        List<int[]> runs = finiteRuns(mean);
        for (int r = 0; r < runs.size(); r++) {
            int from = runs.get(r)[0];
            int to = runs.get(r)[1];
            String part = r == 0 ? name : name + " (part " + (r + 1) + ")";
            if (band) {
                addBand(chart, part + " ±1 SD", from, Arrays.copyOfRange(lo, from, to),
                        Arrays.copyOfRange(hi, from, to), mean.length,
                        new Color(c.getRed(), c.getGreen(), c.getBlue(), 55), false);
            }
            double[] x = new double[to - from];
            for (int i = 0; i < x.length; i++) {
                x[i] = (from + i) * 100.0 / (mean.length - 1);
            }
            XYSeries s = chart.addSeries(part, x, Arrays.copyOfRange(mean, from, to));
            s.setMarker(to - from == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE); // a lone point needs a mark
            s.setMarkerColor(c);
            s.setLineColor(dashed ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 170) : c);
            s.setLineStyle(dashed ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {5f, 3f}, 0f) : new BasicStroke(2f));
            s.setShowInLegend(r == 0);
        }
        return band ? List.of(lo, hi) : List.of(mean);
    }

    private static boolean hasGap(CurveChartData c) {
        return c.sides().values().stream().anyMatch(s -> Arrays.stream(s.mean()).anyMatch(v -> !Double.isFinite(v)));
    }

    /** Index ranges [from, to) of the unbroken stretches of finite values. */
    static List<int[]> finiteRuns(double[] v) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= v.length; i++) {
            boolean ok = i < v.length && Double.isFinite(v[i]);
            if (ok && start < 0) {
                start = i;
            } else if (!ok && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }

    private static void addToeOff(XYChart chart, Side side, Double toeOffPct, double[] yr) {
        if (toeOffPct == null) {
            return;
        }
        XYSeries s = chart.addSeries(sideName(side) + " toe off", new double[] {toeOffPct, toeOffPct},
                new double[] {yr[0], yr[1]});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color(side));
        s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 3f}, 0f));
        s.setShowInLegend(false);
    }

    private static double[] yRange(List<double[]> arrays) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!Double.isFinite(min)) {
            return new double[] {0, 1};
        }
        double pad = Math.max(1e-6, (max - min) * 0.06);
        return new double[] {min - pad, max + pad};
    }

    private static void finishCycleAxes(XYChart chart, double[] yr) {
        // When every x value is an integer (0, 1, ..., 100 here), XChart 3.8 puts a tick at every integer
        // that fits (0, 7, 14, ...); an invisible series at non-integer x restores round ticks (0, 50, 100).
        XYSeries spacer = chart.addSeries("x axis spacer", new double[] {0.5, 99.5}, new double[] {yr[0], yr[0]});
        spacer.setLineColor(new Color(0, 0, 0, 0));
        spacer.setMarker(SeriesMarkers.NONE);
        spacer.setShowInLegend(false);
        XYStyler st = chart.getStyler();
        st.setXAxisMin(0.0);
        st.setXAxisMax(100.0);
        st.setYAxisMin(yr[0]);
        st.setYAxisMax(yr[1]);
        st.setXAxisDecimalPattern("0");
        if (chart.getSeriesMap().isEmpty()) {
            addEmpty(chart);
        }
    }

    private static void addEmpty(XYChart chart) {
        chart.setTitle(chart.getTitle() + " (no data)");
        XYSeries s = chart.addSeries("no data", new double[] {0}, new double[] {0});
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    private static void style(XYSeries s, Color c, float width, boolean marker) {
        s.setLineColor(c);
        s.setLineStyle(new BasicStroke(width));
        s.setMarker(marker ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    private static void scatter(XYSeries s, Color c) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(c);
    }

    private static int firstWithCi(List<AsymmetryItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).ciLowPct() != null && items.get(i).ciHighPct() != null) {
                return i;
            }
        }
        return -1;
    }

    private static int firstWithThreshold(List<AsymmetryItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).thresholdPct() != null) {
                return i;
            }
        }
        return -1;
    }
}
