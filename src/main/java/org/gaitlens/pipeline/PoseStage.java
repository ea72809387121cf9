package org.gaitlens.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.pose.LandmarksCsv;
import org.gaitlens.pose.PoseEstimator;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.pose.TrackingReport;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.PrefetchingVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoInfo;
import org.gaitlens.video.VideoSource;

/**
 * Video to landmarks: decodes a video on its own thread, runs the pose estimator on every frame, streams
 * {@code landmarks.csv} and, optionally, an annotated overlay video encoded on a third thread.
 *
 * <p>All files are written under temporary names and moved into place when complete, so an interrupted
 * run never leaves a file that looks finished.
 */
public final class PoseStage {
    /** File name of the landmark table in a session folder. */
    public static final String LANDMARKS_FILE = "landmarks.csv";
    /** File name of the overlay video in a session folder. */
    public static final String OVERLAY_FILE = "overlay.mp4";

    /**
     * What the stage produced.
     *
     * @param info         the video's facts
     * @param frames       one pose per decoded frame (missing frames included)
     * @param tracking     how tracking went
     * @param landmarksCsv the landmark table written
     * @param overlayVideo the overlay video, when asked for
     * @param wallS        wall-clock seconds the stage took
     */
    public record Result(VideoInfo info, List<PoseFrame> frames, TrackingReport tracking, Path landmarksCsv,
            Optional<Path> overlayVideo, double wallS) {
        public Result {
            frames = List.copyOf(frames);
        }

        /** Processed frames per second of wall time. */
        public double framesPerSecond() {
            return wallS > 0 ? frames.size() / wallS : 0;
        }
    }

    private PoseStage() {
    }

