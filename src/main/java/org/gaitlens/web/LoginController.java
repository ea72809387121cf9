package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;
import org.gaitlens.store.WebSession;

/**
 * Signing in and out ({@code GET/POST /login}, {@code POST /logout}). The sign-in form carries its own CSRF token
 * in a cookie; failed sign-ins are throttled per account, address and known browser ({@link LoginThrottle},
 * {@link DeviceCookies}); an unknown user name is hashed against a dummy hash so the answer takes as long either
 * way. A successful sign-in creates a server session whose random token goes to the browser in an
 * {@code HttpOnly}, {@code SameSite=Strict} cookie, and gives the browser a device cookie for the account.
 */
final class LoginController {
    private final StudyStore store;
    private final WebConfig config;
    private final SecurityFilter filter;
    private final Pages pages;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final DeviceCookies devices = new DeviceCookies();
    private final String dummyHash;

    LoginController(StudyStore store, WebConfig config, SecurityFilter filter, Pages pages, AuditTrail audit,
            PasswordHasher hasher) {
        this.store = store;
        this.config = config;
        this.filter = filter;
        this.pages = pages;
        this.audit = audit;
        this.hasher = hasher;
        this.dummyHash = hasher.hash("not-a-password-" + SessionTokens.randomToken());
    }

    /** {@code GET /login}: the form, or the patients when already signed in. */
    void loginPage(Context ctx) {
        if (filter.currentSession(ctx).isPresent()) {
            ctx.redirect("/patients", HttpStatus.SEE_OTHER);
            return;
        }
        showLogin(ctx, null);
    }

    private void showLogin(Context ctx, String error) {
        // Keep an existing token: another tab, or the browser's own requests (favicon) that land on this page,
        // must not invalidate a form that is already open.
        String token = ctx.cookie(SessionTokens.LOGIN_CSRF_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = SessionTokens.randomToken();
            ctx.cookie(cookie(SessionTokens.LOGIN_CSRF_COOKIE, token, -1, ctx));
        }
        Map<String, Object> m = pages.model(ctx, "Sign in");
        m.put("loginToken", token);
        m.put("error", error);
        pages.render(ctx, "login", m);
    }

    /** {@code POST /login}. */
    void login(Context ctx) {
        if (!SessionTokens.matches(ctx.cookie(SessionTokens.LOGIN_CSRF_COOKIE), ctx.formParam(SessionTokens.CSRF_FIELD))) {
            ctx.status(HttpStatus.FORBIDDEN);
            showLogin(ctx, "The sign-in form expired. Please try again.");
            return;
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(username, ctx.ip(),
                devices.deviceFor(ctx.cookie(DeviceCookies.COOKIE), username));
        Duration wait = throttle.waitFor(attempt);
        if (!wait.isZero()) {
            audit.record(ctx, Optional.of(username), "sign-in-throttled", "", "");
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            showLogin(ctx, "Too many failed sign-ins. Wait " + Math.max(1, wait.toSeconds()) + " s and try again.");
            return;
        }
        Optional<UserAccount> user = store.users().find(username).filter(UserAccount::active);
        // Hash even for an unknown user, so the answer takes as long either way.
        String hash = user.map(UserAccount::passwordHash).orElse(dummyHash);
        boolean ok = hasher.matches(password, hash) && user.isPresent();
        if (!ok) {
            throttle.failed(attempt);
            audit.record(ctx, Optional.of(username), "sign-in-failed", "", "");
            ctx.status(HttpStatus.UNAUTHORIZED);
            showLogin(ctx, "Wrong user name or password.");
            return;
        }
        throttle.succeeded(attempt);
        if (attempt.device().isEmpty()) {
            ctx.cookie(cookie(DeviceCookies.COOKIE, devices.issue(username), DeviceCookies.MAX_AGE_S, ctx));
        }
        String token = SessionTokens.randomToken();
        store.webSessions().create(SessionTokens.sha256Hex(token), user.get().id(), SessionTokens.randomToken(),
                Instant.now().plus(config.sessionIdle()));
        ctx.cookie(cookie(SessionTokens.SESSION_COOKIE, token, -1, ctx));
        ctx.cookie(cookie(SessionTokens.LOGIN_CSRF_COOKIE, "", 0, ctx));
        audit.record(ctx, Optional.of(username), "sign-in", "", "");
        ctx.redirect("/patients", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /logout}: ends the session on the server and clears the cookie. */
    void logout(Context ctx) {
        WebSession s = SecurityFilter.session(ctx);
        store.webSessions().delete(s.tokenSha256());
        ctx.cookie(cookie(SessionTokens.SESSION_COOKIE, "", 0, ctx));
        audit.record(ctx, "sign-out", "", "");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /**
     * A session-scoped ({@code maxAgeS} -1), deleting (0) or lasting cookie: {@code HttpOnly}, {@code SameSite=Strict},
     * Secure over TLS.
     */
    private Cookie cookie(String name, String value, int maxAgeS, Context ctx) {
        boolean secure = config.secureCookies() || "https".equalsIgnoreCase(ctx.scheme());
        return new Cookie(name, value, "/", maxAgeS, secure, true, null, SameSite.STRICT);
    }
}
