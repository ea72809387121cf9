package org.gaitlens.report;

import java.util.List;

/**
 * The "Deviation from healthy walking" section of a side-view session report: the sagittal 2D Gait Profile Score
 * (GPS-2D) and its Gait Variable Scores against healthy walkers at a matched speed, in plain words, and the Movement
 * Analysis Profile ({@link MapChart}).
 *
 * @param headline the overall GPS-2D with its interval against the healthy mean and 95th percentile
 * @param findings per side, the joint that deviates most, left vs right
 * @param band     which healthy band the session was compared with, and why
 * @param caveat   what GPS-2D is and is not (a sagittal 2D score, not comparable with the 3D GPS)
 * @param source   the dataset's citation, data DOI and licence
 * @param notes    why a score or interval is missing; may be empty
 * @param profile  the bars of the Movement Analysis Profile: GVS per joint and side, then GPS-2D per side and overall
 */
public record DeviationSection(String headline, List<String> findings, String band, String caveat, String source,
                               List<String> notes, List<MapItem> profile) {
    public DeviationSection {
        Checks.requireText(headline, "headline");
        findings = Checks.list(findings, "findings");
        Checks.requireText(band, "band");
        Checks.requireText(caveat, "caveat");
        Checks.requireText(source, "source");
        notes = Checks.list(notes, "notes");
        profile = Checks.list(profile, "profile");
    }
}
