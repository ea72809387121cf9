package org.gaitlens.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the web app's audit log.
 *
 * @param id       database id
 * @param at       when it happened
 * @param username who did it (empty before sign-in)
 * @param ip       the client's address
 * @param action   what, e.g. {@code upload}, {@code view-report}, {@code download}, {@code sign-in-failed}
 * @param target   the object (public id, artifact kind)
 * @param detail   free text
 */
public record AuditEvent(long id, Instant at, Optional<String> username, String ip, String action, String target,
        String detail) {
    public AuditEvent {
        Checks.positiveId("id", id);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(username, "username");
        Checks.notNull("ip", ip);
        Checks.notBlank("action", action);
        Checks.notNull("target", target);
        Checks.notNull("detail", detail);
    }
}
