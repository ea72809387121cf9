package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.Json;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.pipeline.LandmarkReplay;
import org.gaitlens.store.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished video analysis made by the production executor (pose model replaced by the sample's exact landmarks,
 * {@link SampleVideoAnalysis}) as the run page serves it: every listed file downloads, internal files are not
 * listed, downloads and the video answer byte ranges, the review data agrees with the gait engine, the key numbers
 * carry n, SD and range flags, and a declared affected side that contradicts the analysis is pointed out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPageWebTest {
    private static final Pattern LINK = Pattern.compile("<li><a href=\"([^\"]+)\">([^<]+)</a></li>");

    @TempDir
    static Path dir;
    WebTestServer server;
    WebClient anna;
    String rid;

    @BeforeAll
    void analyse() throws Exception {
        server = WebTestServer.start(dir, WebTestServer.config(), SampleVideoAnalysis::new);
        anna = server.signedIn("anna");
        // The record says right; the sample is an antalgic gait of the left leg.
        String pid = WebTestServer.createPatient(anna, "PAGE-01", "right");
        rid = WebTestServer.upload(anna, pid, "2024-03-05", "baseline",
                SampleVideoAnalysis.SAMPLES.resolve("series_patientA_s1.mp4"));
        assertEquals(RunStatus.DONE, server.awaitFinal(rid), () -> server.store.runs().get(server.runId(rid)).toString());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private List<String[]> links(String page) {
        List<String[]> out = new ArrayList<>();
        Matcher m = LINK.matcher(page);
        while (m.find()) {
            out.add(new String[] {m.group(1).replace("&amp;", "&"), m.group(2)});
        }
        return out;
    }

    /** Defect: 4 of the 15 file links (the key-frame PNGs) answered 404, and internal files were listed. */
    @Test
    void everyListedFileDownloadsAndInternalFilesAreNotListed() throws Exception {
        String page = anna.get("/runs/" + rid).body();
        List<String[]> links = links(page);
        assertTrue(links.size() >= 12, page);
        List<String> labels = links.stream().map(l -> l[1]).toList();
        assertTrue(labels.stream().filter(l -> l.startsWith("Key frame")).count() == 4, labels.toString());
        for (String[] l : links) {
            if (l[0].endsWith("/overlay")) {
                continue; // made on request: checked with ranges below
            }
            HttpResponse<byte[]> r = anna.getBytes(l[0]);
            assertEquals(200, r.statusCode(), l[1] + " " + l[0]);
            assertTrue(r.body().length > 0, l[1]);
        }
        assertFalse(page.contains("report-input") || labels.contains("report.json"), labels.toString());
        assertEquals(404, anna.get("/runs/" + rid + "/files/report-input-json").statusCode());
        assertEquals(404, anna.get("/runs/" + rid + "/files/report-json").statusCode());
        // Web analyses encode no overlay video; it is offered as made on request.
        assertFalse(Files.exists(server.runDir(rid).resolve("overlay.mp4")));
        assertFalse(RunSettings.fromJson(server.store.runs().get(server.runId(rid)).settingsJson()).writeVideo());
        assertTrue(labels.contains("Overlay video (MP4, made when asked for)"), labels.toString());
    }

    /** Defect: downloads ignored Range, so the browser could not seek. */
    @Test
    void downloadsTheVideoAndTheOverlayAnswerByteRanges() throws Exception {
        Path csv = server.runDir(rid).resolve("landmarks.csv");
        byte[] whole = Files.readAllBytes(csv);
        HttpResponse<byte[]> part = anna.getBytes("/runs/" + rid + "/files/landmarks-csv", "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole, 100, 200), part.body());
        assertEquals("bytes", part.headers().firstValue("Accept-Ranges").orElse(""));
        HttpResponse<byte[]> tail = anna.getBytes("/runs/" + rid + "/files/landmarks-csv", "bytes=" + (whole.length - 10) + "-");
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 10, whole.length), tail.body());
        assertEquals(416, anna.getBytes("/runs/" + rid + "/files/landmarks-csv", "bytes=" + whole.length + "-").statusCode());

        byte[] video = Files.readAllBytes(SampleVideoAnalysis.SAMPLES.resolve("series_patientA_s1.mp4"));
        HttpResponse<byte[]> seek = anna.getBytes("/runs/" + rid + "/video", "bytes=1000-");
        assertEquals(206, seek.statusCode());
        assertEquals("video/mp4", seek.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(video, 1000, video.length), seek.body());

        HttpResponse<byte[]> overlay = anna.getBytes("/runs/" + rid + "/overlay", "bytes=0-11");
        assertEquals(206, overlay.statusCode());
        assertEquals("ftyp", new String(overlay.body(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        // Another therapist reaches neither.
        WebClient ben = server.signedIn("ben");
        assertEquals(404, ben.getBytes("/runs/" + rid + "/video", "bytes=0-").statusCode());
        assertEquals(404, ben.getBytes("/runs/" + rid + "/review", null).statusCode());
    }

    /** The review's angles are the gait engine's, frame by frame; its events are events.csv's. */
    @Test
    void reviewDataIsTheProductsAnglesAndEvents() throws Exception {
        HttpResponse<String> r = anna.get("/runs/" + rid + "/review");
        assertEquals(200, r.statusCode());
        JsonNode review = Json.mapper().readTree(r.body());
        Path runDir = server.runDir(rid);
        LandmarkReplay.Replay replay = LandmarkReplay.of(runDir, RunSettings.fromJson(
                server.store.runs().get(server.runId(rid)).settingsJson()).gaitSettings(InputKind.VIDEO));
        GaitResult gait = replay.gait().orElseThrow();
        assertEquals(replay.frames().size(), review.path("timeS").size());
        int compared = 0;
        for (int i = 0; i < replay.frames().size(); i++) {
            double t = replay.frames().get(i).timeS();
            for (Side side : Side.values()) {
                double expected = gait.angles().at(side, Joint.KNEE_FLEXION, t);
                JsonNode got = review.path("angles").path(side.name().toLowerCase()).path("knee").get(i);
                if (Double.isNaN(expected)) {
                    assertTrue(got.isNull(), "frame " + i);
                } else {
                    // rounded to the 1 decimal shown: within half a unit of the last decimal
                    assertEquals(expected, got.asDouble(), 0.05 + 1e-9, "frame " + i + " " + side);
                    compared++;
                }
            }
        }
        assertTrue(compared > 100, "angles compared: " + compared);
        List<String> csv = Files.readAllLines(runDir.resolve("events.csv"));
        assertEquals(csv.size() - 1, review.path("events").size());
        String[] first = csv.get(1).split(",");
        JsonNode e = review.path("events").get(0);
        assertEquals(first[1], e.path("type").asText());
        assertEquals(Integer.parseInt(first[3]), e.path("frame").asInt());
        assertTrue(review.path("strides").size() >= 6, r.body());
    }

    /** The one-page patient summary, from the run page's link: HTML with the clinician and the date, and a PDF. */
    @Test
    void thePatientSummaryIsOfferedAsHtmlAndPdf() throws Exception {
        String page = anna.get("/runs/" + rid).body();
        Matcher link = Pattern.compile("href=\"(/patients/[^\"]+/summary\\?[^\"]+)\"").matcher(page);
        assertTrue(link.find(), page);
        String url = link.group(1).replace("&amp;", "&");
        HttpResponse<String> html = anna.get(url + "&clinician=Dr%20Roe");
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(html.body().contains("PAGE-01") && html.body().contains("Dr Roe")
                && html.body().contains(java.time.LocalDate.now().toString()), html.body());
        assertTrue(html.body().contains("data:image/png;base64,"), "pictures");
        HttpResponse<byte[]> pdf = anna.getBytes(url + "&format=pdf", null);
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(404, server.signedIn("ben").get(url).statusCode());
    }

    /** A phone's HEVC recording (made here with libx265) is played from its H.264 copy, made at analysis time. */
    @Test
    void anHevcRecordingIsPlayedFromItsBrowserCopy() throws Exception {
        Path hevc = dir.resolve("phone.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i",
                SampleVideoAnalysis.SAMPLES.resolve("series_patientA_s2.mp4").toString(), "-c:v", "libx265",
                "-x265-params", "log-level=error", "-tag:v", "hvc1", hevc.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "ffmpeg with libx265 needed");
        ((SampleVideoAnalysis) server.executor()).register(hevc, "series_patientA_s2");
        String pid = WebTestServer.createPatient(anna, "PHONE-01", "");
        String phoneRun = WebTestServer.upload(anna, pid, "2024-04-02", "baseline", hevc);
        assertEquals(RunStatus.DONE, server.awaitFinal(phoneRun));
        HttpResponse<byte[]> video = anna.getBytes("/runs/" + phoneRun + "/video", null);
        assertEquals(200, video.statusCode());
        Path served = dir.resolve("served.mp4");
        Files.write(served, video.body());
        assertEquals("h264", org.gaitlens.video.VideoProbe.probe(served).codec());
        assertEquals("hevc", org.gaitlens.video.VideoProbe.probe(hevc).codec());
    }

    /** Defect: key numbers lacked n, SD and range flags; a contradicting declared side went unmentioned. */
    @Test
    void keyNumbersShowSdNAndFlagsAndASideContradictionIsPointedOut() throws Exception {
        String page = anna.get("/runs/" + rid).body();
        assertTrue(page.contains("<span class=\"sd\"> ± "), page);
        assertTrue(page.contains("<span class=\"n\">n = "), page);
        assertTrue(page.contains("<td class=\"num out\">"), "an antalgic gait has values outside the range: " + page);
        assertTrue(page.contains("id=\"side-warning\""), page);
        assertTrue(page.contains("record says the right side is affected, but this analysis found the left side"),
                page);
    }
}
