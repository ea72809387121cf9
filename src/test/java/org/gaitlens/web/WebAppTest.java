package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gaitlens.core.AnalysisException;
import org.gaitlens.core.Side;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.ArtifactRef;
import org.gaitlens.store.AuditEvent;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunResults;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StoreInspection;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP-level tests of the web app against a server on a random loopback port: authentication, authorisation
 * between two therapists, CSRF, uploads (oversize, not a video), escaping, path traversal, rate limiting and the
 * run life cycle. A stand-in executor replaces the pose pipeline (that runs in the browser test), writing known
 * results: cadence left 110.5, right 108.2 steps/min (shown as 111 and 108: the metric table gives cadence 0 decimals).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppTest {
    static final String PASSWORD = "correct horse battery";
    /** A real phone-like walking video from the validation data (1 MB MP4). */
    static final Path VIDEO = Path.of(System.getProperty("gaitlens.shared.dir", "../shared"),
            "validation/videos/sports2d_demo4_sagittal_indoor.mp4");
    private static final Pattern RUN_URL = Pattern.compile("/runs/([A-Za-z0-9_-]{22})");
    private static final Pattern PATIENT_URL = Pattern.compile("/patients/([A-Za-z0-9_-]{22})");

    @TempDir
    static Path dir;
    StudyStore store;
    WebApp app;
    int port;

    @BeforeAll
    void start() throws IOException {
        snapshotJson = org.gaitlens.pipeline.ReportFixtures.synthetic(
                new org.gaitlens.motion.SyntheticWalk(1.75, 1.1, 1.3, 0.64, 0.56, 0.52, 5),
                org.gaitlens.pipeline.ReportFixtures.meta("P-0001", "2024-03-05", "synthetic"), dir.resolve("snap"))
                .toJson();
        store = StudyStore.open(StoreConfig.embedded(dir.resolve("study")));
        PasswordHasher hasher = new PasswordHasher();
        for (String name : List.of("anna", "ben")) {
            store.users().create(name, hasher.hash(PASSWORD), UserRole.THERAPIST);
        }
        store.users().create("admin", hasher.hash(PASSWORD), UserRole.ADMIN);
        store.users().create("target", hasher.hash(PASSWORD), UserRole.THERAPIST);
        WebConfig config = WebConfig.defaults(Path.of("models")).withPort(0).withWorkers(1)
                .withLiveness(Duration.ofMillis(200), Duration.ofSeconds(5));
        app = new WebApp(store, config, this::fakeAnalysis);
        port = app.start();
    }

    @AfterAll
    void stop() {
        app.close();
        store.close();
    }

    /**
     * A side view's {@code summary.json} {@code deviation} in the documented form (docs/reference.md section 6),
     * values of the bundled series_patientA_s1 sample.
     */
    static final String SIDE_SUMMARY = "{\"deviation\":{\"unit\":\"deg\",\"band\":{\"dataset\":\"Fukuchi et al. 2018 "
            + "(CC BY 4.0)\",\"speed_class\":\"slow\",\"age_group\":\"all\",\"n\":42,\"basis\":\"froude\","
            + "\"why\":\"Froude number 0.065: closest to the slow class (slow 0.093 +- 0.022)\"},"
            + "\"gps2d\":{\"overall\":{\"value\":10.12,\"ci95\":[10.09,10.14]},\"left\":{\"value\":12.63,"
            + "\"ci95\":[12.6,12.66]},\"right\":{\"value\":6.71,\"ci95\":[6.69,6.74]}},\"gvs\":{\"left\":"
            + "{\"hip\":11.01,\"knee\":18.21,\"ankle\":5.07},\"right\":{\"hip\":4.83,\"knee\":9.5,\"ankle\":4.67}},"
            + "\"healthy\":{\"gps2d_mean\":4.5,\"gps2d_p95\":8.38},\"notes\":[]}}";
    /** A side view's report snapshot with its comparison with healthy walking, for the compare page's GPS-2D. */
    static String snapshotJson;

    /**
     * Writes a strides CSV and a summary (a side view's with its deviation and a report snapshot), stores cadence
     * per side; a frontal video fails on its first attempt.
     */
    private void fakeAnalysis(AnalysisRun run, org.gaitlens.core.ProgressListener progress) {
        progress.update("pose", 1, 2);
        Recording rec = store.recordings().get(run.recordingId());
        if (rec.view().equals("frontal") && run.attempts() == 1) {
            throw new AnalysisException("no walking pass found <b>side view</b> needed");
        }
        String dirRel = "runs/run-" + run.id() + "-a" + run.attempts();
        ArtifactRef csv = store.writeArtifact("strides-csv", dirRel + "/strides.csv",
                out -> out.write("side,stride,cadence_steps_per_min\nleft,0,110.5\n".getBytes(StandardCharsets.UTF_8)));
        boolean side = !rec.view().equals("frontal");
        String summaryJson = side ? SIDE_SUMMARY : "{}";
        ArtifactRef summary = store.writeArtifact("summary-json", dirRel + "/summary.json",
                out -> out.write(summaryJson.getBytes(StandardCharsets.UTF_8)));
        List<ArtifactRef> artifacts = new ArrayList<>(List.of(csv, summary));
        if (side) {
            artifacts.add(store.writeArtifact("report-input-json", dirRel + "/report-input.json",
                    out -> out.write(snapshotJson.getBytes(StandardCharsets.UTF_8))));
        }
        store.runs().complete(run, new RunResults(summaryJson, List.of(
                new MetricValue("summary", Optional.of(Side.LEFT), "cadence_steps_per_min", 110.5, "steps/min"),
                new MetricValue("summary", Optional.of(Side.RIGHT), "cadence_steps_per_min", 108.2, "steps/min")),
                List.of(), artifacts));
    }

    private WebClient signedIn(String user) throws Exception {
        WebClient c = new WebClient(port);
        HttpResponse<String> r = c.login(user, PASSWORD);
        assertEquals(303, r.statusCode(), "sign-in of " + user + ": " + r.body());
        return c;
    }

    /** Creates a patient as this client; returns its public id. */
    private static String createPatient(WebClient c, String pseudonym, String notes) throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", c.sessionCsrf());
        f.put("pseudonym", pseudonym);
        f.put("height_cm", "172");
        f.put("affected_side", "left");
        f.put("notes", notes);
        HttpResponse<String> r = c.postForm("/patients", f);
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = PATIENT_URL.matcher(r.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return m.group(1);
    }

    private static Map<String, String> uploadFields(String label, String view) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("session_date", "2024-03-05");
        f.put("label", label);
        f.put("view", view);
        return f;
    }

    /** Uploads the validation video; returns the run's public id. */
    private String upload(WebClient c, String pid, String label, String view, byte[] video) throws Exception {
        HttpResponse<String> r = c.postMultipart("/patients/" + pid + "/upload?_csrf=" + c.sessionCsrf(),
                uploadFields(label, view), "walk.mp4", video, true);
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = RUN_URL.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private RunStatus awaitFinal(String rid) throws InterruptedException {
        long id = store.publicRefs().resolve(org.gaitlens.store.PublicRefKind.RUN, rid).orElseThrow();
        return Await.until("run " + rid + " finished", Duration.ofSeconds(30), () -> store.runs().get(id).status(),
                RunStatus::isFinal);
    }

    /** Files under the upload folder, temporary parts included. */
    private List<Path> storedUploads() throws IOException {
        Path uploads = store.dataDir().resolve("uploads");
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(uploads)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void runLifeCycleUploadProgressReportDownloadAndAudit() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "LIFE-01", "");
        String rid = upload(anna, pid, "baseline", "sagittal", Files.readAllBytes(VIDEO));
        assertEquals(RunStatus.DONE, awaitFinal(rid));
        HttpResponse<String> status = anna.get("/runs/" + rid + "/status");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"status\":\"done\""), status.body());
        String page = anna.get("/runs/" + rid).body();
        // cadence with the metric table's 0 decimals: 110.5 -> 111, 108.2 -> 108
        assertTrue(WebTestServer.showsKeyNumber(page, "Cadence", "111", "108"), page);
        // the deviation card: GPS-2D against healthy walkers, GVS per side (metric-table decimals), band and why
        assertTrue(page.contains("<h2>Deviation from healthy walking</h2>"), page);
        assertTrue(page.contains("GPS-2D 10.1 deg (95 % CI 10.1–10.1); healthy walkers at this speed: mean 4.5, "
                + "95th percentile 8.4 deg."), page);
        assertTrue(page.replaceAll(">\\s+<", "><").contains(
                "<td>GVS knee</td><td class=\"num\">18.2</td><td class=\"num\">9.5</td>"), page);
        assertTrue(page.contains("slow speed, age group all, n 42. Why: Froude number 0.065"), page);
        assertTrue(page.contains("not comparable with the 3D Gait Profile Score"), page);
        HttpResponse<String> csv = anna.get("/runs/" + rid + "/files/strides-csv");
        assertEquals(200, csv.statusCode());
        assertEquals("side,stride,cadence_steps_per_min\nleft,0,110.5\n", csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String timeline = anna.get("/patients/" + pid).body();
        assertTrue(timeline.contains("2024-03-05") && timeline.contains("baseline") && timeline.contains(rid));
        // One stored file per recording, under a random name with nothing of the user's file name, and no
        // temporary parts left behind.
        List<Path> stored = storedUploads();
        assertEquals(StoreInspection.count(store, "recording"), stored.size(), stored.toString());
        assertTrue(stored.stream().noneMatch(p -> p.toString().contains(".incoming")
                || p.getFileName().toString().contains("walk")), stored.toString());
        List<String> actions = store.audit().recent(100).stream().filter(e -> e.username().equals(Optional.of("anna")))
                .map(AuditEvent::action).toList();
        assertTrue(actions.containsAll(List.of("sign-in", "create-patient", "upload", "view-run", "download")),
                actions.toString());
        // Sign-out ends the session on the server: the old cookie no longer opens pages.
        Map<String, String> f = Map.of("_csrf", anna.sessionCsrf());
        assertEquals(303, anna.postForm("/logout", f).statusCode());
        HttpResponse<String> after = anna.get("/patients");
        assertEquals(303, after.statusCode());
        assertEquals("/login", after.headers().firstValue("Location").orElse(""));
    }

    @Test
    void failedAnalysisShowsItsReasonEscapedAndCanBeRetried() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "FAIL-01", "");
        byte[] video = Files.readAllBytes(VIDEO);
        // A different content (one byte appended after the MP4's last box still decodes) keeps recordings apart.
        byte[] other = java.util.Arrays.copyOf(video, video.length + 1);
        String rid = upload(anna, pid, "frontal try", "frontal", other);
        assertEquals(RunStatus.FAILED, awaitFinal(rid));
        String page = anna.get("/runs/" + rid).body();
        // the stored reason, escaped, as FailureText shows it (first letter capitalised)
        assertTrue(page.contains("No walking pass found &lt;b&gt;side view&lt;/b&gt; needed"), page);
        assertFalse(page.contains("<b>side view</b>"));
        Map<String, String> f = Map.of("_csrf", anna.sessionCsrf());
        assertEquals(303, anna.postForm("/runs/" + rid + "/retry", f).statusCode());
        assertEquals(RunStatus.DONE, awaitFinal(rid));
        String done = anna.get("/runs/" + rid).body();
        assertTrue(WebTestServer.showsKeyNumber(done, "Cadence", "111", "108"));
        assertFalse(done.contains("Deviation from healthy walking"), "a frontal view has no sagittal deviation");
    }

    @Test
    void severalVideosAreOnePooledSessionAndAClipAddedLaterSupersedesItsRunWhichIsKept() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "POOL-01", "");
        byte[] video = Files.readAllBytes(VIDEO);
        byte[] there = java.util.Arrays.copyOf(video, video.length + 20);
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("there.mp4", there);
        two.put("back.mp4", java.util.Arrays.copyOf(video, video.length + 21));
        String url = "/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf();
        HttpResponse<String> r = anna.postMultipart(url, uploadFields("pooled", "sagittal"), two, true);
        assertEquals(201, r.statusCode(), r.body());
        String first = runOf(r);
        assertEquals(RunStatus.DONE, awaitFinal(first));
        long firstId = store.publicRefs().resolve(org.gaitlens.store.PublicRefKind.RUN, first).orElseThrow();
        assertEquals(2, store.runs().recordingIds(firstId).size(), "both videos in one run");

        // Later a third clip, together with one of the first two again (counted once, and said so).
        Map<String, byte[]> more = new LinkedHashMap<>();
        more.put("later.mp4", java.util.Arrays.copyOf(video, video.length + 22));
        more.put("again.mp4", there);
        r = anna.postMultipart(url, uploadFields("pooled", "sagittal"), more, true);
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.body().contains("again.mp4 was already uploaded for this patient and not stored again"), r.body());
        String second = runOf(r);
        assertEquals(RunStatus.DONE, awaitFinal(second));
        long secondId = store.publicRefs().resolve(org.gaitlens.store.PublicRefKind.RUN, second).orElseThrow();
        assertEquals(3, store.runs().recordingIds(secondId).size(), "the session's three recordings pooled");
        AnalysisRun old = store.runs().get(firstId);
        assertEquals(java.util.OptionalLong.of(secondId), old.supersededBy(), "the first run is superseded");
        assertEquals(RunStatus.DONE, old.status());
        assertTrue(store.results().summaryJson(firstId).isPresent(), "and kept with its results");
        String page = anna.get("/patients/" + pid).body();
        assertTrue(page.contains("/runs/" + first) && page.contains("superseded by a later analysis"), page);
        assertTrue(page.contains("3 videos pooled"), page);

        // One video of another patient refuses the whole upload: nothing is stored.
        WebClient ben = signedIn("ben");
        String benPid = createPatient(ben, "POOL-BEN", "");
        int recordings = StoreInspection.count(store, "recording");
        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("own.mp4", java.util.Arrays.copyOf(video, video.length + 23));
        mixed.put("hers.mp4", there);
        HttpResponse<String> refused = ben.postMultipart("/patients/" + benPid + "/upload?_csrf=" + ben.sessionCsrf(),
                uploadFields("mixed", "sagittal"), mixed, true);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(recordings, StoreInspection.count(store, "recording"));
    }

    private static String runOf(HttpResponse<String> r) {
        Matcher m = RUN_URL.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    @Test
    void theSameVideoAgainIsNotStoredTwiceAndPointsToItsAnalysis() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "TWICE-01", "");
        byte[] video = Files.readAllBytes(VIDEO);
        byte[] content = java.util.Arrays.copyOf(video, video.length + 8);
        String rid = upload(anna, pid, "baseline", "sagittal", content);
        assertEquals(RunStatus.DONE, awaitFinal(rid));
        List<Path> files = storedUploads();
        int recordings = StoreInspection.count(store, "recording");
        int sessions = StoreInspection.count(store, "gait_session");
        int runs = StoreInspection.count(store, "analysis_run");

        // Again, under another date, label and file name: the answer names the session it was uploaded for and
        // points to that recording's analysis.
        Map<String, String> later = Map.of("session_date", "2024-04-09", "label", "again", "view", "sagittal");
        HttpResponse<String> json = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                later, "copy.mp4", content, true);
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.body().contains("already uploaded for this patient (session 2024-03-05, baseline)"), json.body());
        assertTrue(json.body().contains("\"run\":\"/runs/" + rid + "\""), json.body());
        // The plain form gets the patient page with the same notice and a link to the analysis.
        HttpResponse<String> page = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                later, "copy.mp4", content, false);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("already uploaded for this patient (session 2024-03-05, baseline)"), page.body());
        assertTrue(page.body().contains("<a href=\"/runs/" + rid + "\">Open its analysis</a>"), page.body());
        // Nothing was added: no recording, session, run or file.
        assertEquals(recordings, StoreInspection.count(store, "recording"));
        assertEquals(sessions, StoreInspection.count(store, "gait_session"));
        assertEquals(runs, StoreInspection.count(store, "analysis_run"));
        assertEquals(files, storedUploads());
        assertTrue(store.audit().recent(20).stream().anyMatch(e -> e.action().equals("upload-known")));

        // Another therapist's upload of the same video for her own patient is refused without a word about anna's
        // patient, session or analysis.
        WebClient ben = signedIn("ben");
        String benPid = createPatient(ben, "TWICE-BEN", "");
        HttpResponse<String> refused = ben.postMultipart("/patients/" + benPid + "/upload?_csrf=" + ben.sessionCsrf(),
                later, "walk.mp4", content, true);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(UploadController.NOT_FOR_THIS_PATIENT), refused.body());
        for (String secret : List.of("TWICE-01", "2024-03-05", "baseline", rid, pid)) {
            assertFalse(refused.body().contains(secret), secret + " in " + refused.body());
        }
        // The administrator sees both patients and is told where the video is.
        WebClient admin = signedIn("admin");
        HttpResponse<String> told = admin.postMultipart("/patients/" + benPid + "/upload?_csrf=" + admin.sessionCsrf(),
                later, "walk.mp4", content, true);
        assertEquals(409, told.statusCode(), told.body());
        assertTrue(told.body().contains("already stored for patient TWICE-01 (session 2024-03-05, baseline)"),
                told.body());
        assertEquals(recordings, StoreInspection.count(store, "recording"));
        assertEquals(sessions, StoreInspection.count(store, "gait_session"));
        assertEquals(files, storedUploads());
    }

    @Test
    void unauthenticatedAccessIsRefusedEverywhere() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "AUTH-01", "");
        byte[] video = Files.readAllBytes(VIDEO);
        String rid = upload(anna, pid, "auth", "sagittal", java.util.Arrays.copyOf(video, video.length + 2));
        awaitFinal(rid);
        WebClient nobody = new WebClient(port);
        for (String path : List.of("/", "/patients", "/patients/" + pid, "/patients/" + pid + "/compare?run=" + rid
                + "&run=" + rid, "/patients/" + pid + "/compare/report?run=" + rid + "&run=" + rid, "/runs/" + rid, "/runs/" + rid + "/report", "/admin/users", "/admin/audit")) {
            HttpResponse<String> r = nobody.get(path);
            assertTrue(r.statusCode() == 303 || r.statusCode() == 401, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("AUTH-01"), path);
            if (r.statusCode() == 303) {
                String loc = r.headers().firstValue("Location").orElse("");
                assertTrue(loc.equals("/login") || (path.equals("/") && loc.equals("/patients")), path + " -> " + loc);
            }
        }
        for (String path : List.of("/runs/" + rid + "/status", "/runs/" + rid + "/files/strides-csv")) {
            HttpResponse<String> r = nobody.get(path);
            assertEquals(401, r.statusCode(), path);
            assertFalse(r.body().contains("110.5"), path);
        }
        int patients = StoreInspection.count(store, "patient");
        for (String path : List.of("/patients", "/patients/" + pid + "/upload", "/runs/" + rid + "/retry",
                "/admin/users", "/admin/access", "/logout")) {
            HttpResponse<String> r = nobody.postForm(path, Map.of("pseudonym", "SNEAK", "_csrf", "x"));
            assertEquals(401, r.statusCode(), path);
        }
        assertEquals(patients, StoreInspection.count(store, "patient"));
        assertTrue(nobody.get("/static/app.css").statusCode() == 200, "the stylesheet is public");
    }

    @Test
    void therapistsCannotReachEachOthersPatients() throws Exception {
        WebClient anna = signedIn("anna");
        WebClient ben = signedIn("ben");
        String pid = createPatient(anna, "ANNA-07", "");
        byte[] video = Files.readAllBytes(VIDEO);
        String rid = upload(anna, pid, "cross", "sagittal", java.util.Arrays.copyOf(video, video.length + 3));
        awaitFinal(rid);
        assertFalse(ben.get("/patients").body().contains("ANNA-07"), "not in ben's list");
        for (String path : List.of("/patients/" + pid, "/patients/" + pid + "/compare?run=" + rid + "&run=" + rid,
                "/patients/" + pid + "/compare/report?run=" + rid + "&run=" + rid + "&format=pdf",
                "/runs/" + rid, "/runs/" + rid + "/status", "/runs/" + rid + "/files/strides-csv",
                "/runs/" + rid + "/files/summary-json", "/runs/" + rid + "/report", "/admin/users", "/admin/audit")) {
            HttpResponse<String> r = ben.get(path);
            assertEquals(404, r.statusCode(), path);
            // 110.5: the stored cadence in the CSV and JSON files; the run page would show its key-number row
            assertFalse(r.body().contains("ANNA-07") || r.body().contains("110.5")
                    || r.body().contains("<td>Cadence</td>"), path);
        }
        int sessions = StoreInspection.count(store, "gait_session");
        String token = ben.sessionCsrf();
        assertEquals(404, ben.postMultipart("/patients/" + pid + "/upload?_csrf=" + token,
                uploadFields("intruder", "sagittal"), "x.mp4", video, true).statusCode());
        assertEquals(404, ben.postForm("/runs/" + rid + "/retry", Map.of("_csrf", token)).statusCode());
        assertEquals(404, ben.postForm("/admin/access", Map.of("_csrf", token, "username", "ben",
                "pseudonym", "ANNA-07")).statusCode());
        assertEquals(sessions, StoreInspection.count(store, "gait_session"));
        // Guessed or malformed ids are simply not found.
        assertEquals(404, ben.get("/patients/AAAAAAAAAAAAAAAAAAAAAA").statusCode());
        assertEquals(404, ben.get("/runs/1").statusCode());
        // The administrator sees every patient, and can give ben access.
        WebClient admin = signedIn("admin");
        assertTrue(admin.get("/patients").body().contains("ANNA-07"));
        assertEquals(200, admin.get("/runs/" + rid).statusCode());
        assertEquals(200, admin.postForm("/admin/access", Map.of("_csrf", admin.sessionCsrf(), "username", "ben",
                "pseudonym", "ANNA-07")).statusCode());
        assertEquals(200, ben.get("/runs/" + rid).statusCode());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        WebClient anna = signedIn("anna");
        int patients = StoreInspection.count(store, "patient");
        HttpResponse<String> none = anna.postForm("/patients", Map.of("pseudonym", "CSRF-1"));
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("Reload the page"), none.body());
        assertEquals(403, anna.postForm("/patients", Map.of("pseudonym", "CSRF-2", "_csrf", "forged")).statusCode());
        assertEquals(patients, StoreInspection.count(store, "patient"));
        // Sign-out without the token does not sign out.
        assertEquals(403, anna.postForm("/logout", Map.of()).statusCode());
        assertEquals(200, anna.get("/patients").statusCode());
        // An upload without the token is refused before its body is read; nothing is stored.
        String pid = createPatient(anna, "CSRF-3", "");
        List<Path> before = storedUploads();
        int recordings = StoreInspection.count(store, "recording");
        HttpResponse<String> up = anna.postMultipart("/patients/" + pid + "/upload", uploadFields("x", "sagittal"),
                "walk.mp4", Files.readAllBytes(VIDEO), true);
        assertEquals(403, up.statusCode());
        assertEquals(before, storedUploads());
        assertEquals(recordings, StoreInspection.count(store, "recording"));
        // The sign-in form has its own token (a cookie it must match).
        WebClient fresh = new WebClient(port);
        assertEquals(403, fresh.postForm("/login", Map.of("username", "anna", "password", PASSWORD)).statusCode());
    }

    @Test
    void oversizeUploadIsRejectedWithAMessageAndNothingStored() throws Exception {
        WebConfig small = WebConfig.defaults(Path.of("models")).withPort(0).withWorkers(0)
                .withMaxUploadBytes(256 * 1024);
        try (WebApp limited = new WebApp(store, small, this::fakeAnalysis)) {
            int p = limited.start();
            WebClient anna = new WebClient(p);
            assertEquals(303, anna.login("anna", PASSWORD).statusCode());
            String pid = createPatient(anna, "BIG-01", "");
            List<Path> before = storedUploads();
            int sessions = StoreInspection.count(store, "gait_session");
            int recordings = StoreInspection.count(store, "recording");
            // The validation video is 1 MB: four times the limit (the form overhead allowance is 1 MB, so the
            // request passes the Content-Length check and is cut off while streaming).
            HttpResponse<String> r = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                    uploadFields("big", "sagittal"), "walk.mp4", Files.readAllBytes(VIDEO), true);
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains("larger than the limit of 256 KB"), r.body());
            assertEquals(before, storedUploads());
            assertEquals(sessions, StoreInspection.count(store, "gait_session"));
            assertEquals(recordings, StoreInspection.count(store, "recording"));
            // A declared length far over the limit is refused before reading; the form answer is a page.
            byte[] huge = new byte[1300 * 1024];
            HttpResponse<String> page = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                    uploadFields("big", "sagittal"), "walk.mp4", huge, false);
            assertEquals(413, page.statusCode());
            assertTrue(page.body().contains("larger than the limit of 256 KB"));
            assertEquals(before, storedUploads());
        }
    }

    @Test
    void nonVideoUploadIsRejectedByContentAndNothingStored() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "TXT-01", "");
        List<Path> before = storedUploads();
        int sessions = StoreInspection.count(store, "gait_session");
        int recordings = StoreInspection.count(store, "recording");
        byte[] text = "This is a text file pretending to be a video.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                uploadFields("fake", "sagittal"), "walk.mp4", text, true);
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().contains("not a video gaitlens can read"), r.body());
        assertFalse(r.body().contains(store.dataDir().toString()), "no server paths in messages");
        assertEquals(before, storedUploads());
        assertEquals(sessions, StoreInspection.count(store, "gait_session"));
        assertEquals(recordings, StoreInspection.count(store, "recording"));
    }

    @Test
    void userTextIsEscapedEverywhere() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "XSS-01", "<script>alert('notes')</script>");
        String list = anna.get("/patients").body();
        assertFalse(list.contains("<script>alert"), "notes escaped in the list");
        assertTrue(list.contains("&lt;script&gt;alert("));
        assertFalse(anna.get("/patients/" + pid).body().contains("<script>alert"));
        // A pseudonym with markup is refused; the message repeating it is escaped.
        HttpResponse<String> bad = anna.postForm("/patients", Map.of("_csrf", anna.sessionCsrf(),
                "pseudonym", "<img src=x onerror=alert(1)>"));
        assertEquals(400, bad.statusCode());
        assertFalse(bad.body().contains("<img src=x"), bad.body());
        assertTrue(bad.body().contains("&lt;img src=x onerror=alert(1)&gt;"), bad.body());
        // A session label with markup.
        byte[] video = Files.readAllBytes(VIDEO);
        String rid = upload(anna, pid, "<b onmouseover=alert(2)>label</b>", "sagittal",
                java.util.Arrays.copyOf(video, video.length + 4));
        awaitFinal(rid);
        String timeline = anna.get("/patients/" + pid).body();
        assertFalse(timeline.contains("<b onmouseover"));
        assertTrue(timeline.contains("&lt;b onmouseover=alert(2)&gt;label&lt;/b&gt;"));
        assertFalse(anna.get("/runs/" + rid).body().contains("<b onmouseover"));
        // Every page forbids inline and foreign scripts.
        String csp = anna.get("/patients").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), csp);
    }

    @Test
    void artifactDownloadsCannotTraverseToOtherFiles() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "PATH-01", "");
        byte[] video = Files.readAllBytes(VIDEO);
        String rid = upload(anna, pid, "path", "sagittal", java.util.Arrays.copyOf(video, video.length + 5));
        awaitFinal(rid);
        for (String kind : List.of("..%2F..%2Fgaitlens.db", "..%2F..%2F..%2Fetc%2Fpasswd", "%2E%2E%2Fgaitlens.db",
                "strides-csv%2F..%2F..%2Fgaitlens.db", "gaitlens.db", "..", "%00", "strides.csv")) {
            HttpResponse<byte[]> r = anna.getBytes("/runs/" + rid + "/files/" + kind);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, kind + " -> " + r.statusCode());
            String body = new String(r.body(), StandardCharsets.ISO_8859_1);
            assertFalse(body.startsWith("SQLite format") || body.contains("root:"), kind);
        }
        for (String path : List.of("/runs/" + rid + "/files/../../../gaitlens.db", "/static/../gaitlens.db",
                "/static/..%2F..%2Fgaitlens.db", "/static/%2e%2e/%2e%2e/gaitlens.db")) {
            HttpResponse<byte[]> r = anna.getBytes(path);
            String body = new String(r.body(), StandardCharsets.ISO_8859_1);
            assertFalse(r.statusCode() == 200 && body.startsWith("SQLite format"), path);
        }
    }

    @Test
    void repeatedFailedSignInsAreSlowedDown() throws Exception {
        WebClient c = new WebClient(port);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, c.login("target", "wrong password " + i).statusCode());
        }
        // Even the right password now waits: the account is throttled.
        HttpResponse<String> r = c.login("target", PASSWORD);
        assertEquals(429, r.statusCode());
        assertTrue(r.body().contains("Too many failed sign-ins"), r.body());
        assertTrue(store.audit().recent(50).stream().anyMatch(e -> e.action().equals("sign-in-throttled")));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        WebClient c = new WebClient(port);
        HttpResponse<String> r = c.login("anna", PASSWORD);
        String cookie = r.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith(SessionTokens.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on loopback: not Secure (it would not be sent back)");
        // Only the hash of the cookie value is in the database.
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertTrue(store.webSessions().findLive(value, java.time.Instant.now()).isEmpty());
        assertTrue(store.webSessions().findLive(SessionTokens.sha256Hex(value), java.time.Instant.now()).isPresent());
    }

    @Test
    void comparisonOfTwoSessions() throws Exception {
        WebClient anna = signedIn("anna");
        String pid = createPatient(anna, "CMP-01", "");
        byte[] video = Files.readAllBytes(VIDEO);
        String a = upload(anna, pid, "baseline", "sagittal", java.util.Arrays.copyOf(video, video.length + 6));
        HttpResponse<String> second = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                Map.of("session_date", "2024-04-09", "label", "follow-up", "view", "sagittal"), "walk.mp4",
                java.util.Arrays.copyOf(video, video.length + 7), true);
        Matcher m = RUN_URL.matcher(second.body());
        assertTrue(m.find());
        String b = m.group(1);
        awaitFinal(a);
        awaitFinal(b);
        HttpResponse<String> r = anna.get("/patients/" + pid + "/compare?run=" + a + "&run=" + b);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("2024-03-05") && r.body().contains("2024-04-09") && r.body().contains("follow-up"));
        assertTrue(r.body().contains("111 / 108 steps/min"), r.body());
        // the GPS-2D trend from the runs' report snapshots: chart, one row per session, the change and its verdict
        assertTrue(r.body().contains("<h2>Deviation from healthy walking (GPS-2D)</h2>"), r.body());
        assertTrue(r.body().contains("src=\"data:image/png;base64,"), "the trend chart");
        assertTrue(r.body().contains("(threshold 2.06 deg): no detectable change"), "the same walk twice: " + r.body());
        assertTrue(r.body().contains("comfortable speed, all ages, n 42"), r.body());
        assertEquals(400, anna.get("/patients/" + pid + "/compare?run=" + a).statusCode());
        // Defect: the same session twice was accepted, and the page's report link then answered 400.
        HttpResponse<String> twice = anna.get("/patients/" + pid + "/compare?run=" + a + "&run=" + a);
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().contains("two or more different finished sessions"), twice.body());
        Matcher link = Pattern.compile("href=\"(/patients/[^\"]+/compare/report\\?[^\"]+)\"").matcher(r.body());
        assertTrue(link.find(), r.body());
        HttpResponse<String> report = anna.get(link.group(1).replace("&amp;", "&"));
        assertEquals(200, report.statusCode(), report.body());
        // Defect: the comparison report had no way back.
        assertTrue(report.body().contains("id=\"back-to-comparison\" href=\"/patients/" + pid + "/compare?run="),
                report.body());
    }
}
