package org.gaitlens.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.VideoDecodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a video file with FFmpeg (through JavaCV's {@link FFmpegFrameGrabber}) into upright 8-bit BGR frames.
 *
 * <ul>
 *   <li><b>Time</b>: each frame's time is its presentation timestamp ({@code Frame.timestamp}, microseconds) minus
 *       the video stream's start time, so the first frame is at about 0 s and variable-frame-rate video keeps its
 *       real timing. Frame index / frame rate is never used.</li>
 *   <li><b>Rotation</b>: the display rotation found by {@link VideoProbe} is applied with OpenCV's {@code rotate},
 *       so frames come out as a player shows them; {@link #info()} reports the displayed size.</li>
 *   <li><b>Pixels</b>: FFmpeg converts straight to BGR24; each frame is copied out of the grabber's reused buffer,
 *       so the caller owns it.</li>
 *   <li><b>Speed</b>: FFmpeg's frame and slice threading is on ({@code threads=auto}); audio is not decoded.</li>
 *   <li><b>Damaged files</b>: FFmpeg skips what it cannot decode. If the stream ends before the container said it
 *       would (fewer frames, or an earlier last time), one warning is logged and the decoded frames stand. A file
 *       with no decodable frame at all is a {@link VideoDecodeException}.</li>
 * </ul>
 * Not thread-safe: use one instance from one thread (or wrap it in a {@link PrefetchingVideoSource}).
 */
public final class FfmpegVideoSource implements VideoSource {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegVideoSource.class);

    /** Frames short of the container's stated count before warning of a truncated file. */
    private static final int TRUNCATION_SLACK_FRAMES = 2;
    /**
     * Seconds short of the stated duration before warning of a truncated file (when the container states no frame
     * count): generous, because the duration includes the last frame's display time, which files state loosely.
     */
    private static final double TRUNCATION_SLACK_S = 0.5;

    private final VideoInfo info;
    private final double streamStartS;
    private final long containerFrameCount;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private int framesDecoded;
    private double firstFrameTimeS = Double.NaN;
    private double lastTimeS = Double.NEGATIVE_INFINITY;
    private boolean ended;
    private boolean closed;

    private FfmpegVideoSource(VideoProbe.ProbedStream probed, FFmpegFrameGrabber grabber) {
        this.info = probed.info();
        this.streamStartS = probed.streamStartS();
        this.containerFrameCount = probed.containerFrameCount();
        this.grabber = grabber;
    }

    /**
     * Opens {@code file} for decoding.
     *
     * @param file a video file
     * @return a source positioned before the first frame; close it when done
     * @throws VideoDecodeException if the file is missing, empty, not a video, has no video stream or cannot be
     *                              opened for decoding; the message names the file and says what to do
     */
    public static FfmpegVideoSource open(Path file) {
        VideoProbe.ProbedStream probed = VideoProbe.probeStream(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toAbsolutePath().toString());
        grabber.setVideoStream(probed.streamIndex());
        // No stream has this index, so JavaCV opens no audio decoder; audio packets are skipped unread.
        grabber.setAudioStream(Integer.MAX_VALUE);
        grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        grabber.setPixelFormat(AV_PIX_FMT_BGR24);
        grabber.setVideoOption("threads", "auto");
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw new VideoDecodeException(file, "cannot open the video stream for decoding (" + e.getMessage()
                    + "). " + VideoProbe.EXPORT_ADVICE, e);
        }
        return new FfmpegVideoSource(probed, grabber);
    }

    @Override
    public VideoInfo info() {
        return info;
    }

    /**
     * {@inheritDoc}
     *
     * @throws VideoDecodeException if FFmpeg fails while reading, or the file holds no decodable frame at all
     * @throws IllegalStateException if this source is closed
     */
    @Override
    public Optional<VideoFrame> next() {
        if (closed) {
            throw new IllegalStateException("video source is closed: " + info.file());
        }
        Frame frame = grab(true);
        if (frame == null) {
            return Optional.empty();
        }
        double timeS = frameTimeS(frame);
        // JavaCV 1.5.13 sets imageChannels = row stride / width, which is 4 for narrow BGR frames whose rows are
        // padded to 64 bytes (e.g. 48 px wide). We asked for BGR24, so the truth is 3.
        frame.imageChannels = 3;
        Mat image = upright(converter.convert(frame));
        return Optional.of(new VideoFrame(framesDecoded++, timeS, image));
    }

    /**
     * The index the frame after the ones read so far has (frames are numbered 0, 1, 2 ... in decoding order, whether
     * read by {@link #next()} or passed by {@link #skip()}).
     */
    public int nextIndex() {
        return framesDecoded;
    }

    /**
     * Decodes the next frame but does not convert it to BGR or copy it (for readers that want only some frames,
     * such as the key frames of a report: decoding is needed for the frames that follow, the conversion is not).
     * The frame counts as read: its index is used up and its time checked as by {@link #next()}.
     *
     * @return false at the end of the stream
     * @throws VideoDecodeException as {@link #next()}
     * @throws IllegalStateException if this source is closed
     */
    public boolean skip() {
        if (closed) {
            throw new IllegalStateException("video source is closed: " + info.file());
        }
        Frame frame = grab(false);
        if (frame == null) {
            return false;
        }
        frameTimeS(frame);
        framesDecoded++;
        return true;
    }

    /** The next video frame from FFmpeg, converted to BGR when asked; null (and the end checked) at the end. */
    private Frame grab(boolean convert) {
        if (ended) {
            return null;
        }
        Frame frame;
        do {
            try {
                frame = grabber.grabFrame(false, true, convert, false, false); // grabImage() when converting
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new VideoDecodeException(info.file(), "decoding failed after " + framesDecoded + " frames ("
                        + e.getMessage() + "); the file may be damaged. " + VideoProbe.EXPORT_ADVICE, e);
            }
        } while (frame != null && frame.image == null);
        if (frame == null) {
            ended = true;
            checkEnd();
        }
        return frame;
    }

    private double frameTimeS(Frame frame) {
        double absoluteS = frame.timestamp / 1e6;
        if (Double.isNaN(firstFrameTimeS)) {
            firstFrameTimeS = absoluteS;
        }
        double originS = Double.isNaN(streamStartS) ? firstFrameTimeS : streamStartS;
        double timeS = absoluteS - originS;
        if (timeS <= lastTimeS) {
            LOG.warn("{}: frame {} has time {} s, not after the previous frame's {} s (damaged timestamps?)",
                    info.file(), framesDecoded, timeS, lastTimeS);
        }
        lastTimeS = timeS;
        return timeS;
    }

    private Mat upright(Mat stored) {
        if (stored.type() != CV_8UC3) {
            throw new IllegalStateException("expected an 8-bit BGR frame from FFmpeg, got OpenCV type "
                    + stored.type());
        }
        Mat image = new Mat();
        switch (info.rotationDeg()) {
            case 0 -> stored.copyTo(image);
            case 90 -> rotate(stored, image, ROTATE_90_CLOCKWISE);
            case 180 -> rotate(stored, image, ROTATE_180);
            case 270 -> rotate(stored, image, ROTATE_90_COUNTERCLOCKWISE);
            default -> throw new IllegalStateException("rotationDeg " + info.rotationDeg());
        }
        return image;
    }

    /** At the end of the stream: no frame at all is an error; fewer than announced is a warning. */
    private void checkEnd() {
        if (framesDecoded == 0) {
            throw new VideoDecodeException(info.file(), "no video frame could be decoded; the file is damaged or "
                    + "truncated. " + VideoProbe.EXPORT_ADVICE);
        }
        boolean fewerFrames = containerFrameCount > 0
                && framesDecoded < containerFrameCount - TRUNCATION_SLACK_FRAMES;
        boolean endsEarly = containerFrameCount == 0 && info.durationS() > 0
                && lastTimeS < info.durationS() - TRUNCATION_SLACK_S;
        if (fewerFrames || endsEarly) {
            LOG.warn("{}: decoded {} frames up to {} s, but the file announces {} and {} s; it looks truncated "
                    + "or damaged, so only the decoded part is used", info.file(), framesDecoded,
                    String.format("%.3f", lastTimeS),
                    containerFrameCount > 0 ? containerFrameCount + " frames" : "no frame count",
                    String.format("%.3f", info.durationS()));
        }
    }

    /** Stops decoding and releases FFmpeg's resources. Frames already returned stay valid. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(grabber);
        converter.close();
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("closing the FFmpeg grabber failed", e);
        }
    }
}
