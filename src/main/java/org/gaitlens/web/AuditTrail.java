package org.gaitlens.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit log of the web app: who (the signed-in user, or the name given at sign-in), from which address,
 * did what to which object. A failing write is logged and never fails the request.
 */
final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** Longest detail kept. */
    private static final int MAX_DETAIL_CHARS = 500;

    private final StudyStore store;

    AuditTrail(StudyStore store) {
        this.store = store;
    }

    /** An action of the signed-in user (none before sign-in). */
    void record(Context ctx, String action, String target, String detail) {
        record(ctx, SecurityFilter.signedIn(ctx).map(UserAccount::username), action, target, detail);
    }

    /** An action of the named user. */
    void record(Context ctx, Optional<String> username, String action, String target, String detail) {
        try {
            store.audit().record(username, ctx.ip(), action, target,
                    detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) : detail);
        } catch (RuntimeException e) {
            LOG.warn("could not write the audit log: {}", e.toString());
        }
    }
}
