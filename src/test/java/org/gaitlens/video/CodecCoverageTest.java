package org.gaitlens.video;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.gaitlens.video.TestVideos.Encoding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes a short clip in each codec and container phones and cameras produce, and reads it back. Decoding is what
 * gaitlens needs: where the FFmpeg build has no encoder for a codec, the test only checks that the decoder is
 * there (and is reported as skipped); a missing decoder fails.
 */
class CodecCoverageTest {
    private static final int FRAMES = 10;
    private static final double FRAME_RATE_HZ = 30;

    @TempDir
    Path dir;

    static Stream<Arguments> codecs() {
        return Stream.of(
                // name shown, decoder, encoder (null: none in the LGPL build), file, encoding
                Arguments.of("H.264 in MP4", "h264", "libopenh264", "h264.mp4",
                        new Encoding("mp4", "libopenh264", -1, -1, Map.of("b", "1000k"))),
                Arguments.of("HEVC in MP4", "hevc", null, "hevc.mp4", null),
                Arguments.of("VP9 in WebM", "vp9", "libvpx-vp9", "vp9.webm",
                        new Encoding("webm", "libvpx-vp9", -1, -1,
                                Map.of("crf", "10", "b", "0", "deadline", "realtime", "cpu-used", "8"))),
                Arguments.of("MJPEG in AVI", "mjpeg", "mjpeg", "mjpeg.avi",
                        new Encoding("avi", "mjpeg", -1, 2, Map.of())),
                Arguments.of("ProRes in MOV", "prores", "prores_ks", "prores.mov",
                        new Encoding("mov", "prores_ks", AV_PIX_FMT_YUV422P10LE, -1, Map.of())),
                Arguments.of("AV1 in MKV", "libaom-av1", "libaom-av1", "av1.mkv",
                        new Encoding("matroska", "libaom-av1", -1, -1,
                                Map.of("crf", "10", "b", "0", "cpu-used", "8", "usage", "realtime"))),
                Arguments.of("MPEG-4 part 2 in MP4", "mpeg4", "mpeg4", "mpeg4.mp4",
                        new Encoding("mp4", "mpeg4", -1, 2, Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void clipReadsBack(String name, String decoder, String encoder, String fileName, Encoding encoding)
            throws Exception {
        FfmpegLibrary.init();
        assertNotNull(avcodec_find_decoder_by_name(decoder), name + ": FFmpeg build cannot decode " + decoder);
        Assumptions.assumeTrue(encoder != null && avcodec_find_encoder_by_name(encoder) != null,
                name + ": no encoder in this FFmpeg build; decoder " + decoder + " is present");

        List<Mat> written = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            written.add(TestVideos.blockFrame(100 + i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX));
        }
        Path file = dir.resolve(fileName);
        TestVideos.write(file, encoding, written, TestVideos.evenTimes(FRAMES, FRAME_RATE_HZ), FRAME_RATE_HZ, null,
                Map.of());

        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            VideoInfo info = source.info();
            assertEquals(TestVideos.WIDTH_PX, info.widthPx(), name);
            assertEquals(TestVideos.HEIGHT_PX, info.heightPx(), name);
            // FFmpeg's own decoder names: libaom-av1 decodes codec "av1"
            assertEquals(decoder.equals("libaom-av1") ? "av1" : decoder, info.codec(), name);
            List<VideoFrame> frames = TestVideos.readAll(source);
            assertEquals(FRAMES, frames.size(), name + " frame count");
            for (int i = 0; i < FRAMES; i++) {
                // every container here stores times to 1 ms or finer
                assertEquals(i / FRAME_RATE_HZ, frames.get(i).timeS(), 1e-3, name + " time of frame " + i);
                assertShowsFrame(written, i, frames.get(i).image(), name);
            }
            TestVideos.closeAll(frames);
        }
    }

    /**
     * The decoded frame must be the written frame {@code i}: each block's inner 8x8 px mean colour is nearer to
     * that block's true colour than to the colour of the same block in any other written frame (the colours are
     * random per frame, so a wrong or shifted frame fails), and within 20 levels of it (lossy codecs at the
     * high-quality settings above keep flat areas well inside that; 20 is under a tenth of the colour range drawn).
     */
    private static void assertShowsFrame(List<Mat> written, int i, Mat decoded, String name) {
        int block = TestVideos.BLOCK_PX;
        for (int y = 0; y < decoded.rows(); y += block) {
            for (int x = 0; x < decoded.cols(); x += block) {
                Rect inner = new Rect(x + 4, y + 4, block - 8, block - 8);
                double[] seen = new double[3];
                for (int c = 0; c < 3; c++) {
                    seen[c] = TestVideos.meanOf(decoded, inner, c);
                }
                double own = distance(seen, written.get(i), inner);
                assertTrue(own < 20, name + " frame " + i + " block (" + x + "," + y + ") off by " + own);
                for (int j = 0; j < written.size(); j++) {
                    if (j != i) {
                        assertTrue(own < distance(seen, written.get(j), inner),
                                name + " frame " + i + " block (" + x + "," + y + ") looks like frame " + j);
                    }
                }
            }
        }
    }

    /** Largest channel difference between a colour and the mean colour of {@code area} in {@code image}. */
    private static double distance(double[] colour, Mat image, Rect area) {
        double max = 0;
        for (int c = 0; c < 3; c++) {
            max = Math.max(max, Math.abs(colour[c] - TestVideos.meanOf(image, area, c)));
        }
        return max;
    }
}
