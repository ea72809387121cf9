package org.gaitlens.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One session to analyse, as discovered in a folder or read from a manifest: one recording, or several clips of the
 * session pooled into one analysis (manifest rows with the same patient and {@code session} value).
 *
 * @param patient     pseudonymous patient id (letters, digits, {@code . _ -})
 * @param sessionDate day of the session
 * @param label       session label, e.g. {@code baseline}
 * @param videos      the files (video, landmarks, {@code .trc} or {@code .c3d}), in session order; more than one are
 *                    pooled
 * @param view        camera view as recorded: {@code sagittal}, {@code frontal} or {@code unknown}
 * @param heightCm    the patient's standing height, when given for this item
 * @param overrides   further settings for this item ({@link RunSettings#OVERRIDE_KEYS}, without height and view)
 * @param origin      where the item was found, for messages (a folder, or {@code manifest.csv line 7})
 */
public record BatchItem(String patient, LocalDate sessionDate, String label, List<Path> videos, String view,
        OptionalDouble heightCm, Map<String, String> overrides, String origin) {

    public BatchItem {
        if (patient == null || !patient.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("patient must be 1-64 letters, digits, '.', '_' or '-', was " + patient);
        }
        Objects.requireNonNull(sessionDate, "sessionDate");
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new IllegalArgumentException("label must be 1-200 characters, was " + label);
        }
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("an item needs at least one file");
        }
        videos = List.copyOf(videos);
        view = BatchDiscovery.normaliseView(view);
        Objects.requireNonNull(heightCm, "heightCm");
        overrides = java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
        Objects.requireNonNull(origin, "origin");
    }

    /** One recording to analyse. */
    public BatchItem(String patient, LocalDate sessionDate, String label, Path video, String view,
            OptionalDouble heightCm, Map<String, String> overrides, String origin) {
        this(patient, sessionDate, label, List.of(video), view, heightCm, overrides, origin);
    }

    /** The (first) file. */
    public Path video() {
        return videos.get(0);
    }

    /** Whether the item pools several clips. */
    public boolean pooled() {
        return videos.size() > 1;
    }

    /** {@code PATIENT/DATE_label/file}, or {@code PATIENT/DATE_label/[a.mp4 + b.mp4]} for clips pooled, for status lines. */
    public String displayName() {
        String files = pooled() ? videos.stream().map(v -> v.getFileName().toString())
                .collect(Collectors.joining(" + ", "[", "]")) : video().getFileName().toString();
        return patient + "/" + sessionDate + "_" + label + "/" + files;
    }

    /** The run settings for this item: the batch's, with this item's overrides and height. */
    public RunSettings settings(RunSettings base) {
        RunSettings s = base.withOverrides(overrides);
        return heightCm.isPresent() ? s.withHeightCm(heightCm.getAsDouble()) : s;
    }
}
