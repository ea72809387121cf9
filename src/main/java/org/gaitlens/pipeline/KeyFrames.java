package org.gaitlens.pipeline;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.overlay.SkeletonOverlay;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.report.KeyFrame;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;

/**
 * Stills of the walker for the session report: per side, one at a heel strike (initial contact) and one at
 * mid-swing (halfway between toe off and the next contact), taken from a stride in the middle of the walking
 * pass with the most strides of that side (the walker is then near the image centre, seen from the side).
 * The frames are decoded again from the video (decoding forward up to the last still, converting only the
 * stills' frames to BGR; clips are short), the skeleton is drawn,
 * the face blurred unless asked otherwise, and the image cropped around the walker's landmarks with a margin
 * of {@value #MARGIN} of the body height and scaled to {@value #HEIGHT_PX} px height. Written as PNG into
 * {@code keyframes/} of the session folder.
 */
public final class KeyFrames {
    /** Folder in the session folder. */
    public static final String DIR = "keyframes";
    /** Height of the stills, px. */
    public static final int HEIGHT_PX = 400;
    /** Margin around the walker's landmark box, as a fraction of its height. */
    public static final double MARGIN = 0.15;
    /** Landmarks below this confidence do not count for the crop box. */
    private static final double MIN_CONFIDENCE = 0.5;

    /**
     * A still to take.
     *
     * @param side       side of the event
     * @param eventLabel "Heel strike" or "Mid-swing"
     * @param fileStem   file name without extension, e.g. {@code left_heel_strike}
     * @param timeS      event time, s
     * @param frameIndex video frame nearest to it that has a pose
     */
    public record Pick(Side side, String eventLabel, String fileStem, double timeS, int frameIndex) {
    }

    private KeyFrames() {
    }

    /**
     * Chooses the stills: per side, the middle stride of the pass with most strides of that side.
     *
     * @param strides accepted strides
     * @param poses   the pose of every video frame
     */
    public static List<Pick> choose(List<ReportInput.StrideValues> strides, List<PoseFrame> poses) {
        List<Pick> picks = new ArrayList<>();
        for (Side side : Side.values()) {
            Map<Integer, List<ReportInput.StrideValues>> byPass = strides.stream().filter(s -> s.side() == side)
                    .collect(Collectors.groupingBy(ReportInput.StrideValues::passIndex, TreeMap::new, Collectors.toList()));
            Optional<List<ReportInput.StrideValues>> best = byPass.values().stream()
                    .max(Comparator.comparingInt(List::size));
            if (best.isEmpty()) {
                continue;
            }
            List<ReportInput.StrideValues> pass = best.get();
            ReportInput.StrideValues s = pass.get(pass.size() / 2);
            String name = side.name().toLowerCase(Locale.ROOT);
            nearestPose(poses, s.contactS()).ifPresent(i -> picks.add(new Pick(side, "Heel strike",
                    name + "_heel_strike", s.contactS(), i)));
            double midSwing = 0.5 * (s.toeOffS() + s.nextContactS());
            nearestPose(poses, midSwing).ifPresent(i -> picks.add(new Pick(side, "Mid-swing", name + "_mid_swing",
                    midSwing, i)));
        }
        return picks;
    }

    /** Index of the frame with a pose nearest in time to {@code timeS}. */
    static Optional<Integer> nearestPose(List<PoseFrame> poses, double timeS) {
        PoseFrame best = null;
        for (PoseFrame p : poses) {
            if (p.present() && (best == null || Math.abs(p.timeS() - timeS) < Math.abs(best.timeS() - timeS))) {
                best = p;
            }
        }
        return Optional.ofNullable(best).map(PoseFrame::frameIndex);
    }

