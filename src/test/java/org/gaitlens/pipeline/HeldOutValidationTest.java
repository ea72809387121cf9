package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * The held-out renders ({@code sample-videos/heldout/}: other bodies, clothes, skin tones, speeds, camera distances
 * and heights, normal gait and each pattern on the near and on the far leg), on which no threshold, allowance or
 * parameter is tuned: the check of what the bundled samples ({@link SampleValidationTest}) were tuned on. Skipped
 * where the folder is absent. Prints the pooled and the near/far tables and, per sample, every false and every missed
 * indicator (docs/accuracy.md, "Held-out renders").
 *
 * <p>Asserted: the indicator outcome of each sample exactly as measured and documented ({@link #RAISED}), so that a
 * change either way fails until the docs say why; events within {@value #EVENT_MAX_FRAMES} frames per video
 * (measured 0.20-0.86: ho_antalgic_near's painful near foot's toe offs read 0.1 s late) and
 * {@value #EVENT_MEAN_MAX_FRAMES} on average (measured 0.41); hip, knee and ankle RMS per video within
 * {@value #HIP_MAX_DEG}, {@value #KNEE_MAX_DEG} and {@value #ANKLE_MAX_DEG} deg (measured up to 4.4, 6.4 and 5.6).
 */
@Tag("integration")
class HeldOutValidationTest {
    static final double EVENT_MAX_FRAMES = 1.0;
    static final double EVENT_MEAN_MAX_FRAMES = 0.5;
    static final double HIP_MAX_DEG = 5.0;
    static final double KNEE_MAX_DEG = 7.0;
    static final double ANKLE_MAX_DEG = 6.0;

    /** The indicators each held-out sample raises on video (full model), as measured; docs/accuracy.md lists why. */
    static final Map<String, List<String>> RAISED = Map.of(
            "ho_antalgic_far", List.of("antalgic R"),
            "ho_antalgic_near", List.of("s1_weak_push_off L"),
            "ho_foot_drop_far", List.of("antalgic L", "l5_foot_drop L"),
            "ho_foot_drop_near", List.of("l5_foot_drop L"),
            "ho_knee_pattern_far", List.of("l4_knee R"),
            "ho_knee_pattern_near", List.of(),
            "ho_normal", List.of(),
            "ho_weak_push_off_far", List.of(),
            "ho_weak_push_off_near", List.of("l5_foot_drop L", "s1_weak_push_off L"));

    @Test
    void heldOutRendersOnVideo() throws IOException {
        Path dir = Path.of("sample-videos", "heldout");
        assumeTrue(Files.isDirectory(dir), "no held-out renders in " + dir.toAbsolutePath());
        Path out = Files.createDirectories(Path.of("target", "heldout-validation"));
        Analysis.Settings settings = new Analysis.Settings(Double.NaN, PoseModel.FULL, 1, false, false,
                GaitSettings.defaults().eventMethod(), false, CameraView.LEFT_SIDE,
                Path.of(System.getProperty("gaitlens.models.dir", "models")));
        List<String> failures = new ArrayList<>();
        double sumFrames = 0;
        int n = 0;
        for (Path f : Validation.truthFiles(dir)) {
            SampleTruth t = SampleTruth.read(f);
            if (!"side".equals(t.view())) {
                continue;
            }
            Validation.Row r = Validation.validate(t, true, out.resolve(t.name()), settings, ProgressListener.NONE);
            if (r.error() != null) {
                failures.add(t.name() + ": " + r.error());
                continue;
            }
            Set<String> raised = new HashSet<>(r.raised());
            Set<String> expected = new HashSet<>(r.expected());
            List<String> missed = r.expected().stream().filter(x -> !raised.contains(x)).toList();
            List<String> extra = r.raised().stream().filter(x -> !expected.contains(x)).toList();
            System.out.printf(Locale.ROOT, "held-out %-22s events %d-%d+%d %.2f fr, hip/knee/ankle %.1f/%.1f/%.1f deg,"
                    + " expected %s raised %s, missed %s, false %s%n", t.name(), r.eventsTrue(), r.eventsMissing(),
                    r.eventsExtra(), r.eventMaeFrames(), r.angleRmsDeg().get(Joint.HIP_FLEXION),
                    r.angleRmsDeg().get(Joint.KNEE_FLEXION), r.angleRmsDeg().get(Joint.ANKLE_DORSIFLEXION), r.expected(),
                    r.raised(), missed, extra);
            for (CameraLeg leg : CameraLeg.values()) {
                LegErrors e = r.leg(leg).orElseThrow();
                System.out.printf(Locale.ROOT, "held-out %-22s %-4s HS %5.1f TO %5.1f ms, RMS %.1f/%.1f/%.1f, offset-removed "
                        + "%.1f/%.1f/%.1f deg%n", t.name(), leg.code(), 1000 * e.heelStrikeMaeS(), 1000 * e.toeOffMaeS(),
                        e.rmsDeg(Joint.HIP_FLEXION), e.rmsDeg(Joint.KNEE_FLEXION), e.rmsDeg(Joint.ANKLE_DORSIFLEXION),
                        e.offsetRemovedRmsDeg(Joint.HIP_FLEXION), e.offsetRemovedRmsDeg(Joint.KNEE_FLEXION),
                        e.offsetRemovedRmsDeg(Joint.ANKLE_DORSIFLEXION));
            }
            sumFrames += r.eventMaeFrames();
            n++;
            List<String> documented = RAISED.get(t.name());
            if (documented == null || !Validation.indicatorsMatch(documented, r.raised())) {
                failures.add(t.name() + ": raised " + r.raised() + ", documented " + documented);
            }
            check(failures, t.name() + " events (frames)", r.eventMaeFrames(), EVENT_MAX_FRAMES);
            check(failures, t.name() + " hip", r.angleRmsDeg().get(Joint.HIP_FLEXION), HIP_MAX_DEG);
            check(failures, t.name() + " knee", r.angleRmsDeg().get(Joint.KNEE_FLEXION), KNEE_MAX_DEG);
            check(failures, t.name() + " ankle", r.angleRmsDeg().get(Joint.ANKLE_DORSIFLEXION), ANKLE_MAX_DEG);
        }
        assertTrue(n >= 6, "held-out side-view samples: " + n);
        check(failures, "mean events (frames)", sumFrames / n, EVENT_MEAN_MAX_FRAMES);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(List<String> failures, String what, double value, double max) {
        if (!(value <= max)) {
            failures.add(what + " " + value + " > " + max);
        }
    }
}