    /**
     * Runs pose estimation over a whole video.
     *
     * @param video     the video file
     * @param outDir    folder for {@code landmarks.csv} and {@code overlay.mp4} (created if missing)
     * @param estimator a fresh estimator for this video (closed by the caller)
     * @param overlay   draws the skeleton of a pose onto a frame; empty for no overlay video
     * @param progress  receives {@code ("pose", frame, estimated frames)}
     * @throws org.gaitlens.core.VideoDecodeException if the video cannot be decoded
     */
    public static Result run(Path video, Path outDir, PoseEstimator estimator,
            Optional<BiConsumer<Mat, PoseFrame>> overlay, ProgressListener progress) {
        long start = System.nanoTime();
        createDirectories(outDir);
        Path csv = outDir.resolve(LANDMARKS_FILE);
        Path csvTmp = outDir.resolve(LANDMARKS_FILE + ".partial");
        Path overlayFile = outDir.resolve(OVERLAY_FILE);
        List<PoseFrame> frames = new ArrayList<>();
        VideoInfo info;
        boolean complete = false;
        try (VideoSource source = new PrefetchingVideoSource(FfmpegVideoSource.open(video));
                BufferedWriter w = Files.newBufferedWriter(csvTmp, StandardCharsets.UTF_8)) {
            info = source.info();
            long expected = info.frameCountEstimate() > 0 ? info.frameCountEstimate()
                    : Math.round(info.durationS() * info.frameRateHz());
            w.write(LandmarksCsv.HEADER);
            w.newLine();
            try (AsyncVideoSink sink = overlay.isPresent()
                    ? new AsyncVideoSink(overlayFile, info.widthPx(), info.heightPx(), info.frameRateHz()) : null) {
                Deque<VideoFrame> pending = new ArrayDeque<>();
                try {
                    Optional<VideoFrame> next;
                    while ((next = source.next()).isPresent()) {
                        VideoFrame frame = next.get();
                        pending.addLast(frame);
                        for (PoseFrame pose : estimator.push(frame)) {
                            emit(pending.pollFirst(), pose, frames, w, sink, overlay);
                        }
                        progress.update("pose", frames.size(), Math.max(expected, frames.size()));
                    }
                    for (PoseFrame pose : estimator.finish()) {
                        emit(pending.pollFirst(), pose, frames, w, sink, overlay);
                    }
                } finally {
                    pending.forEach(VideoFrame::close);
                }
            }
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        } finally {
            if (!complete) {
                deleteQuietly(csvTmp);
            }
        }
        try {
            Files.move(csvTmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
        progress.update("pose", frames.size(), frames.size());
        double wallS = (System.nanoTime() - start) / 1e9;
        return new Result(info, frames, estimator.report(), csv,
                overlay.isPresent() ? Optional.of(overlayFile) : Optional.empty(), wallS);
    }

    /**
     * The stage's result from poses computed before ({@link PoseCache}): writes {@code landmarks.csv} from them and,
     * when {@code overlay} is given, decodes the video again to draw the overlay video; the pose model does not run.
     *
     * @param frames   the video's poses, one per frame in decoding order
     * @param tracking how tracking went when they were computed
     * @param info     the video's facts when they were computed ({@code file} is replaced by {@code video})
     * @throws IllegalStateException if the video's frames do not match the poses
     */
    public static Result replay(Path video, Path outDir, List<PoseFrame> frames, TrackingReport tracking,
            VideoInfo info, Optional<BiConsumer<Mat, PoseFrame>> overlay, ProgressListener progress) {
        if (overlay.isPresent()) {
            return run(video, outDir, new Replay(frames, tracking), overlay, (stage, done, total) ->
                    progress.update("overlay (pose from cache)", done, total));
        }
        long start = System.nanoTime();
        createDirectories(outDir);
        Path csv = outDir.resolve(LANDMARKS_FILE);
        LandmarksCsv.write(csv, frames);
        progress.update("pose from cache", frames.size(), frames.size());
        VideoInfo here = new VideoInfo(video, info.widthPx(), info.heightPx(), info.frameRateHz(), info.durationS(),
                info.rotationDeg(), info.codec(), info.container(), info.frameCountEstimate());
        return new Result(here, frames, tracking, csv, Optional.empty(), (System.nanoTime() - start) / 1e9);
    }

    /** An estimator that hands back poses computed before, frame by frame. */
    private static final class Replay implements PoseEstimator {
        private final List<PoseFrame> frames;
        private final TrackingReport tracking;
        private int next;

        Replay(List<PoseFrame> frames, TrackingReport tracking) {
            this.frames = frames;
            this.tracking = tracking;
        }

        @Override
        public List<PoseFrame> push(VideoFrame frame) {
            PoseFrame pose = next < frames.size() ? frames.get(next) : null;
            if (pose == null || pose.frameIndex() != frame.index() || pose.timeS() != frame.timeS()) {
                throw new IllegalStateException("the cached poses do not match frame " + frame.index() + " at "
                        + frame.timeS() + " s of the video");
            }
            next++;
            return List.of(pose);
        }

        @Override
        public List<PoseFrame> finish() {
            if (next != frames.size()) {
                throw new IllegalStateException("the video has " + next + " frames, the cached poses " + frames.size());
            }
            return List.of();
        }

        @Override
        public TrackingReport report() {
            return tracking;
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /** Writes one decided frame (landmarks row, overlay frame) and releases it. */
    private static void emit(VideoFrame frame, PoseFrame pose, List<PoseFrame> frames, BufferedWriter w,
            AsyncVideoSink sink, Optional<BiConsumer<Mat, PoseFrame>> overlay) throws IOException {
        if (frame == null || frame.index() != pose.frameIndex()) {
            throw new IllegalStateException("pose for frame " + pose.frameIndex() + " does not match the held frame "
                    + (frame == null ? "none" : frame.index()));
        }
        boolean handedOver = false;
        try {
            frames.add(pose);
            LandmarksCsv.writeFrame(w, pose);
            if (sink != null) {
                overlay.orElseThrow().accept(frame.image(), pose);
                sink.write(frame.image(), frame.timeS());
                handedOver = true;
            }
        } finally {
            if (!handedOver) {
                frame.close();
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: a leftover ".partial" file is never mistaken for a finished one
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir, e);
        }
    }
}
