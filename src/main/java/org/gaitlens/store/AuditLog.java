package org.gaitlens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The web app's audit log: uploads, views, downloads, sign-ins and refusals. Entries are never changed. */
public final class AuditLog {
    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    /** Appends an entry. */
    public void record(Optional<String> username, String ip, String action, String target, String detail) {
        Checks.notBlank("action", action);
        String now = Database.timestamp(Instant.now());
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (at, username, ip, action, target, "
                    + "detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, now);
                Database.setNullableString(ps, 2, username.orElse(null));
                ps.setString(3, ip == null ? "" : ip);
                ps.setString(4, action);
                ps.setString(5, target == null ? "" : target);
                ps.setString(6, detail == null ? "" : detail);
                return ps.executeUpdate();
            }
        });
    }

    /** The newest entries first, at most {@code limit}. */
    public List<AuditEvent> recent(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, username, ip, action, target, detail "
                    + "FROM audit_event ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<AuditEvent> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new AuditEvent(rs.getLong("id"), Database.instant(rs.getString("at")),
                                Optional.ofNullable(rs.getString("username")), rs.getString("ip"),
                                rs.getString("action"), rs.getString("target"), rs.getString("detail")));
                    }
                    return out;
                }
            }
        });
    }
}
