package org.gaitlens.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.assess.Pattern;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Json;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitEventType;
import org.gaitlens.gait.Joint;

/**
 * Ground truth of a rendered sample video ({@code <name>.truth.json}, format {@code gaitlens-synth-truth/1},
 * documented in {@code sample-videos/README.md}).
 *
 * @param name          sample name
 * @param video         the video file beside the truth file
 * @param landmarks     the exact landmarks file beside it (engine input without the pose model)
 * @param heightCm      the figure's standing height
 * @param frameRateHz   video frame rate
 * @param view          "side" or "front"
 * @param events        true heel strikes and toe offs
 * @param perSide       true per-side spatiotemporal means ({@code stride_time_s}, {@code stance_time_s},
 *                      {@code step_length_m} ...)
 * @param asymmetryPct  true symmetry indices ({@code stance_time_si_pct} ...)
 * @param anglesDeg     true 2D angles per frame, per side and joint (trunk under both sides)
 * @param timeS         frame times of {@link #anglesDeg}
 * @param expected      expected screening indicators with their side
 * @param passes        the rendered passes with the side nearer the camera in each ({@code side_facing_camera}; a
 *                      joined sample lists its passes under {@code passes}); empty for a frontal view
 */
public record SampleTruth(String name, Path video, Path landmarks, double heightCm, double frameRateHz, String view,
        List<TrueEvent> events, Map<Side, Map<String, Double>> perSide, Map<String, Double> asymmetryPct,
        Map<Side, Map<Joint, double[]>> anglesDeg, double[] timeS, Map<Pattern, Side> expected,
        List<TruePass> passes) {

    public SampleTruth {
        passes = List.copyOf(passes);
    }

    /** One true gait event. */
    public record TrueEvent(Side side, GaitEventType type, double timeS) {
    }

    /**
     * One rendered pass of a side view.
     *
     * @param firstFrame first video frame of the pass
     * @param frameCount its frames
     * @param nearSide   the walker's side nearer the camera
     */
    public record TruePass(int firstFrame, int frameCount, Side nearSide) {
    }

    /** The side nearer the camera at time {@code timeS} (the pass containing it, else the nearest one); null if none. */
    public Side nearSideAt(double timeS) {
        double frame = timeS * frameRateHz;
        TruePass best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (TruePass p : passes) {
            double d = frame < p.firstFrame() ? p.firstFrame() - frame
                    : Math.max(0, frame - (p.firstFrame() + p.frameCount() - 1));
            if (d < bestDist) {
                bestDist = d;
                best = p;
            }
        }
        return best == null ? null : best.nearSide();
    }

    /** Suffix of truth files. */
    public static final String SUFFIX = ".truth.json";

    /** Reads a truth file. */
    public static SampleTruth read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read ground truth: " + e.getMessage(), e);
        }
        if (!root.path("format").asText().startsWith("gaitlens-synth-truth/")) {
            throw new InvalidInputException(file + ": not a gaitlens ground-truth file (format field missing)");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<TrueEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            GaitEventType type = "initial_contact".equals(e.path("type").asText())
                    ? GaitEventType.INITIAL_CONTACT : GaitEventType.TOE_OFF;
            events.add(new TrueEvent(side(e.path("side").asText()), type, e.path("time_s").asDouble()));
        }
        Map<Side, Map<String, Double>> perSide = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            Map<String, Double> m = new LinkedHashMap<>();
            root.path("spatiotemporal").path(s.name().toLowerCase(Locale.ROOT)).properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    m.put(e.getKey(), e.getValue().asDouble());
                }
            });
            perSide.put(s, m);
        }
        Map<String, Double> asym = new LinkedHashMap<>();
        root.path("asymmetry").properties().forEach(e -> asym.put(e.getKey(), e.getValue().asDouble()));
        JsonNode frames = root.path("frames");
        double[] t = doubles(frames.path("time_s"));
        JsonNode a2 = frames.path("angles_2d");
        Map<Side, Map<Joint, double[]>> angles = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            String p = s.name().toLowerCase(Locale.ROOT) + "_";
            Map<Joint, double[]> m = new EnumMap<>(Joint.class);
            putIfPresent(m, Joint.HIP_FLEXION, a2.path(p + "hip_flexion_deg"));
            putIfPresent(m, Joint.KNEE_FLEXION, a2.path(p + "knee_flexion_deg"));
            putIfPresent(m, Joint.ANKLE_DORSIFLEXION, a2.path(p + "ankle_dorsiflexion_deg"));
            putIfPresent(m, Joint.TRUNK_LEAN, a2.path("trunk_lean_deg"));
            angles.put(s, m);
        }
        Map<Pattern, Side> expected = new EnumMap<>(Pattern.class);
        for (JsonNode i : root.path("indicators")) {
            Pattern pattern = pattern(i.path("name").asText());
            String sideText = i.path("side").asText("");
            expected.put(pattern, sideText.equals("left") || sideText.equals("right") ? side(sideText) : null);
        }
        String name = root.path("name").asText();
        List<TruePass> passes = new ArrayList<>();
        if (root.path("passes").isArray() && root.path("passes").size() > 0) {
            for (JsonNode p : root.path("passes")) {
                passes.add(new TruePass(p.path("first_frame").asInt(), p.path("frame_count").asInt(),
                        side(p.path("side_facing_camera").asText())));
            }
        } else if ("side".equals(root.path("view").asText("side"))) {
            passes.add(new TruePass(0, root.path("frame_count").asInt(t.length),
                    side(root.path("side_facing_camera").asText())));
        }
        return new SampleTruth(name, dir.resolve(root.path("video").asText(name + ".mp4")),
                dir.resolve(root.path("landmarks").asText(name + ".landmarks.csv")),
                root.path("subject").path("height_m").asDouble(Double.NaN) * 100,
                root.path("frame_rate_hz").asDouble(30), root.path("view").asText("side"), events, perSide, asym,
                angles, t, expected, passes);
    }

    /** The pattern named in a truth file. */
    static Pattern pattern(String name) {
        return switch (name) {
            case "antalgic" -> Pattern.ANTALGIC;
            case "foot_drop" -> Pattern.L5_FOOT_DROP;
            case "weak_push_off" -> Pattern.S1_WEAK_PUSH_OFF;
            case "knee_pattern" -> Pattern.L4_KNEE;
            case "trunk_list" -> Pattern.TRUNK_LIST;
            default -> throw new InvalidInputException("unknown indicator name in ground truth: " + name);
        };
    }

    private static void putIfPresent(Map<Joint, double[]> m, Joint j, JsonNode arr) {
        if (arr.isArray() && arr.size() > 0) {
            m.put(j, doubles(arr));
        }
    }

    private static double[] doubles(JsonNode arr) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = arr.get(i);
            v[i] = n == null || n.isNull() || !n.isNumber() ? Double.NaN : n.asDouble();
        }
        return v;
    }

    private static Side side(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "left", "l" -> Side.LEFT;
            case "right", "r" -> Side.RIGHT;
            default -> throw new InvalidInputException("unknown side in ground truth: " + s);
        };
    }
}
