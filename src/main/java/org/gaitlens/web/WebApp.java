package org.gaitlens.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.gaitlens.batch.RunExecutor;
import org.gaitlens.batch.WorkerIds;
import org.gaitlens.store.StudyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic web app ({@code gaitlens serve}): sign-in, patients, uploads, live analysis progress, reports and
 * downloads, on top of the same store and pipeline as the command line. See {@code docs/web.md} for the routes
 * and the security measures.
 *
 * <p>This class wires the routes: every request passes the {@link SecurityFilter} (headers, host name, sign-in,
 * CSRF) and is then handled by the controller of its area ({@link LoginController}, {@link PatientController},
 * {@link UploadController}, {@link RunController}, {@link ReviewController}, {@link CompareController},
 * {@link SummaryController}, {@link AdminController}); Jetty's own error answers get the same headers
 * ({@link JettyErrorPages}). Before each analysis, a recording a browser cannot play gets its playable copy
 * ({@link VideoFiles#prepare}). Every
 * patient, session or run in a URL is named by an unguessable public id and checked by {@link Access}; an object
 * the user may not see answers 404, the same as one that does not exist. Files are served only from paths
 * recorded in the store, never from a path in the request.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Largest request other than an upload (forms). */
    private static final long MAX_REQUEST_BYTES = 1024 * 1024;

    private final StudyStore store;
    private final WebConfig config;
    private final AnalysisWorkers workers;
    private final Path incomingDir;
    private final Pages pages = new Pages();
    private final SecurityFilter filter;
    private final LoginController login;
    private final PatientController patients;
    private final UploadController upload;
    private final RunController runs;
    private final ReviewController review;
    private final CompareController compare;
    private final SummaryController summary;
    private final AdminController admin;
    /** Closed with the app (the pipeline executor's heartbeat thread). */
    private AutoCloseable closeAfter;
    private Javalin app;

    /**
     * A web app over an open store.
     *
     * @param executor what runs a claimed analysis (the pipeline in production, a stand-in in tests)
     */
    public WebApp(StudyStore store, WebConfig config, AnalysisExecutor executor) {
        this.store = store;
        this.config = config;
        String node = WorkerIds.of("web-" + UUID.randomUUID().toString().substring(0, 8));
        RunProgress progress = new RunProgress(node, config.heartbeatInterval(), config.staleAfter(), Clock.systemUTC());
        RunFiles files = new RunFiles(store);
        VideoFiles videos = new VideoFiles(store, files);
        this.workers = new AnalysisWorkers(store, (run, listener) -> {
            videos.prepare(run, listener);
            executor.execute(run, listener);
        }, progress, config, node);
        Path uploadsDir = store.dataDir().resolve("uploads");
        this.incomingDir = uploadsDir.resolve(".incoming");
        AuditTrail audit = new AuditTrail(store);
        Access access = new Access(store, audit);
        PasswordHasher hasher = new PasswordHasher();
        KeyNumbers keyNumbers = new KeyNumbers(store);
        this.filter = new SecurityFilter(store, config.sessionIdle(), audit,
                new HostCheck(config.bindHost(), config.hostNames()));
        this.login = new LoginController(store, config, filter, pages, audit, hasher);
        this.patients = new PatientController(store, config, access, pages, audit, progress);
        this.upload = new UploadController(store, config, access, audit, patients, workers::nudge, uploadsDir,
                incomingDir);
        this.runs = new RunController(store, access, pages, audit, progress, files, keyNumbers, workers::nudge);
        RunReview reviews = new RunReview(store, files);
        this.review = new ReviewController(access, audit, reviews, videos);
        this.compare = new CompareController(store, access, pages, audit, patients, files, keyNumbers, reviews);
        this.summary = new SummaryController(store, access, pages, audit, files);
        this.admin = new AdminController(store, access, pages, audit, hasher);
    }

    /**
     * A web app that runs the real analysis pipeline through the batch runner's {@link RunExecutor} (results in
     * {@code DATA/results/PATIENT/DATE_label/}, stored in one transaction; a failed analysis is recorded by it).
     * The runs it queues encode no overlay video: the run page draws the skeleton itself, and the overlay video is
     * made only when someone asks for it.
     */
    public static WebApp withPipeline(StudyStore store, WebConfig config) {
        RunExecutor executor = new RunExecutor(store,
                new RunExecutor.Options(config.modelsDir(), 1, config.heartbeatInterval()));
        WebApp app = new WebApp(store, config, (run, progress) -> executor.execute(run, progress));
        app.closeAfter = executor;
        return app;
    }

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
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorPages()));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrorPages()));
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

    private void routes(RoutesConfig r) {
        r.before(filter::headers);
        r.before(filter::authenticate);
        r.get("/login", login::loginPage);
        r.post("/login", login::login);
        r.post("/logout", login::logout);
        r.get("/", ctx -> ctx.redirect("/patients", HttpStatus.SEE_OTHER));
        r.get("/patients", patients::patientsPage);
        r.post("/patients", patients::createPatient);
        r.get("/patients/{pid}", patients::patientPage);
        r.post("/patients/{pid}/upload", upload::upload);
        r.get("/patients/{pid}/compare", compare::comparePage);
        r.get("/patients/{pid}/compare/report", compare::compareReport);
        r.get("/patients/{pid}/compare/document", compare::compareDocument);
        r.get("/patients/{pid}/compare/sync", compare::sideBySide);
        r.get("/patients/{pid}/summary", summary::summary);
        r.get("/runs/{rid}", runs::runPage);
        r.get("/runs/{rid}/status", runs::runStatus);
        r.post("/runs/{rid}/retry", runs::retry);
        r.get("/runs/{rid}/report", runs::reportHtml);
        r.get("/runs/{rid}/files/{kind}", runs::download);
        r.get("/runs/{rid}/video", review::video);
        r.get("/runs/{rid}/review", review::review);
        r.get("/runs/{rid}/overlay", review::overlay);
        r.get("/admin/users", admin::usersPage);
        r.post("/admin/users", admin::createUser);
        r.post("/admin/users/active", admin::setActive);
        r.post("/admin/users/password", admin::resetPassword);
        r.post("/admin/access", admin::grantAccess);
        r.post("/admin/access/revoke", admin::revokeAccess);
        r.get("/admin/audit", admin::auditPage);
        r.exception(NotFound.class, (e, ctx) -> pages.error(ctx, HttpStatus.NOT_FOUND, "Not found."));
        r.exception(Refused.class, (e, ctx) -> pages.error(ctx, e.status, e.getMessage()));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            pages.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong; the server log has the details.");
        });
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                pages.error(ctx, HttpStatus.NOT_FOUND, "Not found.");
            }
        });
    }
}
