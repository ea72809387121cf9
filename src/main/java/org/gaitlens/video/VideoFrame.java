package org.gaitlens.video;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame, upright (display rotation applied), 8-bit BGR, owned by the receiver.
 *
 * @param index zero-based position of the frame in decoding order
 * @param timeS presentation time in seconds from the stream's timestamps (never index / fps)
 * @param image BGR pixels; the receiver owns it and must {@link #close()} the frame when done
 */
public record VideoFrame(int index, double timeS, Mat image) implements AutoCloseable {

    /** Releases the native pixel buffer. */
    @Override
    public void close() {
        image.close();
    }
}
