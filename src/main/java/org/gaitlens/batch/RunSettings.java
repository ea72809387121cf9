package org.gaitlens.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.pose.PoseModel;

/**
 * The settings of one queued analysis run, stored with the run as JSON so that any worker (this batch, another
 * process, the web app) can execute it from the queue alone. Worker-local choices (inference threads, where the
 * models are) are not part of it.
 *
 * <p>{@link #hash()} identifies the results: SHA-256 of the canonical JSON (keys sorted, no white space) of the
 * settings that change numbers: software version, pose model, height, event method, treadmill mode and virtual
 * camera. The overlay video and face blurring change no number, so a run made with {@code --no-video} counts as
 * done for a later run with the video on.
 *
 * @param softwareVersion gaitlens version that queued the run
 * @param model           pose landmark model (video input)
 * @param heightCm        the patient's standing height in cm for the metric scale, NaN when unknown
 * @param eventMethod     gait event method, or {@code null} for "auto": the default of each input kind
 *                        ({@link Analysis.Settings#eventMethodFor}), fixed when a run is queued
 *                        ({@link #resolvedFor}); a queued run's settings always name the method
 * @param treadmill       whether the walk is on a treadmill
 * @param cameraView      virtual camera for motion-capture input
 * @param writeVideo      whether to write the overlay video
 * @param blurFaces       whether to blur faces in the overlay video
 */
