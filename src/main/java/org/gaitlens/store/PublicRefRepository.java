package org.gaitlens.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Random, unguessable ids for URLs: 128 bits from {@link SecureRandom}, base64url without padding (22
 * characters), one per record. They keep database ids (which count up) out of URLs; they grant nothing by
 * themselves: the web app checks access on every request.
 */
public final class PublicRefRepository {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    PublicRefRepository(Database db) {
        this.db = db;
    }

    /** The public id of a record, created on first use. */
    public String publicId(PublicRefKind kind, long internalId) {
        Objects.requireNonNull(kind, "kind");
        Checks.positiveId("internalId", internalId);
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT public_id FROM public_ref WHERE kind = ? AND internal_id = ?")) {
                ps.setString(1, kind.name());
                ps.setLong(2, internalId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO public_ref (public_id, kind, internal_id) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, kind.name());
                ps.setLong(3, internalId);
                ps.executeUpdate();
            }
            return id;
        });
    }

    /** The internal id a public id of this kind stands for; empty for a malformed or unknown id. */
    public OptionalLong resolve(PublicRefKind kind, String publicId) {
        if (publicId == null || !FORMAT.matcher(publicId).matches()) {
            return OptionalLong.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT internal_id FROM public_ref WHERE public_id = ? AND kind = ?")) {
                ps.setString(1, publicId);
                ps.setString(2, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }
}
