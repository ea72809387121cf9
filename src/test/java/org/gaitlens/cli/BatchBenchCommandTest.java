package org.gaitlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaitlens.bench.BatchBenchmark;
import org.gaitlens.batch.BatchItem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gaitlens bench --batch FOLDER} on one rendered sample (sample-videos/README.md): it runs, the batches analyse
 * the video, and bench-batch.json holds consistent fields. No timing is asserted (rates depend on the machine), only
 * relations that hold on any machine.
 */
class BatchBenchCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, String... args) {
        CommandLine cl = GaitlensCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void benchFolderTakesTheVideosLyingInIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("sample-videos", "normal.mp4"), folder.resolve("b.mp4"));
        Files.copy(Path.of("sample-videos", "antalgic.mp4"), folder.resolve("a.mp4"));
        Files.writeString(folder.resolve("README.md"), "not a video");
        Files.writeString(folder.resolve("a.landmarks.csv"), "not a video either");
        List<BatchItem> items = BatchBenchmark.items(folder);
        assertEquals(List.of("a.mp4", "b.mp4"), items.stream().map(i -> i.video().getFileName().toString()).toList());
    }

    @Test
    void videoAndBatchTogetherAreRefused() {
        StringWriter out = new StringWriter();
        assertEquals(2, run(out, "bench", "sample-videos/normal.mp4", "--batch", "sample-videos"));
        assertEquals(2, run(out, "bench", "--batch", "sample-videos", "--threads", "2"));
    }

    @Tag("integration")
    @Test
    void measuresPoseOnlyAndBothBatchesAndWritesJson() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("sample-videos", "normal.mp4"), folder.resolve("normal.mp4"));
        Path outDir = dir.resolve("out");
        StringWriter out = new StringWriter();
        int code = run(out, "bench", "--batch", folder.toString(), "--workers", "1", "--out", outDir.toString());
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("at least 8"), "fewer than 8 videos is pointed out: " + out);

        JsonNode j = new ObjectMapper().readTree(outDir.resolve("bench-batch.json").toFile());
        assertEquals(List.of("normal.mp4"), List.of(j.path("videos").get(0).asText()));
        JsonNode pose = j.path("poseOnly");
        assertFalse(pose.isMissingNode(), j.toString());
        int frames = pose.path("frames").asInt();
        assertTrue(frames > 150, "the sample has 5.5-7.1 s at 30 fps: " + frames);
        assertEquals("full", pose.path("model").asText());
        assertEquals(1, pose.path("threads").asInt());

        JsonNode batches = j.path("batches");
        assertEquals(2, batches.size());
        assertTrue(batches.get(0).path("overlayVideo").asBoolean());
        assertFalse(batches.get(1).path("overlayVideo").asBoolean());
        double poseFps = pose.path("framesPerSecond").asDouble();
        for (JsonNode b : batches) {
            assertEquals(1, b.path("done").asInt(), b.toString());
            assertEquals(frames, b.path("frames").asInt(), "the batch analyses every frame the pose-only run saw");
            double wall = b.path("wallS").asDouble();
            double fps = b.path("framesPerSecond").asDouble();
            double ratio = b.path("ratioToPoseOnly").asDouble();
            // Relations, not timings: fps is frames / wall; the ratio is fps over pose-only fps (rounding only).
            assertEquals(frames / wall, fps, 1e-6 * fps);
            assertEquals(fps / poseFps, ratio, 1e-9);
            assertTrue(ratio > 0, b.toString());
        }
        // The batches ran in fresh data folders of their own.
        assertTrue(Files.isRegularFile(outDir.resolve("scratch").resolve("batch-default").resolve("gaitlens.db")));
        assertTrue(Files.isDirectory(outDir.resolve("scratch").resolve("batch-no-video").resolve("results")));
        assertNotEquals(0, pose.path("wallS").asDouble());
    }
}
