package org.gaitlens.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Who and when a session is: shown in the report header, recorded in {@code summary.json}, and used to
 * order sessions in a comparison.
 *
 * @param patientId   patient id or pseudonym (never a full name unless the user chose so); "unnamed" by default
 * @param sessionDate the day the recording was made
 * @param label       free label such as "baseline" or "follow-up 6 weeks"; "session" by default
 */
public record SessionMetadata(String patientId, LocalDate sessionDate, String label) {
    /** Patient id used when none is given. */
    public static final String DEFAULT_PATIENT = "unnamed";
    /** Label used when none is given. */
    public static final String DEFAULT_LABEL = "session";

    public SessionMetadata {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("patientId must not be blank, was '" + patientId + "'");
        }
        Objects.requireNonNull(sessionDate, "sessionDate");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank, was '" + label + "'");
        }
    }

    /**
     * Metadata with the defaults filled in: patient "unnamed", the input file's modification date (local
     * time zone), label "session".
     *
     * @param patientId or {@code null}
     * @param date      or {@code null}
     * @param label     or {@code null}
     * @param input     the input file, for the default date
     */
    public static SessionMetadata withDefaults(String patientId, LocalDate date, String label, Path input) {
        return new SessionMetadata(patientId == null || patientId.isBlank() ? DEFAULT_PATIENT : patientId.trim(),
                date != null ? date : fileDate(input),
                label == null || label.isBlank() ? DEFAULT_LABEL : label.trim());
    }

    /** The day a file was last modified, in the local time zone. */
    static LocalDate fileDate(Path file) {
        try {
            return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification date of " + file, e);
        }
    }
}
