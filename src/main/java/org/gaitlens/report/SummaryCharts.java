package org.gaitlens.report;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * The pictures of the patient summary ({@link PatientSummary}): plain bar charts in large type, the left side in
 * {@link ReportTheme#LEFT} and the right in {@link ReportTheme#RIGHT} as in the report. Values are drawn on the bars
 * so that nobody needs to read an axis.
 */
public final class SummaryCharts {
    /** Logical size of a picture (two side by side on the page, each as large as fits). */
    static final int WIDTH_PX = 420;
    static final int HEIGHT_PX = 300;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private SummaryCharts() {
    }

    /**
     * Time standing on each leg in each of the given sessions, as % of the walking cycle.
     *
     * @param sessions the sessions' names (e.g. dates)
     * @param leftPct  per session the left leg's value, null where not measured
     * @param rightPct per session the right leg's value
     */
    public static ChartImage balance(List<String> sessions, List<Double> leftPct, List<Double> rightPct) {
        CategoryChart c = chart("Time standing on each leg", "% of each step cycle");
        style(c.addSeries("left leg", sessions, zeros(leftPct)), ReportTheme.LEFT);
        style(c.addSeries("right leg", sessions, zeros(rightPct)), ReportTheme.RIGHT);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        return new ChartEncoder(2).image(c, "Time standing on each leg", "Each pair of bars is one visit: the left "
                + "and the right leg. Bars of the same height mean both legs carry the body equally long.", false);
    }

    /**
     * Walking speed in each session.
     *
     * @param sessions the sessions' names
     * @param speed    per session the speed, null where not measured
     * @param unit     its unit ({@code m/s}, or leg lengths per second without a scale)
     */
    public static ChartImage speed(List<String> sessions, List<Double> speed, String unit) {
        CategoryChart c = chart("Walking speed", unit);
        style(c.addSeries("walking speed", sessions, zeros(speed)), ReportTheme.NEUTRAL);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisMin(0.0);
        return new ChartEncoder(2).image(c, "Walking speed", "One bar per visit, oldest on the left.", false);
    }

    private static CategoryChart chart(String title, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH_PX).height(HEIGHT_PX).title(title).xAxisTitle("")
                .yAxisTitle(yTitle).build();
        CategoryStyler st = c.getStyler();
        st.setChartTitleFont(TITLE);
        st.setChartTitleBoxVisible(false);
        st.setAxisTitleFont(TEXT);
        st.setAxisTickLabelsFont(TEXT);
        st.setLegendFont(TEXT);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setPlotGridVerticalLinesVisible(false);
        st.setLabelsVisible(true);
        st.setLabelsFont(TEXT);
        st.setLabelsFontColorAutomaticEnabled(false);
        st.setLabelsFontColor(ReportTheme.INK);
        st.setDecimalPattern("#0.0#");
        st.setYAxisDecimalPattern("#0.##");
        st.setOverlapped(false);
        st.setAvailableSpaceFill(0.7);
        return c;
    }

    private static void style(CategorySeries s, Color color) {
        s.setFillColor(color);
    }

    /** Missing values as 0: XChart draws no bar for 0 on a bar chart starting at 0. */
    private static List<Double> zeros(List<Double> values) {
        return values.stream().map(v -> v == null ? 0.0 : v).toList();
    }
}
