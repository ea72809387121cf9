package org.gaitlens.video;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Cheap checks that a file is a whole video, for an upload before it is stored: FFmpeg opens still images and cut-off
 * files too, and decoding only the first frame cannot tell them from a video.
 * <ul>
 *   <li>{@link #isStillImage}: FFmpeg reads a JPEG or PNG (whatever its name) through an image demuxer
 *       ({@code image2}, {@code jpeg_pipe}, {@code png_pipe} ...) or as a stream of at most one frame;</li>
 *   <li>{@link #endsEarly}: an MP4 whose index comes first but whose data was cut off (a copy from a phone
 *       interrupted midway) opens normally and decodes until the data ends. The check seeks to one second before
 *       the duration the container states and asks for a frame there; a cut-off file has none.</li>
 * </ul>
 */
public final class VideoCompleteness {
    /** Demuxers of single images and image sequences. */
    private static final Set<String> IMAGE_DEMUXERS = Set.of("image2", "jpeg_pipe", "png_pipe", "bmp_pipe",
            "webp_pipe", "tiff_pipe", "gif", "gif_pipe", "svg_pipe", "heif");
    /** How far before the stated end the last check frame is looked for. */
    static final double END_MARGIN_S = 1.0;

    private VideoCompleteness() {
    }

    /** Whether FFmpeg sees a still image rather than a video. */
    public static boolean isStillImage(VideoInfo info) {
        for (String demuxer : info.container().toLowerCase(Locale.ROOT).split(",")) {
            if (IMAGE_DEMUXERS.contains(demuxer.trim())) {
                return true;
            }
        }
        return info.frameCountEstimate() == 1;
    }

    /**
     * Whether the file holds no decodable frame near the end its container states (checked only for videos of more
     * than {@value #END_MARGIN_S} s twice over).
     *
     * @throws org.gaitlens.core.VideoDecodeException when the file cannot be opened at all
     */
    public static boolean endsEarly(Path file, VideoInfo info) {
        if (!(info.durationS() > 2 * END_MARGIN_S)) {
            return false;
        }
        FfmpegLibrary.init();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toAbsolutePath().toString());
        g.setAudioStream(Integer.MAX_VALUE);
        try {
            g.start();
            g.setVideoTimestamp(Math.round((info.durationS() - END_MARGIN_S) * 1e6));
            Frame f = g.grabImage();
            return f == null || f.image == null;
        } catch (FrameGrabber.Exception e) {
            // FFmpeg cannot read on from there: the data the index points to is missing
            return true;
        } finally {
            try {
                g.close();
            } catch (FrameGrabber.Exception e) {
                // nothing was written; the check's answer stands
            }
        }
    }
}
