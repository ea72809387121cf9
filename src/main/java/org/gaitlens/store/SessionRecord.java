package org.gaitlens.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One visit of a patient (baseline, mid-treatment, follow-up), holding the recordings made that day.
 *
 * @param id             database id
 * @param patientId      the patient's database id
 * @param date           the day of the visit
 * @param label          short name such as {@code baseline}; unique per patient and date
 * @param treatmentNotes free text about the treatment so far
 * @param createdAt      when the session was added
 */
public record SessionRecord(
        long id, long patientId, LocalDate date, String label, String treatmentNotes, Instant createdAt) {

    public SessionRecord {
        Checks.positiveId("id", id);
        Checks.positiveId("patientId", patientId);
        Objects.requireNonNull(date, "date");
        checkLabel(label);
        Checks.notNull("treatmentNotes", treatmentNotes);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static String checkLabel(String label) {
        Checks.notBlank("label", label);
        if (label.length() > 200) {
            throw new IllegalArgumentException("label must be at most 200 characters, was " + label.length());
        }
        return label;
    }
}