    /**
     * Decodes the chosen frames, draws and crops them, and writes the PNGs.
     *
     * @param video      the video the poses came from
     * @param poses      the pose of every frame (by frame index)
     * @param picks      stills to take
     * @param sessionDir session folder; images go to {@code keyframes/}
     * @param blurFace   whether to blur the face (the default)
     * @return the key frames written, paths relative to {@code sessionDir}
     */
    public static List<KeyFrame> write(Path video, List<PoseFrame> poses, List<Pick> picks, Path sessionDir,
            boolean blurFace) {
        if (picks.isEmpty()) {
            return List.of();
        }
        Map<Integer, PoseFrame> poseByIndex = new TreeMap<>();
        poses.forEach(p -> poseByIndex.put(p.frameIndex(), p));
        int last = picks.stream().mapToInt(Pick::frameIndex).max().orElseThrow();
        Path dir = sessionDir.resolve(DIR);
        SkeletonOverlay overlay = new SkeletonOverlay(MIN_CONFIDENCE, blurFace, false);
        List<KeyFrame> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Set<Integer> wanted = new HashSet<>();
        picks.forEach(p -> wanted.add(p.frameIndex()));
        try (FfmpegVideoSource source = FfmpegVideoSource.open(video)) {
            while (true) {
                if (!wanted.contains(source.nextIndex())) {
                    // Decoded (the frames after it need it) but not converted to BGR: 40 % of the cost saved.
                    if (!source.skip()) {
                        break;
                    }
                    continue;
                }
                Optional<VideoFrame> next = source.next();
                if (next.isEmpty()) {
                    break;
                }
                try (VideoFrame frame = next.get()) {
                    for (Pick pick : picks) {
                        if (pick.frameIndex() != frame.index()) {
                            continue;
                        }
                        PoseFrame pose = poseByIndex.get(frame.index());
                        Path file = dir.resolve(pick.fileStem() + ".png");
                        try (Mat image = frame.image().clone()) {
                            overlay.draw(image, pose);
                            try (Mat still = cropAndScale(image, pose)) {
                                if (!imwrite(file.toString(), still)) {
                                    throw new UncheckedIOException(new IOException("OpenCV could not write " + file));
                                }
                            }
                        }
                        out.add(new KeyFrame(pick.side(), pick.eventLabel(), Decimals.round(pick.timeS(), 3),
                                DIR + "/" + file.getFileName(), null, blurFace));
                    }
                    if (frame.index() >= last) {
                        break;
                    }
                }
            }
        }
        out.sort(Comparator.comparing(KeyFrame::side).thenComparing(k -> k.eventLabel().equals("Heel strike") ? 0 : 1));
        return out;
    }

    /** The walker's landmark box with margin, clipped to the image, scaled to {@link #HEIGHT_PX} height. */
    static Mat cropAndScale(Mat image, PoseFrame pose) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (LandmarkPoint p : pose.landmarks()) {
            if (p.confidence() >= MIN_CONFIDENCE && Double.isFinite(p.xPx()) && Double.isFinite(p.yPx())) {
                minX = Math.min(minX, p.xPx());
                maxX = Math.max(maxX, p.xPx());
                minY = Math.min(minY, p.yPx());
                maxY = Math.max(maxY, p.yPx());
            }
        }
        int w = image.cols();
        int h = image.rows();
        Rect box;
        if (!Double.isFinite(minX) || maxY <= minY) {
            box = new Rect(0, 0, w, h);
        } else {
            double margin = MARGIN * (maxY - minY);
            int x0 = clamp((int) Math.floor(minX - margin), 0, w - 1);
            int y0 = clamp((int) Math.floor(minY - margin), 0, h - 1);
            int x1 = clamp((int) Math.ceil(maxX + margin), x0 + 1, w);
            int y1 = clamp((int) Math.ceil(maxY + margin), y0 + 1, h);
            box = new Rect(x0, y0, x1 - x0, y1 - y0);
        }
        try (Mat crop = new Mat(image, box)) {
            Mat out = new Mat();
            int outW = Math.max(1, (int) Math.round(box.width() * (double) HEIGHT_PX / box.height()));
            resize(crop, out, new Size(outW, HEIGHT_PX), 0, 0, INTER_AREA);
            return out;
        } finally {
            box.close();
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
