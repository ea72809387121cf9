package org.gaitlens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Signed-in sessions of the web app, kept in the database so they survive a restart of the server. */
public final class WebSessionRepository {
    private final Database db;
    private final UserRepository users;

    WebSessionRepository(Database db, UserRepository users) {
        this.db = db;
        this.users = users;
    }

    /** Records a new session. */
    public WebSession create(String tokenSha256, long userId, String csrfToken, Instant expiresAt) {
        Checks.sha256("tokenSha256", tokenSha256);
        Checks.notBlank("csrfToken", csrfToken);
        Instant now = Instant.now();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (token_sha256, user_id, csrf_token, "
                    + "created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, tokenSha256);
                ps.setLong(2, userId);
                ps.setString(3, csrfToken);
                ps.setString(4, Database.timestamp(now));
                ps.setString(5, Database.timestamp(now));
                ps.setString(6, Database.timestamp(expiresAt));
                return ps.executeUpdate();
            }
        });
        return new WebSession(tokenSha256, users.get(userId), csrfToken, now, expiresAt);
    }

    /** The live session with this token hash: not expired, and its user still active. */
    public Optional<WebSession> findLive(String tokenSha256, Instant now) {
        Optional<Object[]> row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, csrf_token, created_at, expires_at "
                    + "FROM web_session WHERE token_sha256 = ? AND expires_at > ?")) {
                ps.setString(1, tokenSha256);
                ps.setString(2, Database.timestamp(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        UserAccount user = users.get((Long) r[0]);
        if (!user.active()) {
            return Optional.empty();
        }
        return Optional.of(new WebSession(tokenSha256, user, (String) r[1], Database.instant((String) r[2]),
                Database.instant((String) r[3])));
    }

    /** Extends a session that is in use. */
    public void touch(String tokenSha256, Instant now, Instant expiresAt) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE web_session SET last_seen_at = ?, expires_at = ? WHERE token_sha256 = ?")) {
                ps.setString(1, Database.timestamp(now));
                ps.setString(2, Database.timestamp(expiresAt));
                ps.setString(3, tokenSha256);
                return ps.executeUpdate();
            }
        });
    }

    /** Ends a session (sign-out). */
    public void delete(String tokenSha256) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE token_sha256 = ?")) {
                ps.setString(1, tokenSha256);
                return ps.executeUpdate();
            }
        });
    }

    /** Removes expired sessions; returns how many. */
    public int deleteExpired(Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE expires_at <= ?")) {
                ps.setString(1, Database.timestamp(now));
                return ps.executeUpdate();
            }
        });
    }
}
