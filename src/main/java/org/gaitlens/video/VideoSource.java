package org.gaitlens.video;

import java.util.Optional;

/**
 * A sequence of upright, timestamped frames. Implementations are {@link AutoCloseable}; use
 * try-with-resources.
 */
public interface VideoSource extends AutoCloseable {

    /** Container and stream facts, available before the first frame. */
    VideoInfo info();

    /**
     * The next frame, or empty at the end of the stream. The returned frame is owned by the caller.
     *
     * @throws org.gaitlens.core.VideoDecodeException if the stream is corrupt beyond recovery
     */
    Optional<VideoFrame> next();

    @Override
    void close();
}
