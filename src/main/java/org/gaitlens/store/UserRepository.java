package org.gaitlens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Web app accounts and which patients each therapist may see. Passwords arrive already hashed. */
public final class UserRepository {
    private static final String COLUMNS = "id, username, password_hash, role, active, created_at";

    private final Database db;

    UserRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds an account.
     *
     * @throws DuplicateRecordException when the user name is taken
     */
    public UserAccount create(String username, String passwordHash, UserRole role) {
        UserAccount.checkUsername(username);
        Checks.notBlank("passwordHash", passwordHash);
        Instant now = Instant.now();
        try {
            long id = db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user "
                        + "(username, password_hash, role, active, created_at) VALUES (?, ?, ?, 1, ?) RETURNING id")) {
                    ps.setString(1, username);
                    ps.setString(2, passwordHash);
                    ps.setString(3, role.name());
                    ps.setString(4, Database.timestamp(now));
                    return Database.insertReturningId(ps);
                }
            });
            return get(id);
        } catch (DuplicateRecordException e) {
            throw new DuplicateRecordException("user " + username + " already exists", e);
        }
    }

    public UserAccount get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE id = ?")) {
                ps.setLong(1, id);
                return one(ps);
            }
        }).orElseThrow(() -> new RecordNotFoundException("no user with id " + id));
    }

    public Optional<UserAccount> find(String username) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")) {
                ps.setString(1, username);
                return one(ps);
            }
        });
    }

    /** All accounts by user name. */
    public List<UserAccount> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY username");
                    ResultSet rs = ps.executeQuery()) {
                List<UserAccount> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        });
    }

    /** How many administrators exist (the first one is created from the command line). */
    public int countAdmins() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Replaces an account's password hash and ends all its sessions, in one transaction: whoever was signed in with
     * the old password is signed out.
     */
    public void resetPassword(long userId, String passwordHash) {
        Checks.notBlank("passwordHash", passwordHash);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, passwordHash);
                ps.setLong(2, userId);
                if (ps.executeUpdate() != 1) {
                    throw new RecordNotFoundException("no user with id " + userId);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE user_id = ?")) {
                ps.setLong(1, userId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Enables or disables an account (a disabled account cannot sign in; its sessions are ended). */
    public void setActive(long userId, boolean active) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET active = ? WHERE id = ?")) {
                ps.setInt(1, active ? 1 : 0);
                ps.setLong(2, userId);
                if (ps.executeUpdate() != 1) {
                    throw new RecordNotFoundException("no user with id " + userId);
                }
            }
            if (!active) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE user_id = ?")) {
                    ps.setLong(1, userId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private void update(String sql, long userId, String value) {
        int n = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setLong(2, userId);
                return ps.executeUpdate();
            }
        });
        if (n != 1) {
            throw new RecordNotFoundException("no user with id " + userId);
        }
    }

    /** Lets a user see a patient (nothing happens when they already can). */
    public void grantAccess(long userId, long patientId) {
        Checks.positiveId("userId", userId);
        Checks.positiveId("patientId", patientId);
        String now = Database.timestamp(Instant.now());
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient_access (user_id, patient_id, granted_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (user_id, patient_id) DO NOTHING")) {
                ps.setLong(1, userId);
                ps.setLong(2, patientId);
                ps.setString(3, now);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Takes back a user's access to a patient.
     *
     * @return whether the user had it
     */
    public boolean revokeAccess(long userId, long patientId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM patient_access WHERE user_id = ? AND patient_id = ?")) {
                ps.setLong(1, userId);
                ps.setLong(2, patientId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Every (user, patient) access pair as {@code {userId, patientId}}, by user and patient id. */
    public List<long[]> listAccess() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_id, patient_id FROM patient_access ORDER BY user_id, patient_id");
                    ResultSet rs = ps.executeQuery()) {
                List<long[]> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
                return out;
            }
        });
    }

    /** Whether the user was given access to the patient (administrators see all patients regardless). */
    public boolean hasAccess(long userId, long patientId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM patient_access WHERE user_id = ? AND patient_id = ?")) {
                ps.setLong(1, userId);
                ps.setLong(2, patientId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The ids of the patients the user was given access to. */
    public List<Long> accessiblePatientIds(long userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT patient_id FROM patient_access WHERE user_id = ? ORDER BY patient_id")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Long> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                    return out;
                }
            }
        });
    }

    private static Optional<UserAccount> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static UserAccount map(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                UserRole.valueOf(rs.getString("role")), rs.getInt("active") == 1,
                Database.instant(rs.getString("created_at")));
    }
}