public record RunSettings(String softwareVersion, PoseModel model, double heightCm, EventMethod eventMethod,
        boolean treadmill, CameraView cameraView, boolean writeVideo, boolean blurFaces) {

    /** Keys of a settings file or manifest override, with what each takes. */
    public static final Map<String, String> OVERRIDE_KEYS = overrideKeys();

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT);

    public RunSettings {
        if (softwareVersion == null || softwareVersion.isBlank()) {
            throw new IllegalArgumentException("softwareVersion must not be blank, was " + softwareVersion);
        }
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(cameraView, "cameraView");
        if (!Double.isNaN(heightCm) && !(heightCm >= 50 && heightCm <= 250)) {
            throw new IllegalArgumentException("heightCm must be within 50-250 cm or NaN, was " + heightCm);
        }
    }

    /** The defaults of {@code gaitlens analyze}: full model, no height, event method auto, overlay video on. */
    public static RunSettings defaults() {
        return new RunSettings(SoftwareVersion.get(), PoseModel.FULL, Double.NaN, null, false,
                CameraView.LEFT_SIDE, true, false);
    }

    /**
     * These settings for an input of the given kind: "auto" ({@code null}) becomes that kind's default event
     * method, as in {@code gaitlens analyze} (motion capture: zeni-refined; video and landmarks: the engine's
     * default), so a batch and {@code analyze} give the same numbers for the same file.
     */
    public RunSettings resolvedFor(InputKind kind) {
        if (eventMethod != null) {
            return this;
        }
        EventMethod m = new Analysis.Settings(heightCm, model, 1, writeVideo, blurFaces, null, treadmill, cameraView,
                null).eventMethodFor(kind);
        return new RunSettings(softwareVersion, model, heightCm, m, treadmill, cameraView, writeVideo, blurFaces);
    }

    private static Map<String, String> overrideKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("height_cm", "standing height in cm (50-250)");
        m.put("view", "camera view: sagittal, frontal or unknown");
        m.put("model", "pose model: lite, full or heavy");
        m.put("event_method", "gait event method: auto, zeni-toe-rise, zeni-foot-speed, zeni-refined, zeni or stenum");
        m.put("treadmill", "true or false");
        m.put("camera", "virtual camera for motion capture: left-side, right-side, front or back");
        m.put("blur_faces", "true or false");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** These settings without the overlay video (which changes no number, so the hash stays the same). */
    public RunSettings withoutVideo() {
        return new RunSettings(softwareVersion, model, heightCm, eventMethod, treadmill, cameraView, false, blurFaces);
    }

    public RunSettings withHeightCm(double newHeightCm) {
        return new RunSettings(softwareVersion, model, newHeightCm, eventMethod, treadmill, cameraView, writeVideo,
                blurFaces);
    }

    /**
     * These settings with overrides from a settings file or manifest applied ({@link #OVERRIDE_KEYS}; the key
     * {@code view} describes the recording and is ignored here).
     *
     * @throws IllegalArgumentException naming the key and value when a key is unknown or a value invalid
     */
    public RunSettings withOverrides(Map<String, String> overrides) {
        RunSettings s = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String v = e.getValue().trim();
            String norm = v.toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                s = switch (e.getKey()) {
                    case "height_cm" -> s.withHeightCm(parseHeight(v));
                    case "view" -> s;
                    case "model" -> new RunSettings(s.softwareVersion, PoseModel.parse(v), s.heightCm, s.eventMethod,
                            s.treadmill, s.cameraView, s.writeVideo, s.blurFaces);
                    case "event_method" -> new RunSettings(s.softwareVersion, s.model, s.heightCm,
                            "AUTO".equals(norm) ? null : EventMethod.valueOf(norm), s.treadmill, s.cameraView,
                            s.writeVideo, s.blurFaces);
                    case "treadmill" -> new RunSettings(s.softwareVersion, s.model, s.heightCm, s.eventMethod,
                            parseBoolean(v), s.cameraView, s.writeVideo, s.blurFaces);
                    case "camera" -> new RunSettings(s.softwareVersion, s.model, s.heightCm, s.eventMethod,
                            s.treadmill, CameraView.valueOf(norm), s.writeVideo, s.blurFaces);
                    case "blur_faces" -> new RunSettings(s.softwareVersion, s.model, s.heightCm, s.eventMethod,
                            s.treadmill, s.cameraView, s.writeVideo, parseBoolean(v));
                    default -> throw new IllegalArgumentException("unknown setting '" + e.getKey() + "' (known: "
                            + String.join(", ", OVERRIDE_KEYS.keySet()) + ")");
                };
            } catch (IllegalArgumentException ex) {
                if (ex.getMessage() != null && ex.getMessage().startsWith("unknown setting")) {
                    throw ex;
                }
                throw new IllegalArgumentException("invalid " + e.getKey() + " '" + v + "': expected "
                        + OVERRIDE_KEYS.get(e.getKey()), ex);
            }
        }
        return s;
    }

    static double parseHeight(String v) {
        double h;
        try {
            h = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("height_cm must be a number, was '" + v + "'", e);
        }
        if (!(h >= 50 && h <= 250)) {
            throw new IllegalArgumentException("height_cm must be within 50-250 cm, was " + v);
        }
        return h;
    }

    private static boolean parseBoolean(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, was '" + v + "'");
        };
    }

    /** The settings that change results, as a sorted map (JSON null for an unknown height). */
    private Map<String, Object> resultSettings() {
        if (eventMethod == null) {
            throw new IllegalStateException("event method 'auto' is resolved per input before a run is stored "
                    + "(resolvedFor)");
        }
        Map<String, Object> m = new TreeMap<>();
        m.put("software_version", softwareVersion);
        m.put("model", model.name().toLowerCase(Locale.ROOT));
        m.put("height_cm", Double.isNaN(heightCm) ? null : heightCm);
        m.put("event_method", eventMethod.name().toLowerCase(Locale.ROOT));
        m.put("treadmill", treadmill);
        m.put("camera", cameraView.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return m;
    }

    /** All settings as canonical JSON (sorted keys, no white space): what the run row stores. */
    public String toJson() {
        Map<String, Object> m = resultSettings();
        m.put("write_video", writeVideo);
        m.put("blur_faces", blurFaces);
        return canonical(m);
    }

    /** SHA-256 (hex) of the canonical JSON of the settings that change results. */
    public String hash() {
        return sha256Hex(canonical(resultSettings()));
    }

    /**
     * The run key of these settings for a set of recordings: {@link #hash()} for one recording (as for every run
     * stored before sessions were pooled); for several, SHA-256 over {@link #hash()} and the recordings' SHA-256s
     * sorted, so the same clips in any order are the same run and another set of clips is another run.
     *
     * @throws IllegalArgumentException when no recording is given
     */
    public String hash(List<String> recordingSha256s) {
        if (recordingSha256s.isEmpty()) {
            throw new IllegalArgumentException("a run covers at least one recording");
        }
        if (recordingSha256s.size() == 1) {
            return hash();
        }
        return sha256Hex(hash() + " pooled " + String.join(",", recordingSha256s.stream().sorted().toList()));
    }

    private static String sha256Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static String canonical(Map<String, Object> m) {
        try {
            return CANONICAL.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write settings as JSON", e);
        }
    }

    /**
     * Reads settings written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when the text is not such JSON
     */
    public static RunSettings fromJson(String json) {
        try {
            JsonNode n = CANONICAL.readTree(json);
            JsonNode h = n.get("height_cm");
            return new RunSettings(
                    text(n, "software_version"),
                    PoseModel.parse(text(n, "model")),
                    h == null || h.isNull() ? Double.NaN : h.asDouble(),
                    EventMethod.valueOf(text(n, "event_method").toUpperCase(Locale.ROOT)),
                    n.path("treadmill").asBoolean(false),
                    CameraView.valueOf(text(n, "camera").toUpperCase(Locale.ROOT).replace('-', '_')),
                    n.path("write_video").asBoolean(true),
                    n.path("blur_faces").asBoolean(false));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run settings are not JSON: " + json, e);
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("run settings lack '" + key + "': " + n);
        }
        return v.asText();
    }

    /** The gait engine's settings these give for an input of the given kind (no pose model involved). */
    public org.gaitlens.gait.GaitSettings gaitSettings(InputKind kind) {
        return new Analysis.Settings(heightCm, model, 1, writeVideo, blurFaces, eventMethod, treadmill, cameraView,
                null).gaitSettings(kind);
    }

    /** The pipeline's settings for a worker with this many inference threads and this models folder. */
    public Analysis.Settings toAnalysisSettings(int threads, Path modelsDir) {
        return new Analysis.Settings(heightCm, model, threads, writeVideo, blurFaces, eventMethod, treadmill,
                cameraView, modelsDir);
    }
}
