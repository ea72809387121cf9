package org.gaitlens.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One recording to analyse, as discovered in a folder or read from a manifest.
 *
 * @param patient     pseudonymous patient id (letters, digits, {@code . _ -})
 * @param sessionDate day of the session
 * @param label       session label, e.g. {@code baseline}
 * @param video       the file (video, {@code .trc} or {@code .c3d})
 * @param view        camera view as recorded: {@code sagittal}, {@code frontal} or {@code unknown}
 * @param heightCm    the patient's standing height, when given for this item
 * @param overrides   further settings for this item ({@link RunSettings#OVERRIDE_KEYS}, without height and view)
 * @param origin      where the item was found, for messages (a folder, or {@code manifest.csv line 7})
 */
public record BatchItem(String patient, LocalDate sessionDate, String label, Path video, String view,
        OptionalDouble heightCm, Map<String, String> overrides, String origin) {

    public BatchItem {
        if (patient == null || !patient.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("patient must be 1-64 letters, digits, '.', '_' or '-', was " + patient);
        }
        Objects.requireNonNull(sessionDate, "sessionDate");
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new IllegalArgumentException("label must be 1-200 characters, was " + label);
        }
        Objects.requireNonNull(video, "video");
        view = BatchDiscovery.normaliseView(view);
        Objects.requireNonNull(heightCm, "heightCm");
        overrides = java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code PATIENT/DATE_label/file}, for status lines. */
    public String displayName() {
        return patient + "/" + sessionDate + "_" + label + "/" + video.getFileName();
    }

    /** The run settings for this item: the batch's, with this item's overrides and height. */
    public RunSettings settings(RunSettings base) {
        RunSettings s = base.withOverrides(overrides);
        return heightCm.isPresent() ? s.withHeightCm(heightCm.getAsDouble()) : s;
    }
}
