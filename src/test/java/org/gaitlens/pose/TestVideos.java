package org.gaitlens.pose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.video.VideoFrame;
import org.junit.jupiter.api.Assumptions;

/**
 * Test-local video access: decodes a file with JavaCV's FFmpeg grabber into BGR {@link VideoFrame}s with
 * stream timestamps. (The project's own video source lives in the video package; these tests only need
 * upright frames of two landscape clips without display rotation.)
 */
final class TestVideos {
    private TestVideos() {
    }

    /** The shared validation directory from the system property {@code gaitlens.shared.dir}. */
    static Path sharedDir() {
        String p = System.getProperty("gaitlens.shared.dir", "../shared");
        return Path.of(p);
    }

    /** A validation video; the test fails (not skips) when it is missing, as CI provides it. */
    static Path video(String name) {
        Path f = sharedDir().resolve("validation").resolve("videos").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(f) || !Boolean.getBoolean("gaitlens.tests.skipMissingData"),
                "missing " + f);
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("validation video not found: " + f + " (set -Dgaitlens.shared.dir)");
        }
        return f;
    }

    /** Decodes every video frame and hands it to {@code sink}, which must not keep it (it is closed after). */
    static void forEachFrame(Path file, Consumer<VideoFrame> sink) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24);
            g.start();
            int index = 0;
            Frame f;
            while ((f = g.grabImage()) != null) {
                Mat m = conv.convert(f);
                try (VideoFrame vf = new VideoFrame(index++, f.timestamp / 1e6, m.clone())) {
                    sink.accept(vf);
                }
            }
            g.stop();
        }
    }
}
