package org.gaitlens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gaitlens.core.Side;

/** Patients of a study, found by pseudonym. */
public final class PatientRepository {
    private static final String COLUMNS = "id, pseudonym, height_cm, affected_side, notes, created_at";

    private final Database db;

    PatientRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a patient.
     *
     * @throws DuplicateRecordException when the pseudonym is taken
     * @throws IllegalArgumentException when a value is out of range (see {@link Patient})
     */
    public Patient create(String pseudonym, OptionalDouble heightCm, Optional<Side> affectedSide, String notes) {
        Patient.checkPseudonym(pseudonym);
        Patient.checkHeight(heightCm);
        Checks.notNull("notes", notes);
        Instant now = Instant.now();
        try {
            long id = db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient "
                        + "(pseudonym, height_cm, affected_side, notes, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                    ps.setString(1, pseudonym);
                    Database.setOptionalDouble(ps, 2, heightCm);
                    Database.setNullableString(ps, 3, affectedSide.map(Enum::name).orElse(null));
                    ps.setString(4, notes);
                    ps.setString(5, Database.timestamp(now));
                    return Database.insertReturningId(ps);
                }
            });
            return get(id);
        } catch (DuplicateRecordException e) {
            throw new DuplicateRecordException("patient " + pseudonym + " already exists", e);
        }
    }

    /** The patient with this database id. */
    public Patient get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM patient WHERE id = ?")) {
                ps.setLong(1, id);
                return one(ps);
            }
        }).orElseThrow(() -> new RecordNotFoundException("no patient with id " + id));
    }

    /** The patient with this pseudonym, if any. */
    public Optional<Patient> find(String pseudonym) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM patient WHERE pseudonym = ?")) {
                ps.setString(1, pseudonym);
                return one(ps);
            }
        });
    }

    /**
     * The patient with this pseudonym.
     *
     * @throws RecordNotFoundException when there is none
     */
    public Patient require(String pseudonym) {
        return find(pseudonym).orElseThrow(() -> new RecordNotFoundException(
                "no patient " + pseudonym + " in this study (list them with: gaitlens patients)"));
    }

    /** All patients, by pseudonym. */
    public List<Patient> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM patient ORDER BY pseudonym");
                    ResultSet rs = ps.executeQuery()) {
                List<Patient> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        });
    }

    /**
     * Stores a patient's height, affected side and notes (the pseudonym is the key and does not change).
     *
     * @return the patient as now stored
     * @throws RecordNotFoundException when the patient is not stored
     */
    public Patient update(Patient patient) {
        int n = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE patient SET height_cm = ?, affected_side = ?, notes = ? WHERE id = ? AND pseudonym = ?")) {
                Database.setOptionalDouble(ps, 1, patient.heightCm());
                Database.setNullableString(ps, 2, patient.affectedSide().map(Enum::name).orElse(null));
                ps.setString(3, patient.notes());
                ps.setLong(4, patient.id());
                ps.setString(5, patient.pseudonym());
                return ps.executeUpdate();
            }
        });
        if (n != 1) {
            throw new RecordNotFoundException("no patient " + patient.pseudonym() + " with id " + patient.id());
        }
        return get(patient.id());
    }

    private static Optional<Patient> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static Patient map(ResultSet rs) throws SQLException {
        double h = Database.nullableDouble(rs, "height_cm");
        String side = rs.getString("affected_side");
        return new Patient(
                rs.getLong("id"),
                rs.getString("pseudonym"),
                Double.isNaN(h) ? OptionalDouble.empty() : OptionalDouble.of(h),
                Optional.ofNullable(side).map(Side::valueOf),
                rs.getString("notes"),
                Database.instant(rs.getString("created_at")));
    }
}
