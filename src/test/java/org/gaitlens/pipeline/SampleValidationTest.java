package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.gait.Joint;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.validate.CameraLeg;
import org.gaitlens.validate.LegErrors;
import org.gaitlens.validate.SampleTruth;
import org.gaitlens.validate.Validation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on the bundled rendered samples ({@code sample-videos/}, exact ground truth; format in its
 * README) through {@link Validation#validate}: once on the exact landmarks (the engine alone) and once on the
 * videos with the real pose model (full, the default). Prints both tables, the video one split by near and far leg.
 *
 * <p>Issue 16's bars for the video run, and where a bar is not met the measured one asserted instead, so that a
 * regression fails and an improvement shows in the printed table (docs/accuracy.md, "Issue 16"; measured with the
 * skeletal model and the toe-rise toe off):
 * <ul>
 *   <li>events: at most {@value #VIDEO_EVENT_MAX_FRAMES} frame per video (the issue's bar; measured 0.21-0.46);</li>
 *   <li>ankle RMS: at most {@value #VIDEO_ANKLE_MAX_DEG} deg per video and {@value #VIDEO_LEG_ANKLE_MAX_DEG} deg per
 *       leg (the issue's bars; measured 3.6-4.4 and 3.5-4.8);</li>
 *   <li>knee RMS: the issue's 5 deg per video and 6 deg per leg are <b>not met</b>: measured 4.8-6.6 per video
 *       (antalgic 6.6) and up to 7.0 deg per leg (antalgic far), asserted {@value #VIDEO_KNEE_MAX_DEG} and
 *       {@value #VIDEO_LEG_KNEE_MAX_DEG}. The pose model places the near knee about 5 px behind its true position
 *       in loading response (its loading peak reads 6 deg low on average) and the far knee's swing peak 6 deg low:
 *       systematic errors of the pose model that the skeletal model cannot undo (docs/accuracy.md);</li>
 *   <li>hip RMS: at most {@value #ANGLE_MAX_DEG} deg per video (measured 2.7-3.4);</li>
 *   <li>indicators: every sample must raise exactly the set its truth expects (the same rule as
 *       {@link Validation#indicatorsMatch}), except where docs/accuracy.md documents a difference: then exactly
 *       that documented set ({@link #ENGINE_DOCUMENTED_RAISED}, {@link #VIDEO_DOCUMENTED_RAISED}). A new false
 *       indicator fails, and so does a fixed one until its entry and the docs are updated. No expected indicator is
 *       lost against the pipeline before issue 16: weak_push_off's S1 R was not raised on video before either.</li>
 * </ul>
 * The camera-side allowances of the indicator rules ({@code PoseCameraBias}) were re-measured on these renders with
 * this pipeline; the held-out renders, on which nothing is tuned, are checked in {@code HeldOutValidationTest}.
 * Frontal samples (trunk_list) are skipped here: {@code FrontalVideoTest} and {@code FrontalSessionTest} cover them.
 */
@Tag("integration")
class SampleValidationTest {
    /** Issue's event bar: one video frame (33 ms at 30 fps), on average over the samples, exact landmarks. */
    static final double EVENT_MEAN_MAX_FRAMES = 1.0;
    /** Issue 16's event bar on video, per video: half a frame (measured max 0.46, weak_push_off). */
    static final double VIDEO_EVENT_MAX_FRAMES = 0.5;
    /** Issue's angle bar, deg RMS, asserted for the hip on video. */
    static final double ANGLE_MAX_DEG = 5.0;
    /** Knee on video, deg RMS per video (measured max 6.6; issue 16's 5 not met, see the class comment). */
    static final double VIDEO_KNEE_MAX_DEG = 7.0;
    /** Knee on video, deg RMS per leg (measured max 7.0; issue 16's 6 not met). */
    static final double VIDEO_LEG_KNEE_MAX_DEG = 7.5;
    /** Ankle on video, deg RMS per video: issue 16's bar (measured max 4.4). */
    static final double VIDEO_ANKLE_MAX_DEG = 5.0;
    /** Ankle on video, deg RMS per leg: issue 16's bar (measured max 4.8). */
    static final double VIDEO_LEG_ANKLE_MAX_DEG = 6.0;
    /**
     * Engine alone, deg RMS: the product's target is angles within 2 deg of the definition on clean
     * projections; the only error left is the smoothing (skeletal model, 4 Hz; measured <= 1.5 deg).
     */
    static final double ENGINE_ANGLE_MAX_DEG = 2.0;
    /**
     * Exact landmarks: the samples whose raised set differs from their truth, with the exact set they raise, as
     * docs/accuracy.md lists them ("What remains", bullet "Indicators that differ from the truth": the rendered
     * gaits have real secondary asymmetries). Every other sample raises exactly its truth's set.
     */
    static final Map<String, List<String>> ENGINE_DOCUMENTED_RAISED = Map.of(
            "weak_push_off", List.of("antalgic R", "s1_weak_push_off R"));
    /**
     * Video (full pose model): as {@link #ENGINE_DOCUMENTED_RAISED}, from the same docs/accuracy.md bullet.
     * knee_pattern adds an antalgic L (stance SI error 6 pp: its far right toe offs read 17 ms late on average);
     * weak_push_off raises nothing: its S1 R (near leg, 5 deg less plantarflexion in truth) is not clear on video.
     */
    static final Map<String, List<String>> VIDEO_DOCUMENTED_RAISED = Map.of(
            "knee_pattern", List.of("antalgic L", "l4_knee L"),
            "weak_push_off", List.of());

    private static List<SampleTruth> sideSamples() throws IOException {
        Path dir = Path.of("sample-videos");
        assumeTrue(Files.isDirectory(dir), "no sample-videos/ folder in " + Path.of("").toAbsolutePath());
        List<SampleTruth> out = new ArrayList<>();
        for (Path f : Validation.truthFiles(dir)) {
            SampleTruth t = SampleTruth.read(f);
            if ("side".equals(t.view())) {
                out.add(t);
            }
        }
        assertTrue(out.size() >= 3, "side-view samples: " + out.size());
        return out;
    }

    private static Analysis.Settings settings() {
        return new Analysis.Settings(Double.NaN, PoseModel.FULL, 1, false, false,
                GaitSettings.defaults().eventMethod(), false, CameraView.LEFT_SIDE,
                Path.of(System.getProperty("gaitlens.models.dir", "models")));
    }

    private static List<Validation.Row> run(boolean fromVideo) throws IOException {
        Path out = Files.createDirectories(Path.of("target", "sample-validation", fromVideo ? "video" : "engine"));
        List<Validation.Row> rows = new ArrayList<>();
        for (SampleTruth t : sideSamples()) {
            Validation.Row r = Validation.validate(t, fromVideo, out.resolve(t.name()), settings(), ProgressListener.NONE);
            System.out.println((fromVideo ? "video  " : "engine ") + format(r));
            rows.add(r);
        }
        return rows;
    }

    private static String format(Validation.Row r) {
        if (r.error() != null) {
            return r.name() + " FAILED: " + r.error();
        }
        return String.format(Locale.ROOT, "%-20s events %d-%d+%d HS %.1f ms TO %.1f ms (%.2f fr) hip %.1f knee %.1f "
                + "ankle %.1f deg expected %s raised %s", r.name(), r.eventsTrue(), r.eventsMissing(), r.eventsExtra(),
                1000 * r.heelStrikeMaeS(), 1000 * r.toeOffMaeS(), r.eventMaeFrames(), r.angleRmsDeg().get(Joint.HIP_FLEXION),
                r.angleRmsDeg().get(Joint.KNEE_FLEXION), r.angleRmsDeg().get(Joint.ANKLE_DORSIFLEXION), r.expected(),
                r.raised());
    }

    /** Exactly the truth's set, or exactly the documented set where docs/accuracy.md lists a difference. */
    private static void checkIndicators(Validation.Row r, Map<String, List<String>> documented, List<String> failures) {
        List<String> want = documented.getOrDefault(r.name(), r.expected());
        if (!Validation.indicatorsMatch(want, r.raised())) {
            failures.add(r.name() + ": expected exactly " + want + " raised, got " + r.raised()
                    + (documented.containsKey(r.name()) ? " (documented set; the truth expects " + r.expected() + ")"
                            : ""));
        }
    }

    @Test
    void engineOnExactLandmarks() throws IOException {
        List<String> failures = new ArrayList<>();
        double sumFrames = 0;
        List<Validation.Row> rows = run(false);
        for (Validation.Row r : rows) {
            if (r.error() != null) {
                failures.add(r.name() + ": " + r.error());
                continue;
            }
            sumFrames += r.eventMaeFrames();
            // exact landmarks: every video's events within one frame (measured max 0.33)
            if (!(r.eventMaeFrames() <= EVENT_MEAN_MAX_FRAMES)) {
                failures.add(r.name() + ": event MAE " + r.eventMaeFrames() + " frames");
            }
            for (Joint j : List.of(Joint.HIP_FLEXION, Joint.KNEE_FLEXION, Joint.ANKLE_DORSIFLEXION)) {
                if (!(r.angleRmsDeg().get(j) <= ENGINE_ANGLE_MAX_DEG)) {
                    failures.add(r.name() + ": " + j + " RMS " + r.angleRmsDeg().get(j) + " deg");
                }
            }
            checkIndicators(r, ENGINE_DOCUMENTED_RAISED, failures);
        }
        assertTrue(sumFrames / rows.size() <= EVENT_MEAN_MAX_FRAMES, "mean event MAE " + sumFrames / rows.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void wholePipelineOnVideo() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Validation.Row> rows = run(true);
        double sumFrames = 0;
        for (Validation.Row r : rows) {
            if (r.error() != null) {
                failures.add(r.name() + ": " + r.error());
                continue;
            }
            sumFrames += r.eventMaeFrames();
            if (!(r.eventMaeFrames() <= VIDEO_EVENT_MAX_FRAMES)) {
                failures.add(r.name() + ": event MAE " + r.eventMaeFrames() + " frames");
            }
            check(failures, r, Joint.HIP_FLEXION, ANGLE_MAX_DEG);
            check(failures, r, Joint.KNEE_FLEXION, VIDEO_KNEE_MAX_DEG);
            check(failures, r, Joint.ANKLE_DORSIFLEXION, VIDEO_ANKLE_MAX_DEG);
            for (CameraLeg leg : CameraLeg.values()) {
                LegErrors e = r.leg(leg).orElseThrow();
                System.out.printf(Locale.ROOT, "video  %-20s %-4s HS %5.1f TO %5.1f ms, RMS hip/knee/ankle %.1f/%.1f/%.1f,"
                        + " offset-removed %.1f/%.1f/%.1f deg%n", r.name(), leg.code(), 1000 * e.heelStrikeMaeS(),
                        1000 * e.toeOffMaeS(), e.rmsDeg(Joint.HIP_FLEXION), e.rmsDeg(Joint.KNEE_FLEXION),
                        e.rmsDeg(Joint.ANKLE_DORSIFLEXION), e.offsetRemovedRmsDeg(Joint.HIP_FLEXION),
                        e.offsetRemovedRmsDeg(Joint.KNEE_FLEXION), e.offsetRemovedRmsDeg(Joint.ANKLE_DORSIFLEXION));
                if (!(e.rmsDeg(Joint.KNEE_FLEXION) <= VIDEO_LEG_KNEE_MAX_DEG)) {
                    failures.add(r.name() + " " + leg.code() + " knee RMS " + e.rmsDeg(Joint.KNEE_FLEXION));
                }
                if (!(e.rmsDeg(Joint.ANKLE_DORSIFLEXION) <= VIDEO_LEG_ANKLE_MAX_DEG)) {
                    failures.add(r.name() + " " + leg.code() + " ankle RMS " + e.rmsDeg(Joint.ANKLE_DORSIFLEXION));
                }
            }
            checkIndicators(r, VIDEO_DOCUMENTED_RAISED, failures);
        }
        assertTrue(sumFrames / rows.size() <= EVENT_MEAN_MAX_FRAMES, "mean event MAE " + sumFrames / rows.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, Validation.Row r, Joint j, double maxDeg) {
        Double v = r.angleRmsDeg().get(j);
        if (v == null || !(v <= maxDeg)) {
            failures.add(r.name() + ": " + j + " RMS " + v + " deg > " + maxDeg);
        }
    }
}
