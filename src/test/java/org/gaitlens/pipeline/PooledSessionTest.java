package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Json;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pose.PoseEstimatorSource;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.reporting.ReportInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session pooled from several recordings ({@link PooledAnalysis}) on the rendered samples' exact
 * {@code landmarks.csv} files (sample-videos/README.md), cut by frame ranges into clips the way a therapist films a
 * short walkway: each cut restarts at frame 0 and time 0, as a clip of its own would. A cut is exact (no re-encoding)
 * and fast; the video path is covered by {@code PooledVideoTest}.
 */
public class PooledSessionTest {
    static final Path SAMPLES = Path.of("sample-videos");
    /** Mean of a stride time or cadence pooled from two halves against the whole clip: exact landmarks, s. */
    static final double STRIDE_TIME_TOL_S = 0.02;
    /** Stance % pooled against whole: the samples' strides differ by under 0.2 % (SD), so 0.5 % is loose. */
    static final double STANCE_TOL_PCT = 0.5;
    /** Step length pooled against whole: its stride SD is 0.03-0.04 m, so losing a stride moves the mean ~0.02 m. */
    static final double STEP_LENGTH_TOL_M = 0.03;
    /** Knee swing peak pooled against whole: stride SD under 0.2 deg. */
    static final double KNEE_TOL_DEG = 0.5;

    @TempDir
    Path tmp;

    static Analysis.Settings settings() {
        return new Analysis.Settings(175, PoseModel.FULL, 1, false, false, null, false, CameraView.LEFT_SIDE,
                Path.of(System.getProperty("gaitlens.models.dir", "models")));
    }

    static PooledAnalysis.Result run(List<Path> clips, Path out) {
        return PooledAnalysis.run(clips, out, settings(), SessionMetadata.withDefaults("P1", null, "test",
                clips.get(0)), PoseEstimatorSource.FRESH, PoseCache.NONE, ProgressListener.NONE);
    }

