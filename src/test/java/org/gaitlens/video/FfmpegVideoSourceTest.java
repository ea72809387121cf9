package org.gaitlens.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.gaitlens.video.TestVideos.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FfmpegVideoSourceTest {
    /** FFV1 (lossless) in Matroska, with BGR0 samples: BGR24 -> BGR0 -> BGR24 only pads and drops a byte. */
    static final Encoding FFV1 = new Encoding("matroska", "ffv1", AV_PIX_FMT_BGR0, -1, Map.of());
    /**
     * MPEG-4 part 2 at its finest quantiser in MP4, which stores the display matrix in the track header. (A lossless
     * codec would be nicer, but JavaCV 1.5.13's recorder crashes in {@code av_packet_side_data_new} when it adds
     * the display matrix to a PNG or FFV1 stream; MPEG-4 works.)
     */
    static final Encoding MPEG4_MP4 = new Encoding("mp4", "mpeg4", -1, 1, Map.of());

    @TempDir
    Path dir;

    @Test
    void losslessVideoReadsBackExactly() throws Exception {
        int count = 12;
        double frameRateHz = 30;
        List<Mat> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(TestVideos.noiseFrame(1000 + i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX));
        }
        Path file = dir.resolve("lossless.mkv");
        TestVideos.write(file, FFV1, written, TestVideos.evenTimes(count, frameRateHz), frameRateHz, null, Map.of());

        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            VideoInfo info = source.info();
            assertEquals(TestVideos.WIDTH_PX, info.widthPx());
            assertEquals(TestVideos.HEIGHT_PX, info.heightPx());
            assertEquals(0, info.rotationDeg());
            assertEquals("ffv1", info.codec());
            assertEquals("matroska,webm", info.container());
            List<VideoFrame> frames = TestVideos.readAll(source);
            try {
                assertEquals(count, frames.size());
                for (int i = 0; i < count; i++) {
                    VideoFrame frame = frames.get(i);
                    assertEquals(i, frame.index());
                    // Matroska stores times in whole milliseconds: i/30 s is off by at most 0.5 ms.
                    assertEquals(i / frameRateHz, frame.timeS(), 1e-3, "time of frame " + i);
                    // Lossless codec, and BGR <-> BGR0 is a byte shuffle: every pixel must match exactly.
                    assertEquals(0, TestVideos.maxAbsDifference(written.get(i), frame.image()), "pixels of frame " + i);
                }
            } finally {
                TestVideos.closeAll(frames);
            }
        }
    }

    @Test
    void framesAreCopiesNotViewsOfTheDecoderBuffer() throws Exception {
        int count = 4;
        List<Mat> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(TestVideos.noiseFrame(2000 + i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX));
        }
        Path file = dir.resolve("copies.mkv");
        TestVideos.write(file, FFV1, written, TestVideos.evenTimes(count, 25), 25, null, Map.of());
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            List<VideoFrame> frames = TestVideos.readAll(source);
            // All frames held at once: had they shared the grabber's buffer, they would all show the last frame.
            for (int i = 0; i < count; i++) {
                assertEquals(0, TestVideos.maxAbsDifference(written.get(i), frames.get(i).image()), "frame " + i);
            }
            TestVideos.closeAll(frames);
        }
    }

    /**
     * The stored frames are the upright picture turned counter-clockwise by {@code clockwiseDeg}; the display
     * matrix says "turn clockwise by clockwiseDeg to show". JavaCV's {@code setDisplayRotation(a)} writes a matrix
     * that FFmpeg reads back as a counter-clockwise angle {@code a} (checked against the ffmpeg 5.1 command line,
     * whose ffprobe reports {@code rotation=90} for a = 90 and whose auto-rotation turns such a clip
     * counter-clockwise), so a clockwise turn is {@code setDisplayRotation(-clockwiseDeg)}.
     */
    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void displayRotationIsApplied(int clockwiseDeg) throws Exception {
        Mat upright = TestVideos.uprightPattern(TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX);
        Mat stored = TestVideos.rotatedClockwise(upright, (360 - clockwiseDeg) % 360);
        Path file = dir.resolve("rotated" + clockwiseDeg + ".mp4");
        TestVideos.write(file, MPEG4_MP4, List.of(stored, stored, stored), TestVideos.evenTimes(3, 30), 30,
                (double) -clockwiseDeg, Map.of());

        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            assertEquals(clockwiseDeg, source.info().rotationDeg());
            assertEquals(TestVideos.WIDTH_PX, source.info().widthPx(), "displayed width");
            assertEquals(TestVideos.HEIGHT_PX, source.info().heightPx(), "displayed height");
            List<VideoFrame> frames = TestVideos.readAll(source);
            assertEquals(3, frames.size());
            for (VideoFrame frame : frames) {
                assertEquals(TestVideos.WIDTH_PX, frame.image().cols());
                assertEquals(TestVideos.HEIGHT_PX, frame.image().rows());
                TestVideos.assertUpright(frame.image());
            }
            TestVideos.closeAll(frames);
        }
    }

    @Test
    void storedSizeIsSwappedForQuarterTurns() throws Exception {
        // A landscape-stored clip displayed as portrait, as phones record it: 64x48 stored, 48x64 shown.
        Mat stored = TestVideos.uprightPattern(TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX);
        Path file = dir.resolve("portrait.mp4");
        TestVideos.write(file, MPEG4_MP4, List.of(stored), new double[] {0}, 30, -90.0, Map.of());
        VideoInfo info = VideoProbe.probe(file);
        assertEquals(90, info.rotationDeg());
        assertEquals(TestVideos.HEIGHT_PX, info.widthPx());
        assertEquals(TestVideos.WIDTH_PX, info.heightPx());
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file); VideoFrame frame = source.next().orElseThrow()) {
            assertEquals(TestVideos.HEIGHT_PX, frame.image().cols());
            assertEquals(TestVideos.WIDTH_PX, frame.image().rows());
            // the white block, top-left when stored, is top-right after the clockwise quarter turn (inner 12x12 px;
            // 200 splits white 255 from the background 40, see TestVideos.assertUpright)
            Rect topRight = new Rect(TestVideos.HEIGHT_PX - TestVideos.BLOCK_PX + 2, 2, 12, 12);
            assertTrue(TestVideos.meanOf(frame.image(), topRight, 1) > 200);
            Rect topLeft = new Rect(2, 2, 12, 12);
            assertTrue(TestVideos.meanOf(frame.image(), topLeft, 1) < 100);
        }
    }

    @Test
    void legacyRotateTagIsAppliedWhenThereIsNoDisplayMatrix() throws Exception {
        // Matroska keeps arbitrary stream tags; older phone files carry "rotate" (clockwise degrees) this way.
        Mat upright = TestVideos.uprightPattern(TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX);
        Mat stored = TestVideos.rotatedClockwise(upright, 90);
        Path file = dir.resolve("tagged.mkv");
        TestVideos.write(file, FFV1, List.of(stored), new double[] {0}, 30, null, Map.of("rotate", "270"));
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file); VideoFrame frame = source.next().orElseThrow()) {
            assertEquals(270, source.info().rotationDeg());
            assertEquals(0, TestVideos.maxAbsDifference(upright, frame.image()));
        }
    }

    @Test
    void variableFrameRateKeepsItsTimestamps() throws Exception {
        Random random = new Random(7);
        int count = 20;
        double[] times = new double[count];
        List<Mat> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times[i] = i == 0 ? 0 : times[i - 1] + 0.010 + 0.090 * random.nextDouble(); // 10-100 ms apart
            written.add(TestVideos.blockFrame(3000 + i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX));
        }
        Path file = dir.resolve("vfr.mkv");
        // time base 1 ms (the recorder's "frame rate" is its clock), as Matroska stores it anyway
        TestVideos.write(file, FFV1, written, times, 1000, null, Map.of());
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            List<VideoFrame> frames = TestVideos.readAll(source);
            assertEquals(count, frames.size());
            for (int i = 0; i < count; i++) {
                // stored to the nearest millisecond: at most 0.5 ms off
                assertEquals(times[i], frames.get(i).timeS(), 1e-3, "time of frame " + i);
                assertEquals(0, TestVideos.maxAbsDifference(written.get(i), frames.get(i).image()));
            }
            TestVideos.closeAll(frames);
        }
    }
}
