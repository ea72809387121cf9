package org.gaitlens.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the FFmpeg natives once and routes FFmpeg's own log messages to SLF4J (logger
 * {@code org.gaitlens.video.ffmpeg}) instead of standard error.
 *
 * <p>FFmpeg's log level is set to {@code AV_LOG_ERROR}: FFmpeg's informational output (for example the stream dump
 * JavaCV's grabber prints at {@code AV_LOG_INFO}) and warnings stay quiet, decoding errors are logged at SLF4J debug
 * level (gaitlens itself summarises them in one warning per file), fatal errors at SLF4J error level. This is a
 * process-wide FFmpeg setting.
 */
final class FfmpegLibrary {
    private static final Logger FFMPEG_LOG = LoggerFactory.getLogger("org.gaitlens.video.ffmpeg");
    private static final Slf4jLogCallback CALLBACK;

    static {
        Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
        Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
        Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
        Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
        CALLBACK = new Slf4jLogCallback();
        CALLBACK.retainReference();
        setLogCallback(CALLBACK);
        av_log_set_level(AV_LOG_ERROR);
    }

    private FfmpegLibrary() {
    }

    /** Makes sure the natives are loaded and logging is routed; cheap after the first call. */
    static void init() {
        // the static initialiser does the work
    }

    /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
    static String errorText(int errorCode) {
        try (BytePointer buffer = new BytePointer(256)) {
            if (av_strerror(errorCode, buffer, buffer.capacity()) < 0) {
                return "FFmpeg error " + errorCode;
            }
            return buffer.getString();
        }
    }

    /** Forwards FFmpeg log lines to SLF4J. */
    private static final class Slf4jLogCallback extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            if (level > AV_LOG_WARNING) {
                return;
            }
            String text = message.getString().strip();
            if (level <= AV_LOG_FATAL) {
                FFMPEG_LOG.error(text);
            } else if (level <= AV_LOG_ERROR) {
                FFMPEG_LOG.debug(text);
            } else {
                FFMPEG_LOG.trace(text);
            }
        }
    }
}
