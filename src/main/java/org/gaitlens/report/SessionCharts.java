package org.gaitlens.report;

import static org.gaitlens.report.ReportTheme.FULL_WIDTH;
import static org.gaitlens.report.ReportTheme.HALF_WIDTH;

import java.util.ArrayList;
import java.util.List;

/**
 * The charts of a session report, in report order, each with its title, caption and place (full or half width):
 * asymmetry overview, joint-angle curves, gait phases, per-stride series, then the quantities over time. A
 * frontal-view report is a session report whose data hold the time series (trunk lean and pelvic obliquity, step
 * width); a side-view report has none, and either leaves out what its data lack.
 */
public final class SessionCharts {
    private SessionCharts() {
    }

    /** Every chart of {@code report}, encoded at {@code scale} image pixels per logical pixel. */
    public static List<ChartImage> render(SessionReport report, int scale) {
        ChartEncoder encoder = new ChartEncoder(scale);
        List<ChartImage> out = new ArrayList<>();
        if (!report.asymmetry().isEmpty()) {
            out.add(encoder.image(AsymmetryChart.build(report.asymmetry(), FULL_WIDTH,
                            AsymmetryChart.heightPx(report.asymmetry().size())), "Asymmetry overview",
                    "Point: index value; whisker: 95 % confidence interval; grey bars: the index's threshold; "
                            + "purple points exceed it. SI > 0 means the right side's value is larger.", true));
        }
        for (CurveChartData c : report.curves()) {
            String caption = (c.angleName().isEmpty() ? "" : c.joint() + " " + c.angleName() + ". ")
                    + "Mean (line) and ±1 SD (shaded) per side; dashed vertical lines: toe off"
                    + (CurveChart.hasGap(c) ? "; a break in a line: fewer than half of that side's strides were "
                    + "tracked there" : "")
                    + (c.reference() == null ? "; no healthy reference documented."
                    : "; grey band: healthy reference (" + c.reference().source() + ").");
            out.add(encoder.image(CurveChart.build(c, HALF_WIDTH, 210), c.joint() + " angle over the gait cycle",
                    caption, false));
        }
        if (report.phases() != null) {
            out.add(encoder.image(PhaseChart.build(report.phases(), FULL_WIDTH, 150), "Gait phases",
                    "Stance (filled) and swing (outlined) of each foot, from the detected heel strikes and toe offs.",
                    true));
        }
        for (StrideSeries s : report.strideSeries()) {
            out.add(encoder.image(StrideChart.build(s, HALF_WIDTH, 190), s.metric() + " per stride",
                    "One point per stride at the time it started; drift shows fatigue, scatter shows variability.",
                    false));
        }
        for (TimeSeriesChartData t : report.timeSeries()) {
            // Frame-by-frame lines need the full width; a value per step fits half.
            boolean dense = TimeSeriesChart.isDense(t);
            out.add(encoder.image(TimeSeriesChart.build(t, dense ? FULL_WIDTH : HALF_WIDTH, dense ? 210 : 190),
                    t.title(), t.caption(), dense));
        }
        return out;
    }
}
