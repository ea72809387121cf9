package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gaitlens.core.AnalysisException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests of the defects the therapist's test found in the web app, over HTTP (analyses are not needed
 * here: the stand-in executor fails every run at once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebDefectsTest {
    private static final Path VIDEO = SampleVideoAnalysis.SAMPLES.resolve("normal.mp4");

    @TempDir
    static Path dir;
    WebTestServer server;

    @BeforeAll
    void start() throws Exception {
        server = WebTestServer.start(dir, WebTestServer.config(), store -> (run, progress) -> {
            throw new AnalysisException("not analysed in this test");
        });
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** A raw HTTP/1.1 exchange, for what the JDK client will not send (a foreign Host, a malformed request). */
    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertSecurityHeaders(String response) {
        String lower = response.toLowerCase(java.util.Locale.ROOT);
        for (String h : SecurityFilter.HEADERS.keySet()) {
            assertTrue(lower.contains("\r\n" + h.toLowerCase(java.util.Locale.ROOT) + ":"), h + " in\n" + response);
        }
    }

    /** Defect: requests for any host name were answered (DNS rebinding). */
    @Test
    void aForeignHostNameIsRefused() throws Exception {
        String r = raw("GET /login HTTP/1.1\r\nHost: attacker.example:" + server.port + "\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 421"), r);
        assertSecurityHeaders(r);
        String ok = raw("GET /login HTTP/1.1\r\nHost: localhost:" + server.port + "\r\nConnection: close\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
    }

    /** Defect: Jetty's own error pages (malformed requests) carried no security headers. */
    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        String r = raw("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 400"), r);
        assertSecurityHeaders(r);
        assertFalse(r.contains("Jetty") || r.contains("Exception"), r);
        String tooLarge = raw("GET /login HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(70_000)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(tooLarge.startsWith("HTTP/1.1 431"), tooLarge.substring(0, Math.min(200, tooLarge.length())));
        assertSecurityHeaders(tooLarge);
    }

    /** Defect: the 409 for a taken patient id confirmed another therapist's patient. */
    @Test
    void aTakenPatientIdConfirmsNothingAboutAnotherTherapistsPatient() throws Exception {
        WebClient anna = server.signedIn("anna");
        WebTestServer.createPatient(anna, "TAKEN-01", "");
        WebClient ben = server.signedIn("ben");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", ben.sessionCsrf());
        f.put("pseudonym", "TAKEN-01");
        f.put("height_cm", "170");
        f.put("affected_side", "");
        f.put("notes", "");
        HttpResponse<String> r = ben.postForm("/patients", f);
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("this id cannot be used"), r.body());
        assertFalse(r.body().contains("already") || r.body().contains("taken"), r.body());
        // anna, who holds the patient, is told plainly
        f.put("_csrf", anna.sessionCsrf());
        assertTrue(anna.postForm("/patients", f).body().contains("you already have a patient with the id TAKEN-01"));
    }

    /** Defect: an invalid role was accepted and silently became therapist. */
    @Test
    void anInvalidRoleIsRefused() throws Exception {
        WebClient admin = server.signedIn("admin");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", admin.sessionCsrf());
        f.put("username", "carl");
        f.put("password", WebAppTest.PASSWORD);
        f.put("role", "superuser");
        HttpResponse<String> r = admin.postForm("/admin/users", f);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(server.store.users().find("carl").isEmpty());
    }

    /** Defect: administrators had no way to disable an account, reset a password or revoke access. */
    @Test
    void administratorsDisableAccountsResetPasswordsAndRevokeAccess() throws Exception {
        WebClient admin = server.signedIn("admin");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", admin.sessionCsrf());
        f.put("username", "dora");
        f.put("password", WebAppTest.PASSWORD);
        f.put("role", "therapist");
        assertEquals(200, admin.postForm("/admin/users", f).statusCode());
        WebClient dora = server.signedIn("dora");
        String pid = WebTestServer.createPatient(dora, "DORA-01", "");
        WebClient ben = server.signedIn("ben");
        assertEquals(404, ben.get("/patients/" + pid).statusCode());
        f.remove("password");
        f.remove("role");
        f.put("username", "ben");
        f.put("pseudonym", "DORA-01");
        assertEquals(200, admin.postForm("/admin/access", f).statusCode());
        assertEquals(200, ben.get("/patients/" + pid).statusCode());
        assertEquals(200, admin.postForm("/admin/access/revoke", f).statusCode());
        assertEquals(404, ben.get("/patients/" + pid).statusCode(), "access revoked");

        Map<String, String> reset = new LinkedHashMap<>();
        reset.put("_csrf", admin.sessionCsrf());
        reset.put("username", "dora");
        reset.put("password", "a new password 42");
        assertEquals(200, admin.postForm("/admin/users/password", reset).statusCode());
        assertEquals(303, dora.get("/patients").statusCode(), "signed out everywhere by the reset");
        assertEquals(401, new WebClient(server.port).login("dora", WebAppTest.PASSWORD).statusCode());
        assertEquals(303, new WebClient(server.port).login("dora", "a new password 42").statusCode());

        Map<String, String> disable = new LinkedHashMap<>();
        disable.put("_csrf", admin.sessionCsrf());
        disable.put("username", "dora");
        disable.put("active", "false");
        assertEquals(200, admin.postForm("/admin/users/active", disable).statusCode());
        assertEquals(401, new WebClient(server.port).login("dora", "a new password 42").statusCode());
        // an administrator cannot lock themself out
        disable.put("username", "admin");
        assertEquals(400, admin.postForm("/admin/users/active", disable).statusCode());
        // therapists reach none of it
        assertEquals(404, ben.postForm("/admin/users/active", Map.of("_csrf", ben.sessionCsrf(), "username", "anna",
                "active", "false")).statusCode());
    }

    /** Defect: the upload label always defaulted to "baseline". */
    @Test
    void theUploadLabelSuggestsFollowUpAfterTheFirstSession() throws Exception {
        WebClient anna = server.signedIn("anna");
        String pid = WebTestServer.createPatient(anna, "LABEL-01", "");
        assertTrue(anna.get("/patients/" + pid).body().contains("value=\"baseline\""));
        WebTestServer.upload(anna, pid, "2024-03-05", "baseline", VIDEO);
        String page = anna.get("/patients/" + pid).body();
        assertTrue(page.contains("value=\"follow-up 1\""), page);
    }

    /** Defect: a JPEG renamed .mp4 passed the upload check and then failed with a raw Java exception. */
    @Test
    void aPhotoNamedMp4IsRefusedAtUpload() throws Exception {
        WebClient anna = server.signedIn("anna");
        String pid = WebTestServer.createPatient(anna, "JPEG-01", "");
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", jpeg);
        HttpResponse<String> r = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                Map.of("session_date", "2024-03-05", "label", "baseline", "view", "sagittal"), "walk.mp4",
                jpeg.toByteArray(), true);
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().contains("still image"), r.body());
    }

    /** Defect: a cut-off MP4 passed the upload, then failed with the server's path and "no walking pass". */
    @Test
    void aTruncatedVideoIsRefusedAsIncomplete() throws Exception {
        WebClient anna = server.signedIn("anna");
        String pid = WebTestServer.createPatient(anna, "CUT-01", "");
        byte[] whole = Files.readAllBytes(VIDEO);
        HttpResponse<String> r = anna.postMultipart("/patients/" + pid + "/upload?_csrf=" + anna.sessionCsrf(),
                Map.of("session_date", "2024-03-05", "label", "baseline", "view", "sagittal"), "walk.mp4",
                Arrays.copyOf(whole, whole.length / 2), true);
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().contains("incomplete"), r.body());
        assertFalse(r.body().contains(server.store.dataDir().toString()), r.body());
    }
}
