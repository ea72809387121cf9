package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A reused estimator ({@link BlazePoseEstimator#reset()}, {@link PoseEstimatorPool}) must estimate a video exactly as
 * a newly loaded one: same poses bit for bit (inference on one thread is deterministic) and the same tracking report
 * (except the measured milliseconds). Two rendered samples (sample-videos/README.md) walking in opposite directions,
 * so that a track left over from the first video would start the second one from the wrong place.
 */
@Tag("integration")
class PoseEstimatorPoolTest {
    /** Frames per video: the walker enters, is detected and tracked over many frames. */
    private static final int FRAMES = 90;
    private static final PoseOptions OPTIONS = PoseOptions.defaults().withThreads(1);
    private static final List<VideoFrame> FIRST = new ArrayList<>();
    private static final List<VideoFrame> SECOND = new ArrayList<>();

    @BeforeAll
    static void decode() {
        read(Path.of("sample-videos", "normal.mp4"), FIRST);
        read(Path.of("sample-videos", "antalgic.mp4"), SECOND);
    }

    @AfterAll
    static void free() {
        FIRST.forEach(VideoFrame::close);
        SECOND.forEach(VideoFrame::close);
    }

    private static void read(Path video, List<VideoFrame> into) {
        try (FfmpegVideoSource src = FfmpegVideoSource.open(video)) {
            Optional<VideoFrame> f;
            while (into.size() < FRAMES && (f = src.next()).isPresent()) {
                into.add(f.get());
            }
        }
    }

    private record Run(List<PoseFrame> poses, TrackingReport report) {
    }

    private static Run estimate(PoseEstimator est, List<VideoFrame> frames) {
        List<PoseFrame> poses = new ArrayList<>();
        frames.forEach(f -> poses.addAll(est.push(f)));
        poses.addAll(est.finish());
        return new Run(poses, est.report());
    }

    private static Run fresh(List<VideoFrame> frames) {
        try (BlazePoseEstimator est = BlazePoseEstimator.open(PoseModels.fromDefaultDir().dir(), OPTIONS)) {
            return estimate(est, frames);
        }
    }

    /** Everything of a tracking report but the wall times, which differ from run to run. */
    private static void assertSameTracking(TrackingReport expected, TrackingReport actual) {
        assertEquals(expected.frames(), actual.frames());
        assertEquals(expected.framesWithPose(), actual.framesWithPose());
        assertEquals(expected.detectorRuns(), actual.detectorRuns());
        assertEquals(expected.redetections(), actual.redetections());
        assertEquals(expected.identityLostCount(), actual.identityLostCount());
        assertEquals(expected.walkerSwitches(), actual.walkerSwitches());
        assertEquals(expected.segments(), actual.segments());
        assertEquals(expected.notes(), actual.notes());
    }

    @Test
    void resetEstimatorMatchesNewOne() {
        Run expected = fresh(SECOND);
        assertTrue(expected.report().framesWithPose() > FRAMES / 2,
                "the walker must be tracked for the comparison to mean something: " + expected.report());
        try (BlazePoseEstimator est = BlazePoseEstimator.open(PoseModels.fromDefaultDir().dir(), OPTIONS)) {
            Run first = estimate(est, FIRST);
            assertTrue(first.report().framesWithPose() > 0);
            // Without the reset, the second video starts from the first one's track and counts.
            est.reset();
            Run again = estimate(est, SECOND);
            assertEquals(expected.poses(), again.poses());
            assertSameTracking(expected.report(), again.report());
        }
    }

    @Test
    void resetLeavesEveryFieldAsInANewEstimator() throws IllegalAccessException {
        // Guards reset() against state added to the estimator or its parts later: every instance field must hold
        // what a new estimator holds (collections: empty), down through the parts (this package's classes that are
        // not records). Left out: the loaded models and, as they never change, the other final fields that are
        // neither collections nor parts (options, thresholds, the idle prober's callbacks).
        Path dir = PoseModels.fromDefaultDir().dir();
        try (BlazePoseEstimator used = BlazePoseEstimator.open(dir, OPTIONS);
                BlazePoseEstimator fresh = BlazePoseEstimator.open(dir, OPTIONS)) {
            estimate(used, FIRST.subList(0, 40));
            used.reset();
            int compared = assertSameState(used, fresh, "estimator");
            assertTrue(compared >= 20, "the tracking state has over 20 fields, compared " + compared);
        }
    }

    /** Compares the state fields of two objects of one class, recursing into parts; returns how many it compared. */
    private static int assertSameState(Object used, Object fresh, String path) throws IllegalAccessException {
        int compared = 0;
        for (Field f : used.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || List.of(PoseDetector.class, PoseLandmarker.class)
                    .contains(f.getType())) {
                continue;
            }
            f.setAccessible(true);
            Object a = f.get(used);
            Object b = f.get(fresh);
            String name = path + "." + f.getName();
            if (b instanceof Collection<?> c) {
                assertTrue(c.isEmpty() && ((Collection<?>) a).isEmpty(), name + " not emptied by reset()");
                compared++;
            } else if (b != null && isPart(b.getClass())) {
                compared += assertSameState(a, b, name);
            } else if (!Modifier.isFinal(f.getModifiers())) {
                assertEquals(b, a, name + " not reset");
                compared++;
            }
        }
        return compared;
    }

    private static boolean isPart(Class<?> c) {
        return c.getPackage() == BlazePoseEstimator.class.getPackage() && !c.isRecord() && !c.isSynthetic()
                && !c.getName().contains("$$Lambda");
    }

    @Test
    void withoutResetTheStateCarriesOver() {
        // Shows the comparison above can fail: counts and track segments go on from the first video. A few frames
        // of the second video suffice (the stale track makes the estimator search for the walker at the first
        // video's position, running the detector on every frame).
        List<VideoFrame> few = SECOND.subList(0, 5);
        try (BlazePoseEstimator est = BlazePoseEstimator.open(PoseModels.fromDefaultDir().dir(), OPTIONS)) {
            estimate(est, FIRST);
            Run carried = estimate(est, few);
            assertEquals(FRAMES + few.size(), carried.report().frames());
            assertNotEquals(fresh(few).report().segments(), carried.report().segments());
        }
    }

    @Test
    void poolLoadsOnceAndHandsOutResetEstimators() {
        Run expected = fresh(SECOND);
        Path dir = PoseModels.fromDefaultDir().dir();
        try (PoseEstimatorPool pool = new PoseEstimatorPool()) {
            try (PoseEstimator est = pool.open(dir, OPTIONS)) {
                estimate(est, FIRST);
            }
            Run again;
            try (PoseEstimator est = pool.open(dir, OPTIONS)) {
                again = estimate(est, SECOND);
            }
            assertEquals(1, pool.loaded());
            assertEquals(1, pool.reused());
            assertEquals(expected.poses(), again.poses());
            assertSameTracking(expected.report(), again.report());

            // Two at once are two estimators; other options are another estimator.
            List<PoseEstimator> atOnce = List.of(pool.open(dir, OPTIONS), pool.open(dir, OPTIONS),
                    pool.open(dir, OPTIONS.withModel(PoseModel.LITE)));
            assertEquals(3, pool.loaded());
            atOnce.forEach(PoseEstimator::close);
            PoseEstimator handedOut = pool.open(dir, OPTIONS);
            handedOut.close();
            assertThrows(IllegalStateException.class, () -> handedOut.push(FIRST.get(0)),
                    "an estimator given back must not be used");
        }
    }
}
