package org.gaitlens.batch;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoWriter;
import org.junit.jupiter.api.Assertions;

/**
 * Test recordings made in code: cuts of the shared indoor validation clip (one person walking across a plain wall;
 * read from {@code gaitlens.shared.dir}, never copied into the repository), a video without anyone in it, and
 * files that only pretend to be videos.
 */
final class BatchVideos {
    /** The indoor clip: 1280x720, 30 fps, 13.4 s; walking passes at about 1.2-4.9 s and 6.4-11.4 s. */
    static final String INDOOR = "sports2d_demo4_sagittal_indoor.mp4";
    /** Width of the cuts: pose runs on a 256 px crop anyway, and a smaller frame decodes faster. */
    static final int CUT_WIDTH_PX = 640;

    private BatchVideos() {
    }

    static Path sharedVideo(String name) {
        Path f = Path.of(System.getProperty("gaitlens.shared.dir", "../shared"), "validation", "videos", name);
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("validation video not found: " + f + " (set -Dgaitlens.shared.dir)");
        }
        return f;
    }

    /**
     * Writes the frames of {@code src} with {@code startS <= t < endS} to {@code dst}, scaled to {@value #CUT_WIDTH_PX}
     * px wide, with times starting at 0. Different cuts have different bytes, hence different recordings.
     *
     * @return frames written
     */
    static int cut(Path src, Path dst, double startS, double endS) throws IOException {
        Files.createDirectories(dst.getParent());
        int n = 0;
        try (FfmpegVideoSource in = FfmpegVideoSource.open(src)) {
            int w = CUT_WIDTH_PX;
            int h = (int) Math.round(in.info().heightPx() * (double) w / in.info().widthPx()) / 2 * 2;
            try (VideoWriter out = VideoWriter.open(dst, w, h, in.info().frameRateHz()); Mat small = new Mat()) {
                Optional<VideoFrame> f;
                while ((f = in.next()).isPresent()) {
                    try (VideoFrame frame = f.get()) {
                        if (frame.timeS() < startS) {
                            continue;
                        }
                        if (frame.timeS() >= endS) {
                            break;
                        }
                        resize(frame.image(), small, new Size(w, h), 0, 0, INTER_AREA);
                        out.write(small, frame.timeS() - startS);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /**
     * A video of an empty room: a smooth grey gradient (a lit wall) whose brightness drifts slowly with seeded
     * flicker; nothing in it resembles a person.
     */
    static void noPerson(Path dst, int frames, long seed) throws IOException {
        Files.createDirectories(dst.getParent());
        Random random = new Random(seed);
        int w = 320;
        int h = 180;
        try (VideoWriter out = VideoWriter.open(dst, w, h, 30)) {
            for (int i = 0; i < frames; i++) {
                int flicker = random.nextInt(5);
                try (Mat img = new Mat(h, w, CV_8UC3)) {
                    try (UByteIndexer px = img.createIndexer()) {
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                int v = 90 + (60 * x) / w + (30 * y) / h + i / 3 + flicker;
                                px.put(y, x, 0, v);
                                px.put(y, x, 1, v + 5);
                                px.put(y, x, 2, v + 10);
                            }
                        }
                    }
                    out.write(img, i / 30.0);
                }
            }
        }
    }

    /** The first 2 KiB of a real MP4 followed by seeded random bytes: a container header with garbage after it. */
    static void corrupt(Path goodVideo, Path dst, long seed) throws IOException {
        byte[] head = Files.readAllBytes(goodVideo);
        byte[] out = new byte[64 * 1024];
        new Random(seed).nextBytes(out);
        System.arraycopy(head, 0, out, 0, Math.min(2048, head.length));
        Files.write(dst, out);
    }

    static void empty(Path dst) throws IOException {
        Files.createDirectories(dst.getParent());
        Files.write(dst, new byte[0]);
    }

    static void textRenamedMp4(Path dst) throws IOException {
        Files.createDirectories(dst.getParent());
        Files.writeString(dst, "Patient walked 10 m twice.\n".repeat(40), StandardCharsets.UTF_8);
    }

    static void assertExists(Path p) {
        Assertions.assertTrue(Files.exists(p), "exists: " + p);
    }
}
