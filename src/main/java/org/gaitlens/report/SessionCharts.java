package org.gaitlens.report;

import static org.gaitlens.report.ReportTheme.FULL_WIDTH;
import static org.gaitlens.report.ReportTheme.HALF_WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The charts of a session report, in report order, each with its title, caption and place (full or half width):
 * asymmetry overview, joint-angle curves, gait phases, per-stride series, then the quantities over time. A
 * frontal-view report is a session report whose data hold the time series (trunk lean and pelvic obliquity, step
 * width); a side-view report has none, and either leaves out what its data lack.
 */
public final class SessionCharts {
    private SessionCharts() {
    }

    /**
     * The Movement Analysis Profile of the report's deviation section, half width beside the section's text; empty
     * without the section. It is placed in that section, not among {@link #render}'s charts.
     */
    public static Optional<ChartImage> profile(SessionReport report, int scale) {
        if (report.deviation() == null) {
            return Optional.empty();
        }
        return Optional.of(new ChartEncoder(scale).image(MapChart.build(report.deviation().profile(), HALF_WIDTH, 215),
                "Movement Analysis Profile", "Bars: the Gait Variable Score (GVS: RMS difference of the side's mean "
                        + "curve from the healthy band mean) per joint and side, and GPS-2D with its 95 % CI; blue "
                        + "left, orange right, green both sides. Grey columns: the healthy range (0 to the healthy "
                        + "95th percentile); dark tick: the healthy mean.", false));
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
                    + (c.reference() != null ? "; grey band: healthy reference (" + c.reference().source() + ")."
                    : report.deviation() == null ? "; no healthy band: this session has no comparison with a "
                    + "healthy reference (a frontal view, or analysed by an earlier gaitlens)."
                    : "; no healthy band: the healthy reference has no " + c.joint().toLowerCase(Locale.ROOT)
                    + " angle.");
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
