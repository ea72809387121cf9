package org.gaitlens.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes 8-bit BGR frames to an H.264 MP4 file (annotated overlay videos), keeping each frame's own time so that
 * variable-frame-rate input stays in sync.
 *
 * <ul>
 *   <li><b>Encoder</b>: {@code libx264} (preset {@code veryfast}, CRF 23) when the FFmpeg build has it; the LGPL
 *       build that gaitlens ships has no x264, so then Cisco's {@code libopenh264} is used with a bitrate of
 *       {@value #OPENH264_BITS_PER_PIXEL} bits per pixel per frame (about 2.8 Mbit/s for 720p at 30 fps). Either way:
 *       yuv420p, a key frame every 2 s, MP4 with {@code +faststart} (index first, so it plays while downloading).
 *       {@link #encoderName()} says which one ran.</li>
 *   <li><b>Time</b>: frame times are stored on a 90 kHz clock (the MPEG convention), so any time is kept to
 *       about 11 microseconds; {@code frameRateHz} is only the nominal rate the encoder plans its bitrate with and
 *       the duration given to the last frame.</li>
 *   <li><b>Size</b>: H.264 in yuv420p needs an even width and height; an odd one loses its last pixel column or row
 *       (cropped, not scaled).</li>
 *   <li><b>Safety</b>: the file is written under a hidden temporary name in the target folder and moved to its
 *       final name (atomically where the file system allows) only by a successful {@link #close()}; a crash or a
 *       failed write leaves no half file under the final name.</li>
 * </ul>
 * Failures to write (disk full, folder not writable, encoder error) are {@link UncheckedIOException}s.
 * Not thread-safe.
 *
 * <p>Longer than most classes here on purpose: the FFmpeg objects (format context, stream, encoder, frame, packet,
 * scaler) are allocated in one order and must be released in the reverse order on every path; keeping them in one
 * class keeps that ownership in one place.
 */
public final class VideoWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoWriter.class);

    /** Bits per pixel per frame for the openh264 fallback, which has no constant-quality mode. */
    static final double OPENH264_BITS_PER_PIXEL = 0.1;
    /** Ticks per second of the stored time stamps. */
    private static final int TIME_BASE_HZ = 90_000;
    private static final double KEY_FRAME_INTERVAL_S = 2.0;

    private final Path target;
    private final Path temporary;
    private final int widthPx;
    private final int heightPx;
    private final double frameRateHz;
    private final String encoderName;
    private final AVFormatContext format;
    private final AVCodecContext encoder;
    private final AVStream stream;
    private final AVFrame picture;
    private final AVPacket packet;
    private final SwsContext converter;
    private final AVRational encoderTimeBase;
    private long lastPts = Long.MIN_VALUE;
    private int framesWritten;
    private boolean failed;
    private boolean closed;

    private VideoWriter(Path target, Path temporary, int widthPx, int heightPx, double frameRateHz,
            String encoderName, AVFormatContext format, AVCodecContext encoder, AVStream stream, AVFrame picture,
            AVPacket packet, SwsContext converter) {
        this.target = target;
        this.temporary = temporary;
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.frameRateHz = frameRateHz;
        this.encoderName = encoderName;
        this.format = format;
        this.encoder = encoder;
        this.stream = stream;
        this.picture = picture;
        this.packet = packet;
        this.converter = converter;
        this.encoderTimeBase = encoder.time_base();
    }

    /**
     * Starts writing an H.264 MP4 video.
     *
     * @param out         the final path of the video (its folder must exist); an existing file is replaced on
     *                    {@link #close()}
     * @param widthPx     width of the frames that will be written, at least 2
     * @param heightPx    height of the frames that will be written, at least 2
     * @param frameRateHz nominal frame rate, &gt; 0 (bitrate planning and last frame's duration)
     * @return an open writer; close it to finish the file
     * @throws IllegalArgumentException if a size or the frame rate is out of range
     * @throws UncheckedIOException     if the folder is missing or not writable, or no H.264 encoder can be opened
     */
    public static VideoWriter open(Path out, int widthPx, int heightPx, double frameRateHz) {
        if (widthPx < 2 || heightPx < 2) {
            throw new IllegalArgumentException("frame size must be at least 2x2, was " + widthPx + "x" + heightPx);
        }
        if (!(frameRateHz > 0) || Double.isInfinite(frameRateHz)) {
            throw new IllegalArgumentException("frameRateHz must be > 0, was " + frameRateHz);
        }
        FfmpegLibrary.init();
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException("cannot write " + target + ": folder " + folder
                    + " does not exist"));
        }
        Path temporary = folder.resolve("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
        int encodedWidthPx = widthPx & ~1;
        int encodedHeightPx = heightPx & ~1;

        AVFormatContext format = null;
        AVCodecContext encoder = null;
        AVFrame picture = null;
        AVPacket packet = null;
        SwsContext converter = null;
        boolean ok = false;
        try {
            format = new AVFormatContext(null);
            check(avformat_alloc_output_context2(format, null, "mp4", temporary.toString()), target,
                    "cannot set up the MP4 container");

            AVCodec codec = avcodec_find_encoder_by_name("libx264");
            String encoderName = "libx264";
            if (codec == null) {
                codec = avcodec_find_encoder_by_name("libopenh264");
                encoderName = "libopenh264";
            }
            if (codec == null) {
                throw new UncheckedIOException(new IOException("cannot write " + target
                        + ": this FFmpeg build has no H.264 encoder (libx264 or libopenh264)"));
            }
            encoder = avcodec_alloc_context3(codec);
            encoder.width(encodedWidthPx);
            encoder.height(encodedHeightPx);
            encoder.pix_fmt(AV_PIX_FMT_YUV420P);
            encoder.time_base(new AVRational().num(1).den(TIME_BASE_HZ));
            encoder.framerate(av_d2q(frameRateHz, 100_000));
            encoder.gop_size((int) Math.max(1, Math.round(KEY_FRAME_INTERVAL_S * frameRateHz)));
            encoder.thread_count(0);
            if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            AVDictionary codecOptions = new AVDictionary(null);
            if (encoderName.equals("libx264")) {
                av_dict_set(codecOptions, "preset", "veryfast", 0);
                av_dict_set(codecOptions, "crf", "23", 0);
            } else {
                encoder.bit_rate(Math.max(200_000L,
                        Math.round(OPENH264_BITS_PER_PIXEL * encodedWidthPx * encodedHeightPx * frameRateHz)));
                av_dict_set(codecOptions, "allow_skip_frames", "0", 0);
                av_dict_set(codecOptions, "rc_mode", "quality", 0);
            }
            int ret = avcodec_open2(encoder, codec, codecOptions);
            av_dict_free(codecOptions);
            check(ret, target, "cannot open the " + encoderName + " encoder");

            AVStream stream = avformat_new_stream(format, null);
            check(avcodec_parameters_from_context(stream.codecpar(), encoder), target,
                    "cannot set up the video stream");
            stream.time_base(encoder.time_base());

            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, temporary.toString(), AVIO_FLAG_WRITE), target,
                    "cannot create a file in " + folder);
            format.pb(io);
            AVDictionary muxerOptions = new AVDictionary(null);
            av_dict_set(muxerOptions, "movflags", "+faststart", 0);
            ret = avformat_write_header(format, muxerOptions);
            av_dict_free(muxerOptions);
            check(ret, target, "cannot write the MP4 header");

            picture = av_frame_alloc();
            picture.format(AV_PIX_FMT_YUV420P);
            picture.width(encodedWidthPx);
            picture.height(encodedHeightPx);
            check(av_frame_get_buffer(picture, 0), target, "cannot allocate a frame");
            packet = av_packet_alloc();
            converter = sws_getContext(encodedWidthPx, encodedHeightPx, AV_PIX_FMT_BGR24,
                    encodedWidthPx, encodedHeightPx, AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null,
                    (double[]) null);
            if (converter == null) {
                throw new UncheckedIOException(new IOException("cannot write " + target
                        + ": cannot set up the BGR to YUV conversion"));
            }
            VideoWriter writer = new VideoWriter(target, temporary, widthPx, heightPx, frameRateHz, encoderName,
                    format, encoder, stream, picture, packet, converter);
            ok = true;
            LOG.debug("writing {} with {}, {}x{} at {} Hz", target, encoderName, encodedWidthPx, encodedHeightPx,
                    frameRateHz);
            return writer;
        } finally {
            if (!ok) {
                release(format, encoder, picture, packet, converter);
                deleteQuietly(temporary);
            }
        }
    }

    /** The encoder in use: {@code libx264} or {@code libopenh264}. */
    public String encoderName() {
        return encoderName;
    }

    /** Number of frames written so far. */
    public int framesWritten() {
        return framesWritten;
    }

    /**
     * Encodes one frame.
     *
     * @param bgr   8-bit BGR image of the size given to {@link #open}; not modified, and still owned by the caller
     * @param timeS the frame's presentation time in seconds; must increase from frame to frame (by at least one
     *              tick of the 90 kHz clock)
     * @throws IllegalArgumentException if the image has the wrong type or size, or the time does not increase
     * @throws IllegalStateException    if the writer is closed or an earlier write failed
     * @throws UncheckedIOException     if encoding or writing fails
     */
    public void write(Mat bgr, double timeS) {
        if (closed || failed) {
            throw new IllegalStateException("video writer for " + target + " is " + (closed ? "closed" : "failed"));
        }
        if (bgr.type() != CV_8UC3 || bgr.cols() != widthPx || bgr.rows() != heightPx) {
            throw new IllegalArgumentException("expected an 8-bit BGR image of " + widthPx + "x" + heightPx
                    + ", got type " + bgr.type() + " of " + bgr.cols() + "x" + bgr.rows());
        }
        if (!Double.isFinite(timeS)) {
            throw new IllegalArgumentException("timeS must be finite, was " + timeS);
        }
        long pts = Math.round(timeS * TIME_BASE_HZ);
        if (pts <= lastPts) {
            throw new IllegalArgumentException("frame times must increase: timeS " + timeS + " after "
                    + (lastPts / (double) TIME_BASE_HZ));
        }
        boolean ok = false;
        try {
            check(av_frame_make_writable(picture), target, "cannot reuse the frame buffer");
            // swscale reads four plane pointers and strides; unused ones are null / 0
            try (PointerPointer<?> source = new PointerPointer<>(4);
                    IntPointer sourceStride = new IntPointer(4);
                    PointerPointer<?> destination = new PointerPointer<>(picture)) {
                source.put(0, bgr.data());
                sourceStride.put(0, (int) bgr.step());
                sws_scale(converter, source, sourceStride, 0, picture.height(), destination, picture.linesize());
            }
            picture.pts(pts);
            picture.duration(nominalFrameTicks());
            check(avcodec_send_frame(encoder, picture), target, "encoding failed");
            drainPackets();
            lastPts = pts;
            framesWritten++;
            ok = true;
        } finally {
            failed = !ok;
        }
    }

    private long nominalFrameTicks() {
        return Math.max(1, Math.round(TIME_BASE_HZ / frameRateHz));
    }

    private void drainPackets() {
        while (true) {
            int ret = avcodec_receive_packet(encoder, packet);
            if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF) {
                return;
            }
            check(ret, target, "encoding failed");
            if (packet.duration() <= 0) {
                // openh264 leaves it unset; MP4 takes each frame's duration from the next frame's time, but the
                // last frame needs its own (without it, a one-frame video has no duration and does not decode)
                packet.duration(nominalFrameTicks());
            }
            av_packet_rescale_ts(packet, encoderTimeBase, stream.time_base());
            packet.stream_index(stream.index());
            ret = av_interleaved_write_frame(format, packet);
            av_packet_unref(packet);
            check(ret, target, "writing failed (disk full?)");
        }
    }

    /**
     * Flushes the encoder, finishes the MP4 (index moved to the front) and moves it to its final name. After a
     * failed write, or when no frame was written, the temporary file is deleted and no video is produced.
     *
     * @throws UncheckedIOException if finishing or moving the file fails (the temporary file is then deleted)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean moved = false;
        try {
            if (failed || framesWritten == 0) {
                if (framesWritten == 0 && !failed) {
                    LOG.warn("no frame was written to {}; no video produced", target);
                }
                return;
            }
            check(avcodec_send_frame(encoder, null), target, "flushing the encoder failed");
            drainPackets();
            check(av_write_trailer(format), target, "finishing the MP4 failed (disk full?)");
            check(closeFile(format), target, "closing the file failed (disk full?)");
            moveIntoPlace();
            moved = true;
        } finally {
            release(format, encoder, picture, packet, converter);
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    private void moveIntoPlace() {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished video to " + target, e);
        }
    }

    private static void check(int ret, Path target, String what) {
        if (ret < 0) {
            throw new UncheckedIOException(new IOException("cannot write " + target + ": " + what + " ("
                    + FfmpegLibrary.errorText(ret) + ")"));
        }
    }

    private static void release(AVFormatContext format, AVCodecContext encoder, AVFrame picture, AVPacket packet,
            SwsContext converter) {
        if (converter != null) {
            sws_freeContext(converter);
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        if (picture != null) {
            av_frame_free(picture);
        }
        if (encoder != null) {
            avcodec_free_context(encoder);
        }
        if (format != null && !format.isNull()) {
            closeFile(format);
            avformat_free_context(format);
        }
    }

    /** Closes the container's file, if open, and clears the context's pointer to it so nothing closes it twice. */
    private static int closeFile(AVFormatContext format) {
        AVIOContext io = format.pb();
        if (io == null || io.isNull()) {
            return 0;
        }
        format.pb(null);
        return avio_closep(io);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete temporary file {}: {}", file, e.getMessage());
        }
    }
}
