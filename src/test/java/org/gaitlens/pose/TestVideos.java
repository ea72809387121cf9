package org.gaitlens.pose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;

/** Validation videos for the pose tests, decoded with {@link FfmpegVideoSource}. */
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
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("validation video not found: " + f + " (set -Dgaitlens.shared.dir)");
        }
        return f;
    }

    /** Decodes every video frame with the project's video source and hands it to {@code sink}, then closes it. */
    static void forEachFrame(Path file, Consumer<VideoFrame> sink) {
        try (FfmpegVideoSource source = FfmpegVideoSource.open(file)) {
            Optional<VideoFrame> f;
            while ((f = source.next()).isPresent()) {
                try (VideoFrame vf = f.get()) {
                    sink.accept(vf);
                }
            }
        }
    }
}
