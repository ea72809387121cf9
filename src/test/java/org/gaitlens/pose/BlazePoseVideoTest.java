package org.gaitlens.pose;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.overlay.SkeletonOverlay;
import org.gaitlens.video.VideoFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real BlazePose pipeline (full model) on the two real side-view walking videos of the validation
 * set. No ground-truth landmarks exist for them, so the checks are anatomical and kinematic facts that
 * any correct skeleton of a walker satisfies, evaluated on the frames in which the walker is fully
 * visible.
 *
 * <p><b>"Fully visible"</b> rule: the walker's body box (nose, shoulders, hips, knees, ankles, heels,
 * foot tips; hands are left out because they swing ahead and their out-of-frame estimates are
 * unreliable) lies inside the visible area: the image, and for the outdoor clip left of the tree trunk
 * that hides her as she enters (its left edge at x = 1550 px at foot and hip height, read off frame 50
 * where her trailing heel touches it). The interval runs from the first to the last frame whose tracked
 * box is inside. So that late tracking cannot shrink the interval, when the first (last) tracked frame
 * is already inside, the interval is extended by extrapolating the hip's horizontal velocity of the
 * first (last) 0.5 s until the box's trailing (leading) edge reaches the boundary. Checked by eye on
 * extracted frames: indoor, she is fully in the frame from about frame 33 to 337 (she enters and leaves
 * at the right edge); outdoor, she clears the trunk at about frame 50 and her front foot reaches the left
 * edge at about frame 194.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlazePoseVideoTest {
    private static final Logger LOG = LoggerFactory.getLogger(BlazePoseVideoTest.class);
    private static final double OUTDOOR_TRUNK_LEFT_EDGE_PX = 1550;
    private static final List<BodyLandmark> BODY_BOX = List.of(BodyLandmark.NOSE, BodyLandmark.LEFT_SHOULDER,
            BodyLandmark.RIGHT_SHOULDER, BodyLandmark.LEFT_HIP, BodyLandmark.RIGHT_HIP, BodyLandmark.LEFT_KNEE,
            BodyLandmark.RIGHT_KNEE, BodyLandmark.LEFT_ANKLE, BodyLandmark.RIGHT_ANKLE, BodyLandmark.LEFT_HEEL,
            BodyLandmark.RIGHT_HEEL, BodyLandmark.LEFT_FOOT_INDEX, BodyLandmark.RIGHT_FOOT_INDEX);

    private Run indoor;
    private Run outdoor;

    record Run(List<PoseFrame> frames, TrackingReport report, int widthPx, int heightPx) {
    }

    @BeforeAll
    void runPipeline() throws Exception {
        indoor = run("sports2d_demo4_sagittal_indoor.mp4", Set.of(45, 120, 200, 260, 320));
        outdoor = run("sports2d_demo_outdoor_sagittal.mp4", Set.of(20, 60, 110, 160, 190));
    }

    private static Run run(String name, Set<Integer> overlayFrames) throws Exception {
        return run(name, overlayFrames, PoseOptions.defaults());
    }

    private static Run run(String name, Set<Integer> overlayFrames, PoseOptions options) throws Exception {
        Path video = TestVideos.video(name);
        Path outDir = Path.of("target", "pose-overlays");
        Files.createDirectories(outDir);
        List<PoseFrame> frames = new ArrayList<>();
        int[] size = new int[2];
        SkeletonOverlay overlay = new SkeletonOverlay(0.5, false, true);
        TrackingReport report;
        try (BlazePoseEstimator est = new BlazePoseEstimator(PoseModels.fromDefaultDir(), options)) {
            // Frames are held by the estimator while nobody is in view: keep copies until their poses come back.
            Deque<Mat> pending = new ArrayDeque<>();
            Consumer<PoseFrame> take = pf -> {
                try (Mat copy = pending.pollFirst()) {
                    frames.add(pf);
                    if (overlayFrames.contains(pf.frameIndex())) {
                        // For people to look at (the test asserts on numbers, not on these images).
                        overlay.draw(copy, pf);
                        imwrite(outDir.resolve(name.replace(".mp4", "") + "_" + pf.frameIndex() + ".png").toString(),
                                copy);
                    }
                }
            };
            TestVideos.forEachFrame(video, vf -> {
                size[0] = vf.image().cols();
                size[1] = vf.image().rows();
                Mat copy = vf.image().clone();
                pending.addLast(copy);
                VideoFrame own = new VideoFrame(vf.index(), vf.timeS(), copy);
                est.push(own).forEach(take);
            });
            est.finish().forEach(take);
            report = est.report();
        }
        LOG.info("{}: {}", name, report);
        return new Run(frames, report, size[0], size[1]);
    }

    // ---- the walker's frames and the fully-visible interval ----

    private static double hipX(PoseFrame f) {
        return (f.get(BodyLandmark.LEFT_HIP).xPx() + f.get(BodyLandmark.RIGHT_HIP).xPx()) / 2;
    }

    private static double hipY(PoseFrame f) {
        return (f.get(BodyLandmark.LEFT_HIP).yPx() + f.get(BodyLandmark.RIGHT_HIP).yPx()) / 2;
    }

    private static double boxMinX(PoseFrame f) {
        return BODY_BOX.stream().mapToDouble(l -> f.get(l).xPx()).min().orElseThrow();
    }

    private static double boxMaxX(PoseFrame f) {
        return BODY_BOX.stream().mapToDouble(l -> f.get(l).xPx()).max().orElseThrow();
    }

    private static boolean inside(PoseFrame f, double rightBoundPx) {
        return boxMinX(f) >= 0 && boxMaxX(f) <= rightBoundPx;
    }

    /** First/last frame index of the fully-visible interval among frames [first, last] of a walker's track. */
    private static int[] visibleInterval(List<PoseFrame> frames, int first, int last, double rightBoundPx) {
        int a = -1;
        int b = -1;
        for (int i = first; i <= last; i++) {
            PoseFrame f = frames.get(i);
            if (f.present() && inside(f, rightBoundPx)) {
                if (a < 0) {
                    a = i;
                }
                b = i;
            }
        }
        assertTrue(a >= 0, "walker never fully visible");
        if (a == first) {
            a = extrapolate(frames, first, -1, rightBoundPx);
        }
        if (b == last) {
            b = extrapolate(frames, last, +1, rightBoundPx);
        }
        return new int[] {a, b};
    }

    /**
     * From frame {@code from}, steps in direction {@code dir} (-1 back, +1 forward in time) moving the
     * body box with the hip's velocity over the 15 frames (0.5 s) on the tracked side of {@code from},
     * as long as the moved box stays inside; returns the last frame where it is inside.
     */
    private static int extrapolate(List<PoseFrame> frames, int from, int dir, double rightBoundPx) {
        int other = from - 15 * dir;
        double vPxPerFrame = (hipX(frames.get(Math.max(from, other))) - hipX(frames.get(Math.min(from, other)))) / 15.0;
        double min = boxMinX(frames.get(from));
        double max = boxMaxX(frames.get(from));
        int i = from;
        while (i + dir >= 0 && i + dir < frames.size()) {
            double shift = vPxPerFrame * (i + dir - from);
            if (min + shift < 0 || max + shift > rightBoundPx) {
                break;
            }
            i += dir;
        }
        return i;
    }

    private static double coverage(List<PoseFrame> frames, int a, int b) {
        long with = frames.subList(a, b + 1).stream().filter(PoseFrame::present).count();
        return (double) with / (b - a + 1);
    }

    // ---- checks ----

    /**
     * In every frame of [a, b] whose body box is inside the visible area: hips above knees above ankles
     * (image y, each side), and heels and foot tips within the lowest fifth of the body height (nose to
     * lowest foot point). Frames near the ends where a foot is outside the image are not "fully visible".
     */
    private static void assertAnatomy(List<PoseFrame> frames, int a, int b, double rightBoundPx, String what) {
        int n = 0;
        int bad = 0;
        List<String> failures = new ArrayList<>();
        for (int i = a; i <= b; i++) {
            PoseFrame f = frames.get(i);
            if (!f.present() || !inside(f, rightBoundPx)) {
                continue;
            }
            n++;
            double nose = f.get(BodyLandmark.NOSE).yPx();
            double lowest = List.of(BodyLandmark.LEFT_HEEL, BodyLandmark.RIGHT_HEEL, BodyLandmark.LEFT_FOOT_INDEX,
                    BodyLandmark.RIGHT_FOOT_INDEX).stream().mapToDouble(l -> f.get(l).yPx()).max().orElseThrow();
            double height = lowest - nose;
            boolean ok = height > 0;
            for (Side s : Side.values()) {
                double hip = f.get(BodyLandmark.of(s, BodyPart.HIP)).yPx();
                double knee = f.get(BodyLandmark.of(s, BodyPart.KNEE)).yPx();
                double ankle = f.get(BodyLandmark.of(s, BodyPart.ANKLE)).yPx();
                ok &= hip < knee && knee < ankle;
                for (BodyPart part : List.of(BodyPart.HEEL, BodyPart.FOOT_INDEX)) {
                    ok &= f.get(BodyLandmark.of(s, part)).yPx() >= lowest - 0.2 * height;
                }
            }
            if (!ok) {
                bad++;
                if (failures.size() < 5) {
                    failures.add("frame " + i);
                }
            }
        }
        LOG.info("{}: anatomy violated in {} of {} frames {}", what, bad, n, failures);
        // Every frame must pass: these orderings hold throughout normal walking seen from the side.
        assertEquals(0, bad, what + ": anatomical order violated in " + failures);
    }

    /**
     * Finds walking passes in [a, b]: runs of frames between pauses, where the hip midpoint x smoothed
     * over 0.5 s (centred moving average of 15 frames) moves at more than 60 px/s (the walkers move at
     * 200-400 px/s; standing sway stays below 30 px/s). Runs shorter than 1 s are not passes.
     */
    private static List<int[]> passes(List<PoseFrame> frames, int a, int b, double[] smooth) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int i = a + 1; i <= b; i++) {
            double dt = frames.get(i).timeS() - frames.get(i - 1).timeS();
            boolean moving = !Double.isNaN(smooth[i]) && !Double.isNaN(smooth[i - 1])
                    && Math.abs(smooth[i] - smooth[i - 1]) / dt > 60;
            if (moving && start < 0) {
                start = i - 1;
            }
            if ((!moving || i == b) && start >= 0) {
                int end = moving ? i : i - 1;
                if (frames.get(end).timeS() - frames.get(start).timeS() >= 1.0) {
                    out.add(new int[] {start, end});
                }
                start = -1;
            }
        }
        return out;
    }

    private static double[] smoothedHipX(List<PoseFrame> frames) {
        double[] s = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - 7); j <= Math.min(frames.size() - 1, i + 7); j++) {
                if (frames.get(j).present()) {
                    sum += hipX(frames.get(j));
                    n++;
                }
            }
            s[i] = n >= 10 ? sum / n : Double.NaN;
        }
        return s;
    }

    /** Within a pass the smoothed hip x never steps back by more than 1 px (sub-pixel jitter allowed). */
    private static void assertMonotonic(double[] smooth, int[] pass, String what) {
        double sign = Math.signum(smooth[pass[1]] - smooth[pass[0]]);
        for (int i = pass[0] + 1; i <= pass[1]; i++) {
            double step = (smooth[i] - smooth[i - 1]) * sign;
            assertTrue(step > -1.0, what + ": hip moved backwards by " + (-step) + " px at frame " + i);
        }
    }

    /**
     * The indoor clip has nobody in view for its first second and between the passes. Probing for people only
     * every 0.2 s there (the default) must give exactly the poses of running the detector on every frame, with
     * fewer detector runs.
     */
    @Test
    void idleProbingGivesThePosesOfTheDetectorOnEveryFrame() throws Exception {
        Run everyFrame = run("sports2d_demo4_sagittal_indoor.mp4", Set.of(),
                PoseOptions.defaults().withIdleProbeIntervalS(0));
        assertEquals(everyFrame.frames().size(), indoor.frames().size());
        for (int i = 0; i < indoor.frames().size(); i++) {
            assertEquals(everyFrame.frames().get(i), indoor.frames().get(i), "frame " + i);
        }
        assertEquals(everyFrame.report().segments(), indoor.report().segments());
        assertEquals(everyFrame.report().framesWithPose(), indoor.report().framesWithPose());
        // 88 frames without anybody: every frame probed before, at most every 6th (0.2 s at 30 fps) plus the
        // frames replayed when the walker appears.
        assertTrue(indoor.report().detectorRuns() < everyFrame.report().detectorRuns() / 2,
                indoor.report().detectorRuns() + " vs " + everyFrame.report().detectorRuns());
    }

    @Test
    void indoorWalkerIsTrackedWithPlausibleSkeletonOverTwoPasses() {
        List<PoseFrame> f = indoor.frames();
        int first = firstPresent(f);
        int last = lastPresent(f);
        int[] vis = visibleInterval(f, first, last, indoor.widthPx());
        LOG.info("indoor: visible frames {}-{}, tracked {}-{}", vis[0], vis[1], first, last);
        // The interval found by the rule agrees with the frames checked by eye (33 and 337) within 4 frames.
        assertEquals(33, vis[0], 4);
        assertEquals(337, vis[1], 4);
        double cov = coverage(f, vis[0], vis[1]);
        LOG.info("indoor: coverage {} over the fully-visible frames", cov);
        assertTrue(cov >= 0.95, "coverage " + cov);
        assertAnatomy(f, vis[0], vis[1], indoor.widthPx(), "indoor");
        double[] smooth = smoothedHipX(f);
        List<int[]> passes = passes(f, vis[0], vis[1], smooth);
        LOG.info("indoor passes: {}", passes.stream().map(p -> p[0] + "-" + p[1]).toList());
        assertEquals(2, passes.size(), "two walking passes with a pause between");
        // The two passes go in opposite directions (out to the left, back to the right).
        double d0 = smooth[passes.get(0)[1]] - smooth[passes.get(0)[0]];
        double d1 = smooth[passes.get(1)[1]] - smooth[passes.get(1)[0]];
        assertTrue(d0 < 0 && d1 > 0, "directions " + d0 + ", " + d1);
        for (int[] p : passes) {
            // Each pass crosses a good part of the frame (more than a quarter of its width).
            assertTrue(Math.abs(smooth[p[1]] - smooth[p[0]]) > indoor.widthPx() / 4.0);
            assertMonotonic(smooth, p, "indoor pass " + p[0] + "-" + p[1]);
        }
        assertEquals(0, indoor.report().identityLostCount());
    }

    @Test
    void outdoorTrackStaysOnTheWalkerWhileSheWalks() {
        List<PoseFrame> f = outdoor.frames();
        int h = outdoor.heightPx();
        // The walker is the person on the lawn: hips in the lower half of the image. The other person is
        // on top of the utility box (hips at about a quarter of the height) until she has left.
        int[] run = longestRun(f, p -> p.present() && hipY(p) > 0.5 * h);
        int[] vis = visibleInterval(f, run[0], run[1], OUTDOOR_TRUNK_LEFT_EDGE_PX);
        LOG.info("outdoor: walker tracked {}-{}, visible {}-{}", run[0], run[1], vis[0], vis[1]);
        assertEquals(50, vis[0], 4);
        assertEquals(194, vis[1], 4);
        // Once on her, the track stays on her: every pose from her first tracked frame to the end of the
        // interval is hers. Frames of the interval before the track reached her count as misses.
        long onWalker = f.subList(vis[0], vis[1] + 1).stream().filter(p -> p.present() && hipY(p) > 0.5 * h).count();
        int from = Math.max(vis[0], run[0]);
        long withPose = f.subList(from, vis[1] + 1).stream().filter(PoseFrame::present).count();
        assertEquals(vis[1] - from + 1, withPose, "frames without pose after the track reached her");
        double cov = (double) onWalker / (vis[1] - vis[0] + 1);
        LOG.info("outdoor: coverage {} over the fully-visible frames", cov);
        assertTrue(cov >= 0.95, "coverage " + cov);
        assertAnatomy(f, vis[0], vis[1], OUTDOOR_TRUNK_LEFT_EDGE_PX, "outdoor");
        // Smooth over her frames only (the other person's frames before the switch are left out).
        List<PoseFrame> hers = f.stream().map(p -> p.present() && hipY(p) > 0.5 * h ? p
                : PoseFrame.missing(p.frameIndex(), p.timeS())).toList();
        double[] smooth = smoothedHipX(hers);
        List<int[]> passes = passes(hers, from, vis[1], smooth);
        assertEquals(1, passes.size(), "one pass, right to left");
        assertTrue(smooth[passes.get(0)[1]] < smooth[passes.get(0)[0]]);
        assertMonotonic(smooth, passes.get(0), "outdoor pass");
        assertTrue(outdoor.report().walkerSwitches() >= 1, "the track must move from the standing man to her");
    }

    private static int firstPresent(List<PoseFrame> f) {
        for (int i = 0; i < f.size(); i++) {
            if (f.get(i).present()) {
                return i;
            }
        }
        throw new AssertionError("no pose in any frame");
    }

    private static int lastPresent(List<PoseFrame> f) {
        for (int i = f.size() - 1; i >= 0; i--) {
            if (f.get(i).present()) {
                return i;
            }
        }
        throw new AssertionError("no pose in any frame");
    }

    private static int[] longestRun(List<PoseFrame> f, java.util.function.Predicate<PoseFrame> p) {
        int best = -1;
        int bestLen = 0;
        int start = -1;
        for (int i = 0; i <= f.size(); i++) {
            boolean ok = i < f.size() && p.test(f.get(i));
            if (ok && start < 0) {
                start = i;
            }
            if (!ok && start >= 0) {
                if (i - start > bestLen) {
                    bestLen = i - start;
                    best = start;
                }
                start = -1;
            }
        }
        assertTrue(best >= 0, "no frames match");
        return new int[] {best, best + bestLen - 1};
    }
}
