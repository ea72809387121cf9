package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;
import org.gaitlens.store.WebSession;

/**
 * What every request passes before its handler: the security headers, then the sign-in check. Every request
 * except the sign-in page and the static files needs a live session (the cookie's token is looked up by its
 * SHA-256 and the session extended while in use); the signed-in user and session are then request attributes
 * ({@link #user}, {@link #session}). Every POST needs the session's CSRF token (header, query parameter, or form
 * field of a non-multipart form: uploads carry it in the query, so it is checked before the body is read), and a
 * browser's POST must come from this site.
 */
final class SecurityFilter {
    /** Policy of the app's own pages: nothing from elsewhere, no inline script. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    /** The stored report is self-contained HTML (inline styles, data-URI charts): allow only that, and no script. */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'; sandbox";
    /**
     * A report shown in a frame of the app's own pages: as {@link #REPORT_CSP}, but the sandbox keeps the page's
     * origin, so that the page's script can read the report's height and size the frame to it (no scroll box in
     * the page). The report itself still runs no script at all ({@code default-src 'none'}, and the sandbox does not
     * allow scripts), submits no form and opens nothing.
     */
    static final String EMBEDDED_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'; sandbox allow-same-origin";
    /** The headers of every answer, the app's pages and Jetty's own error pages alike. */
    static final Map<String, String> HEADERS = headerMap();
    private static final String USER_ATTR = "gaitlens.user";
    private static final String SESSION_ATTR = "gaitlens.session";

    private final StudyStore store;
    private final Duration sessionIdle;
    private final AuditTrail audit;
    private final HostCheck hosts;

    /**
     * @param sessionIdle how long a session lives without use
     * @param hosts       the host names requests may carry
     */
    SecurityFilter(StudyStore store, Duration sessionIdle, AuditTrail audit, HostCheck hosts) {
        this.store = store;
        this.sessionIdle = sessionIdle;
        this.audit = audit;
        this.hosts = hosts;
    }

    private static Map<String, String> headerMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Content-Security-Policy", CSP);
        m.put("X-Content-Type-Options", "nosniff");
        m.put("X-Frame-Options", "SAMEORIGIN");
        m.put("Referrer-Policy", "same-origin");
        m.put("Cache-Control", "no-store");
        return Collections.unmodifiableMap(m);
    }

    /**
     * Security headers of every answer (a download of the stored report replaces the policy with {@link #REPORT_CSP}),
     * then the {@code Host} check: a request naming a host this server is not ({@link HostCheck}) is refused with 421.
     */
    void headers(Context ctx) {
        HEADERS.forEach(ctx::header);
        if (!hosts.allows(ctx.header("Host"))) {
            throw new Refused(HttpStatus.MISDIRECTED_REQUEST, "This server does not answer to that host name.");
        }
    }

    /**
     * Lets a request with a live session through (with the user and session as attributes), sends one without to
     * the sign-in page (pages) or answers 401 (scripts and forms), and refuses a POST without the CSRF token (403).
     */
    void authenticate(Context ctx) {
        if (isPublic(ctx.path())) {
            if (ctx.method() == HandlerType.POST) {
                checkOrigin(ctx);
            }
            return;
        }
        Optional<WebSession> session = currentSession(ctx);
        if (session.isEmpty()) {
            if (ctx.method() == HandlerType.GET && !Pages.isApi(ctx)) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
            } else {
                ctx.status(HttpStatus.UNAUTHORIZED).result("Sign in first.");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION_ATTR, session.get());
        ctx.attribute(USER_ATTR, session.get().user());
        if (ctx.method() == HandlerType.POST) {
            checkOrigin(ctx);
            String token = ctx.header(SessionTokens.CSRF_HEADER);
            if (token == null) {
                token = ctx.queryParam(SessionTokens.CSRF_FIELD);
            }
            if (token == null && !ctx.isMultipart()) {
                token = ctx.formParam(SessionTokens.CSRF_FIELD);
            }
            if (!SessionTokens.matches(session.get().csrfToken(), token)) {
                audit.record(ctx, "csrf-refused", ctx.path(), "");
                throw new Refused(HttpStatus.FORBIDDEN,
                        "This form has expired or did not come from gaitlens. Reload the page and try again.");
            }
        }
    }

    private static boolean isPublic(String path) {
        return path.equals("/login") || path.equals("/favicon.ico") || path.startsWith("/static/");
    }

    /** A browser's POST must come from this site (defence in depth beside the CSRF token). */
    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return;
        }
        String host = ctx.header("Host");
        String originHost = origin.replaceFirst("^[a-zA-Z]+://", "");
        if (host == null || !originHost.equalsIgnoreCase(host)) {
            throw new Refused(HttpStatus.FORBIDDEN, "Request from another site refused.");
        }
    }

    /** The live session named by the request's cookie, extended (at most once a minute) when found. */
    Optional<WebSession> currentSession(Context ctx) {
        String token = ctx.cookie(SessionTokens.SESSION_COOKIE);
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String hash = SessionTokens.sha256Hex(token);
        Instant now = Instant.now();
        Optional<WebSession> s = store.webSessions().findLive(hash, now);
        s.ifPresent(ws -> {
            // Extend at most once a minute, not on every request.
            Instant newExpiry = now.plus(sessionIdle);
            if (Duration.between(ws.expiresAt(), newExpiry).compareTo(Duration.ofMinutes(1)) > 0) {
                store.webSessions().touch(hash, now, newExpiry);
            }
        });
        return s;
    }

    /**
     * The signed-in user of a request that passed {@link #authenticate}.
     *
     * @throws Refused (401) when there is none
     */
    static UserAccount user(Context ctx) {
        return signedIn(ctx).orElseThrow(() -> new Refused(HttpStatus.UNAUTHORIZED, "Sign in first."));
    }

    /** The signed-in user, if any (none on the sign-in page). */
    static Optional<UserAccount> signedIn(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER_ATTR));
    }

    /** The session of a request that passed {@link #authenticate}; null on public pages. */
    static WebSession session(Context ctx) {
        return ctx.attribute(SESSION_ATTR);
    }
}
