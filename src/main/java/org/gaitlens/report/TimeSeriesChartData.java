package org.gaitlens.report;

import java.util.List;
import org.gaitlens.metric.ReferenceRange;

/**
 * A quantity (or several of the same unit) over the recording's time, e.g. the trunk's lateral lean and the
 * pelvic obliquity frame by frame in a frontal view.
 *
 * @param title   chart title, e.g. "Trunk lean and pelvic obliquity"
 * @param unit    unit of the values, e.g. "deg"
 * @param caption how to read the chart (signs, band); may be empty
 * @param lines   the lines, at least one with samples
 * @param band    a horizontal band to shade (e.g. a limit around zero), both bounds set, or {@code null}
 */
public record TimeSeriesChartData(String title, String unit, String caption, List<TimeSeriesLine> lines,
                                  ReferenceRange band) {
    public TimeSeriesChartData {
        Checks.requireText(title, "title");
        unit = unit == null ? "" : unit;
        caption = caption == null ? "" : caption;
        lines = Checks.list(lines, "lines");
        if (lines.stream().allMatch(l -> l.timeS().length == 0)) {
            throw new IllegalArgumentException("a time-series chart needs at least one sample, " + title + " has none");
        }
        Checks.requireClosedOrNull(band, "band");
    }
}
