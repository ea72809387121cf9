package org.gaitlens.report;

import java.util.List;

/**
 * The deviation from healthy walking across the sessions of a comparison: one {@link SessionDeviation} per session
 * (in the comparison's order), what GPS-2D is, and the reference's attribution. Its change between sessions is a
 * {@link ChangeRow} of the comparison, judged like every other row.
 *
 * @param sessions one per session of the comparison
 * @param caveat   what GPS-2D is and is not, and the change threshold's origin in words
 * @param source   the healthy dataset's attribution: short citation, paper and data DOIs, licence
 */
public record DeviationTrend(List<SessionDeviation> sessions, String caveat, String source) {
    public DeviationTrend {
        sessions = Checks.list(sessions, "sessions");
        Checks.requireText(caveat, "caveat");
        Checks.requireText(source, "source");
    }
}
