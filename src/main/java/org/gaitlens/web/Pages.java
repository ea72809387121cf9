package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.store.WebSession;

/**
 * Writes pages: the model every template gets (title, signed-in user, CSRF token, error and notice), the rendered
 * template, and error answers (a page for a browser, plain text for scripts).
 */
final class Pages {
    private final Views views = new Views();

    /**
     * The model every page starts from: {@code title}, {@code me} (the user, or null), {@code csrf}, and null
     * {@code error}, {@code notice} and {@code noticeLink}.
     */
    Map<String, Object> model(Context ctx, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("me", SecurityFilter.signedIn(ctx).orElse(null));
        WebSession s = SecurityFilter.session(ctx);
        m.put("csrf", s == null ? "" : s.csrfToken());
        m.put("error", null);
        m.put("notice", null);
        m.put("noticeLink", null);
        return m;
    }

    void render(Context ctx, String template, Map<String, Object> model) {
        ctx.contentType("text/html; charset=utf-8").result(views.render(template, model));
    }

    /** An error answer: the error page, or the message as plain text for {@link #isApi} requests. */
    void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.contentType("text/plain; charset=utf-8").result(message);
            return;
        }
        Map<String, Object> m = model(ctx, status.getCode() + " " + status.getMessage());
        m.put("message", message);
        render(ctx, "error", m);
    }

    /** Whether the request comes from a script or a download (answered with text, never redirected to a page). */
    static boolean isApi(Context ctx) {
        String p = ctx.path();
        return p.endsWith("/status") || p.contains("/files/") || p.endsWith("/video") || p.endsWith("/review")
                || p.endsWith("/overlay") || p.endsWith("/compare/sync")
                || "application/json".equals(ctx.header("Accept"));
    }

    /** A byte count for people: whole gigabytes as {@code 2 GB}, else megabytes or kilobytes without decimals. */
    static String humanBytes(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
