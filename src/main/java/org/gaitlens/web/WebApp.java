package org.gaitlens.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.Side;
import org.gaitlens.batch.RunExecutor;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.reporting.ComparisonReportBuilder;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.core.Json;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.report.ComparisonReport;
import org.gaitlens.report.HtmlRenderer;
import org.gaitlens.report.PdfRenderer;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Artifact;
import org.gaitlens.store.AuditEvent;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.Patient;
import org.gaitlens.store.PublicRefKind;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStateException;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;
import org.gaitlens.store.UserRole;
import org.gaitlens.store.WebSession;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoInfo;
import org.gaitlens.video.VideoProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic web app ({@code gaitlens serve}): sign-in, patients, uploads, live analysis progress, reports and
 * downloads, on top of the same store and pipeline as the command line. See {@code docs/web.md} for the routes
 * and the security measures.
 *
 * <p>Every request except the sign-in page and the static files needs a signed-in session; every patient, session
 * or run in a URL is named by an unguessable public id and checked against the user's access (therapists see the
 * patients they created or were assigned, administrators all); an object the user may not see answers 404, the
 * same as one that does not exist. Files are served only from paths recorded in the store, never from a path in
 * the request.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    static final String SESSION_COOKIE = "gaitlens_session";
    static final String LOGIN_CSRF_COOKIE = "gaitlens_login";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    /** The stored report is self-contained HTML (inline styles, data-URI charts): allow only that, and no script. */
    private static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'; sandbox";
    private static final Set<String> VIEWS = Set.of("sagittal", "frontal", "unknown");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "avi", "webm", "3gp");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_ATTR = "gaitlens.user";
    private static final String SESSION_ATTR = "gaitlens.session";

    private final StudyStore store;
    private final WebConfig config;
    private final Views views = new Views();
    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final RunProgress progress = new RunProgress();
    private final AnalysisWorkers workers;
    private final Path incomingDir;
    private final Path uploadsDir;
    private Javalin app;

    /**
     * A web app over an open store.
     *
     * @param executor what runs a claimed analysis (the pipeline in production, a stand-in in tests)
     */
    public WebApp(StudyStore store, WebConfig config, AnalysisExecutor executor) {
        this.store = store;
        this.config = config;
        this.workers = new AnalysisWorkers(store, executor, progress, config);
        this.uploadsDir = store.dataDir().resolve("uploads");
        this.incomingDir = uploadsDir.resolve(".incoming");
    }

    /**
     * A web app that runs the real analysis pipeline through the batch runner's {@link RunExecutor} (results in
     * {@code DATA/results/PATIENT/DATE_label/}, stored in one transaction; a failed analysis is recorded by it).
     */
    public static WebApp withPipeline(StudyStore store, WebConfig config) {
        RunExecutor executor = new RunExecutor(store,
                new RunExecutor.Options(config.modelsDir(), 1, config.heartbeatInterval()));
        WebApp app = new WebApp(store, config, (run, progress) -> executor.execute(run, progress));
        app.closeAfter = executor;
        return app;
    }

    /** Closed with the app (the pipeline executor's heartbeat thread). */
    private AutoCloseable closeAfter;

    /** Starts the server and the workers; returns the port listened on. */
    public int start() throws IOException {
        Files.createDirectories(incomingDir);
        // Left-overs of a server that was killed during an upload.
        try (var old = Files.list(incomingDir)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        store.webSessions().deleteExpired(Instant.now());
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.bindHost();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = 1024 * 1024;
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/org/gaitlens/web/static";
                s.location = Location.CLASSPATH;
            });
            routes(cfg.routes);
        });
        app.start();
        workers.start();
        LOG.info("gaitlens web app on http://{}:{}/ (data {})", config.bindHost(), app.port(), store.dataDir());
        return app.port();
    }

    /** The request attribute where Jetty looks for the multipart settings. */
    private static final String MULTIPART_CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";

    /** Room for the form fields and multipart headers beside the video. */
    static final long FORM_OVERHEAD_BYTES = 1024 * 1024;

    public int port() {
        return app.port();
    }

    /** Stops the server and the workers (queued and running analyses stay in the store for the next start). */
    @Override
    public void close() {
        workers.close();
        if (app != null) {
            app.stop();
        }
        if (closeAfter != null) {
            try {
                closeAfter.close();
            } catch (Exception e) {
                LOG.warn("closing the analysis executor failed: {}", e.toString());
            }
        }
    }

    // ------------------------------------------------------------------ routing and filters

    private void routes(io.javalin.config.RoutesConfig r) {
        r.before(this::securityHeaders);
        r.before(this::authenticate);
        r.get("/login", this::loginPage);
        r.post("/login", this::login);
        r.post("/logout", this::logout);
        r.get("/", ctx -> ctx.redirect("/patients", HttpStatus.SEE_OTHER));
        r.get("/patients", this::patientsPage);
        r.post("/patients", this::createPatient);
        r.get("/patients/{pid}", this::patientPage);
        r.post("/patients/{pid}/upload", this::upload);
        r.get("/patients/{pid}/compare", this::comparePage);
        r.get("/patients/{pid}/compare/report", this::compareReport);
        r.get("/runs/{rid}", this::runPage);
        r.get("/runs/{rid}/status", this::runStatus);
        r.post("/runs/{rid}/retry", this::retry);
        r.get("/runs/{rid}/report", this::reportHtml);
        r.get("/runs/{rid}/files/{kind}", this::download);
        r.get("/admin/users", this::usersPage);
        r.post("/admin/users", this::createUser);
        r.post("/admin/access", this::grantAccess);
        r.get("/admin/audit", this::auditPage);
        r.exception(NotFound.class, (e, ctx) -> errorPage(ctx, HttpStatus.NOT_FOUND, "Not found."));
        r.exception(Refused.class, (e, ctx) -> errorPage(ctx, e.status, e.getMessage()));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            errorPage(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong; the server log has the details.");
        });
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                errorPage(ctx, HttpStatus.NOT_FOUND, "Not found.");
            }
        });
    }

    /** Nothing is found, or the user may not see it: the same answer either way. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }

    /** A request refused with a status and a message for the user. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    private boolean isPublic(String path) {
        return path.equals("/login") || path.equals("/favicon.ico") || path.startsWith("/static/");
    }

    private void authenticate(Context ctx) {
        if (isPublic(ctx.path())) {
            if (ctx.method() == io.javalin.http.HandlerType.POST) {
                checkOrigin(ctx);
            }
            return;
        }
        Optional<WebSession> session = currentSession(ctx);
        if (session.isEmpty()) {
            if (ctx.method() == io.javalin.http.HandlerType.GET && !isApi(ctx)) {
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
            } else {
                ctx.status(HttpStatus.UNAUTHORIZED).result("Sign in first.");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION_ATTR, session.get());
        ctx.attribute(USER_ATTR, session.get().user());
        if (ctx.method() == io.javalin.http.HandlerType.POST) {
            checkOrigin(ctx);
            String token = ctx.header(CSRF_HEADER);
            if (token == null) {
                token = ctx.queryParam(CSRF_FIELD);
            }
            if (token == null && !ctx.isMultipart()) {
                token = ctx.formParam(CSRF_FIELD);
            }
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                audit(ctx, "csrf-refused", ctx.path(), "");
                throw new Refused(HttpStatus.FORBIDDEN,
                        "This form has expired or did not come from gaitlens. Reload the page and try again.");
            }
        }
    }

    /** A browser's POST must come from this site (defence in depth beside the CSRF token). */
    private void checkOrigin(Context ctx) {
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

    private static boolean isApi(Context ctx) {
        return ctx.path().endsWith("/status") || ctx.path().contains("/files/")
                || "application/json".equals(ctx.header("Accept"));
    }

    private Optional<WebSession> currentSession(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256Hex(token);
        Instant now = Instant.now();
        Optional<WebSession> s = store.webSessions().findLive(hash, now);
        s.ifPresent(ws -> {
            // Extend at most once a minute, not on every request.
            Instant newExpiry = now.plus(config.sessionIdle());
            if (Duration.between(ws.expiresAt(), newExpiry).compareTo(Duration.ofMinutes(1)) > 0) {
                store.webSessions().touch(hash, now, newExpiry);
            }
        });
        return s;
    }

    private static UserAccount user(Context ctx) {
        UserAccount u = ctx.attribute(USER_ATTR);
        if (u == null) {
            throw new Refused(HttpStatus.UNAUTHORIZED, "Sign in first.");
        }
        return u;
    }

    private static WebSession session(Context ctx) {
        return ctx.attribute(SESSION_ATTR);
    }

    private void requireAdmin(Context ctx) {
        if (!user(ctx).isAdmin()) {
            audit(ctx, "admin-refused", ctx.path(), "");
            throw new NotFound();
        }
    }

    // ------------------------------------------------------------------ access checks

    private Patient patient(Context ctx, String publicId) {
        OptionalLong id = store.publicRefs().resolve(PublicRefKind.PATIENT, publicId);
        if (id.isEmpty()) {
            throw new NotFound();
        }
        Patient p = store.patients().get(id.getAsLong());
        requireAccess(ctx, p.id());
        return p;
    }

    private void requireAccess(Context ctx, long patientId) {
        UserAccount u = user(ctx);
        if (!u.isAdmin() && !store.users().hasAccess(u.id(), patientId)) {
            audit(ctx, "access-refused", ctx.path(), "");
            throw new NotFound();
        }
    }

    /** A run with its recording, session and patient, after checking the user may see the patient. */
    record RunContext(AnalysisRun run, Recording recording, SessionRecord session, Patient patient) {
    }

    private RunContext run(Context ctx, String publicId) {
        OptionalLong id = store.publicRefs().resolve(PublicRefKind.RUN, publicId);
        if (id.isEmpty()) {
            throw new NotFound();
        }
        AnalysisRun run = store.runs().get(id.getAsLong());
        Recording rec = store.recordings().get(run.recordingId());
        if (rec.sessionId().isEmpty()) {
            throw new NotFound();
        }
        SessionRecord s = store.sessions().get(rec.sessionId().getAsLong());
        Patient p = store.patients().get(s.patientId());
        requireAccess(ctx, p.id());
        return new RunContext(run, rec, s, p);
    }

    private String pid(Patient p) {
        return store.publicRefs().publicId(PublicRefKind.PATIENT, p.id());
    }

    private String rid(AnalysisRun r) {
        return store.publicRefs().publicId(PublicRefKind.RUN, r.id());
    }

    // ------------------------------------------------------------------ pages

    private Map<String, Object> model(Context ctx, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        UserAccount u = ctx.attribute(USER_ATTR);
        m.put("me", u);
        WebSession s = ctx.attribute(SESSION_ATTR);
        m.put("csrf", s == null ? "" : s.csrfToken());
        m.put("error", null);
        m.put("notice", null);
        return m;
    }

    private void render(Context ctx, String template, Map<String, Object> model) {
        ctx.contentType("text/html; charset=utf-8").result(views.render(template, model));
    }

    private void errorPage(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.contentType("text/plain; charset=utf-8").result(message);
            return;
        }
        Map<String, Object> m = model(ctx, status.getCode() + " " + status.getMessage());
        m.put("message", message);
        render(ctx, "error", m);
    }

    private void loginPage(Context ctx) {
        if (currentSession(ctx).isPresent()) {
            ctx.redirect("/patients", HttpStatus.SEE_OTHER);
            return;
        }
        showLogin(ctx, null);
    }

    private void showLogin(Context ctx, String error) {
        // Keep an existing token: another tab, or the browser's own requests (favicon) that land on this page,
        // must not invalidate a form that is already open.
        String token = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = randomToken();
            ctx.cookie(cookie(LOGIN_CSRF_COOKIE, token, -1, ctx));
        }
        Map<String, Object> m = model(ctx, "Sign in");
        m.put("loginToken", token);
        m.put("error", error);
        render(ctx, "login", m);
    }

    private void login(Context ctx) {
        String expected = ctx.cookie(LOGIN_CSRF_COOKIE);
        String given = ctx.formParam(CSRF_FIELD);
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(HttpStatus.FORBIDDEN);
            showLogin(ctx, "The sign-in form expired. Please try again.");
            return;
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String ip = ctx.ip();
        Duration wait = throttle.waitFor(username, ip);
        if (!wait.isZero()) {
            audit(ctx, Optional.of(username), "sign-in-throttled", "", "");
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            showLogin(ctx, "Too many failed sign-ins. Wait " + Math.max(1, wait.toSeconds()) + " s and try again.");
            return;
        }
        Optional<UserAccount> user = store.users().find(username).filter(UserAccount::active);
        // Hash even for an unknown user, so the answer takes as long either way.
        String hash = user.map(UserAccount::passwordHash).orElse(dummyHash);
        boolean ok = hasher.matches(password, hash) && user.isPresent();
        if (!ok) {
            throttle.failed(username, ip);
            audit(ctx, Optional.of(username), "sign-in-failed", "", "");
            ctx.status(HttpStatus.UNAUTHORIZED);
            showLogin(ctx, "Wrong user name or password.");
            return;
        }
        throttle.succeeded(username, ip);
        String token = randomToken();
        store.webSessions().create(sha256Hex(token), user.get().id(), randomToken(),
                Instant.now().plus(config.sessionIdle()));
        ctx.cookie(cookie(SESSION_COOKIE, token, -1, ctx));
        ctx.cookie(cookie(LOGIN_CSRF_COOKIE, "", 0, ctx));
        audit(ctx, Optional.of(username), "sign-in", "", "");
        ctx.redirect("/patients", HttpStatus.SEE_OTHER);
    }

    private final String dummyHash = hasher.hash("not-a-password-" + randomToken());

    private void logout(Context ctx) {
        WebSession s = session(ctx);
        store.webSessions().delete(s.tokenSha256());
        ctx.cookie(cookie(SESSION_COOKIE, "", 0, ctx));
        audit(ctx, "sign-out", "", "");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private Cookie cookie(String name, String value, int maxAgeS, Context ctx) {
        boolean secure = config.secureCookies() || "https".equalsIgnoreCase(ctx.scheme());
        return new Cookie(name, value, "/", maxAgeS, secure, true, null, SameSite.STRICT);
    }

    /** A patient row of the list. */
    public record PatientRow(String publicId, String pseudonym, String height, String affectedSide, String notes,
            int sessions) {
    }

    private List<Patient> visiblePatients(UserAccount u) {
        List<Patient> all = store.patients().list();
        if (u.isAdmin()) {
            return all;
        }
        Set<Long> ids = Set.copyOf(store.users().accessiblePatientIds(u.id()));
        return all.stream().filter(p -> ids.contains(p.id())).toList();
    }

    private void patientsPage(Context ctx) {
        showPatients(ctx, null);
    }

    private void showPatients(Context ctx, String error) {
        List<PatientRow> rows = new ArrayList<>();
        for (Patient p : visiblePatients(user(ctx))) {
            rows.add(new PatientRow(pid(p), p.pseudonym(),
                    p.heightCm().isPresent() ? String.format(Locale.ROOT, "%.0f cm", p.heightCm().getAsDouble()) : "",
                    p.affectedSide().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(""), p.notes(),
                    store.sessions().listByPatient(p.id()).size()));
        }
        Map<String, Object> m = model(ctx, "Patients");
        m.put("patients", rows);
        m.put("error", error);
        render(ctx, "patients", m);
    }

    private void createPatient(Context ctx) {
        String pseudonym = Optional.ofNullable(ctx.formParam("pseudonym")).orElse("").trim();
        String heightText = Optional.ofNullable(ctx.formParam("height_cm")).orElse("").trim();
        String sideText = Optional.ofNullable(ctx.formParam("affected_side")).orElse("").trim();
        String notes = Optional.ofNullable(ctx.formParam("notes")).orElse("").trim();
        Patient p;
        try {
            OptionalDouble height = heightText.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(Double.parseDouble(heightText.replace(',', '.')));
            Optional<Side> side = switch (sideText) {
                case "left" -> Optional.of(Side.LEFT);
                case "right" -> Optional.of(Side.RIGHT);
                case "" -> Optional.empty();
                default -> throw new IllegalArgumentException("affected side must be left, right or unknown");
            };
            if (notes.length() > 2000) {
                throw new IllegalArgumentException("notes must be at most 2000 characters");
            }
            p = store.patients().create(pseudonym, height, side, notes);
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showPatients(ctx, "Height must be a number of centimetres.");
            return;
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showPatients(ctx, "Patient not created: " + e.getMessage() + ".");
            return;
        } catch (DuplicateRecordException e) {
            ctx.status(HttpStatus.CONFLICT);
            showPatients(ctx, "Patient not created: the id " + pseudonym + " is already taken.");
            return;
        }
        store.users().grantAccess(user(ctx).id(), p.id());
        audit(ctx, "create-patient", pid(p), p.pseudonym());
        ctx.redirect("/patients/" + pid(p), HttpStatus.SEE_OTHER);
    }

    /** One analysis on the patient page. */
    public record RunRow(String publicId, String status, String statusText, String error, String file, String view) {
    }

    /** One session on the patient page. */
    public record SessionRow(String date, String label, List<RunRow> runs) {
    }

    private void patientPage(Context ctx) {
        showPatient(ctx, patient(ctx, ctx.pathParam("pid")), null);
    }

    private void showPatient(Context ctx, Patient p, String error) {
        List<SessionRow> sessions = new ArrayList<>();
        List<SessionRecord> list = new ArrayList<>(store.sessions().listByPatient(p.id()));
        java.util.Collections.reverse(list);
        for (SessionRecord s : list) {
            List<RunRow> runs = new ArrayList<>();
            for (Recording rec : store.recordings().listBySession(s.id())) {
                for (AnalysisRun r : store.runs().listByRecording(rec.id())) {
                    runs.add(new RunRow(rid(r), r.status().name().toLowerCase(Locale.ROOT), statusText(r),
                            r.errorMessage().orElse(""), "video " + rec.addedAt().toString().substring(0, 16)
                                    .replace('T', ' '), rec.view()));
                }
            }
            sessions.add(new SessionRow(s.date().toString(), s.label(), runs));
        }
        audit(ctx, "view-patient", pid(p), "");
        Map<String, Object> m = model(ctx, "Patient " + p.pseudonym());
        m.put("patient", p);
        m.put("pid", pid(p));
        m.put("height", p.heightCm().isPresent()
                ? String.format(Locale.ROOT, "%.0f cm", p.heightCm().getAsDouble()) : "unknown");
        m.put("side", p.affectedSide().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("unknown"));
        m.put("sessions", sessions);
        m.put("today", LocalDate.now().toString());
        m.put("maxUploadBytes", config.maxUploadBytes());
        m.put("maxUploadText", humanBytes(config.maxUploadBytes()));
        m.put("error", error);
        render(ctx, "patient", m);
    }

    private String statusText(AnalysisRun r) {
        return switch (r.status()) {
            case QUEUED -> "queued";
            case RUNNING -> {
                RunProgress.Snapshot s = progress.get(r.id());
                yield s == null ? "running" : s.stage() + (s.percent() >= 0 ? " " + s.percent() + " %" : "");
            }
            case DONE -> "done";
            case FAILED -> "failed";
        };
    }

    static String humanBytes(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    // ------------------------------------------------------------------ upload

    private void upload(Context ctx) {
        Patient p = patient(ctx, ctx.pathParam("pid"));
        boolean wantsJson = "application/json".equals(ctx.header("Accept"));
        Path stored = null;
        Collection<Part> parts = List.of();
        Part kept = null;
        try {
            long declared = ctx.req().getContentLengthLong();
            if (declared > config.maxUploadBytes() + FORM_OVERHEAD_BYTES) {
                throw new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            }
            if (!ctx.isMultipartFormData()) {
                throw new Refused(HttpStatus.BAD_REQUEST, "Send the video as a form upload (multipart/form-data).");
            }
            // Parts stream to files in the data folder (threshold 0: never held in memory); Jetty stops reading
            // as soon as the video passes the limit.
            ctx.req().setAttribute(MULTIPART_CONFIG_ATTRIBUTE, new MultipartConfigElement(incomingDir.toString(),
                    config.maxUploadBytes(), config.maxUploadBytes() + FORM_OVERHEAD_BYTES, 0));
            try {
                parts = ctx.req().getParts();
            } catch (IllegalStateException | IOException | jakarta.servlet.ServletException
                    | org.eclipse.jetty.http.BadMessageException e) {
                if (!sizeRelated(e)) {
                    LOG.warn("upload could not be read", e);
                }
                throw sizeRelated(e) ? new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge())
                        : new Refused(HttpStatus.BAD_REQUEST, "The upload could not be read; try again.");
            }
            Part video = parts.stream().filter(x -> "video".equals(x.getName())).findFirst().orElse(null);
            if (video == null || video.getSize() == 0) {
                throw new Refused(HttpStatus.BAD_REQUEST, "Choose a video file to upload.");
            }
            if (video.getSize() > config.maxUploadBytes()) {
                throw new Refused(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            }
            LocalDate date;
            try {
                date = LocalDate.parse(field(ctx, "session_date"));
            } catch (DateTimeParseException e) {
                throw new Refused(HttpStatus.BAD_REQUEST, "Session date must be a date (YYYY-MM-DD).");
            }
            String label = field(ctx, "label").trim();
            if (label.isEmpty() || label.length() > 200) {
                throw new Refused(HttpStatus.BAD_REQUEST, "Give the session a label of 1 to 200 characters, e.g. baseline.");
            }
            String view = field(ctx, "view");
            if (!VIEWS.contains(view)) {
                throw new Refused(HttpStatus.BAD_REQUEST, "Camera view must be sagittal, frontal or unknown.");
            }
            // The file's name is used for nothing but a hint to the decoder; the content decides.
            String ext = extension(video.getSubmittedFileName());
            Files.createDirectories(uploadsDir);
            // 72 random bits: unique, and short enough for the report header that shows the file name.
            stored = uploadsDir.resolve("video-" + randomToken().substring(0, 12) + "." + ext);
            video.write(stored.toString());
            VideoInfo info = checkVideo(stored);
            String sha = Checksums.sha256(stored);
            Optional<Recording> existing = store.recordings().findBySha256(sha);
            if (existing.isPresent()) {
                Files.deleteIfExists(stored);
                stored = null;
                Recording rec = existing.get();
                boolean samePatient = rec.sessionId().isPresent()
                        && store.sessions().get(rec.sessionId().getAsLong()).patientId() == p.id();
                if (samePatient && !store.runs().listByRecording(rec.id()).isEmpty()) {
                    AnalysisRun r = store.runs().listByRecording(rec.id()).get(0);
                    uploaded(ctx, wantsJson, r, "This video was uploaded before; showing its analysis.");
                    return;
                }
                throw new Refused(HttpStatus.CONFLICT, "This video is already stored in the study for another "
                        + "patient or session; it was not uploaded again.");
            }
            SessionRecord session = store.sessions().findOrCreate(p.id(), date, label, "");
            String videoJson = Json.mapper().writeValueAsString(videoFacts(info));
            Recording rec = store.recordings().add(OptionalLong.of(session.id()), stored, sha, videoJson, view);
            RunSettings settings = (p.heightCm().isPresent()
                    ? RunSettings.defaults().withHeightCm(p.heightCm().getAsDouble()) : RunSettings.defaults())
                    .resolvedFor(InputKind.VIDEO);
            AnalysisRun run = store.runs().enqueue(rec.id(), settings.toJson(), settings.hash(),
                    settings.softwareVersion());
            stored = null;
            // Jetty moved the part's file to its final place; deleting the part would delete the video.
            kept = video;
            workers.nudge();
            audit(ctx, "upload", rid(run), "patient " + pid(p) + ", " + humanBytes(video.getSize()) + ", " + view);
            uploaded(ctx, wantsJson, run, null);
        } catch (Refused e) {
            audit(ctx, "upload-refused", pid(p), e.getMessage());
            ctx.status(e.status);
            if (wantsJson) {
                ctx.json(Map.of("error", e.getMessage()));
            } else {
                showPatient(ctx, p, e.getMessage());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (stored != null) {
                try {
                    Files.deleteIfExists(stored);
                } catch (IOException e) {
                    LOG.warn("could not delete rejected upload {}: {}", stored, e.toString());
                }
            }
            for (Part part : parts) {
                if (part == kept) {
                    continue;
                }
                try {
                    part.delete();
                } catch (IOException e) {
                    LOG.warn("could not delete upload part: {}", e.toString());
                }
            }
        }
    }

    private static boolean sizeRelated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceed") || m.contains("too large") || m.contains("max") || m.contains("413")) {
                return true;
            }
        }
        return false;
    }

    private String tooLarge() {
        return "The video is larger than the limit of " + humanBytes(config.maxUploadBytes())
                + ". Trim the recording to the walking part, or ask the administrator to raise --max-upload-mb.";
    }

    private static Map<String, Object> videoFacts(VideoInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width_px", info.widthPx());
        m.put("height_px", info.heightPx());
        m.put("frame_rate_hz", info.frameRateHz());
        m.put("duration_s", info.durationS());
        m.put("rotation_deg", info.rotationDeg());
        return m;
    }

    private void uploaded(Context ctx, boolean wantsJson, AnalysisRun run, String notice) {
        String url = "/runs/" + rid(run);
        if (wantsJson) {
            ctx.status(HttpStatus.CREATED).json(Map.of("run", url, "notice", notice == null ? "" : notice));
        } else {
            ctx.redirect(url, HttpStatus.SEE_OTHER);
        }
    }

    private static String field(Context ctx, String name) throws IOException {
        try {
            Part part = ctx.req().getPart(name);
            if (part == null) {
                return "";
            }
            if (part.getSize() > 10_000) {
                throw new Refused(HttpStatus.BAD_REQUEST, "Form field " + name + " is too long.");
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "mp4";
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return VIDEO_EXTENSIONS.contains(ext) ? ext : "mp4";
    }

    /** The content check: FFmpeg must find a video stream and decode its first frame. */
    private static VideoInfo checkVideo(Path file) {
        try {
            VideoInfo info = VideoProbe.probe(file);
            try (FfmpegVideoSource src = FfmpegVideoSource.open(file)) {
                Optional<VideoFrame> first = src.next();
                if (first.isEmpty()) {
                    throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "The file is not a video gaitlens can read: it has no frames. "
                                    + "Export the recording as MP4 (H.264) and try again.");
                }
                first.get().close();
            }
            return info;
        } catch (GaitlensException e) {
            throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The file is not a video gaitlens can read "
                    + "(it could not be decoded). Export the recording as MP4 (H.264) and try again.");
        }
    }

    // ------------------------------------------------------------------ runs

    /** One metric row: name, unit, left and right values. */
    public record MetricRow(String name, String unit, String left, String right) {
    }

    /** A downloadable file of a run. */
    public record FileLink(String kind, String label, String url) {
    }

    private static final Map<String, String> KEY_METRICS = keyMetrics();

    private static Map<String, String> keyMetrics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cadence_steps_per_min", "Cadence");
        m.put("speed_m_per_s", "Walking speed");
        m.put("stride_time_s", "Stride time");
        m.put("stance_pct", "Stance");
        m.put("step_length_m", "Step length");
        m.put("stride_length_m", "Stride length");
        m.put("double_support_pct", "Double support");
        m.put("knee_flex_swing_peak_deg", "Peak knee flexion (swing)");
        m.put("hip_ext_peak_deg", "Peak hip extension");
        m.put("ankle_dorsi_midswing_deg", "Ankle dorsiflexion (mid-swing)");
        m.put("trunk_lean_mean_deg", "Trunk lean");
        return m;
    }

    private List<MetricRow> metricRows(long runId) {
        Map<String, Map<Side, Double>> byMetric = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (MetricValue v : store.results().metrics(runId)) {
            if (v.side().isPresent()) {
                byMetric.computeIfAbsent(v.metric(), k -> new java.util.EnumMap<>(Side.class)).put(v.side().get(), v.value());
                units.put(v.metric(), v.unit());
            }
        }
        List<MetricRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : KEY_METRICS.entrySet()) {
            Map<Side, Double> vals = byMetric.get(e.getKey());
            if (vals != null) {
                rows.add(new MetricRow(e.getValue(), units.get(e.getKey()), fmt(vals.get(Side.LEFT)),
                        fmt(vals.get(Side.RIGHT))));
            }
        }
        return rows;
    }

    static String fmt(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    private List<FileLink> files(String rid, long runId) {
        List<FileLink> out = new ArrayList<>();
        for (Artifact a : store.results().artifacts(runId)) {
            String kind = a.ref().kind();
            String label = switch (kind) {
                case "report-pdf" -> "Report (PDF)";
                case "report-html" -> "Report (HTML)";
                case "overlay-mp4" -> "Overlay video (MP4)";
                case "strides-csv" -> "Strides (CSV)";
                case "events-csv" -> "Gait events (CSV)";
                case "curves-csv" -> "Angle curves (CSV)";
                case "landmarks-csv" -> "Landmarks (CSV)";
                case "summary-json" -> "Summary (JSON)";
                case "video-json" -> "Video facts (JSON)";
                default -> a.ref().relativePath().substring(a.ref().relativePath().lastIndexOf('/') + 1);
            };
            out.add(new FileLink(kind, label, "/runs/" + rid + "/files/" + kind));
        }
        // What a therapist wants first: the report, the video, the tables; then everything else by name.
        List<String> first = List.of("report-pdf", "report-html", "overlay-mp4", "strides-csv", "events-csv",
                "curves-csv", "summary-json");
        out.sort(java.util.Comparator.comparingInt((FileLink f) -> first.contains(f.kind()) ? first.indexOf(f.kind())
                : first.size()).thenComparing(FileLink::label));
        return out;
    }

    private void runPage(Context ctx) {
        RunContext rc = run(ctx, ctx.pathParam("rid"));
        AnalysisRun r = rc.run();
        String rid = rid(r);
        Map<String, Object> m = model(ctx, "Session " + rc.session().label() + ", " + rc.patient().pseudonym());
        m.put("rid", rid);
        m.put("pid", pid(rc.patient()));
        m.put("patient", rc.patient());
        m.put("session", rc.session());
        m.put("view", rc.recording().view());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("statusText", statusText(r));
        m.put("errorMessage", r.errorMessage().orElse(""));
        m.put("metrics", r.status() == RunStatus.DONE ? metricRows(r.id()) : List.of());
        List<FileLink> files = r.status() == RunStatus.DONE ? files(rid, r.id()) : List.of();
        m.put("files", files);
        m.put("hasReport", files.stream().anyMatch(f -> f.kind().equals("report-html")));
        m.put("hasOverlay", files.stream().anyMatch(f -> f.kind().equals("overlay-mp4")));
        m.put("symmetry", r.status() == RunStatus.DONE ? symmetryText(r.id()) : "");
        audit(ctx, "view-run", rid, "");
        render(ctx, "run", m);
    }

    /** The assessment's symmetry sentence from the stored summary, if it has one. */
    private String symmetryText(long runId) {
        try {
            var node = JSON.readTree(store.results().summaryJson(runId).orElse("{}"));
            var sym = node.path("assessment").path("symmetry");
            String level = sym.path("level").asText("");
            String side = sym.path("affectedSide").asText(sym.path("affected_side").asText(""));
            if (level.isEmpty()) {
                return "";
            }
            String text = "Symmetry: " + level.toLowerCase(Locale.ROOT).replace('_', ' ');
            if (side.isEmpty() || side.equals("null")) {
                return text;
            }
            // A symmetric gait can still carry a screening indicator on one side; say so instead of "affected".
            return level.equals("SYMMETRIC") ? text + "; a screening indicator concerns the " + side.toLowerCase(Locale.ROOT)
                    + " side" : text + ", affected side " + side.toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    private void runStatus(Context ctx) {
        RunContext rc = run(ctx, ctx.pathParam("rid"));
        AnalysisRun r = rc.run();
        RunProgress.Snapshot s = r.status() == RunStatus.RUNNING ? progress.get(r.id()) : null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("stage", s != null ? s.stage() : r.status() == RunStatus.QUEUED ? "queued" : "");
        m.put("percent", s != null ? s.percent() : -1);
        m.put("text", statusText(r));
        m.put("error", r.errorMessage().orElse(""));
        ctx.json(m);
    }

    private void retry(Context ctx) {
        RunContext rc = run(ctx, ctx.pathParam("rid"));
        try {
            store.runs().requeueFailed(rc.run().id());
        } catch (RunStateException e) {
            throw new Refused(HttpStatus.CONFLICT, "Only a failed analysis can be retried.");
        }
        workers.nudge();
        audit(ctx, "retry", rid(rc.run()), "");
        ctx.redirect("/runs/" + rid(rc.run()), HttpStatus.SEE_OTHER);
    }

    private Path artifactFile(RunContext rc, String kind) {
        for (Artifact a : store.results().artifacts(rc.run().id())) {
            if (a.ref().kind().equals(kind)) {
                Path f = store.resolve(a.ref()).normalize();
                if (!f.startsWith(store.dataDir()) || !Files.isRegularFile(f)) {
                    throw new NotFound();
                }
                return f;
            }
        }
        throw new NotFound();
    }

    private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "csv",
            "text/csv; charset=utf-8", "json", "application/json", "mp4", "video/mp4", "html", "text/html; charset=utf-8");

    private void download(Context ctx) throws IOException {
        RunContext rc = run(ctx, ctx.pathParam("rid"));
        String kind = ctx.pathParam("kind");
        if (!kind.matches("[a-z0-9-]{1,40}")) {
            throw new NotFound();
        }
        Path f = artifactFile(rc, kind);
        String name = f.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String download = rc.patient().pseudonym() + "_" + rc.session().date() + "_" + name;
        audit(ctx, "download", rid(rc.run()), kind);
        ctx.contentType(CONTENT_TYPES.getOrDefault(ext, "application/octet-stream"));
        boolean inline = "1".equals(ctx.queryParam("inline")) && ext.equals("mp4");
        ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\""
                + download.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        if (ext.equals("html")) {
            ctx.header("Content-Security-Policy", REPORT_CSP);
        }
        ctx.header("Content-Length", Long.toString(Files.size(f)));
        ctx.result(Files.newInputStream(f));
    }

    private void reportHtml(Context ctx) throws IOException {
        RunContext rc = run(ctx, ctx.pathParam("rid"));
        Path f = artifactFile(rc, "report-html");
        audit(ctx, "view-report", rid(rc.run()), "");
        ctx.header("Content-Security-Policy", REPORT_CSP);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(Files.newInputStream(f));
    }

    /** One column of the comparison: a session and its key values. */
    public record CompareColumn(String date, String label, List<String> values) {
    }

    private void comparePage(Context ctx) {
        Patient p = patient(ctx, ctx.pathParam("pid"));
        List<String> ids = ctx.queryParams("run");
        if (ids.size() < 2) {
            showPatient(ctx.status(HttpStatus.BAD_REQUEST), p, "Pick two or more finished sessions to compare.");
            return;
        }
        List<CompareColumn> cols = new ArrayList<>();
        List<String> names = new ArrayList<>(KEY_METRICS.values());
        for (String id : ids.stream().distinct().limit(8).toList()) {
            RunContext rc = run(ctx, id);
            if (rc.patient().id() != p.id() || rc.run().status() != RunStatus.DONE) {
                throw new NotFound();
            }
            Map<String, MetricRow> rows = metricRows(rc.run().id()).stream()
                    .collect(Collectors.toMap(MetricRow::name, x -> x));
            List<String> vals = new ArrayList<>();
            for (String n : names) {
                MetricRow row = rows.get(n);
                vals.add(row == null ? "–" : row.left() + " / " + row.right() + " " + row.unit());
            }
            cols.add(new CompareColumn(rc.session().date().toString(), rc.session().label(), vals));
        }
        cols.sort(java.util.Comparator.comparing(CompareColumn::date));
        audit(ctx, "view-comparison", pid(p), String.join(",", ids));
        Map<String, Object> m = model(ctx, "Comparison, " + p.pseudonym());
        m.put("patient", p);
        m.put("pid", pid(p));
        m.put("names", names);
        m.put("columns", cols);
        m.put("runQuery", ids.stream().distinct().limit(8).map(i -> "run=" + i).collect(Collectors.joining("&")));
        render(ctx, "compare", m);
    }

    /**
     * The full comparison report (the same as {@code gaitlens compare}) of the chosen finished sessions, built from
     * their stored report snapshots: HTML in the page, or PDF with {@code format=pdf}.
     */
    private void compareReport(Context ctx) throws IOException {
        Patient p = patient(ctx, ctx.pathParam("pid"));
        List<String> ids = ctx.queryParams("run").stream().distinct().limit(25).toList();
        if (ids.size() < 2) {
            showPatient(ctx.status(HttpStatus.BAD_REQUEST), p, "Pick two or more finished sessions to compare.");
            return;
        }
        List<ComparisonReportBuilder.Session> sessions = new ArrayList<>();
        for (String id : ids) {
            RunContext rc = run(ctx, id);
            if (rc.patient().id() != p.id() || rc.run().status() != RunStatus.DONE) {
                throw new NotFound();
            }
            Path snapshot = artifactFile(rc, "report-input-json");
            sessions.add(new ComparisonReportBuilder.Session(rc.session().date() + " " + rc.session().label(),
                    ReportInput.read(snapshot.getParent())));
        }
        ComparisonReport report = ComparisonReportBuilder.build(sessions);
        boolean pdf = "pdf".equals(ctx.queryParam("format"));
        audit(ctx, pdf ? "download-comparison" : "view-comparison-report", pid(p), String.join(",", ids));
        if (pdf) {
            byte[] bytes = new PdfRenderer(RenderOptions.defaults()).render(report);
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\""
                    + (p.pseudonym() + "_comparison.pdf").replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            ctx.result(bytes);
        } else {
            ctx.header("Content-Security-Policy", REPORT_CSP);
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(new HtmlRenderer(RenderOptions.defaults()).render(report));
        }
    }

    // ------------------------------------------------------------------ administration

    private void usersPage(Context ctx) {
        requireAdmin(ctx);
        showUsers(ctx, null, null);
    }

    private void showUsers(Context ctx, String error, String notice) {
        Map<String, Object> m = model(ctx, "Users");
        m.put("users", store.users().list());
        m.put("patients", store.patients().list());
        m.put("error", error);
        m.put("notice", notice);
        render(ctx, "users", m);
    }

    private void createUser(Context ctx) {
        requireAdmin(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        UserRole role = "admin".equals(ctx.formParam("role")) ? UserRole.ADMIN : UserRole.THERAPIST;
        try {
            UserAccount.checkUsername(username);
            store.users().create(username, hasher.hash(password), role);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showUsers(ctx, "Account not created: " + e.getMessage() + ".", null);
            return;
        } catch (DuplicateRecordException e) {
            ctx.status(HttpStatus.CONFLICT);
            showUsers(ctx, "Account not created: the user name " + username + " is taken.", null);
            return;
        }
        audit(ctx, "create-user", username, role.name());
        showUsers(ctx, null, "Account " + username + " created.");
    }

    private void grantAccess(Context ctx) {
        requireAdmin(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String pseudonym = Optional.ofNullable(ctx.formParam("pseudonym")).orElse("");
        Optional<UserAccount> u = store.users().find(username);
        Optional<Patient> p = store.patients().find(pseudonym);
        if (u.isEmpty() || p.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showUsers(ctx, "No such user or patient.", null);
            return;
        }
        store.users().grantAccess(u.get().id(), p.get().id());
        audit(ctx, "grant-access", pid(p.get()), username);
        showUsers(ctx, null, username + " can now see patient " + pseudonym + ".");
    }

    private void auditPage(Context ctx) {
        requireAdmin(ctx);
        List<AuditEvent> events = store.audit().recent(500);
        Map<String, Object> m = model(ctx, "Audit log");
        m.put("events", events);
        render(ctx, "audit", m);
    }

    // ------------------------------------------------------------------ helpers

    private void audit(Context ctx, String action, String target, String detail) {
        UserAccount u = ctx.attribute(USER_ATTR);
        audit(ctx, Optional.ofNullable(u).map(UserAccount::username), action, target, detail);
    }

    private void audit(Context ctx, Optional<String> username, String action, String target, String detail) {
        try {
            store.audit().record(username, ctx.ip(), action, target, detail.length() > 500 ? detail.substring(0, 500)
                    : detail);
        } catch (RuntimeException e) {
            LOG.warn("could not write the audit log: {}", e.toString());
        }
    }

    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
