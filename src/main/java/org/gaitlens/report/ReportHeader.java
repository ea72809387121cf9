package org.gaitlens.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Identification of one recorded session, shown at the top of the session report. Every field except
 * {@code patientId} and {@code sessionDate} may be {@code null} when unknown; renderers show a dash.
 *
 * @param patientId       patient id or pseudonym (never a full name unless the user chose so)
 * @param sessionDate     the date the video was recorded
 * @param sessionLabel    free label such as "baseline", "follow-up 6 weeks"
 * @param videoFile       the source video's file name (no directories, to avoid leaking paths)
 * @param cameraView      e.g. "sagittal (left side facing camera)", "frontal (from behind)"
 * @param frameRateHz     the video's frame rate
 * @param poseModel       pose model used, e.g. "BlazePose full"
 * @param scaleSource     how pixels became metres, e.g. "patient height 1.72 m" or "none (normalised to leg length)"
 * @param softwareVersion gaitlens version that produced the numbers
 * @param recordings      the recordings of a session pooled from several (file names), shown instead of
 *                        {@code videoFile}; empty (and absent from the JSON) for one recording
 */
public record ReportHeader(String patientId, LocalDate sessionDate, String sessionLabel, String videoFile,
                           String cameraView, Double frameRateHz, String poseModel, String scaleSource,
                           String softwareVersion,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> recordings) {
    public ReportHeader {
        Checks.requireText(patientId, "patientId");
        Objects.requireNonNull(sessionDate, "sessionDate");
        if (frameRateHz != null && !(frameRateHz > 0 && Double.isFinite(frameRateHz))) {
            throw new IllegalArgumentException("frameRateHz must be > 0, was " + frameRateHz);
        }
        recordings = Checks.list(recordings, "recordings");
    }

    /** The header of a one-recording session. */
    public ReportHeader(String patientId, LocalDate sessionDate, String sessionLabel, String videoFile,
            String cameraView, Double frameRateHz, String poseModel, String scaleSource, String softwareVersion) {
        this(patientId, sessionDate, sessionLabel, videoFile, cameraView, frameRateHz, poseModel, scaleSource,
                softwareVersion, List.of());
    }
}
