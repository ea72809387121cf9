package org.gaitlens.report;

import static org.gaitlens.report.ReportTheme.HALF_WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The charts of a comparison report, each with its title and caption: the trends across sessions and the
 * first-vs-latest curve overlays (two sections of the report, so two lists). All are half width.
 */
public final class ComparisonCharts {
    private ComparisonCharts() {
    }

    /** Every trend chart of {@code report}, encoded at {@code scale} image pixels per logical pixel. */
    public static List<ChartImage> trends(ComparisonReport report, int scale) {
        ChartEncoder encoder = new ChartEncoder(scale);
        List<ChartImage> out = new ArrayList<>();
        for (TrendSeries t : report.trends()) {
            boolean ci = t.lines().stream().anyMatch(l -> !l.ciLow().isEmpty());
            out.add(encoder.image(TrendChart.build(t, report.sessions(), HALF_WIDTH, 200),
                    t.title() + " across sessions", "One point per session that has the metric"
                            + (ci ? ", with its 95 % confidence interval" : "")
                            + (t.healthy() == null ? "." : "; grey band: " + t.healthy().label().toLowerCase(Locale.ROOT)
                            + " of healthy walkers in each session's speed band"
                            + (report.deviation() == null ? "" : " (" + report.deviation().source() + ")") + "."),
                    false));
        }
        return out;
    }

    /** Every first-vs-latest overlay chart of {@code report}, encoded at {@code scale}. */
    public static List<ChartImage> overlays(ComparisonReport report, int scale) {
        ChartEncoder encoder = new ChartEncoder(scale);
        List<ChartImage> out = new ArrayList<>();
        for (CurveOverlay o : report.overlays()) {
            String caption = "Dashed: first session (" + o.firstLabel() + "); solid with ±1 SD band: latest session ("
                    + o.latestLabel() + ")" + (o.reference() == null ? "."
                    : "; grey band: healthy reference (" + o.reference().source() + ").");
            out.add(encoder.image(OverlayChart.build(o, HALF_WIDTH, 210), o.joint() + " "
                    + ChartFrame.sideName(o.side()).toLowerCase(Locale.ROOT) + ": first vs latest session", caption,
                    false));
        }
        return out;
    }
}
