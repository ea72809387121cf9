package org.gaitlens.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.VideoDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchingVideoSourceTest {
    @TempDir
    Path dir;

    @Test
    void givesTheSameFramesAsThePlainSource() throws Exception {
        int count = 25; // more than the queue holds, so the decoder has to wait for the consumer
        List<Mat> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(TestVideos.noiseFrame(500 + i, TestVideos.WIDTH_PX, TestVideos.HEIGHT_PX));
        }
        Path file = dir.resolve("clip.mkv");
        TestVideos.write(file, FfmpegVideoSourceTest.FFV1, written, TestVideos.evenTimes(count, 30), 30, null,
                Map.of());

        List<VideoFrame> plain;
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            plain = TestVideos.readAll(source);
        }
        try (PrefetchingVideoSource source = new PrefetchingVideoSource(FfmpegVideoSource.open(file), 4)) {
            assertEquals(plain.size(), count);
            List<VideoFrame> prefetched = TestVideos.readAll(source);
            assertEquals(count, prefetched.size());
            for (int i = 0; i < count; i++) {
                assertEquals(plain.get(i).index(), prefetched.get(i).index());
                assertEquals(plain.get(i).timeS(), prefetched.get(i).timeS(), 0.0, "same time stamp");
                assertEquals(0, TestVideos.maxAbsDifference(plain.get(i).image(), prefetched.get(i).image()));
            }
            assertTrue(source.next().isEmpty(), "stays at the end");
            TestVideos.closeAll(prefetched);
        } finally {
            TestVideos.closeAll(plain);
        }
    }

    @Test
    void decodeFailureReachesTheConsumerAfterTheGoodFrames() {
        VideoDecodeException failure = new VideoDecodeException(Path.of("bad.mp4"), "damaged");
        ScriptedSource scripted = new ScriptedSource(3, failure);
        try (PrefetchingVideoSource source = new PrefetchingVideoSource(scripted, 2)) {
            for (int i = 0; i < 3; i++) {
                try (VideoFrame frame = source.next().orElseThrow()) {
                    assertEquals(i, frame.index());
                }
            }
            assertSame(failure, assertThrows(VideoDecodeException.class, source::next));
            assertSame(failure, assertThrows(VideoDecodeException.class, source::next), "and again");
        }
        assertTrue(scripted.closed.get());
    }

    @Test
    void closeStopsTheDecoderAndReleasesQueuedFrames() throws Exception {
        ScriptedSource endless = new ScriptedSource(Integer.MAX_VALUE, null);
        PrefetchingVideoSource source = new PrefetchingVideoSource(endless, 3);
        source.next().orElseThrow().close();
        source.next().orElseThrow().close();
        source.close();
        assertTrue(endless.closed.get(), "wrapped source closed");
        assertTrue(!endless.decodingAfterClose.get(), "no decoding after the wrapped source was closed");
        // every frame made was closed: the two taken by the test, the rest by close()
        assertEquals(endless.made.get(), endless.released.get(), "frames made vs released");
        assertThrows(IllegalStateException.class, source::next);
    }

    /** Gives {@code good} small frames, then fails with {@code failure} (or ends if null). Tracks releases. */
    private static final class ScriptedSource implements VideoSource {
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean decodingAfterClose = new AtomicBoolean();
        private final int good;
        private final RuntimeException failure;

        ScriptedSource(int good, RuntimeException failure) {
            this.good = good;
            this.failure = failure;
        }

        @Override
        public VideoInfo info() {
            return new VideoInfo(Path.of("scripted.mp4"), 4, 4, 30, 0, 0, "none", "none", 0);
        }

        @Override
        public Optional<VideoFrame> next() {
            if (closed.get()) {
                decodingAfterClose.set(true);
            }
            int index = made.get();
            if (index >= good) {
                if (failure != null) {
                    throw failure;
                }
                return Optional.empty();
            }
            made.incrementAndGet();
            Mat image = new Mat(4, 4, CV_8UC3) {
                @Override
                public void close() {
                    released.incrementAndGet();
                    super.close();
                }
            };
            return Optional.of(new VideoFrame(index, index / 30.0, image));
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
