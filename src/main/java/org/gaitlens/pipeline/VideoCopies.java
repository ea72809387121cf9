package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoInfo;
import org.gaitlens.video.VideoWriter;

/**
 * New H.264 MP4 files made from a recording, frame by frame with each frame's own time (so they stay in step with
 * {@code landmarks.csv}): a copy a browser can play, for recordings it cannot (HEVC from phones, MPEG-4 Part 2,
 * Motion JPEG, AVI or MKV containers), and the skeleton overlay video made on request from the stored poses, the
 * same drawing as the overlay {@link PoseRun} writes during the analysis. Frames are written upright (the display
 * rotation applied), so a copy carries no rotation of its own.
 */
public final class VideoCopies {
    /** Video codecs that browsers play in an MP4 (QuickTime) container: H.264 everywhere. */
    private static final Set<String> MP4_CODECS = Set.of("h264");
    /** Video codecs that browsers play in a WebM container. */
    private static final Set<String> WEBM_CODECS = Set.of("vp8", "vp9", "av1");

    private VideoCopies() {
    }

    /**
     * Whether common browsers (Chromium, Firefox, Safari) play this video as it is: H.264 in an MP4 or QuickTime
     * container, or VP8 / VP9 / AV1 in WebM. Everything else needs a {@link #browserCopy}.
     */
    public static boolean browserPlayable(VideoInfo info) {
        String codec = info.codec().toLowerCase(Locale.ROOT);
        String container = info.container().toLowerCase(Locale.ROOT);
        if (container.contains("mp4") || container.contains("mov")) {
            return MP4_CODECS.contains(codec);
        }
        return container.contains("webm") && WEBM_CODECS.contains(codec);
    }

    /**
     * Writes an H.264 copy of {@code recording} to {@code out} (replaced when it exists).
     *
     * @return frames written
     * @throws org.gaitlens.core.VideoDecodeException when the recording cannot be decoded
     * @throws java.io.UncheckedIOException            when the copy cannot be written
     */
    public static int browserCopy(Path recording, Path out) {
        return reencode(recording, out, Optional.empty());
    }

    /**
     * Writes the skeleton overlay video of {@code recording} to {@code out}: every frame with the pose of the same
     * frame index drawn as {@link PoseRun#overlayDrawer} draws it (frames without a pose get only the time).
     *
     * @param poses     the poses of the analysis ({@code landmarks.csv}), by frame index
     * @param blurFaces whether to blur faces
     * @return frames written
     */
    public static int overlay(Path recording, List<PoseFrame> poses, boolean blurFaces, Path out) {
        Map<Integer, PoseFrame> byIndex = new HashMap<>();
        for (PoseFrame p : poses) {
            byIndex.put(p.frameIndex(), p);
        }
        BiConsumer<Mat, PoseFrame> drawer = PoseRun.overlayDrawer(blurFaces);
        return reencode(recording, out, Optional.of((image, frame) -> drawer.accept(image,
                byIndex.getOrDefault(frame.index(), PoseFrame.missing(frame.index(), frame.timeS())))));
    }

    private static int reencode(Path recording, Path out, Optional<BiConsumer<Mat, VideoFrame>> draw) {
        try (FfmpegVideoSource source = FfmpegVideoSource.open(recording)) {
            VideoInfo info = source.info();
            try (VideoWriter writer = VideoWriter.open(out, info.widthPx(), info.heightPx(), info.frameRateHz())) {
                Optional<VideoFrame> next;
                while ((next = source.next()).isPresent()) {
                    try (VideoFrame frame = next.get()) {
                        draw.ifPresent(d -> d.accept(frame.image(), frame));
                        writer.write(frame.image(), frame.timeS());
                    }
                }
                return writer.framesWritten();
            }
        }
    }
}
