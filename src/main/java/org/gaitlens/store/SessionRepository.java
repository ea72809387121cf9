package org.gaitlens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sessions (visits) of patients. */
public final class SessionRepository {
    private static final String COLUMNS = "id, patient_id, session_date, label, treatment_notes, created_at";

    private final Database db;

    SessionRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a session for a patient.
     *
     * @throws DuplicateRecordException when the patient already has a session with this date and label
     * @throws StoreException           when the patient does not exist (foreign key)
     */
    public SessionRecord create(long patientId, LocalDate date, String label, String treatmentNotes) {
        Checks.positiveId("patientId", patientId);
        SessionRecord.checkLabel(label);
        Checks.notNull("treatmentNotes", treatmentNotes);
        Instant now = Instant.now();
        try {
            long id = db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO gait_session "
                        + "(patient_id, session_date, label, treatment_notes, created_at) VALUES (?, ?, ?, ?, ?) "
                        + "RETURNING id")) {
                    ps.setLong(1, patientId);
                    ps.setString(2, date.toString());
                    ps.setString(3, label);
                    ps.setString(4, treatmentNotes);
                    ps.setString(5, Database.timestamp(now));
                    return Database.insertReturningId(ps);
                }
            });
            return get(id);
        } catch (DuplicateRecordException e) {
            throw new DuplicateRecordException(
                    "patient id " + patientId + " already has a session '" + label + "' on " + date, e);
        }
    }

    /**
     * The session with this date and label, created when missing (what an import or batch manifest needs;
     * safe when several workers do it at once).
     */
    public SessionRecord findOrCreate(long patientId, LocalDate date, String label, String treatmentNotes) {
        Optional<SessionRecord> found = find(patientId, date, label);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            return create(patientId, date, label, treatmentNotes);
        } catch (DuplicateRecordException e) {
            // Another worker created it between the look-up and the insert.
            return find(patientId, date, label).orElseThrow(() -> e);
        }
    }

    /** The session with this database id. */
    public SessionRecord get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM gait_session WHERE id = ?")) {
                ps.setLong(1, id);
                return one(ps);
            }
        }).orElseThrow(() -> new RecordNotFoundException("no session with id " + id));
    }

    /** The patient's session with this date and label, if any. */
    public Optional<SessionRecord> find(long patientId, LocalDate date, String label) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM gait_session WHERE patient_id = ? AND session_date = ? AND label = ?")) {
                ps.setLong(1, patientId);
                ps.setString(2, date.toString());
                ps.setString(3, label);
                return one(ps);
            }
        });
    }

    /** A patient's sessions, oldest first (same day: by label). */
    public List<SessionRecord> listByPatient(long patientId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM gait_session WHERE patient_id = ? ORDER BY session_date, label, id")) {
                ps.setLong(1, patientId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<SessionRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static Optional<SessionRecord> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static SessionRecord map(ResultSet rs) throws SQLException {
        return new SessionRecord(
                rs.getLong("id"),
                rs.getLong("patient_id"),
                LocalDate.parse(rs.getString("session_date")),
                rs.getString("label"),
                rs.getString("treatment_notes"),
                Database.instant(rs.getString("created_at")));
    }
}
