package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoInfo;
import org.gaitlens.video.VideoProbe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone's HEVC recording, which browsers other than Safari cannot play, is recognised as such, and its browser
 * copy is H.264 with the same frames at the same times (so the skeleton drawn from landmarks.csv stays on the body).
 */
class VideoCopiesTest {
    private static final Path SAMPLE = Path.of("sample-videos", "normal.mp4");

    @TempDir
    Path dir;

    /** The sample re-encoded as HEVC by the ffmpeg program (libx265), as a phone records it. */
    private Path hevc() throws Exception {
        Path out = dir.resolve("phone.mp4");
        Process p;
        try {
            p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", SAMPLE.toString(), "-c:v", "libx265",
                    "-x265-params", "log-level=error", "-tag:v", "hvc1", out.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no ffmpeg program: " + e.getMessage());
            throw e;
        }
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Assumptions.assumeTrue(p.exitValue() == 0, "ffmpeg without libx265: " + log);
        return out;
    }

    private static List<Double> frameTimes(Path video) {
        List<Double> out = new ArrayList<>();
        try (FfmpegVideoSource src = FfmpegVideoSource.open(video)) {
            Optional<VideoFrame> f;
            while ((f = src.next()).isPresent()) {
                try (VideoFrame frame = f.get()) {
                    out.add(frame.timeS());
                }
            }
        }
        return out;
    }

    @Test
    void anHevcRecordingGetsAnH264CopyWithTheSameFrameTimes() throws Exception {
        assertTrue(VideoCopies.browserPlayable(VideoProbe.probe(SAMPLE)), "the H.264 sample plays as it is");
        Path phone = hevc();
        VideoInfo info = VideoProbe.probe(phone);
        assertEquals("hevc", info.codec());
        assertFalse(VideoCopies.browserPlayable(info));

        Path copy = dir.resolve("copy.mp4");
        int written = VideoCopies.browserCopy(phone, copy);
        assertTrue(Files.size(copy) > 0);
        VideoInfo copied = VideoProbe.probe(copy);
        assertEquals("h264", copied.codec());
        assertTrue(VideoCopies.browserPlayable(copied));
        List<Double> original = frameTimes(phone);
        List<Double> times = frameTimes(copy);
        assertEquals(original.size(), written);
        assertEquals(original.size(), times.size());
        for (int i = 0; i < times.size(); i++) {
            // container time bases round frame times: within a millisecond
            assertEquals(original.get(i), times.get(i), 1e-3, "frame " + i);
        }
    }
}
