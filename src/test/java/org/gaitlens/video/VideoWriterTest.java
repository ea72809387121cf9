package org.gaitlens.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoWriterTest {
    @TempDir
    Path dir;

    @Test
    void variableFrameRateVideoDecodesBackInSync() throws Exception {
        Random random = new Random(5);
        int count = 24;
        double[] times = new double[count];
        List<Mat> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // phone-like jitter: 25-45 ms apart, around 30 fps
            times[i] = i == 0 ? 0 : times[i - 1] + 0.025 + 0.020 * random.nextDouble();
            written.add(TestVideos.uprightPattern(TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX));
        }
        Path out = dir.resolve("overlay.mp4");
        try (VideoWriter writer = VideoWriter.open(out, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX, 30)) {
            for (int i = 0; i < count; i++) {
                writer.write(written.get(i), times[i]);
                assertFalse(Files.exists(out), "nothing under the final name before close");
            }
            assertEquals(count, writer.framesWritten());
        }
        assertEquals(List.of(out), filesIn(dir), "only the finished video is left, no temporary file");

        try (FfmpegVideoSource source = FfmpegVideoSource.open(out)) {
            VideoInfo info = source.info();
            assertEquals("h264", info.codec());
            assertEquals(TestVideos.WIDTH_PX, info.widthPx());
            assertEquals(TestVideos.HEIGHT_PX, info.heightPx());
            List<VideoFrame> frames = TestVideos.readAll(source);
            assertEquals(count, frames.size());
            for (int i = 0; i < count; i++) {
                // stored on a 90 kHz clock (rounding <= 5.6 us), read back in whole microseconds (< 1 us)
                assertEquals(times[i], frames.get(i).timeS(), 1e-5, "time of frame " + i);
                TestVideos.assertUpright(frames.get(i).image());
            }
            TestVideos.closeAll(frames);
        }
    }

    @Test
    void streamIndexIsAtTheFront() throws Exception {
        Path out = dir.resolve("faststart.mp4");
        try (VideoWriter writer = VideoWriter.open(out, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX, 25)) {
            for (int i = 0; i < 5; i++) {
                writer.write(TestVideos.blockFrame(i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX), i / 25.0);
            }
        }
        String head = new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(head.indexOf("moov") >= 0 && head.indexOf("moov") < head.indexOf("mdat"),
                "faststart: moov box before mdat");
    }

    @Test
    void oddSizeIsCroppedToEven() throws Exception {
        Path out = dir.resolve("odd.mp4");
        try (VideoWriter writer = VideoWriter.open(out, 65, 49, 30)) {
            Mat frame = TestVideos.uprightPattern(65, 49);
            writer.write(frame, 0);
            writer.write(frame, 1 / 30.0);
        }
        VideoInfo info = VideoProbe.probe(out);
        assertEquals(64, info.widthPx());
        assertEquals(48, info.heightPx());
    }

    @Test
    void rejectsBadFramesAndKeepsWriting() throws Exception {
        Path out = dir.resolve("checked.mp4");
        Mat good = TestVideos.blockFrame(1, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX);
        try (VideoWriter writer = VideoWriter.open(out, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX, 30)) {
            writer.write(good, 0.0);
            assertThrows(IllegalArgumentException.class, () -> writer.write(good, 0.0), "time must increase");
            assertThrows(IllegalArgumentException.class, () -> writer.write(good, Double.NaN), "time must be finite");
            assertThrows(IllegalArgumentException.class, () -> writer.write(new Mat(48, 64, CV_8UC1), 0.1),
                    "grey image");
            assertThrows(IllegalArgumentException.class, () -> writer.write(TestVideos.blockFrame(1, 32, 32), 0.1),
                    "wrong size");
            writer.write(good, 0.1); // a rejected frame leaves the writer usable
        }
        assertEquals(List.of(out), filesIn(dir));
        assertEquals(2, VideoProbe.probe(out).frameCountEstimate());
    }

    @Test
    void noFileWithoutFrames() throws Exception {
        Path out = dir.resolve("nothing.mp4");
        VideoWriter.open(out, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX, 30).close();
        assertEquals(List.of(), filesIn(dir), "no final file and no temporary file");
    }

    @Test
    void rejectsBadSettings() {
        Path out = dir.resolve("x.mp4");
        assertThrows(IllegalArgumentException.class, () -> VideoWriter.open(out, 64, 48, 0));
        assertThrows(IllegalArgumentException.class, () -> VideoWriter.open(out, 1, 48, 30));
        assertThrows(java.io.UncheckedIOException.class,
                () -> VideoWriter.open(dir.resolve("missing-folder").resolve("x.mp4"), 64, 48, 30));
    }

    @Test
    void replacesAnExistingFileOnlyWhenDone() throws Exception {
        Path out = dir.resolve("session.mp4");
        Files.writeString(out, "previous");
        try (VideoWriter writer = VideoWriter.open(out, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX, 30)) {
            writer.write(TestVideos.blockFrame(2, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX), 0.0);
            assertEquals("previous", Files.readString(out));
        }
        VideoInfo info = VideoProbe.probe(out);
        assertEquals(1, info.frameCountEstimate());
        assertEquals(1 / 30.0, info.durationS(), 1e-4, "a single frame lasts one nominal frame period");
        try (FfmpegVideoSource source = FfmpegVideoSource.open(out)) {
            List<VideoFrame> frames = TestVideos.readAll(source);
            assertEquals(1, frames.size());
            TestVideos.closeAll(frames);
        }
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
