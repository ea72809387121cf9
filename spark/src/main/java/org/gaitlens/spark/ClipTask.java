package org.gaitlens.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One clip for an executor to analyse: what the driver knows once the clip's run is queued and claimed in the store.
 * Strings and numbers only, so that it serialises without the store's classes.
 *
 * @param key            the run's key in the job's output ({@link ResultLayout#key})
 * @param location       the clip's URI ({@code file:/...}, {@code hdfs://...})
 * @param contentSha256  SHA-256 of its content, as hashed before it was queued
 * @param runId          the store's analysis run
 * @param recordingId    the store's recording
 * @param recordingPath  the recording's path as the store keeps it (export column {@code recording_path})
 * @param view           the recording's camera view
 * @param patient        pseudonym of the patient of the recording's session
 * @param sessionDate    that session's date, ISO {@code YYYY-MM-DD}
 * @param sessionLabel   that session's label
 * @param settingsJson   the run's settings ({@link org.gaitlens.batch.RunSettings#toJson()})
 * @param settingsHash   their hash
 * @param softwareVersion gaitlens version that queued the run
 * @param threads        inference threads for the task
 * @param modelsDir      the pose models folder as the driver sees it; it must be at the same path on every
 *                       executor (docs/spark.md)
 * @param outputUri      the job's output folder
 */
record ClipTask(String key, String location, String contentSha256, long runId, long recordingId, String recordingPath,
        String view, String patient, String sessionDate, String sessionLabel, String settingsJson, String settingsHash,
        String softwareVersion, int threads, String modelsDir, String outputUri) implements Serializable {

    ClipTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(settingsJson, "settingsJson");
        Objects.requireNonNull(outputUri, "outputUri");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** The clip's file name, for messages. */
    String fileName() {
        String path = java.net.URI.create(location).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
