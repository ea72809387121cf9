package org.gaitlens.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;

/**
 * {@link FfmpegVideoSource#skip()}: a frame passed over uses up its index and time like one read, and the frames read
 * after skipped ones are the same pixels as when every frame is read (a rendered sample, sample-videos/README.md).
 */
class FfmpegVideoSourceSkipTest {
    private static final Path VIDEO = Path.of("sample-videos", "normal.mp4");

    private record Seen(int index, double timeS, byte[] pixels) {
    }

    private static byte[] pixels(VideoFrame f) {
        byte[] b = new byte[(int) (f.image().total() * f.image().elemSize())];
        try (BytePointer p = f.image().data()) {
            p.get(b);
        }
        return b;
    }

    @Test
    void skippedFramesKeepIndicesTimesAndLaterPixels() {
        List<Seen> all = new ArrayList<>();
        try (FfmpegVideoSource src = FfmpegVideoSource.open(VIDEO)) {
            Optional<VideoFrame> f;
            while ((f = src.next()).isPresent()) {
                try (VideoFrame frame = f.get()) {
                    all.add(new Seen(frame.index(), frame.timeS(), pixels(frame)));
                }
            }
        }
        assertTrue(all.size() > 100, "the sample has 5.5-7.1 s at 30 fps");
        List<Seen> some = new ArrayList<>();
        int skipped = 0;
        try (FfmpegVideoSource src = FfmpegVideoSource.open(VIDEO)) {
            while (true) {
                int index = src.nextIndex();
                if (index % 7 != 3) { // read every 7th frame, pass over the rest
                    if (!src.skip()) {
                        break;
                    }
                    skipped++;
                    continue;
                }
                Optional<VideoFrame> f = src.next();
                if (f.isEmpty()) {
                    break;
                }
                try (VideoFrame frame = f.get()) {
                    assertEquals(index, frame.index());
                    some.add(new Seen(frame.index(), frame.timeS(), pixels(frame)));
                }
            }
            assertFalse(src.skip(), "at the end, skipping reports the end");
            assertEquals(all.size(), src.nextIndex());
        }
        assertEquals(all.size(), skipped + some.size());
        for (Seen s : some) {
            Seen ref = all.get(s.index());
            assertEquals(ref.timeS(), s.timeS(), 0.0);
            assertArrayEquals(ref.pixels(), s.pixels(), "frame " + s.index());
        }
    }
}
