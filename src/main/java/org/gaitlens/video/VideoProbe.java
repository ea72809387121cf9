package org.gaitlens.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;
import org.gaitlens.core.VideoDecodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads container and stream facts ({@link VideoInfo}) from a video file without decoding its frames: FFmpeg's
 * {@code avformat_open_input} and {@code avformat_find_stream_info} (which looks at the first packets only).
 *
 * <p>Conventions:
 * <ul>
 *   <li>The video stream is the first video stream that is not an attached picture (cover art).</li>
 *   <li>{@link VideoInfo#rotationDeg()} is the <em>clockwise</em> rotation that makes the stored frames upright, the
 *       convention of the legacy {@code rotate} tag that phones write (a portrait iPhone clip says 90). It comes from
 *       the stream's display matrix ({@code av_display_rotation_get} returns the counter-clockwise angle, so the
 *       clockwise angle is its negative), or, when there is no display matrix, from a {@code rotate} metadata tag.
 *       Angles that are not a multiple of 90 degrees are rounded to the nearest one, with a warning; mirroring in the
 *       display matrix is ignored.</li>
 *   <li>{@link VideoInfo#widthPx()} and {@link VideoInfo#heightPx()} are the displayed size: swapped for 90 and
 *       270 degrees.</li>
 *   <li>{@link VideoInfo#durationS()} is the video stream's duration, else the container's, else 0.</li>
 *   <li>{@link VideoInfo#frameRateHz()} is the stream's average frame rate as FFmpeg reports it (frames / duration
 *       for MP4 and MOV; estimated from the first packets for containers without a frame index such as WebM),
 *       falling back to the nominal ({@code r_frame_rate}) rate; 0 when neither is known.</li>
 *   <li>{@link VideoInfo#frameCountEstimate()} is the container's frame count when it has one, else
 *       duration x frame rate rounded (both approximate: count frames by decoding when it matters).</li>
 * </ul>
 */
public final class VideoProbe {
    private static final Logger LOG = LoggerFactory.getLogger(VideoProbe.class);

    /** What the user should do when a file is not a usable video. */
    static final String EXPORT_ADVICE = "Export the recording as MP4 (H.264) and try again.";

    private VideoProbe() {
    }

    /**
     * Reads the facts of {@code file}'s video stream.
     *
     * @param file a video file
     * @return its container and stream facts
     * @throws VideoDecodeException if the file is missing, empty, not a video FFmpeg can read, has no video stream,
     *                              or its video codec cannot be decoded by this FFmpeg build
     */
    public static VideoInfo probe(Path file) {
        return probeStream(file).info();
    }

    /**
     * The facts plus what a decoder needs to read the same stream.
     *
     * @param containerFrameCount the frame count the container states (0 if it states none)
     * @param streamStartS        the stream's start time in its own clock (NaN if unknown)
     */
    record ProbedStream(VideoInfo info, int streamIndex, double streamStartS, long containerFrameCount) {
    }

    static ProbedStream probeStream(Path file) {
        checkReadableFile(file);
        FfmpegLibrary.init();
        AVFormatContext context = new AVFormatContext(null);
        int ret = avformat_open_input(context, file.toAbsolutePath().toString(), null, null);
        if (ret < 0) {
            throw new VideoDecodeException(file, "not a video file FFmpeg can read ("
                    + FfmpegLibrary.errorText(ret) + "); the file may be damaged or not a video. " + EXPORT_ADVICE);
        }
        try {
            ret = avformat_find_stream_info(context, (AVDictionary) null);
            if (ret < 0) {
                throw new VideoDecodeException(file, "cannot read the streams of this file ("
                        + FfmpegLibrary.errorText(ret) + "); the file may be damaged. " + EXPORT_ADVICE);
            }
            return describe(file, context);
        } finally {
            avformat_close_input(context);
        }
    }

    /** Fails early, with a clear message, on files FFmpeg would reject with a cryptic one. */
    static void checkReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new VideoDecodeException(file, "file not found. Check the path and try again.");
        }
        if (Files.isDirectory(file)) {
            throw new VideoDecodeException(file, "is a folder, not a video file. Give the path of a video file.");
        }
        if (!Files.isReadable(file)) {
            throw new VideoDecodeException(file, "the file cannot be read (permission denied). "
                    + "Check its permissions and try again.");
        }
        long sizeBytes;
        try {
            sizeBytes = Files.size(file);
        } catch (IOException e) {
            throw new VideoDecodeException(file, "the file cannot be read (" + e.getMessage() + ").", e);
        }
        if (sizeBytes == 0) {
            throw new VideoDecodeException(file, "the file is empty (0 bytes); the recording or the copy was "
                    + "probably interrupted. Copy or export the video again.");
        }
    }

    private static ProbedStream describe(Path file, AVFormatContext context) {
        AVStream stream = findVideoStream(context);
        if (stream == null) {
            throw new VideoDecodeException(file, "the file has no video stream (audio only?). " + EXPORT_ADVICE);
        }
        AVCodecParameters parameters = stream.codecpar();
        String codec = avcodec_get_name(parameters.codec_id()).getString();
        if (avcodec_find_decoder(parameters.codec_id()) == null) {
            throw new VideoDecodeException(file, "the video codec '" + codec
                    + "' cannot be decoded by this FFmpeg build. " + EXPORT_ADVICE);
        }
        int storedWidthPx = parameters.width();
        int storedHeightPx = parameters.height();
        if (storedWidthPx <= 0 || storedHeightPx <= 0) {
            throw new VideoDecodeException(file, "the video stream has no frame size (damaged header). "
                    + EXPORT_ADVICE);
        }
        int rotationDeg = clockwiseRotationDeg(file, stream);
        boolean swap = rotationDeg == 90 || rotationDeg == 270;

        double timeBaseS = toDouble(stream.time_base());
        double durationS = 0;
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            durationS = stream.duration() * timeBaseS;
        } else if (context.duration() != AV_NOPTS_VALUE && context.duration() > 0) {
            durationS = context.duration() / (double) AV_TIME_BASE;
        }
        double frameRateHz = toDouble(stream.avg_frame_rate());
        if (!(frameRateHz > 0) || Double.isInfinite(frameRateHz)) {
            frameRateHz = toDouble(stream.r_frame_rate());
        }
        if (!(frameRateHz > 0) || Double.isInfinite(frameRateHz)) {
            frameRateHz = 0;
        }
        long frameCount = stream.nb_frames() > 0 ? stream.nb_frames() : Math.round(durationS * frameRateHz);
        double startS = stream.start_time() != AV_NOPTS_VALUE ? stream.start_time() * timeBaseS : Double.NaN;
        String container = context.iformat().name().getString();

        VideoInfo info = new VideoInfo(file,
                swap ? storedHeightPx : storedWidthPx,
                swap ? storedWidthPx : storedHeightPx,
                frameRateHz, durationS, rotationDeg, codec, container, frameCount);
        return new ProbedStream(info, stream.index(), startS, Math.max(0, stream.nb_frames()));
    }

    private static AVStream findVideoStream(AVFormatContext context) {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return stream;
            }
        }
        return null;
    }

    /** Clockwise display rotation in {0, 90, 180, 270}; see the class comment. */
    private static int clockwiseRotationDeg(Path file, AVStream stream) {
        AVCodecParameters parameters = stream.codecpar();
        double clockwiseDeg = Double.NaN;
        AVPacketSideData sideData = av_packet_side_data_get(parameters.coded_side_data(),
                parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (sideData != null && !sideData.isNull() && sideData.size() >= 9 * Integer.BYTES) {
            double counterClockwiseDeg = av_display_rotation_get(new IntPointer(sideData.data()));
            clockwiseDeg = -counterClockwiseDeg;
        } else {
            AVDictionaryEntry tag = av_dict_get(stream.metadata(), "rotate", null, 0);
            if (tag != null && !tag.isNull()) {
                try {
                    clockwiseDeg = Double.parseDouble(tag.value().getString().trim());
                } catch (NumberFormatException e) {
                    LOG.warn("{}: ignoring unreadable rotate tag '{}'", file, tag.value().getString());
                }
            }
        }
        if (Double.isNaN(clockwiseDeg)) {
            return 0;
        }
        int quarterTurns = (int) Math.round(clockwiseDeg / 90.0);
        if (Math.abs(clockwiseDeg - 90.0 * quarterTurns) > 1.0) {
            LOG.warn("{}: display rotation {} deg is not a multiple of 90; using {} deg", file, clockwiseDeg,
                    Math.floorMod(quarterTurns * 90, 360));
        }
        return Math.floorMod(quarterTurns * 90, 360);
    }

    private static double toDouble(AVRational rational) {
        return rational.den() == 0 ? Double.NaN : rational.num() / (double) rational.den();
    }
}
