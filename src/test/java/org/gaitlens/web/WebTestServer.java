package org.gaitlens.web;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitlens.store.PublicRefKind;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserRole;

/**
 * A store and a web app on a random loopback port for an HTTP test class, with therapists {@code anna} and
 * {@code ben} and administrator {@code admin} (password {@link WebAppTest#PASSWORD}), and the steps tests repeat:
 * sign in, create a patient, upload, wait for the analysis.
 */
final class WebTestServer implements AutoCloseable {
    static final Pattern RUN_URL = Pattern.compile("/runs/([A-Za-z0-9_-]{22})");
    static final Pattern PATIENT_URL = Pattern.compile("/patients/([A-Za-z0-9_-]{22})");

    final StudyStore store;
    final WebApp app;
    final int port;
    private final AnalysisExecutor executor;

    private WebTestServer(StudyStore store, WebApp app, AnalysisExecutor executor) throws Exception {
        this.store = store;
        this.app = app;
        this.executor = executor;
        this.port = app.start();
    }

    /**
     * Starts a server over a new store in {@code dir}.
     *
     * @param executor the analysis executor for the store (closed with the server when it is {@link AutoCloseable})
     */
    static WebTestServer start(Path dir, WebConfig config, Function<StudyStore, AnalysisExecutor> executor)
            throws Exception {
        StudyStore store = StudyStore.open(StoreConfig.embedded(dir.resolve("study")));
        PasswordHasher hasher = new PasswordHasher();
        for (String name : List.of("anna", "ben")) {
            store.users().create(name, hasher.hash(WebAppTest.PASSWORD), UserRole.THERAPIST);
        }
        store.users().create("admin", hasher.hash(WebAppTest.PASSWORD), UserRole.ADMIN);
        AnalysisExecutor e = executor.apply(store);
        return new WebTestServer(store, new WebApp(store, config, e), e);
    }

    /** The test configuration: any port, one worker, fast heartbeats. */
    static WebConfig config() {
        return WebConfig.defaults(Path.of("models")).withPort(0).withWorkers(1)
                .withLiveness(Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    WebClient signedIn(String user) throws Exception {
        WebClient c = new WebClient(port);
        HttpResponse<String> r = c.login(user, WebAppTest.PASSWORD);
        assertEquals(303, r.statusCode(), "sign-in of " + user + ": " + r.body());
        return c;
    }

    /** Creates a patient as this client (affected side {@code side}: left, right or empty); returns its id. */
    static String createPatient(WebClient c, String pseudonym, String side) throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", c.sessionCsrf());
        f.put("pseudonym", pseudonym);
        f.put("height_cm", "175");
        f.put("affected_side", side);
        f.put("notes", "");
        HttpResponse<String> r = c.postForm("/patients", f);
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = PATIENT_URL.matcher(r.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return m.group(1);
    }

    /** Uploads a video file for a session; returns the run's id. */
    static String upload(WebClient c, String pid, String date, String label, Path video) throws Exception {
        return upload(c, pid, date, label, Files.readAllBytes(video));
    }

    /** Uploads video bytes for a session; returns the run's id. */
    static String upload(WebClient c, String pid, String date, String label, byte[] video) throws Exception {
        HttpResponse<String> r = c.postMultipart("/patients/" + pid + "/upload?_csrf=" + c.sessionCsrf(),
                Map.of("session_date", date, "label", label, "view", "sagittal"), "walk.mp4", video, true);
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = RUN_URL.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    /**
     * Whether a run page's key numbers show the measure {@code name} with this left mean (the cell also holds SD
     * and n after the mean).
     */
    static boolean showsKeyNumber(String page, String name, String leftMean) {
        return keyNumber(name, leftMean).matcher(page).find();
    }

    /** Whether a run page's key numbers show the measure {@code name} with these left and right means. */
    static boolean showsKeyNumber(String page, String name, String leftMean, String rightMean) {
        return Pattern.compile(keyNumber(name, leftMean).pattern() + ".*?</td>\\s*" + meanCell(rightMean),
                Pattern.DOTALL).matcher(page).find();
    }

    private static Pattern keyNumber(String name, String leftMean) {
        return Pattern.compile("<td>" + Pattern.quote(name) + "</td>\\s*" + meanCell(leftMean), Pattern.DOTALL);
    }

    private static String meanCell(String mean) {
        return "<td class=\"num[^\"]*\"><span class=\"mean\">" + Pattern.quote(mean) + "</span>";
    }

    long runId(String rid) {
        return store.publicRefs().resolve(PublicRefKind.RUN, rid).orElseThrow();
    }

    RunStatus awaitFinal(String rid) throws InterruptedException {
        long id = runId(rid);
        return Await.until("run " + rid + " finished", Duration.ofSeconds(90), () -> store.runs().get(id).status(),
                RunStatus::isFinal);
    }

    /** The folder of a finished run's files. */
    Path runDir(String rid) {
        return store.results().artifacts(runId(rid)).stream().filter(a -> a.ref().kind().equals("landmarks-csv"))
                .map(a -> store.resolve(a.ref()).getParent()).findFirst().orElseThrow();
    }

    /** The analysis executor the server was started with. */
    AnalysisExecutor executor() {
        return executor;
    }

    @Override
    public void close() throws IOException {
        app.close();
        if (executor instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("closing the analysis executor", e);
            }
        }
        store.close();
    }
}
