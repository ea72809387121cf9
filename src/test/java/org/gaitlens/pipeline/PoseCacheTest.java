package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.pose.PoseModels;
import org.gaitlens.pose.PoseOptions;
import org.gaitlens.pose.TrackingReport;
import org.gaitlens.video.VideoInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PoseCache} without the pose model: what its key covers, an exact round trip of the poses, and that an
 * unreadable entry is a miss. The cache on real video (a hit gives the same strides) is in {@code PooledVideoTest}.
 */
class PoseCacheTest {
    static final String VIDEO = "a".repeat(64);

    @TempDir
    Path tmp;
    Path models;

    @BeforeEach
    void fakeModels() throws IOException {
        models = Files.createDirectories(tmp.resolve("models"));
        for (PoseModel m : PoseModel.values()) {
            Files.writeString(models.resolve(m.fileName()), "weights of " + m);
        }
        Files.writeString(models.resolve(PoseModels.DETECTOR_FILE), "detector");
    }

    @Test
    void theKeyCoversVideoModelFilesAndTrackingOptionsButNotThreads() throws IOException {
        PoseOptions full = PoseOptions.defaults().withModel(PoseModel.FULL);
        String key = PoseCache.key(VIDEO, full, models);
        assertTrue(key.startsWith(VIDEO + "-"), key);
        assertEquals(key, PoseCache.key(VIDEO, full.withThreads(1), models));
        assertEquals(key, PoseCache.key(VIDEO, full.withThreads(4), models), "threads give the same landmarks");
        assertNotEquals(key, PoseCache.key("b".repeat(64), full, models), "another video");
        assertNotEquals(key, PoseCache.key(VIDEO, full.withModel(PoseModel.LITE), models), "another model");
        assertNotEquals(key, PoseCache.key(VIDEO, full.withPreferWalker(!full.preferWalker()), models));
        assertNotEquals(key, PoseCache.key(VIDEO, full.withIdleProbeIntervalS(full.idleProbeIntervalS() + 1),
                models));
        Path other = Files.createDirectories(tmp.resolve("models2"));
        for (PoseModel m : PoseModel.values()) {
            Files.writeString(other.resolve(m.fileName()), "new weights of " + m);
        }
        Files.writeString(other.resolve(PoseModels.DETECTOR_FILE), "detector");
        assertNotEquals(key, PoseCache.key(VIDEO, full, other), "changed model weights never hit the old entry");
    }

    @Test
    void posesComeBackExactlyAndAnUnreadableEntryIsAMiss() throws IOException {
        PoseCache cache = PoseCache.at(tmp.resolve("cache"));
        PoseOptions o = PoseOptions.defaults();
        String key = PoseCache.key(VIDEO, o, models);
        assertTrue(cache.lookup(key).isEmpty(), "empty cache");
        List<PoseFrame> frames = List.of(pose(0, 0.0, 0.1), PoseFrame.missing(1, 1 / 30.0), pose(2, 2 / 30.0, Math.PI));
        VideoInfo info = new VideoInfo(tmp.resolve("clip.mp4"), 1280, 720, 30, 0.1, 90, "h264", "mp4", 3);
        TrackingReport tracking = new TrackingReport(3, 2, 1, 0, 0, 0, 5.0, 7.0, List.of(), List.of("a note"));
        cache.store(key, PoseCache.settingsText(o, models), new PoseStage.Result(info, frames, tracking,
                tmp.resolve("landmarks.csv"), Optional.empty(), 1.5));
        PoseCache.Entry e = cache.lookup(key).orElseThrow();
        assertEquals(frames, e.frames(), "every double exactly");
        assertEquals(tracking, e.tracking());
        assertEquals(90, e.info().rotationDeg());
        assertEquals(1280, e.info().widthPx());
        assertTrue(PoseCache.NONE.lookup(key).isEmpty());
        assertFalse(PoseCache.NONE.enabled());

        Files.write(tmp.resolve("cache").resolve(key).resolve(PoseCache.POSES_FILE), new byte[] {1, 2, 3});
        assertTrue(cache.lookup(key).isEmpty(), "a damaged entry is computed again");
    }

    private static PoseFrame pose(int index, double timeS, double seed) {
        List<LandmarkPoint> points = new ArrayList<>();
        for (int i = 0; i < BodyLandmark.COUNT; i++) {
            points.add(new LandmarkPoint(seed * i + 0.123456789, seed - i / 7.0, -i / 3.0, 0.9, 0.95, 0.01 * i,
                    -0.02 * i, seed / 1000));
        }
        return new PoseFrame(index, timeS, points, 0.87);
    }
}
