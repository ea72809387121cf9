package org.gaitlens.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Writes small test videos with JavaCV's recorder, and draws the seeded synthetic frames they hold. */
final class TestVideos {
    static final int WIDTH_PX = 64;
    static final int HEIGHT_PX = 48;
    /** Side of the flat colour blocks in {@link #blockFrame}: a multiple of the 16x16 macroblocks of the codecs. */
    static final int BLOCK_PX = 16;

    private TestVideos() {
    }

    /**
     * How to encode: FFmpeg container and encoder names, pixel format ({@code AV_PIX_FMT_*}, -1 = the encoder's
     * default), fixed quantiser ({@code qscale}, -1 = the encoder's default rate control) and encoder options.
     */
    record Encoding(String container, String codec, int pixelFormat, double quality,
            Map<String, String> videoOptions) {
    }

    /**
     * Writes {@code frames} with the given presentation times; the recorder's time base is 1/{@code timeBaseHz},
     * so every time is stored to the nearest 1/{@code timeBaseHz} s.
     */
    static void write(Path file, Encoding encoding, List<Mat> frames, double[] timesS, double timeBaseHz,
            Double displayRotationDeg, Map<String, String> videoMetadata) throws FrameRecorder.Exception {
        FfmpegLibrary.init(); // FFmpeg's stream dumps and warnings go to SLF4J, not the test output
        int width = frames.get(0).cols();
        int height = frames.get(0).rows();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat(encoding.container());
            recorder.setVideoCodecName(encoding.codec());
            recorder.setFrameRate(timeBaseHz);
            if (encoding.quality() >= 0) {
                recorder.setVideoQuality(encoding.quality());
            }
            if (encoding.pixelFormat() >= 0) {
                recorder.setPixelFormat(encoding.pixelFormat());
            }
            encoding.videoOptions().forEach(recorder::setVideoOption);
            if (displayRotationDeg != null) {
                recorder.setDisplayRotation(displayRotationDeg);
            }
            videoMetadata.forEach(recorder::setVideoMetadata);
            recorder.start();
            for (int i = 0; i < frames.size(); i++) {
                recorder.setTimestamp(Math.round(timesS[i] * 1e6));
                recorder.record(converter.convert(frames.get(i)));
            }
            recorder.stop();
        }
    }

    /** Evenly spaced times i / frameRateHz. */
    static double[] evenTimes(int count, double frameRateHz) {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = i / frameRateHz;
        }
        return times;
    }

    /** A frame of seeded random noise: every pixel different, so only a lossless round trip can match it. */
    static Mat noiseFrame(long seed, int width, int height) {
        Random random = new Random(seed);
        Mat image = new Mat(height, width, CV_8UC3);
        try (UByteIndexer pixels = image.createIndexer()) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < 3; c++) {
                        pixels.put(y, x, c, random.nextInt(256));
                    }
                }
            }
        }
        return image;
    }

    /**
     * A frame of flat, seeded random colour blocks ({@value #BLOCK_PX} px squares) that lossy codecs reproduce
     * closely away from the block edges.
     */
    static Mat blockFrame(long seed, int width, int height) {
        Random random = new Random(seed);
        Mat image = new Mat(height, width, CV_8UC3);
        for (int y = 0; y < height; y += BLOCK_PX) {
            for (int x = 0; x < width; x += BLOCK_PX) {
                Scalar colour = new Scalar(32 + random.nextInt(192), 32 + random.nextInt(192),
                        32 + random.nextInt(192), 0);
                rectangle(image, new Rect(x, y, BLOCK_PX, BLOCK_PX), colour, FILLED, LINE_8, 0);
            }
        }
        return image;
    }

    /**
     * An upright asymmetric test picture: dark grey, a white block in the top-left corner and a red block in the
     * top-right corner, so both a rotation and a mirror image would move them.
     */
    static Mat uprightPattern(int width, int height) {
        Mat image = new Mat(height, width, CV_8UC3, new Scalar(40, 40, 40, 0));
        rectangle(image, new Rect(0, 0, BLOCK_PX, BLOCK_PX), new Scalar(255, 255, 255, 0), FILLED, LINE_8, 0);
        rectangle(image, new Rect(width - BLOCK_PX, 0, BLOCK_PX, BLOCK_PX), new Scalar(0, 0, 255, 0), FILLED,
                LINE_8, 0);
        return image;
    }

    /**
     * Checks that {@code image} shows {@link #uprightPattern} the right way up, from the means of the inner
     * 12x12 px of its corner blocks (2 px inset, away from the blurred block edges of lossy codecs). The
     * thresholds split 255 from 40 (the pattern's levels) with a margin of 55+ levels, far beyond the few levels a
     * fine-quantiser codec changes a flat block; a turned or mirrored picture puts 40 where 255 is expected.
     */
    static void assertUpright(Mat image) {
        int w = image.cols();
        int h = image.rows();
        int inner = BLOCK_PX - 4;
        Rect topLeft = new Rect(2, 2, inner, inner);
        Rect topRight = new Rect(w - BLOCK_PX + 2, 2, inner, inner);
        Rect bottomLeft = new Rect(2, h - BLOCK_PX + 2, inner, inner);
        Rect bottomRight = new Rect(w - BLOCK_PX + 2, h - BLOCK_PX + 2, inner, inner);
        for (int c = 0; c < 3; c++) {
            org.junit.jupiter.api.Assertions.assertTrue(meanOf(image, topLeft, c) > 200, "white top-left, channel " + c);
            org.junit.jupiter.api.Assertions.assertTrue(meanOf(image, bottomLeft, c) < 100, "dark bottom-left");
            org.junit.jupiter.api.Assertions.assertTrue(meanOf(image, bottomRight, c) < 100, "dark bottom-right");
        }
        org.junit.jupiter.api.Assertions.assertTrue(meanOf(image, topRight, 2) > 200, "red top-right (R)");
        org.junit.jupiter.api.Assertions.assertTrue(meanOf(image, topRight, 1) < 100, "red top-right (G)");
        org.junit.jupiter.api.Assertions.assertTrue(meanOf(image, topRight, 0) < 100, "red top-right (B)");
    }

    /** {@code image} turned clockwise by {@code clockwiseDeg} (0, 90, 180, 270). */
    static Mat rotatedClockwise(Mat image, int clockwiseDeg) {
        Mat out = new Mat();
        switch (clockwiseDeg) {
            case 0 -> image.copyTo(out);
            case 90 -> rotate(image, out, ROTATE_90_CLOCKWISE);
            case 180 -> rotate(image, out, ROTATE_180);
            case 270 -> rotate(image, out, ROTATE_90_COUNTERCLOCKWISE);
            default -> throw new IllegalArgumentException("clockwiseDeg " + clockwiseDeg);
        }
        return out;
    }

    /** Largest absolute difference of any channel of any pixel. */
    static int maxAbsDifference(Mat a, Mat b) {
        if (a.rows() != b.rows() || a.cols() != b.cols() || a.type() != b.type()) {
            throw new IllegalArgumentException("different images: " + a.cols() + "x" + a.rows() + " vs "
                    + b.cols() + "x" + b.rows());
        }
        int max = 0;
        try (UByteIndexer pa = a.createIndexer(); UByteIndexer pb = b.createIndexer()) {
            for (int y = 0; y < a.rows(); y++) {
                for (int x = 0; x < a.cols(); x++) {
                    for (int c = 0; c < 3; c++) {
                        max = Math.max(max, Math.abs(pa.get(y, x, c) - pb.get(y, x, c)));
                    }
                }
            }
        }
        return max;
    }

    /** Mean of channel {@code c} over a rectangle. */
    static double meanOf(Mat image, Rect area, int c) {
        double sum = 0;
        try (UByteIndexer pixels = image.createIndexer()) {
            for (int y = area.y(); y < area.y() + area.height(); y++) {
                for (int x = area.x(); x < area.x() + area.width(); x++) {
                    sum += pixels.get(y, x, c);
                }
            }
        }
        return sum / (area.width() * (double) area.height());
    }

    /** Reads every frame of a source, in order (the caller closes the frames). */
    static List<VideoFrame> readAll(VideoSource source) {
        List<VideoFrame> frames = new ArrayList<>();
        while (true) {
            var next = source.next();
            if (next.isEmpty()) {
                return frames;
            }
            frames.add(next.get());
        }
    }

    static void closeAll(List<VideoFrame> frames) {
        frames.forEach(VideoFrame::close);
    }
}
