package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.Side;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.ArtifactRef;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.RunResults;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StoreInspection;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server with analyses queued and running loses nothing: after a restart (a new store and web app
 * over the same data folder, everything rebuilt from the database) both complete, and their results exist
 * exactly once. The first server's analysis blocks until it is interrupted by the shutdown, so the stop
 * certainly happens with one run RUNNING and one QUEUED; the second server completes runs with known results.
 */
class WebRestartTest {
    @TempDir
    Path dir;

    @Test
    void queuedAndRunningAnalysesCompleteAfterARestart() throws Exception {
        Path data = dir.resolve("study");
        byte[] video = Files.readAllBytes(WebAppTest.VIDEO);
        WebConfig config = WebConfig.defaults(Path.of("models")).withPort(0).withWorkers(1)
                .withLiveness(Duration.ofMillis(200), Duration.ofMillis(1000));
        CountDownLatch started = new CountDownLatch(1);
        List<String> rids = new ArrayList<>();
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data))) {
            store.users().create("anna", new PasswordHasher().hash(WebAppTest.PASSWORD), UserRole.THERAPIST);
            AnalysisExecutor hangs = (run, progress) -> {
                started.countDown();
                new CountDownLatch(1).await();
            };
            WebApp first = new WebApp(store, config, hangs);
            int port = first.start();
            WebClient anna = new WebClient(port);
            assertEquals(303, anna.login("anna", WebAppTest.PASSWORD).statusCode());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("_csrf", anna.sessionCsrf());
            f.put("pseudonym", "RESTART-1");
            String location = anna.postForm("/patients", f).headers().firstValue("Location").orElseThrow();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = anna.postMultipart(location + "/upload?_csrf=" + anna.sessionCsrf(),
                        Map.of("session_date", "2024-05-0" + (i + 1), "label", "visit " + i, "view", "sagittal"),
                        "walk.mp4", Arrays.copyOf(video, video.length + i + 1), true);
                assertEquals(201, r.statusCode(), r.body());
                rids.add(r.body().replaceAll("(?s).*/runs/([A-Za-z0-9_-]{22}).*", "$1"));
            }
            assertTrue(started.await(30, TimeUnit.SECONDS), "the first analysis started");
            assertEquals(Map.of(RunStatus.QUEUED, 1, RunStatus.RUNNING, 1, RunStatus.DONE, 0, RunStatus.FAILED, 0),
                    store.runs().countByStatus());
            first.close();
            // Stopping neither failed nor finished anything.
            assertEquals(1, store.runs().countByStatus().get(RunStatus.RUNNING));
            assertEquals(1, store.runs().countByStatus().get(RunStatus.QUEUED));
        }

        List<Long> executed = java.util.Collections.synchronizedList(new ArrayList<>());
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data))) {
            AnalysisExecutor completes = (AnalysisRun run, ProgressListener progress) -> {
                executed.add(run.id());
                ArtifactRef csv = store.writeArtifact("strides-csv", "runs/run-" + run.id() + "/strides.csv",
                        out -> out.write("side,stride\n".getBytes(StandardCharsets.UTF_8)));
                store.runs().complete(run, new RunResults("{}", List.of(new MetricValue("summary",
                        Optional.of(Side.LEFT), "cadence_steps_per_min", 100.0, "steps/min")), List.of(), List.of(csv)));
            };
            try (WebApp second = new WebApp(store, config, completes)) {
                int port = second.start();
                Await.until("both runs done", Duration.ofSeconds(60), () -> store.runs().countByStatus(),
                        counts -> counts.get(RunStatus.DONE) == 2);
                assertEquals(Map.of(RunStatus.QUEUED, 0, RunStatus.RUNNING, 0, RunStatus.DONE, 2, RunStatus.FAILED, 0),
                        store.runs().countByStatus());
                // Results exist exactly once per run; each run was executed once by the restarted server.
                assertEquals(2, StoreInspection.count(store, "run_summary"));
                assertEquals(2, StoreInspection.count(store, "run_metric"));
                assertEquals(2, StoreInspection.count(store, "artifact"));
                assertEquals(2, executed.size());
                assertEquals(2, StoreInspection.count(store, "recording"));
                // Both analyses open in the restarted web app.
                WebClient anna = new WebClient(port);
                assertEquals(303, anna.login("anna", WebAppTest.PASSWORD).statusCode());
                for (String rid : rids) {
                    // the stored cadence 100.0 in the metric table's 0 decimals
                    assertTrue(WebTestServer.showsKeyNumber(anna.get("/runs/" + rid).body(), "Cadence", "100"), rid);
                }
            }
        }
    }
}
