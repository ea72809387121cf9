package org.gaitlens.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Multi-session comparison of one patient, as display-level data.
 *
 * @param patientId        patient id or pseudonym
 * @param softwareVersion  gaitlens version
 * @param sessions         sessions in date order (non-decreasing), at least one
 * @param changes          per metric, values and changes across sessions
 * @param trends           trend charts of key metrics and asymmetry indices
 * @param overlays         first vs latest curves per joint and side
 * @param patternSentences one summary sentence per pattern
 * @param deviation        GPS-2D per session against healthy walking, or {@code null} when no session has it (then
 *                         absent from the JSON)
 * @throws IllegalArgumentException if sessions are not in date order or a row's size differs from the
 *                                  number of sessions
 */
public record ComparisonReport(String patientId, String softwareVersion, List<SessionColumn> sessions,
                               List<ChangeRow> changes, List<TrendSeries> trends, List<CurveOverlay> overlays,
                               List<PatternSentence> patternSentences,
                               @JsonInclude(JsonInclude.Include.NON_NULL) DeviationTrend deviation) {
    public ComparisonReport {
        Checks.requireText(patientId, "patientId");
        softwareVersion = softwareVersion == null ? "" : softwareVersion;
        sessions = Checks.list(sessions, "sessions");
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("sessions must not be empty");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).date().isBefore(sessions.get(i - 1).date())) {
                throw new IllegalArgumentException("sessions must be in date order, but " + sessions.get(i).sessionId()
                        + " (" + sessions.get(i).date() + ") follows " + sessions.get(i - 1).sessionId()
                        + " (" + sessions.get(i - 1).date() + ")");
            }
        }
        changes = Checks.list(changes, "changes");
        for (ChangeRow row : changes) {
            if (row.values().size() != sessions.size()) {
                throw new IllegalArgumentException("change row '" + row.label() + "' has " + row.values().size()
                        + " values for " + sessions.size() + " sessions");
            }
        }
        trends = Checks.list(trends, "trends");
        for (TrendSeries t : trends) {
            if (t.healthy() != null && t.healthy().low().size() != sessions.size()) {
                throw new IllegalArgumentException("trend '" + t.title() + "' healthy band has "
                        + t.healthy().low().size() + " entries for " + sessions.size() + " sessions");
            }
            for (TrendLine line : t.lines()) {
                if (line.values().size() != sessions.size()) {
                    throw new IllegalArgumentException("trend '" + t.title() + "' line '" + line.name() + "' has "
                            + line.values().size() + " values for " + sessions.size() + " sessions");
                }
            }
        }
        overlays = Checks.list(overlays, "overlays");
        patternSentences = Checks.list(patternSentences, "patternSentences");
        if (deviation != null && deviation.sessions().size() != sessions.size()) {
            throw new IllegalArgumentException("deviation has " + deviation.sessions().size() + " entries for "
                    + sessions.size() + " sessions");
        }
    }

    /** A comparison without the deviation from healthy walking. */
    public ComparisonReport(String patientId, String softwareVersion, List<SessionColumn> sessions,
                            List<ChangeRow> changes, List<TrendSeries> trends, List<CurveOverlay> overlays,
                            List<PatternSentence> patternSentences) {
        this(patientId, softwareVersion, sessions, changes, trends, overlays, patternSentences, null);
    }
}
