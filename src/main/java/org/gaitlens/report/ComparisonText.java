package org.gaitlens.report;

import java.util.ArrayList;
import java.util.List;

/** Column selection and wording of the comparison tables, shared by the HTML and PDF renderers. */
final class ComparisonText {
    /** Up to this many sessions, every session's value is shown in the change table. */
    static final int MAX_INLINE_SESSIONS = 6;

    static final String RULE = "A change counts only when it exceeds the metric's threshold (its minimal detectable "
            + "change); smaller changes are reported as no detectable change. The direction that counts as "
            + "improvement is defined per metric.";

    private ComparisonText() {
    }

    /** Session indices whose values appear in the change table: all, or first, previous and latest. */
    static List<Integer> summaryColumns(int sessions) {
        List<Integer> cols = new ArrayList<>();
        if (sessions <= MAX_INLINE_SESSIONS) {
            for (int i = 0; i < sessions; i++) {
                cols.add(i);
            }
        } else {
            cols.add(0);
            cols.add(sessions - 2);
            cols.add(sessions - 1);
        }
        return cols;
    }

    static String columnTitle(List<SessionColumn> s, int i) {
        String role = i == 0 ? "first" : i == s.size() - 1 ? "latest" : i == s.size() - 2 ? "previous" : "";
        return "#" + (i + 1) + " " + s.get(i).date() + (role.isEmpty() || s.size() <= MAX_INLINE_SESSIONS ? "" : " (" + role + ")");
    }

    /** Compact column title for the PDF: "#2", or "#19 (previous)" when only three sessions are shown. */
    static String shortColumnTitle(int sessions, int i) {
        if (sessions <= MAX_INLINE_SESSIONS) {
            return "#" + (i + 1);
        }
        String role = i == 0 ? "first" : i == sessions - 1 ? "latest" : "previous";
        return "#" + (i + 1) + " (" + role + ")";
    }

    /** Column titles of the per-session deviation table. */
    static final List<String> DEVIATION_COLUMNS = List.of("#", "Date", "GPS-2D (95 % CI)", "Left", "Right",
            "Healthy band", "Healthy mean / 95th percentile");

    /** The cells of one session's row in the deviation table ({@link #DEVIATION_COLUMNS}). */
    static List<String> deviationCells(List<SessionColumn> s, int i, SessionDeviation d) {
        String ci = d.ciLowDeg() == null ? "" : " (" + ReportFormat.number(d.ciLowDeg(), 1) + "–"
                + ReportFormat.number(d.ciHighDeg(), 1) + ")";
        return List.of("#" + (i + 1), s.get(i).date().toString(),
                ReportFormat.value(d.gps2dDeg(), 1, "deg") + (d.gps2dDeg() == null ? "" : ci),
                ReportFormat.number(d.leftDeg(), 1), ReportFormat.number(d.rightDeg(), 1),
                d.band().isEmpty() ? ReportFormat.MISSING : d.band(),
                d.healthyMeanDeg() == null ? ReportFormat.MISSING
                        : ReportFormat.number(d.healthyMeanDeg(), 1) + " / " + ReportFormat.value(d.healthyP95Deg(), 1, "deg"));
    }

    /** The note under the deviation table: the caveat and the attribution. */
    static String deviationNote(DeviationTrend t) {
        return t.caveat() + " Reference data: " + t.source() + ".";
    }

    static String changeNote(int sessions) {
        return "Changes are for the latest session that has the metric, against the first and the previous sessions "
                + "that have it; \"(#5 vs #2)\" names the sessions when a value is missing in between or at the end." + (sessions > MAX_INLINE_SESSIONS
                ? " Only the first, previous and latest sessions are shown here; all values follow in the next table." : "");
    }
}
