package org.gaitlens.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.ChartEncoder;
import org.gaitlens.report.ComparisonReport;
import org.gaitlens.report.ReportFormat;
import org.gaitlens.report.SessionColumn;
import org.gaitlens.report.SessionDeviation;
import org.gaitlens.report.TrendChart;
import org.gaitlens.reporting.ComparisonReportBuilder;

/**
 * The comparison page's GPS-2D trend: the chart, the score per session with its 95 % CI and band, and the change
 * from the first to the latest session with its verdict. Everything is taken from the comparison report of the same
 * sessions ({@link ComparisonReportBuilder}), so the page and the report show the same numbers and the same verdict.
 *
 * @param chart  the trend chart as a PNG {@code data:} URI
 * @param rows   one per session, date order
 * @param change the change sentence, e.g. "GPS-2D fell from 10.12 deg to 8.40 deg (threshold 2.06 deg): no
 *               detectable change"
 * @param note   what GPS-2D is, the threshold's origin and the reference's attribution
 */
record CompareDeviation(String chart, List<Row> rows, String change, String note) {
    /** Chart size on the page, CSS pixels. */
    private static final int WIDTH_PX = 490;
    private static final int HEIGHT_PX = 220;

    /** One session's GPS-2D ({@code healthyBand}: "band" is a keyword of the templates' expression language). */
    record Row(String date, String label, String gps2d, String left, String right, String healthyBand) {
    }

    /** The trend of these sessions, if any of them has a GPS-2D. */
    static Optional<CompareDeviation> of(List<ComparisonReportBuilder.Session> sessions) {
        ComparisonReport report = ComparisonReportBuilder.build(sessions);
        if (report.deviation() == null) {
            return Optional.empty();
        }
        Metric m = Metric.GPS2D_DEG;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < report.sessions().size(); i++) {
            SessionColumn c = report.sessions().get(i);
            SessionDeviation d = report.deviation().sessions().get(i);
            String ci = d.ciLowDeg() == null ? "" : " (" + ReportFormat.number(d.ciLowDeg(), m.decimals()) + "–"
                    + ReportFormat.number(d.ciHighDeg(), m.decimals()) + ")";
            rows.add(new Row(c.date().toString(), c.label(), ReportFormat.number(d.gps2dDeg(), m.decimals()) + ci,
                    ReportFormat.number(d.leftDeg(), m.decimals()), ReportFormat.number(d.rightDeg(), m.decimals()),
                    d.band().isEmpty() ? ReportFormat.MISSING : d.band()));
        }
        String change = report.changes().stream().filter(r -> r.label().equals(m.label())).findFirst()
                .map(ChangeRow::sentence).orElse("");
        String chart = report.trends().stream().filter(t -> t.title().equals(m.label())).findFirst()
                .map(t -> "data:image/png;base64," + Base64.getEncoder().encodeToString(
                        new ChartEncoder(2).png(TrendChart.build(t, report.sessions(), WIDTH_PX, HEIGHT_PX))))
                .orElse("");
        return Optional.of(new CompareDeviation(chart, rows, change, report.deviation().caveat()
                + " Reference data: " + report.deviation().source() + "."));
    }
}