    /**
     * Writes frames {@code [from, to)} of a landmarks file as a clip of its own: frame numbers and times restart at
     * 0.
     */
    public static Path cut(Path landmarks, int from, int to, Path out) throws IOException {
        List<String> lines = Files.readAllLines(landmarks, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        double t0 = Double.NaN;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 3);
            int frame = Integer.parseInt(f[0]);
            if (frame < from || frame >= to) {
                continue;
            }
            double t = Double.parseDouble(f[1]);
            t0 = Double.isNaN(t0) ? t : t0;
            kept.add((frame - from) + "," + String.format(Locale.ROOT, "%.6f", t - t0) + "," + f[2]);
        }
        Files.createDirectories(out.getParent());
        Files.write(out, kept, StandardCharsets.UTF_8);
        return out;
    }

    /** Frames in a landmarks file (its last frame number + 1). */
    public static int frames(Path landmarks) throws IOException {
        List<String> lines = Files.readAllLines(landmarks, StandardCharsets.UTF_8);
        return Integer.parseInt(lines.get(lines.size() - 1).split(",", 2)[0]) + 1;
    }

    static Indicator indicator(Assessment a, Pattern p) {
        return a.indicators().stream().filter(i -> i.pattern() == p).findFirst().orElseThrow();
    }

    static double mean(PooledAnalysis.Result r, Side s, StrideParameter p) {
        return r.gait().summary(s, p).mean();
    }

    @Test
    void twoHalvesAreEachInsufficientAndPooledGiveTheWholeClipsResult() throws IOException {
        Path sample = SAMPLES.resolve("weak_push_off.landmarks.csv");
        int n = frames(sample);
        Path a = cut(sample, 0, n / 2, tmp.resolve("in/a.landmarks.csv"));
        Path b = cut(sample, n / 2, n, tmp.resolve("in/b.landmarks.csv"));
        PooledAnalysis.Result whole = run(List.of(sample), tmp.resolve("whole"));
        PooledAnalysis.Result first = run(List.of(a), tmp.resolve("a"));
        PooledAnalysis.Result second = run(List.of(b), tmp.resolve("b"));
        PooledAnalysis.Result pooled = run(List.of(a, b), tmp.resolve("pooled"));
        for (PooledAnalysis.Result half : List.of(first, second)) {
            assertFalse(half.assessment().quality().trustworthy(), "a half alone: " + half.assessment().quality());
            assertTrue(half.gait().strideCount(Side.LEFT) < 3 || half.gait().strideCount(Side.RIGHT) < 3);
        }
        for (Side s : Side.values()) {
            assertEquals(first.gait().strideCount(s) + second.gait().strideCount(s), pooled.gait().strideCount(s),
                    "pooled strides are the halves' strides, none counted twice, " + s);
            assertEquals(pooled.gait().strideCount(s),
                    pooled.assessment().quality().stridesUsed().get(s).intValue(), "stridesUsed counts the pool");
        }
        assertTrue(pooled.assessment().quality().trustworthy(), "pooled: " + pooled.assessment().quality());
        for (Side s : Side.values()) {
            assertEquals(mean(whole, s, StrideParameter.STRIDE_TIME), mean(pooled, s, StrideParameter.STRIDE_TIME),
                    STRIDE_TIME_TOL_S, "stride time " + s);
            assertEquals(mean(whole, s, StrideParameter.STANCE_PCT), mean(pooled, s, StrideParameter.STANCE_PCT),
                    STANCE_TOL_PCT, "stance " + s);
            assertEquals(mean(whole, s, StrideParameter.STEP_LENGTH), mean(pooled, s, StrideParameter.STEP_LENGTH),
                    STEP_LENGTH_TOL_M, "step length " + s);
            assertEquals(mean(whole, s, StrideParameter.KNEE_FLEX_SWING_PEAK),
                    mean(pooled, s, StrideParameter.KNEE_FLEX_SWING_PEAK), KNEE_TOL_DEG, "knee peak " + s);
        }
        // the verdicts: the same indicators; the symmetry level is not compared, as it rests on CIs that widen
        // with the strides lost at the cut
        assertEquals(raised(whole.assessment()), raised(pooled.assessment()), "the same indicators are raised");
        assertNotNull(pooled.deviation(), "the deviation is scored from the pooled curves");
        assertEquals(whole.deviation().scores().overall().valueDeg(),
                pooled.deviation().scores().overall().valueDeg(), 0.5, "GPS-2D");

        Path dir = tmp.resolve("pooled");
        List<String> strides = Files.readAllLines(dir.resolve("strides.csv"));
        assertTrue(strides.get(0).startsWith("side,pass,recording,walking_direction,near_side,"), strides.get(0));
        assertTrue(strides.stream().skip(1).anyMatch(l -> l.contains(",a.landmarks.csv,"))
                && strides.stream().skip(1).anyMatch(l -> l.contains(",b.landmarks.csv,")), "both recordings");
        assertTrue(Files.readAllLines(dir.resolve("events.csv")).get(0).startsWith("side,event,time_s,frame,pass,"
                + "recording"));
        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(2, summary.path("recordings").size());
        JsonNode rec = summary.path("recordings").get(1);
        assertEquals("b.landmarks.csv", rec.path("file").asText());
        assertEquals(64, rec.path("sha256").asText().length());
        assertEquals(second.gait().strideCount(Side.LEFT), rec.path("strides_used").path("left").asInt(), rec.toString());
        assertTrue(summary.path("deviation").isObject(), "summary.json keeps its deviation");
        for (String key : List.of("software", "session", "input", "settings", "view", "scale", "passes",
                "per_side", "assessment")) {
            assertTrue(summary.has(key), "summary.json keeps " + key);
        }
        assertEquals(pooled.gait().strideCount(Side.LEFT),
                summary.path("assessment").path("quality").path("stridesUsed").path("LEFT").asInt());
        ReportInput snapshot = ReportInput.read(dir);
        assertEquals(2, snapshot.recordings().size());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Recordings") && html.contains("a.landmarks.csv") && html.contains("b.landmarks.csv"));
        assertTrue(html.contains("Repeatability: recording to recording"), "clip-to-clip repeatability");
    }

    /**
     * {@code knee_pattern_both} cut into its two passes, each with the {@code video.json} that {@code gaitlens pose}
     * writes beside its landmarks, so that they count as pose-model landmarks and the camera-side rules apply. Its left knee flexes 13.6 deg more in loading (exact
     * landmarks), beyond the 9.5 deg near-knee allowance, so the return clip alone (left leg far) raises L4 with the
     * camera-side caution rather than "not assessable" (that case, a far-leg excess within the allowance, is
     * {@code AssessorTest.farKneeExcessWithinTheBiasIsAssessedWhenAnotherRecordingShowsTheLegNear}); pooled, each
     * leg was filmed near the camera in one clip, the caution goes and the evidence names the clips.
     */
    @Test
    void farLegKneeSignIsJudgedOnThePooledDirections() throws IOException {
        Path sample = SAMPLES.resolve("knee_pattern_both.landmarks.csv");
        JsonNode truth = Json.mapper().readTree(SAMPLES.resolve("knee_pattern_both.truth.json").toFile());
        int split = truth.path("passes").get(1).path("first_frame").asInt();
        Path there = asPoseOutput(cut(sample, 0, split, tmp.resolve("in/there/there.landmarks.csv")));
        Path back = asPoseOutput(cut(sample, split, frames(sample), tmp.resolve("in/back/back.landmarks.csv")));
        Indicator thereAlone = indicator(run(List.of(there), tmp.resolve("there")).assessment(), Pattern.L4_KNEE);
        Indicator backAlone = indicator(run(List.of(back), tmp.resolve("back")).assessment(), Pattern.L4_KNEE);
        PooledAnalysis.Result pooled = run(List.of(there, back), tmp.resolve("pooled"));
        Indicator both = indicator(pooled.assessment(), Pattern.L4_KNEE);
        List<AssessmentInputs.Source> poseModel = List.of(new AssessmentInputs.Source(null, true),
                new AssessmentInputs.Source(null, true));
        AssessmentInputs.NearLegs near = AssessmentInputs.nearLegs(pooled.gait(), poseModel);
        assertNull(near.poseNearSide(), "each leg was near the camera in one clip");
        assertEquals(List.of("there.landmarks.csv"), near.recordings().get(Side.LEFT));
        assertEquals(List.of("back.landmarks.csv"), near.recordings().get(Side.RIGHT));
        PooledGait backOnly = PooledGait.of(List.of(pooled.gait().recordings().get(1)));
        assertEquals(Side.RIGHT, AssessmentInputs.nearLegs(backOnly, poseModel.subList(0, 1)).poseNearSide());
        assertNull(AssessmentInputs.nearLegs(pooled.gait(), List.of(new AssessmentInputs.Source(null, false),
                new AssessmentInputs.Source(null, false))).poseNearSide(), "exact landmarks: no camera-side bias");
        assertTrue(thereAlone.strength().raised() && thereAlone.side() == Side.LEFT, thereAlone.toString());
        assertFalse(String.join(" ", thereAlone.evidence()).contains("Caution"), "left knee near the camera");
        assertTrue(backAlone.strength().raised(), backAlone.toString());
        assertTrue(backAlone.evidence().stream().anyMatch(e -> e.startsWith("Caution: all walking was filmed with "
                + "the right side toward the camera")), "left knee far: " + backAlone.evidence());
        assertTrue(both.strength().raised(), both.toString());
        assertEquals(Side.LEFT, both.side());
        assertFalse(String.join(" ", both.evidence()).contains("Caution"), both.evidence().toString());
        assertTrue(both.evidence().stream().anyMatch(e -> e.contains("left leg was filmed near the camera in "
                + "there.landmarks.csv") && e.contains("right leg in back.landmarks.csv")), both.evidence().toString());
        List<String> strides = Files.readAllLines(tmp.resolve("pooled/strides.csv"));
        assertTrue(strides.stream().anyMatch(l -> l.startsWith("L,0,there.landmarks.csv,right_to_left,L,")),
                strides.get(1));
        assertTrue(strides.stream().anyMatch(l -> l.startsWith("L,0,back.landmarks.csv,left_to_right,R,")),
                "pass indices stay per clip: " + strides);
    }

    @Test
    void theSameClipTwiceIsAnalysedOnce() throws IOException {
        Path sample = SAMPLES.resolve("normal.landmarks.csv");
        Path copy = Files.createDirectories(tmp.resolve("copy")).resolve("again.landmarks.csv");
        Files.copy(sample, copy);
        PooledAnalysis.Result r = run(List.of(sample, copy), tmp.resolve("out"));
        PooledAnalysis.Result alone = run(List.of(sample), tmp.resolve("alone"));
        assertEquals(alone.gait().strideCount(Side.LEFT), r.gait().strideCount(Side.LEFT), "not counted twice");
        assertEquals("normal.landmarks.csv", r.recordings().get(1).duplicateOf());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("again.landmarks.csv: the same recording")),
                r.warnings().toString());
        JsonNode summary = Json.mapper().readTree(tmp.resolve("out/summary.json").toFile());
        assertEquals("normal.landmarks.csv", summary.path("recordings").get(1).path("duplicate_of").asText());
    }

    @Test
    void aClipWithoutWalkerIsReportedAndTheSessionAnalysedFromTheOthers() throws IOException {
        Path sample = SAMPLES.resolve("weak_push_off.landmarks.csv");
        Path empty = nobody(sample, tmp.resolve("in/empty_corridor.landmarks.csv"));
        Path corrupt = Files.write(tmp.resolve("in/broken.mp4"), "not a video".getBytes(StandardCharsets.UTF_8));
        PooledAnalysis.Result r = run(List.of(sample, empty, corrupt), tmp.resolve("out"));
        PooledAnalysis.Result alone = run(List.of(sample), tmp.resolve("alone"));
        assertEquals(alone.gait().strideCount(Side.RIGHT), r.gait().strideCount(Side.RIGHT));
        SessionRecording none = r.recordings().get(1);
        assertFalse(none.analysed());
        assertNotNull(none.error(), "the clip without walker says why");
        assertNotNull(r.recordings().get(2).error(), "the corrupt clip says why");
        assertNull(r.recordings().get(0).error());
        JsonNode summary = Json.mapper().readTree(tmp.resolve("out/summary.json").toFile());
        assertFalse(summary.path("recordings").get(1).path("error").asText().isBlank());
        assertFalse(summary.path("recordings").get(2).path("error").asText().isBlank());
        String html = Files.readString(tmp.resolve("out/report.html"));
        assertTrue(html.contains("empty_corridor.landmarks.csv") && html.contains("not analysed"), "report table");
    }

    @Test
    void aFrontalClipAmongSideClipsIsRefusedByName() throws IOException {
        Path side = SAMPLES.resolve("normal.landmarks.csv");
        Path frontal = SAMPLES.resolve("trunk_list.landmarks.csv");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(List.of(side, frontal), tmp.resolve("out")));
        assertTrue(e.getMessage().startsWith("trunk_list.landmarks.csv: ") && e.getMessage().contains("side views"),
                e.getMessage());
    }

    @Test
    void clearlyDifferentBodyProportionsAreRefusedAsAnotherPerson() {
        Path dir = SAMPLES.resolve("heldout");
        Path one = dir.resolve("ho_foot_drop_far.landmarks.csv");
        Path other = dir.resolve("ho_foot_drop_near.landmarks.csv");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(List.of(one, other), tmp.resolve("out")));
        assertTrue(e.getMessage().startsWith("ho_foot_drop_near.landmarks.csv: ")
                && e.getMessage().contains("different people"), e.getMessage());
    }

    @Test
    void oneWalkersClipsPassTheBodyCheck() throws IOException {
        Path sample = SAMPLES.resolve("knee_pattern_both.landmarks.csv");
        Path a = cut(sample, 0, 199, tmp.resolve("in/a.landmarks.csv"));
        Path b = cut(sample, 199, frames(sample), tmp.resolve("in/b.landmarks.csv"));
        Path c = SAMPLES.resolve("series_patientA_s1.landmarks.csv");
        double pa = WalkerCheck.proportion(run(List.of(a), tmp.resolve("a")).gait().recordings().get(0).gait()
                .motion().cleaned());
        double pb = WalkerCheck.proportion(run(List.of(b), tmp.resolve("b")).gait().recordings().get(0).gait()
                .motion().cleaned());
        double pc = WalkerCheck.proportion(run(List.of(c), tmp.resolve("c")).gait().recordings().get(0).gait()
                .motion().cleaned());
        assertEquals(pa, pb, pa * 0.02, "both walking directions of one figure within 2 %");
        assertEquals(pa, pc, pa * 0.02, "one figure, two sessions");
        assertEquals(3, run(List.of(a, b, c), tmp.resolve("abc")).recordings().stream()
                .filter(SessionRecording::analysed).count());
    }

    /**
     * Marks a cut as the pose job's output: the {@code video.json} beside it (one folder per clip, as the pose job
     * writes), with the rendered samples' frame size and a made-up video checksum of the clip's own.
     */
    static Path asPoseOutput(Path landmarks) throws IOException {
        String sha = org.gaitlens.core.Checksums.sha256(landmarks);
        Files.writeString(landmarks.resolveSibling(PoseRun.VIDEO_JSON), "{\"input_sha256\": \"" + sha
                + "\", \"video\": {\"widthPx\": 1280, \"heightPx\": 720}}");
        return landmarks;
    }

    /** The names of the raised indicators with their sides. */
    static Set<String> raised(Assessment a) {
        Set<String> out = new LinkedHashSet<>();
        a.indicators().stream().filter(i -> i.strength().raised()).forEach(i -> out.add(i.pattern() + " " + i.side()));
        return out;
    }

    /**
     * A clip in which the pose model found nobody: the sample's frames and landmark names with every numeric field
     * empty (the form of a landmarks file for frames without a person).
     */
    static Path nobody(Path sample, Path out) throws IOException {
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        int columns = lines.get(0).split(",").length;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 4);
            if (Integer.parseInt(f[0]) >= 90) {
                break;
            }
            kept.add(f[0] + "," + f[1] + "," + f[2] + ",".repeat(columns - 3));
        }
        Files.createDirectories(out.getParent());
        Files.write(out, kept, StandardCharsets.UTF_8);
        return out;
    }
}
