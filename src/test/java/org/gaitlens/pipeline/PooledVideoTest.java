package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gaitlens.core.Json;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.PassSteps;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pose.PoseEstimatorSource;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.pose.PoseModels;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;
import org.gaitlens.video.VideoWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared indoor video ({@code sports2d_demo4_sagittal_indoor.mp4}, see {@code RealVideoEndToEndTest} for its
 * ground truth) cut into its two passes as two video files, analysed as one session through the pose model, and
 * analysed again from the pose cache. The second pass is walked backwards: as in the whole video (docs/passes.md)
 * its steps give its cadence and none of its strides enters the statistics, whether it is a pass of one video or a
 * clip of its own.
 */
@Tag("integration")
class PooledVideoTest {
    /** Cut between the passes: pass 1 closes with a step at ~151, pass 2's first contact is at 197. */
    static final int CUT_FRAME = 175;
    /** Pass 2's contacts every ~16 frames at 30 fps (RealVideoEndToEndTest.INDOOR_PASS2_CONTACTS): 112.5 steps/min. */
    static final double PASS2_CADENCE = 112.5;
    /** +-1 frame on a 16-frame step. */
    static final double CADENCE_TOL = 8;

    @TempDir
    Path tmp;

    @Test
    void indoorVideoCutIntoItsTwoPassesPoolsTheForwardPassAndKeepsTheBackwardOneForCadence() throws Exception {
        Path video = Path.of(System.getProperty("gaitlens.shared.dir", "../shared"), "validation", "videos",
                "sports2d_demo4_sagittal_indoor.mp4");
        assertTrue(Files.isRegularFile(video), "validation video not found: " + video);
        Path there = cut(video, 0, CUT_FRAME, tmp.resolve("in/indoor_there.mp4"));
        Path back = cut(video, CUT_FRAME, Integer.MAX_VALUE, tmp.resolve("in/indoor_back.mp4"));
        PoseCache cache = PoseCache.at(tmp.resolve("cache"));
        PooledAnalysis.Result first = run(List.of(there, back), tmp.resolve("s1"), cache);
        GaitResult a = first.gait().recordings().get(0).gait();
        GaitResult b = first.gait().recordings().get(1).gait();
        assertEquals(1, a.passes().size(), "clip 1: " + a.passes());
        assertFalse(a.passes().get(0).backward());
        assertEquals(1, b.passes().size(), "clip 2: " + b.passes());
        assertTrue(b.passes().get(0).backward(), "clip 2 is walked backwards");
        assertTrue(b.strides().values().stream().allMatch(List::isEmpty), "no backward stride: " + b.strides());
        PassSteps steps = b.passSteps().get(0);
        assertEquals(PASS2_CADENCE, steps.cadenceStepsPerMin(), CADENCE_TOL, steps.toString());
        // the whole video gives L 2 / R 3 strides from pass 1 (RealVideoEndToEndTest); the clip, re-encoded and
        // ending 24 frames after the closing step, may lose the pass's last stride (+-1, as the pass-end tolerance
        // of RealVideoEndToEndTest), and the pooled strides are exactly the first clip's
        assertEquals(2, first.gait().strideCount(Side.LEFT), 1, "left strides");
        assertEquals(3, first.gait().strideCount(Side.RIGHT), 1, "right strides");
        for (Side s : Side.values()) {
            assertEquals(a.strides().get(s).size(), first.gait().strideCount(s), "pooled = clip 1, " + s);
        }
        assertTrue(first.recordings().stream().noneMatch(SessionRecording::poseFromCache));

        JsonNode summary = Json.mapper().readTree(tmp.resolve("s1/summary.json").toFile());
        JsonNode rec = summary.path("recordings").get(1);
        assertEquals("indoor_back.mp4", rec.path("file").asText());
        assertTrue(rec.path("passes").get(0).path("backward").asBoolean(), rec.toString());
        assertEquals(30.0, rec.path("frame_rate_hz").asDouble(), 0.01);
        assertEquals(1280, rec.path("width_px").asInt());
        assertTrue(Files.isRegularFile(tmp.resolve("s1/recordings/indoor_there.mp4/landmarks.csv")));
        List<org.gaitlens.report.KeyFrame> frames = org.gaitlens.reporting.ReportInput.read(tmp.resolve("s1"))
                .keyFrames();
        assertTrue(!frames.isEmpty() && frames.stream().allMatch(k -> "indoor_there.mp4".equals(k.recording())
                && Files.isRegularFile(tmp.resolve("s1").resolve(k.imagePath()))),
                "key frames of the clip with strides, in its folder: " + frames);

        PooledAnalysis.Result again = run(List.of(there, back), tmp.resolve("s2"), cache);
        assertTrue(again.recordings().stream().allMatch(SessionRecording::poseFromCache), "both poses cached");
        assertEquals(Files.readString(tmp.resolve("s1/strides.csv")), Files.readString(tmp.resolve("s2/strides.csv")),
                "the cached poses give the same strides");
        assertEquals(Files.readString(tmp.resolve("s1/recordings/indoor_back.mp4/landmarks.csv")),
                Files.readString(tmp.resolve("s2/recordings/indoor_back.mp4/landmarks.csv")));
    }

    private static PooledAnalysis.Result run(List<Path> clips, Path out, PoseCache cache) {
        Analysis.Settings s = new Analysis.Settings(165, PoseModel.FULL, 1, false, false, EventMethod.ZENI_REFINED,
                false, CameraView.LEFT_SIDE, PoseModels.defaultDir());
        return PooledAnalysis.run(clips, out, s, SessionMetadata.withDefaults("P1", null, "indoor", clips.get(0)),
                PoseEstimatorSource.FRESH, cache, ProgressListener.NONE);
    }

    /** Frames {@code [from, to)} of {@code in} as a video of their own, its clock starting at 0. */
    static Path cut(Path in, int from, int to, Path out) throws Exception {
        Files.createDirectories(out.getParent());
        try (FfmpegVideoSource src = FfmpegVideoSource.open(in);
                VideoWriter w = VideoWriter.open(out, src.info().widthPx(), src.info().heightPx(),
                        src.info().frameRateHz())) {
            Optional<VideoFrame> f;
            double t0 = Double.NaN;
            while ((f = src.next()).isPresent()) {
                try (VideoFrame vf = f.get()) {
                    if (vf.index() >= from && vf.index() < to) {
                        t0 = Double.isNaN(t0) ? vf.timeS() : t0;
                        w.write(vf.image(), vf.timeS() - t0);
                    }
                }
            }
        }
        return out;
    }
}
