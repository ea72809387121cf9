package org.gaitlens.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.gaitlens.core.Side;

/**
 * A patient as the store knows them: a pseudonym, never a name.
 *
 * @param id           database id
 * @param pseudonym    study id such as {@code P017}: letters, digits, {@code . _ -}, 1 to 64 characters
 * @param heightCm     body height in centimetres, when known (gives the walking videos their scale)
 * @param affectedSide the painful or weak side, when known
 * @param notes        free text (no identifying data)
 * @param createdAt    when the patient was added
 */
public record Patient(
        long id,
        String pseudonym,
        OptionalDouble heightCm,
        Optional<Side> affectedSide,
        String notes,
        Instant createdAt) {

    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Plausible human heights; a value outside is a typing error (metres, inches). */
    static final double MIN_HEIGHT_CM = 40;
    static final double MAX_HEIGHT_CM = 260;

    public Patient {
        Checks.positiveId("id", id);
        checkPseudonym(pseudonym);
        checkHeight(heightCm);
        Objects.requireNonNull(affectedSide, "affectedSide");
        Checks.notNull("notes", notes);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static String checkPseudonym(String pseudonym) {
        if (pseudonym == null || !PSEUDONYM.matcher(pseudonym).matches()) {
            throw new IllegalArgumentException(
                    "pseudonym must be 1-64 letters, digits, '.', '_' or '-', was " + pseudonym);
        }
        return pseudonym;
    }

    static OptionalDouble checkHeight(OptionalDouble heightCm) {
        Objects.requireNonNull(heightCm, "heightCm");
        if (heightCm.isPresent()) {
            double h = heightCm.getAsDouble();
            if (!(h >= MIN_HEIGHT_CM && h <= MAX_HEIGHT_CM)) {
                throw new IllegalArgumentException("heightCm must be between " + MIN_HEIGHT_CM + " and "
                        + MAX_HEIGHT_CM + " cm, was " + h);
            }
        }
        return heightCm;
    }

    /** This patient with other details (the pseudonym and id stay). */
    public Patient withDetails(OptionalDouble newHeightCm, Optional<Side> newAffectedSide, String newNotes) {
        return new Patient(id, pseudonym, newHeightCm, newAffectedSide, newNotes, createdAt);
    }
}
