package org.gaitlens.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decodes the real clips in {@code shared/validation/videos} (facts from its README and from ffprobe) and checks
 * size, rate, duration and timestamps. Prints the decoding speed for information only (no timed assertion).
 */
class RealVideoTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, codec, width, height, duration s
        "sports2d_demo_outdoor_sagittal.mp4, vp9, 1768, 994, 7.7",
        "sports2d_demo4_sagittal_indoor.mp4, h264, 1280, 720, 13.4"})
    void decodesWithRegularTimestamps(String name, String codec, int widthPx, int heightPx, double durationS) {
        String shared = System.getProperty("gaitlens.shared.dir");
        Assumptions.assumeTrue(shared != null, "gaitlens.shared.dir not set (run through Maven)");
        Path file = Path.of(shared, "validation", "videos", name);
        assertTrue(Files.isRegularFile(file), "validation video missing: " + file);

        VideoInfo probed = VideoProbe.probe(file);
        assertEquals(codec, probed.codec());
        assertEquals(widthPx, probed.widthPx());
        assertEquals(heightPx, probed.heightPx());
        assertEquals(0, probed.rotationDeg());
        assertEquals(30, probed.frameRateHz(), 0.1, "about 30 fps");
        // the README gives the duration to 0.1 s
        assertEquals(durationS, probed.durationS(), 0.05 + 1e-9);

        long startNs = 0; // from the first frame on, so that loading the natives is not counted
        int count = 0;
        double firstS = Double.NaN;
        double previousS = Double.NEGATIVE_INFINITY;
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            assertEquals(probed, source.info());
            while (true) {
                Optional<VideoFrame> next = source.next();
                if (next.isEmpty()) {
                    break;
                }
                try (VideoFrame frame = next.get()) {
                    assertEquals(count, frame.index());
                    assertEquals(widthPx, frame.image().cols());
                    assertEquals(heightPx, frame.image().rows());
                    assertTrue(frame.timeS() > previousS, "times increase at frame " + count);
                    if (count == 0) {
                        firstS = frame.timeS();
                        startNs = System.nanoTime();
                    }
                    previousS = frame.timeS();
                    count++;
                }
            }
        }
        double seconds = (System.nanoTime() - startNs) / 1e9;
        System.out.printf("%s: decoded %d frames of %dx%d at %.0f fps (after the first)%n", name, count, widthPx,
                heightPx, (count - 1) / seconds);

        // first frame at the stream start; about 30 frames per second of video, each 1/30 s after the last:
        // (count - 1) frame periods span first to last frame, one more period is the last frame's display time
        assertEquals(0, firstS, 1e-3);
        assertEquals(probed.durationS(), (previousS - firstS) * count / (count - 1.0), 1.5 / 30,
                "last frame time");
        assertEquals(probed.durationS() * 30, count, 2, "frame count");
    }
}
