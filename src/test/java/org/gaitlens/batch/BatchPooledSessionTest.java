package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gaitlens.core.Json;
import org.gaitlens.core.Side;
import org.gaitlens.pipeline.PooledAnalysis;
import org.gaitlens.pose.PoseEstimatorPool;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StoreInspection;
import org.gaitlens.store.StrideValue;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.TidyTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session filmed as several clips in a batch: manifest rows with one {@code session} value are one pooled run,
 * a clip given twice is one recording, and a pooled run killed half-way resumes without running the pose model
 * again on the clips it had finished.
 */
class BatchPooledSessionTest {
    private static final Path SAMPLE = Path.of("sample-videos", "knee_pattern_both.landmarks.csv");

    @TempDir
    Path dir;

    /**
     * Frames {@code [from, to)} of a landmarks file as a clip of its own (frames and times restarting at 0): an exact
     * cut, no re-encoding.
     */
    private static Path cut(Path landmarks, int from, int to, Path out) throws IOException {
        List<String> lines = Files.readAllLines(landmarks);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        double t0 = Double.NaN;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 3);
            int frame = Integer.parseInt(f[0]);
            if (frame >= from && frame < to) {
                double t = Double.parseDouble(f[1]);
                t0 = Double.isNaN(t0) ? t : t0;
                kept.add((frame - from) + "," + String.format(Locale.ROOT, "%.6f", t - t0) + "," + f[2]);
            }
        }
        Files.createDirectories(out.getParent());
        Files.write(out, kept);
        return out;
    }

    private static int frames(Path landmarks) throws IOException {
        List<String> lines = Files.readAllLines(landmarks);
        return Integer.parseInt(lines.get(lines.size() - 1).split(",", 2)[0]) + 1;
    }

    @Test
    void manifestRowsOfOneSessionAreOnePooledRunAndAClipGivenTwiceCountsOnce() throws Exception {
        Path in = dir.resolve("in");
        int n = frames(SAMPLE);
        cut(SAMPLE, 0, n / 2, in.resolve("there.landmarks.csv"));
        cut(SAMPLE, n / 2, n, in.resolve("back.landmarks.csv"));
        Files.copy(in.resolve("there.landmarks.csv"), in.resolve("there-copy.landmarks.csv"));
        Path manifest = in.resolve("manifest.csv");
        Files.writeString(manifest, """
                patient,session_date,label,session,video,height_cm
                P01,2024-03-01,baseline,s1,there.landmarks.csv,175
                P01,2024-03-01,baseline,s1,back.landmarks.csv,175
                P01,2024-03-01,baseline,s1,there-copy.landmarks.csv,175
                P02,2024-03-01,baseline,s1,there.landmarks.csv,175
                P02,2024-03-02,baseline,s1,back.landmarks.csv,175
                """);
        BatchDiscovery.Result found = BatchDiscovery.discover(manifest);
        assertEquals(1, found.items().size(), found.toString());
        BatchItem session = found.items().get(0);
        assertEquals(3, session.videos().size());
        assertEquals("manifest.csv lines 2, 3, 4", session.origin());
        assertEquals(1, found.problems().size(), found.problems().toString());
        assertEquals("manifest.csv lines 5, 6", found.problems().get(0).where());
        assertTrue(found.problems().get(0).message().contains("disagree on session_date (line 5: 2024-03-01, "
                + "line 6: 2024-03-02)"), found.problems().get(0).message());

        Path data = dir.resolve("data");
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data));
                RunExecutor executor = new RunExecutor(store,
                        new RunExecutor.Options(Path.of("models"), 1, Duration.ofSeconds(10)))) {
            BatchReport report = new BatchRunner(executor, BatchRunner.Options.of(1))
                    .run(found.items(), RunSettings.defaults(), BatchListener.NONE);
            ItemOutcome o = report.outcomes().get(0);
            assertEquals(ItemOutcome.Status.DONE, o.status(), o.toString());
            assertTrue(o.detail().contains("there-copy.landmarks.csv is the same recording as there.landmarks.csv "
                    + "(same content): one recording, its strides counted once"), o.detail());
            assertEquals(2, StoreInspection.count(store, "recording"), "the copy is the same recording");
            long runId = o.runId().orElseThrow();
            assertEquals(2, store.runs().recordingIds(runId).size());

            // The stored stride rows carry their recording's position; the per-side count is the pooled count.
            List<StrideValue> strides = store.results().strides(runId);
            for (Side side : Side.values()) {
                Map<Double, Long> perRecording = strides.stream()
                        .filter(v -> v.side() == side && v.metric().equals(RunResultsMapper.RECORDING))
                        .collect(Collectors.groupingBy(StrideValue::value, Collectors.counting()));
                assertEquals(2, perRecording.size(), side + ": strides of both clips " + perRecording);
                double count = store.results().metrics(runId).stream().filter(m -> m.side().equals(
                        java.util.Optional.of(side)) && m.metric().equals("stride_count")).mapToDouble(
                        MetricValue::value).findFirst().orElseThrow();
                assertEquals(perRecording.values().stream().mapToLong(Long::longValue).sum(), count, 0.0, side
                        + ": the session's stride count pools both clips");
            }

            // The export names each stride's clip, and the session row counts the recordings.
            TidyTable byStride = store.exports().strideTable(java.util.Optional.empty());
            int rec = byStride.columns().indexOf("recording");
            assertEquals(List.of("back.landmarks.csv", "there.landmarks.csv"), byStride.rows().stream()
                    .map(r -> (String) r.get(rec)).distinct().sorted().toList());
            TidyTable bySession = store.exports().sessionSideTable(java.util.Optional.empty());
            int count = bySession.columns().indexOf("recordings");
            assertEquals(List.of(2L, 2L), bySession.rows().stream().map(r -> r.get(count)).toList());

            // The comparison over the store sees one session (not one per clip) and names its clips.
            List<org.gaitlens.reporting.ComparisonReportBuilder.Session> compared = StoredSessions.forPatient(store,
                    "P01");
            assertEquals(1, compared.size(), "one pooled session");
            assertEquals(List.of("there.landmarks.csv", "back.landmarks.csv"), compared.get(0).input().recordings()
                    .stream().map(org.gaitlens.reporting.ReportInput.Recording::file).toList());

            // Again: the session is done, so it is skipped.
            BatchReport again = new BatchRunner(executor, BatchRunner.Options.of(1))
                    .run(found.items(), RunSettings.defaults(), BatchListener.NONE);
            assertEquals(ItemOutcome.Status.SKIPPED, again.outcomes().get(0).status(), again.outcomes().toString());
        }
    }

    /** Thrown by the analysis to play a process killed in the middle of a run (nothing catches an Error there). */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed");
        }
    }

    @Test
    @Tag("integration")
    void aKilledPooledRunResumesWithoutRedoingThePoseOfFinishedClips() throws Exception {
        Path session = dir.resolve("in");
        BatchVideos.cut(BatchVideos.sharedVideo(BatchVideos.INDOOR), session.resolve("first.mp4"), 0.0, 5.6);
        BatchVideos.cut(BatchVideos.sharedVideo(BatchVideos.INDOOR), session.resolve("second.mp4"), 0.3, 5.6);
        BatchItem item = new BatchItem("P01", java.time.LocalDate.of(2024, 3, 1), "baseline",
                List.of(session.resolve("first.mp4"), session.resolve("second.mp4")), "sagittal",
                java.util.OptionalDouble.of(175), Map.of(), "test");
        RunSettings d = RunSettings.defaults();
        RunSettings settings = new RunSettings(d.softwareVersion(), d.model(), d.heightCm(), d.eventMethod(),
                d.treadmill(), d.cameraView(), false, d.blurFaces()); // no overlay video: faster
        Path data = dir.resolve("data");
        RunExecutor.Options options = new RunExecutor.Options(Path.of("models"), 1, Duration.ofSeconds(10));
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data));
                PoseEstimatorPool pool = new PoseEstimatorPool()) {
            // The first attempt dies when the pose of the second clip begins: the first clip's pose is cached.
            RunExecutor dying = new RunExecutor(store, options, (input, out, s, m, p) -> {
                throw new AssertionError("one recording is not analysed here");
            }, (inputs, out, s, m, p) -> PooledAnalysis.run(inputs, out, s, m, pool, RunExecutor.poseCache(store),
                    (stage, done, total) -> {
                        if (stage.startsWith("second.mp4 pose")) {
                            throw new Killed();
                        }
                    }));
            AnalysisRun claimed = store.runs().claim(new RunQueue(store).prepare(item, settings).run().id(), "dead-worker")
                    .orElseThrow();
            assertThrows(Killed.class, () -> dying.execute(claimed, (stage, done, total) -> { }));
            dying.close();
            assertEquals(RunStatus.RUNNING, store.runs().get(claimed.id()).status(), "the claim of the dead worker");

            try (RunExecutor executor = new RunExecutor(store, options)) {
                BatchReport report = new BatchRunner(executor, new BatchRunner.Options(1, true, Duration.ZERO,
                        Duration.ofMillis(50))).run(List.of(item), settings, BatchListener.NONE);
                ItemOutcome o = report.outcomes().get(0);
                assertEquals(ItemOutcome.Status.DONE, o.status(), o.toString());
                assertEquals(claimed.id(), o.runId().orElseThrow(), "the same run, resumed");
                Path folder = data.resolve(o.detail().split(";")[0]);
                JsonNode recordings = Json.mapper().readTree(folder.resolve("summary.json").toFile()).path("recordings");
                assertEquals(2, recordings.size(), recordings.toString());
                assertTrue(recordings.get(0).path("pose_from_cache").asBoolean(), "first.mp4: pose from the cache");
                assertFalse(recordings.get(1).path("pose_from_cache").asBoolean(), "second.mp4: pose run now");
            }
        }
    }
}
