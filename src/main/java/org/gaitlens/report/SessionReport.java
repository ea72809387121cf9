package org.gaitlens.report;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything one session report shows, as display-level data (labels, units, numbers, flags, series)
 * independent of the analysis classes. Build it, serialise it with {@link ReportJson}, render it with
 * {@link ReportRenderer}.
 *
 * @param header       identification of the session
 * @param summary      plain-language summary with screening indicators and the data-quality verdict
 * @param tables       metric tables (spatiotemporal per side with asymmetry, kinematic key values, ...)
 * @param asymmetry    asymmetry indices for the overview chart
 * @param curves       joint-angle curves (hip, knee, ankle, trunk); may be empty
 * @param phases       gait-phase diagram, or {@code null} when no events were detected
 * @param strideSeries per-stride values over time; may be empty
 * @param keyFrames    stills at gait events; may be empty
 * @param quality      data-quality panel
 * @param timeSeries   quantities over the recording's time (frontal view: trunk lean, pelvic obliquity); may be
 *                     empty, and is then left out of the JSON (side-view reports keep their form)
 * @param recordings   the recordings of a session pooled from several; empty (and absent from the JSON) for one
 * @param repeatability the main values per pass and per recording of a pooled session; empty (and absent) otherwise
 * @param deviation    the deviation from healthy walking (side view), or {@code null} (frontal view, or a session
 *                     analysed before gaitlens compared with a healthy reference; then absent from the JSON)
 */
public record SessionReport(ReportHeader header, ReportSummary summary, List<MetricTable> tables,
                           List<AsymmetryItem> asymmetry, List<CurveChartData> curves, PhaseDiagramData phases,
                           List<StrideSeries> strideSeries, List<KeyFrame> keyFrames, QualityPanel quality,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TimeSeriesChartData> timeSeries,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RecordingRow> recordings,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RepeatabilityTable> repeatability,
                           @JsonInclude(JsonInclude.Include.NON_NULL) DeviationSection deviation) {
    public SessionReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(summary, "summary");
        tables = Checks.list(tables, "tables");
        asymmetry = Checks.list(asymmetry, "asymmetry");
        curves = Checks.list(curves, "curves");
        strideSeries = Checks.list(strideSeries, "strideSeries");
        keyFrames = Checks.list(keyFrames, "keyFrames");
        Objects.requireNonNull(quality, "quality");
        timeSeries = Checks.list(timeSeries, "timeSeries");
        recordings = Checks.list(recordings, "recordings");
        repeatability = Checks.list(repeatability, "repeatability");
    }

    /** A report of one recording (no recordings table, no repeatability between recordings) without a deviation section. */
    public SessionReport(ReportHeader header, ReportSummary summary, List<MetricTable> tables,
                         List<AsymmetryItem> asymmetry, List<CurveChartData> curves, PhaseDiagramData phases,
                         List<StrideSeries> strideSeries, List<KeyFrame> keyFrames, QualityPanel quality,
                         List<TimeSeriesChartData> timeSeries) {
        this(header, summary, tables, asymmetry, curves, phases, strideSeries, keyFrames, quality, timeSeries,
                List.of(), List.of(), null);
    }

    /** A report without time-series charts (side view). */
    public SessionReport(ReportHeader header, ReportSummary summary, List<MetricTable> tables,
                         List<AsymmetryItem> asymmetry, List<CurveChartData> curves, PhaseDiagramData phases,
                         List<StrideSeries> strideSeries, List<KeyFrame> keyFrames, QualityPanel quality) {
        this(header, summary, tables, asymmetry, curves, phases, strideSeries, keyFrames, quality, List.of(),
                List.of(), List.of(), null);
    }
}
