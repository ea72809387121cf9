package org.gaitlens.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One session of a comparison.
 *
 * @param sessionId  stable id of the session
 * @param date       recording date
 * @param label      e.g. "baseline", "follow-up 1"; may be empty
 * @param cameraView e.g. "sagittal", "frontal"; may be empty
 * @param quality    data-quality verdict of the session
 */
public record SessionColumn(String sessionId, LocalDate date, String label, String cameraView,
                            QualityVerdict quality) {
    public SessionColumn {
        Checks.requireText(sessionId, "sessionId");
        Objects.requireNonNull(date, "date");
        label = label == null ? "" : label;
        cameraView = cameraView == null ? "" : cameraView;
        Objects.requireNonNull(quality, "quality");
    }
}
