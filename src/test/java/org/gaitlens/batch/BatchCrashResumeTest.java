package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Artifact;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch process killed with SIGKILL part way (after its first run is stored, while the next is being analysed)
 * and started again finishes the rest: every recording has exactly one run, done, with one set of stride rows
 * and one result folder whose files match their stored hashes, and no temporary folder is left.
 */
@Tag("integration")
class BatchCrashResumeTest {
    private static final int VIDEOS = 3;

    @TempDir
    Path dir;

    private Process startBatch(Path root, Path data, String logName) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-Djava.awt.headless=true",
                "-Dgaitlens.models.dir=" + System.getProperty("gaitlens.models.dir", "models"),
                "-cp", System.getProperty("java.class.path"), "org.gaitlens.cli.GaitlensCommand",
                "batch", root.toString(), "--data", data.toString(), "--workers", "1", "--no-video")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile())
                .start();
    }

    @Test
    void killedBatchResumesWithOneCompleteResultPerVideo() throws Exception {
        Path root = dir.resolve("study");
        Path src = BatchVideos.sharedVideo(BatchVideos.INDOOR);
        // Three different cuts around the first walking pass (1.2-4.9 s): different bytes, each with strides.
        double[] ends = {5.4, 5.6, 5.8};
        for (int i = 0; i < VIDEOS; i++) {
            BatchVideos.cut(src, root.resolve("P0" + (i + 1) + "/2024-05-0" + (i + 1) + "_baseline/walk.mp4"), 0.0, ends[i]);
        }
        Path data = dir.resolve("data");

        Process first = startBatch(root, data, "first.log");
        boolean killedMidway = false;
        try {
            // Polls the store until the first run is done, then kills the process without any chance to clean up.
            // The deadline only guards against a hung child; it is not a timing assertion.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (System.nanoTime() < deadline && first.isAlive()) {
                if (Files.exists(data.resolve("gaitlens.db")) && doneCount(data) >= 1) {
                    break;
                }
                Thread.sleep(100);
            }
            killedMidway = first.isAlive();
        } finally {
            first.destroyForcibly();
            first.waitFor(1, TimeUnit.MINUTES);
        }
        assertTrue(killedMidway, "the first batch was killed before it finished:\n" + Files.readString(dir.resolve("first.log")));
        int doneBeforeRestart = doneCount(data);
        assertTrue(doneBeforeRestart >= 1 && doneBeforeRestart < VIDEOS, "killed part way: " + doneBeforeRestart + " done");

        Process second = startBatch(root, data, "second.log");
        assertTrue(second.waitFor(5, TimeUnit.MINUTES), "restarted batch finished");
        String log = Files.readString(dir.resolve("second.log"));
        assertEquals(0, second.exitValue(), log);
        assertTrue(log.contains("skipped " + doneBeforeRestart + " (unchanged)"), log);

        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data))) {
            List<Path> resultFolders = new ArrayList<>();
            for (int i = 0; i < VIDEOS; i++) {
                long patientId = store.patients().require("P0" + (i + 1)).id();
                long sessionId = store.sessions().listByPatient(patientId).get(0).id();
                List<Recording> recs = store.recordings().listBySession(sessionId);
                assertEquals(1, recs.size());
                List<AnalysisRun> runs = store.runs().listByRecording(recs.get(0).id());
                assertEquals(1, runs.size(), "one run per recording");
                AnalysisRun run = runs.get(0);
                assertEquals(RunStatus.DONE, run.status(), run.errorMessage().orElse(""));
                List<Artifact> artifacts = store.results().artifacts(run.id());
                Path folder = store.resolve(artifacts.get(0).ref()).getParent();
                resultFolders.add(folder);
                for (Artifact a : artifacts) {
                    assertEquals(a.ref().sha256(), org.gaitlens.core.Checksums.sha256(store.resolve(a.ref())),
                            "artifact intact: " + a.ref().relativePath());
                }
                // Exactly one set of stride rows, equal to the folder's strides.csv.
                BatchMixedFolderTest.assertStoredStridesMatchCsv(store.results().strides(run.id()),
                        folder.resolve("strides.csv"));
            }
            // No orphan result folder of the killed attempt, and no temporary folder.
            try (Stream<Path> s = Files.walk(data.resolve(RunFolders.RESULTS_DIR), 3)) {
                List<Path> runFolders = s.filter(p -> p.getFileName().toString().matches(".*\\.run\\d+")).toList();
                assertEquals(VIDEOS, runFolders.size(), "result folders: " + runFolders);
                assertTrue(resultFolders.containsAll(runFolders), "every result folder belongs to a done run");
            }
            Path tmp = data.resolve(RunFolders.TEMP_DIR);
            if (Files.isDirectory(tmp)) {
                try (Stream<Path> s = Files.list(tmp)) {
                    assertEquals(List.of(), s.toList(), "no temporary folders left");
                }
            }
        }
    }

    private static int doneCount(Path data) {
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data))) {
            return store.runs().countByStatus().get(RunStatus.DONE);
        } catch (RuntimeException e) {
            return 0; // the child is still creating the database
        }
    }
}
