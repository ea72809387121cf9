package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.assess.Assessment;
import org.gaitlens.core.Json;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.gait.PassSteps;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.Rejection;
import org.gaitlens.motion.WalkingPass;
import org.gaitlens.reference.Deviation;

/**
 * {@code summary.json} of a session pooled from several recordings: every key of a one-recording summary
 * ({@link SessionAnalysis}), with pooled or per-recording content, and a {@code recordings} list. Format in
 * {@code docs/outputs.md}:
 * <ul>
 *   <li>{@code input}: {@code file} and {@code sha256} null (each recording has its own), {@code kind} the
 *       recordings' common kind or {@code mixed}, {@code recordings} their number; {@code input_details} empty;</li>
 *   <li>{@code recordings}: one entry per recording given ({@link SessionRecording}): file name, path, sha256, kind,
 *       duration, frame rate, resolution, rotation, passes with direction, facing and near leg, its scale with the
 *       source, strides used and rejected per side, whether the pose came from the cache, its own details and
 *       warnings, and {@code duplicate_of} or {@code error} when it was not analysed;</li>
 *   <li>{@code view}: {@code SIDE} with a description; {@code scale}: the keys of a scale with the per-recording
 *       scales described; {@code passes}, {@code pass_steps} and {@code rejections}: every recording's, each entry
 *       with its {@code recording}; {@code cleaning}: per recording name; {@code per_side}, {@code assessment} and
 *       {@code deviation}: over the pooled strides ({@code assessment.quality.stridesUsed} counts them).</li>
 * </ul>
 */
final class PooledSummary {

    private PooledSummary() {
    }

    /** Writes the summary into {@code outDir}; returns the file. */
    static Path write(Path outDir, Analysis.Settings settings, SessionMetadata meta, List<SessionRecording> recordings,
            List<PooledAnalysis.Clip> clips, PooledGait pooled, Assessment assessment, Deviation deviation) {
        GaitSettings gaitSettings = settings.gaitSettings(clips.get(0).loaded().kind());
        Map<String, Object> m = SessionAnalysis.summaryStart(meta);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", null);
        input.put("sha256", null);
        List<String> kinds = recordings.stream().map(r -> r.kind().name().toLowerCase(Locale.ROOT)).distinct().toList();
        input.put("kind", kinds.size() == 1 ? kinds.get(0) : "mixed");
        input.put("recordings", recordings.size());
        m.put("input", input);
        m.put("input_details", Map.of());
        m.put("recordings", recordings.stream().map(PooledSummary::recording).toList());
        m.put("settings", gaitSettings);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", "SIDE");
        view.put("description", "side view in every analysed recording (see recordings[].view)");
        m.put("view", view);
        m.put("event_method", String.join("; ", clips.stream().map(c -> c.gait().eventMethod()).distinct().toList()));
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("pixelsPerMetre", null);
        List<String> sources = clips.stream().map(c -> c.gait().scale().source().name()).distinct().toList();
        scale.put("source", sources.size() == 1 ? sources.get(0) : "MIXED");
        scale.put("description", "per recording: " + String.join("; ", clips.stream()
                .map(c -> c.name() + ": " + c.gait().scale().description()).toList()));
        scale.put("legLengthPx", null);
        m.put("scale", scale);
        List<Object> passes = new ArrayList<>();
        List<Object> passSteps = new ArrayList<>();
        List<Object> rejections = new ArrayList<>();
        Map<String, Object> cleaning = new LinkedHashMap<>();
        for (PooledAnalysis.Clip c : clips) {
            for (WalkingPass p : c.gait().passes()) {
                passes.add(withRecording(p, c.name()));
            }
            for (PassSteps p : c.gait().passSteps()) {
                passSteps.add(withRecording(p, c.name()));
            }
            for (Rejection r : c.gait().rejections()) {
                rejections.add(withRecording(r, c.name()));
            }
            cleaning.put(c.name(), c.gait().cleaningLog());
        }
        m.put("passes", passes);
        m.put("pass_steps", passSteps);
        m.put("per_side", SessionAnalysis.perSide(pooled.summaries(), pooled::strideCount));
        m.put("rejections", rejections);
        m.put("cleaning", cleaning);
        m.put("assessment", assessment);
        m.put("deviation", Deviations.summary(deviation));
        Path file = outDir.resolve(SessionAnalysis.SUMMARY_JSON);
        Json.write(file, m);
        return file;
    }

    /** A record's JSON fields followed by {@code recording}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withRecording(Object value, String recording) {
        Map<String, Object> m = new LinkedHashMap<>(Json.mapper().convertValue(value, Map.class));
        m.put("recording", recording);
        return m;
    }

    /** One {@code recordings} entry. */
    static Map<String, Object> recording(SessionRecording r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.name());
        m.put("path", r.file().toAbsolutePath().toString());
        m.put("sha256", r.sha256());
        m.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        m.put("duration_s", finite(r.durationS()));
        m.put("frame_rate_hz", finite(r.frameRateHz()));
        m.put("width_px", r.widthPx() > 0 ? r.widthPx() : null);
        m.put("height_px", r.heightPx() > 0 ? r.heightPx() : null);
        m.put("rotation_deg", r.rotationDeg());
        m.put("pose_from_cache", r.poseFromCache());
        m.put("folder", r.folder());
        m.put("view", r.view());
        List<Object> passes = new ArrayList<>();
        for (SessionRecording.Pass p : r.passes()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("index", p.index());
            pm.put("start_s", p.startTimeS());
            pm.put("end_s", p.endTimeS());
            pm.put("direction", p.direction());
            pm.put("facing", p.facing());
            pm.put("near_side", p.nearSide().code());
            pm.put("backward", p.backward());
            pm.put("steps", p.steps());
            pm.put("cadence_steps_per_min", finite(p.cadenceStepsPerMin()));
            passes.add(pm);
        }
        m.put("passes", passes);
        m.put("scale", r.scale());
        m.put("strides_used", sides(r.stridesUsed()));
        m.put("strides_rejected", sides(r.stridesRejected()));
        m.put("details", r.details());
        m.put("warnings", r.warnings());
        m.put("duplicate_of", r.duplicateOf());
        m.put("error", r.error());
        return m;
    }

    private static Map<String, Integer> sides(Map<Side, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Side s : Side.values()) {
            out.put(s.name().toLowerCase(Locale.ROOT), m.getOrDefault(s, 0));
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
