package org.gaitlens.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One session of a comparison.
 *
 * @param sessionId  stable id of the session
 * @param date       recording date
 * @param label      e.g. "baseline", "follow-up 1"; may be empty
 * @param cameraView e.g. "sagittal", "frontal"; may be empty
 * @param quality    data-quality verdict of the session
 * @param recordings the clips of a session pooled from several recordings, by file name; empty for one recording
 *                   (then absent from the JSON)
 */
public record SessionColumn(String sessionId, LocalDate date, String label, String cameraView,
                            QualityVerdict quality,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> recordings) {
    public SessionColumn {
        Checks.requireText(sessionId, "sessionId");
        Objects.requireNonNull(date, "date");
        label = label == null ? "" : label;
        cameraView = cameraView == null ? "" : cameraView;
        Objects.requireNonNull(quality, "quality");
        recordings = recordings == null ? List.of() : List.copyOf(recordings);
    }

    /** A session of one recording. */
    public SessionColumn(String sessionId, LocalDate date, String label, String cameraView, QualityVerdict quality) {
        this(sessionId, date, label, cameraView, quality, List.of());
    }

    /**
     * The label for the sessions table: the label, and for a pooled session the clips it pooled
     * ({@code baseline; 2 clips: there.mp4, back.mp4}); a dash when there is neither.
     */
    public String describedLabel() {
        if (recordings.isEmpty()) {
            return ReportText.orDash(label);
        }
        return (label.isEmpty() ? "" : label + "; ") + recordings.size() + " clips: " + String.join(", ", recordings);
    }
}
