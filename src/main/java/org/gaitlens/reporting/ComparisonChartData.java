package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.CurveChartData;
import org.gaitlens.report.CurveOverlay;
import org.gaitlens.report.SideCurve;
import org.gaitlens.report.TrendLine;
import org.gaitlens.report.TrendSeries;
import org.gaitlens.reporting.ComparisonReportBuilder.Session;

/**
 * The chart data of a comparison report: trend charts of the key metrics from the comparison's rows (titles and
 * units from the metric table) and, per joint and side, the first session's mean curve against the latest one's,
 * over the latest session's healthy band (the band its own report draws).
 */
final class ComparisonChartData {

    private ComparisonChartData() {
    }

    /**
     * Trend charts of the key metrics; a line needs values in at least two sessions (one point shows no trend),
     * and a chart at least one such line.
     */
    static List<TrendSeries> trends(Map<String, ChangeRow> rows) {
        List<TrendSeries> all = new ArrayList<>();
        trendsOf(all, rows);
        List<TrendSeries> out = new ArrayList<>();
        for (TrendSeries t : all) {
            List<TrendLine> lines = t.lines().stream()
                    .filter(l -> l.values().stream().filter(Objects::nonNull).count() >= 2).toList();
            if (!lines.isEmpty()) {
                out.add(new TrendSeries(t.title(), t.unit(), lines));
            }
        }
        return out;
    }

    private static void trendsOf(List<TrendSeries> out, Map<String, ChangeRow> rows) {
        single(out, rows, Metric.SPEED_M_PER_S);
        single(out, rows, Metric.CADENCE_STEPS_PER_MIN);
        perSide(out, rows, Metric.STANCE_PCT);
        perSide(out, rows, Metric.STEP_LENGTH_M);
        List<TrendLine> si = new ArrayList<>();
        for (Metric m : List.of(Metric.STANCE_TIME_S, Metric.STEP_TIME_S, Metric.SWING_TIME_S,
                Metric.STEP_LENGTH_M)) {
            ChangeRow r = rows.get(m.key() + "_si");
            if (r != null) {
                si.add(new TrendLine(m.label(), null, r.values()));
            }
        }
        if (!si.isEmpty()) {
            out.add(new TrendSeries("Asymmetry (SI)", "%", si));
        }
        perSide(out, rows, Metric.KNEE_FLEX_SWING_PEAK_DEG);
        perSide(out, rows, Metric.ANKLE_DF_SWING_DEG);
        perSide(out, rows, Metric.ANKLE_PF_TOE_OFF_DEG);
    }

    private static void single(List<TrendSeries> out, Map<String, ChangeRow> rows, Metric m) {
        ChangeRow r = rows.get(m.key());
        if (r != null) {
            out.add(new TrendSeries(m.label(), m.unit(), List.of(new TrendLine(m.label(), null, r.values()))));
        }
    }

    private static void perSide(List<TrendSeries> out, Map<String, ChangeRow> rows, Metric m) {
        List<TrendLine> lines = new ArrayList<>();
        for (Side s : Side.values()) {
            ChangeRow r = rows.get(m.key() + "_" + s.name().toLowerCase(Locale.ROOT));
            if (r != null) {
                lines.add(new TrendLine(s == Side.LEFT ? "Left" : "Right", s, r.values()));
            }
        }
        if (!lines.isEmpty()) {
            out.add(new TrendSeries(m.label(), m.unit(), lines));
        }
    }

    /** Per joint and side: the first session's curve against the latest session's, when two sessions have it. */
    static List<CurveOverlay> overlays(List<Session> sessions) {
        List<List<CurveChartData>> curves = sessions.stream()
                .map(x -> SessionChartData.curves(x.input().assessment(), x.input().deviation())).toList();
        List<CurveOverlay> out = new ArrayList<>();
        for (String joint : List.of("Hip", "Knee", "Ankle", "Trunk")) {
            for (Side side : Side.values()) {
                Integer first = null;
                Integer last = null;
                for (int i = 0; i < sessions.size(); i++) {
                    if (curve(curves.get(i), joint, side).isPresent()) {
                        first = first == null ? i : first;
                        last = i;
                    }
                }
                if (first == null || first.equals(last)) {
                    continue;
                }
                CurveChartData f = curveData(curves.get(first), joint);
                out.add(new CurveOverlay(joint, f.angleName(), f.unit(), side, name(sessions, first),
                        curve(curves.get(first), joint, side).orElseThrow(), name(sessions, last),
                        curve(curves.get(last), joint, side).orElseThrow(), curveData(curves.get(last), joint).reference()));
            }
        }
        return out;
    }

    private static CurveChartData curveData(List<CurveChartData> list, String joint) {
        return list.stream().filter(c -> c.joint().equals(joint)).findFirst().orElseThrow();
    }

    private static Optional<SideCurve> curve(List<CurveChartData> list, String joint, Side side) {
        return list.stream().filter(c -> c.joint().equals(joint)).findFirst()
                .map(c -> c.sides().get(side));
    }

    /** The session's date, with its label when another session has the same date (legends stay short). */
    private static String name(List<Session> sessions, int i) {
        Session s = sessions.get(i);
        long sameDate = sessions.stream().filter(x -> x.input().sessionDate().equals(s.input().sessionDate())).count();
        return s.input().sessionDate() + (sameDate > 1 ? " " + s.input().sessionLabel() : "");
    }
}
