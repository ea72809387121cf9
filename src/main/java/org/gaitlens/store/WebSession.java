package org.gaitlens.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser session of the web app.
 *
 * @param tokenSha256 SHA-256 (hex) of the cookie value; the value itself is never stored
 * @param user        who is signed in
 * @param csrfToken   the synchroniser token the session's forms must send back
 * @param createdAt   when the user signed in
 * @param expiresAt   when the session ends unless used again
 */
public record WebSession(String tokenSha256, UserAccount user, String csrfToken, Instant createdAt, Instant expiresAt) {
    public WebSession {
        Checks.sha256("tokenSha256", tokenSha256);
        Objects.requireNonNull(user, "user");
        Checks.notBlank("csrfToken", csrfToken);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
