package org.gaitlens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

import org.gaitlens.core.Side;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.theme.XChartTheme;

/**
 * The report's chart styling as an XChart theme: colours, fonts and sizes, kept apart from what each chart
 * plots (the chart classes, e.g. {@link CurveChart}) and from encoding ({@link ChartEncoder}).
 *
 * <p>Colours follow the Okabe-Ito colour-blind-safe palette and mean the same in every chart and in the PDF's
 * text: left = blue {@code #0072B2}, right = vermillion {@code #D55E00}, healthy reference = grey band, flagged
 * values = reddish purple {@code #CC79A7}. Fonts are small sans-serif sizes for a chart placed at its logical size
 * in points ({@link #FULL_WIDTH} or {@link #HALF_WIDTH} wide); white background, light grid, no plot border, legend
 * in a row below the plot.
 *
 * <p>XChart's {@code Theme} has no slot for the legend layout, anti-aliasing, the number locale or the default
 * series render style, so {@link #newChart} sets those on the styler after applying the theme; everything a theme
 * does not override comes from XChart's own default theme ({@link XChartTheme}), as in an unthemed chart. How a
 * single series is drawn (strokes, markers, bands) is {@link SeriesStyle}.
 */
public final class ReportTheme extends XChartTheme {
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
    /** Text, and points and whiskers that carry no side. */
    static final Color INK = new Color(0x33, 0x33, 0x33);
    /** Axis tick marks and the zero line. */
    static final Color MUTED = new Color(0x99, 0x99, 0x99);
    /** Threshold marks. */
    static final Color THRESHOLD = new Color(0x77, 0x77, 0x77);
    private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    /** Colours of lines that carry no side, in order of use. */
    private static final Color[] OTHERS = {NEUTRAL, FLAG, new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
            new Color(0xF0, 0xE4, 0x42), INK};

    /** Logical width of a full-width chart (points in the PDF). */
    public static final int FULL_WIDTH = 500;
    /** Logical width of a half-width chart (two per row). */
    public static final int HALF_WIDTH = 245;

    private static final ReportTheme INSTANCE = new ReportTheme();

    private ReportTheme() {
    }

    /** The colour of a side. */
    public static Color color(Side side) {
        return side == Side.LEFT ? LEFT : RIGHT;
    }

    /** The {@code k}-th colour (from 0) for lines that carry no side; the list repeats. */
    static Color otherColor(int k) {
        return OTHERS[k % OTHERS.length];
    }

    /** {@code c} with the given alpha (0 = invisible, 255 = opaque). */
    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** A new, empty XY chart of the given logical size in this theme. */
    static XYChart newChart(int widthPx, int heightPx) {
        XYChart chart = new XYChart(widthPx, heightPx, INSTANCE);
        XYStyler st = chart.getStyler();
        st.setLegendLayout(LegendLayout.Horizontal);
        st.setAntiAlias(true);
        st.setLocale(Locale.ROOT);
        st.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        return chart;
    }

    // ---------------------------------------------------------------- colours

    @Override
    public Color getChartBackgroundColor() {
        return Color.WHITE;
    }

    @Override
    public Color getPlotBackgroundColor() {
        return Color.WHITE;
    }

    @Override
    public boolean isPlotBorderVisible() {
        return false;
    }

    @Override
    public Color getPlotGridLinesColor() {
        return GRID;
    }

    @Override
    public BasicStroke getPlotGridLinesStroke() {
        return new BasicStroke(0.6f);
    }

    @Override
    public Color getChartFontColor() {
        return INK;
    }

    @Override
    public Color getAxisTickLabelsColor() {
        return INK;
    }

    @Override
    public Color getAxisTickMarksColor() {
        return MUTED;
    }

    @Override
    public Color getLegendBorderColor() {
        return Color.WHITE;
    }

    // ---------------------------------------------------------------- fonts

    @Override
    public Font getChartTitleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, 10);
    }

    @Override
    public Font getAxisTitleFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    }

    @Override
    public Font getAxisTickLabelsFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 8);
    }

    @Override
    public Font getLegendFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 8);
    }

    @Override
    public Font getAnnotationTextFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 7);
    }

    @Override
    public Color getAnnotationTextFontColor() {
        return INK;
    }

    // ---------------------------------------------------------------- layout and sizes

    @Override
    public boolean isChartTitleBoxVisible() {
        return false;
    }

    @Override
    public int getChartTitlePadding() {
        return 4;
    }

    @Override
    public LegendPosition getLegendPosition() {
        return LegendPosition.OutsideS;
    }

    @Override
    public int getLegendPadding() {
        return 3;
    }

    @Override
    public int getLegendSeriesLineLength() {
        return 16;
    }

    @Override
    public int getChartPadding() {
        return 6;
    }

    @Override
    public int getPlotMargin() {
        return 2;
    }

    @Override
    public int getMarkerSize() {
        return 5;
    }

    @Override
    public int getAxisTitlePadding() {
        return 3;
    }

    @Override
    public int getAxisTickPadding() {
        return 3;
    }
}
