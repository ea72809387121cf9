package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.video.VideoWriter;

/**
 * Encodes frames on its own thread so that H.264 encoding of the overlay video overlaps pose inference.
 * Frames handed to {@link #write} are owned by the sink and released after encoding. A bounded queue
 * keeps memory flat: a producer faster than the encoder waits.
 */
final class AsyncVideoSink implements AutoCloseable {
    private static final int CAPACITY_FRAMES = 6;

    private record Item(Mat image, double timeS) {
    }

    private static final Item END = new Item(null, Double.NaN);

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY_FRAMES);
    private final Thread thread;
    private final VideoWriter writer;
    private volatile Throwable failure;

    AsyncVideoSink(Path file, int widthPx, int heightPx, double frameRateHz) {
        this.writer = VideoWriter.open(file, widthPx, heightPx, frameRateHz);
        this.thread = new Thread(this::drain, "gaitlens-encoder");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == END) {
                    return;
                }
                try {
                    if (failure == null) {
                        writer.write(item.image(), item.timeS());
                    }
                } finally {
                    item.image().close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            Item rest;
            while ((rest = queue.poll()) != null) {
                if (rest.image() != null) {
                    rest.image().close();
                }
            }
        }
    }

    /** Queues a frame for encoding; takes ownership of {@code image}. */
    void write(Mat image, double timeS) {
        rethrow();
        try {
            while (!queue.offer(new Item(image, timeS), 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    image.close();
                    throw new IllegalStateException("overlay encoder stopped");
                }
            }
        } catch (InterruptedException e) {
            image.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing an overlay frame", e);
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /** Waits for the queued frames, then finishes the file (atomically moved into place by the writer). */
    @Override
    public void close() {
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writer.close();
        }
        rethrow();
    }
}
