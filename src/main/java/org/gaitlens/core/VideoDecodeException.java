package org.gaitlens.core;

import java.nio.file.Path;

/** A video file cannot be decoded (corrupt, truncated, empty, audio-only or not a video). */
public class VideoDecodeException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public VideoDecodeException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public VideoDecodeException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The file that could not be decoded. */
    public Path file() {
        return file;
    }
}
