package org.gaitlens.video;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes another {@link VideoSource} ahead of the consumer on its own daemon thread, into a small bounded queue,
 * so that decoding overlaps pose inference. Frames, their order and times are exactly the wrapped source's.
 *
 * <p>A failure of the wrapped source (for example a {@link org.gaitlens.core.VideoDecodeException}) is thrown by
 * {@link #next()} on the consumer's thread, in order, after the frames decoded before it; later calls throw it
 * again. {@link #info()} is the wrapped source's (implementations such as {@link FfmpegVideoSource} return a fixed
 * record, safe to read from any thread). {@link #close()} stops the decoding thread, closes the queued frames and
 * then the wrapped source. Use one consumer thread.
 */
public final class PrefetchingVideoSource implements VideoSource {
    private static final Logger LOG = LoggerFactory.getLogger(PrefetchingVideoSource.class);

    /** Default number of decoded frames held ahead: 8 frames of 1080p BGR are about 50 MB. */
    public static final int DEFAULT_CAPACITY_FRAMES = 8;
    private static final long CLOSE_WAIT_MS = 30_000;
    private static final long OFFER_POLL_MS = 50;

    /** What the decoding thread hands over. */
    private sealed interface Item permits FrameItem, EndItem, FailureItem {
    }

    private record FrameItem(VideoFrame frame) implements Item {
    }

    private record EndItem() implements Item {
    }

    private record FailureItem(Throwable failure) implements Item {
    }

    private final VideoSource source;
    private final BlockingQueue<Item> queue;
    private final Thread decoder;
    private volatile boolean closing;
    private boolean ended;
    private Throwable failure;
    private boolean closed;

    /** Wraps {@code source} with a queue of {@value #DEFAULT_CAPACITY_FRAMES} frames. */
    public PrefetchingVideoSource(VideoSource source) {
        this(source, DEFAULT_CAPACITY_FRAMES);
    }

    /**
     * Wraps {@code source} and starts decoding at once.
     *
     * @param source         the source to read ahead; this object takes it over and closes it
     * @param capacityFrames how many decoded frames may wait, at least 1
     * @throws IllegalArgumentException if {@code capacityFrames < 1}
     */
    public PrefetchingVideoSource(VideoSource source, int capacityFrames) {
        if (capacityFrames < 1) {
            throw new IllegalArgumentException("capacityFrames must be >= 1, was " + capacityFrames);
        }
        this.source = source;
        // one extra slot so that the end or failure marker always fits after a full queue of frames
        this.queue = new ArrayBlockingQueue<>(capacityFrames + 1);
        this.decoder = new Thread(this::decodeLoop, "gaitlens-decode-" + source.info().file().getFileName());
        decoder.setDaemon(true);
        decoder.start();
    }

    private void decodeLoop() {
        try {
            while (!closing) {
                Optional<VideoFrame> frame = source.next();
                if (frame.isEmpty()) {
                    hand(new EndItem());
                    return;
                }
                if (!hand(new FrameItem(frame.get()))) {
                    frame.get().close();
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            // an Error too, or the consumer would wait for ever
            hand(new FailureItem(e));
        }
    }

    /** Puts an item on the queue, waiting for room; false if closing started meanwhile. */
    private boolean hand(Item item) {
        try {
            while (!closing) {
                if (queue.offer(item, OFFER_POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public VideoInfo info() {
        return source.info();
    }

    /**
     * {@inheritDoc}
     *
     * @throws RuntimeException       the wrapped source's failure, such as a
     *                                {@link org.gaitlens.core.VideoDecodeException}
     * @throws CancellationException  if the calling thread is interrupted while waiting (its interrupt flag is
     *                                kept)
     * @throws IllegalStateException  if this source is closed
     */
    @Override
    public Optional<VideoFrame> next() {
        if (closed) {
            throw new IllegalStateException("video source is closed: " + info().file());
        }
        if (failure != null) {
            throw rethrowable(failure);
        }
        if (ended) {
            return Optional.empty();
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a decoded frame of " + info().file());
        }
        if (item instanceof FrameItem f) {
            return Optional.of(f.frame());
        }
        if (item instanceof FailureItem f) {
            failure = f.failure();
            throw rethrowable(failure);
        }
        ended = true;
        return Optional.empty();
    }

    private static RuntimeException rethrowable(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        decoder.interrupt();
        try {
            decoder.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Item item;
        while ((item = queue.poll()) != null) {
            if (item instanceof FrameItem f) {
                f.frame().close();
            }
        }
        if (decoder.isAlive()) {
            // Closing the source under a thread still decoding from it could crash the native decoder.
            LOG.warn("decoding thread for {} did not stop within {} ms; leaving its source open",
                    info().file(), CLOSE_WAIT_MS);
            return;
        }
        source.close();
    }
}
