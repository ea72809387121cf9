package org.gaitlens.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.VideoDecodeException;
import org.gaitlens.video.TestVideos.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not (wholly) usable videos: each gives a {@link VideoDecodeException} naming the file. */
class DamagedVideoTest {
    private static final int FRAMES = 30;

    @TempDir
    Path dir;

    /** Opens and decodes the whole file, as the pipeline does, and expects a failure that names the file. */
    private VideoDecodeException assertDecodeFails(Path file) {
        VideoDecodeException e = assertThrows(VideoDecodeException.class, () -> {
            try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
                TestVideos.closeAll(TestVideos.readAll(source));
            }
        });
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
        assertEquals(2, e.exitCode(), "bad input exit code");
        return e;
    }

    private Path writeClip(String name, Encoding encoding) throws Exception {
        List<Mat> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            frames.add(TestVideos.blockFrame(i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX));
        }
        Path file = dir.resolve(name);
        TestVideos.write(file, encoding, frames, TestVideos.evenTimes(FRAMES, 30), 30, null, Map.of());
        return file;
    }

    @Test
    void missingFile() {
        VideoDecodeException e = assertDecodeFails(dir.resolve("no-such-walk.mp4"));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertThrows(VideoDecodeException.class, () -> VideoProbe.probe(dir.resolve("no-such-walk.mp4")));
    }

    @Test
    void emptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.mp4"));
        VideoDecodeException e = assertDecodeFails(file);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void folderInsteadOfFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("walk.mp4"));
        assertDecodeFails(folder);
    }

    @Test
    void textFileRenamedMp4() throws Exception {
        Path file = dir.resolve("notes.mp4");
        Files.writeString(file, "Patient walked 10 m twice, left knee pain.\n".repeat(50), StandardCharsets.UTF_8);
        VideoDecodeException e = assertDecodeFails(file);
        assertTrue(e.getMessage().contains("Export the recording as MP4"), e.getMessage());
    }

    @Test
    void audioOnlyFile() throws Exception {
        Path file = dir.resolve("voice-memo.mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            FfmpegLibrary.init();
            recorder.setFormat("mp4");
            recorder.setAudioCodecName("aac");
            recorder.setSampleRate(48_000);
            recorder.start();
            short[] samples = new short[48_000];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            }
            recorder.recordSamples(ShortBuffer.wrap(samples));
            recorder.stop();
        }
        VideoDecodeException e = assertDecodeFails(file);
        assertTrue(e.getMessage().contains("no video stream"), e.getMessage());
    }

    @Test
    void validHeaderThenGarbage() throws Exception {
        Path clip = writeClip("clip.mkv", FfmpegVideoSourceTest.FFV1);
        byte[] bytes = Files.readAllBytes(clip);
        int firstCluster = indexOf(bytes, new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75}); // Matroska Cluster ID
        assertTrue(firstCluster > 0, "test clip has a cluster");
        byte[] damaged = Arrays.copyOf(bytes, bytes.length);
        byte[] garbage = new byte[bytes.length - firstCluster];
        new Random(11).nextBytes(garbage);
        System.arraycopy(garbage, 0, damaged, firstCluster, garbage.length);
        Path file = dir.resolve("garbage.mkv");
        Files.write(file, damaged);
        assertDecodeFails(file);
    }

    @Test
    void truncatedMp4WithIndexAtTheEnd() throws Exception {
        // An MP4 written the usual way keeps its index (moov) at the end: cut in half, nothing can be located.
        Path clip = writeClip("clip.mp4", new Encoding("mp4", "mpeg4", -1, 2, Map.of()));
        Path file = dir.resolve("half.mp4");
        byte[] bytes = Files.readAllBytes(clip);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertDecodeFails(file);
    }

    @Test
    void truncatedMatroskaDecodesWhatItCan() throws Exception {
        // Matroska needs no index: the first half of a cut file still decodes, with a warning, and no failure.
        Path clip = writeClip("clip.mkv", FfmpegVideoSourceTest.FFV1);
        Path file = dir.resolve("half.mkv");
        byte[] bytes = Files.readAllBytes(clip);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            List<VideoFrame> frames = TestVideos.readAll(source);
            // the frames are all about the same size, so about half of them are in the first half of the bytes
            assertTrue(frames.size() > FRAMES / 4 && frames.size() < FRAMES, "decoded " + frames.size());
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(i / 30.0, frames.get(i).timeS(), 1e-3);
                Mat expected = TestVideos.blockFrame(i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX);
                assertEquals(0, TestVideos.maxAbsDifference(expected, frames.get(i).image()), "frame " + i);
            }
            TestVideos.closeAll(frames);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
