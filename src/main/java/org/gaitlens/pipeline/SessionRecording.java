package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.PassSteps;
import org.gaitlens.motion.Scale;
import org.gaitlens.motion.ViewDetection;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;

/**
 * One recording (clip) of a session as the analysis took it: where it came from, what the gait engine found in it,
 * how many of its strides the pooled session used, or why none. Written into {@code summary.json}
 * ({@code recordings}) and the report's recordings table; the provenance a study store keeps per recording.
 *
 * @param name           the recording's name in the session: its file name, or {@code folder/file} when two clips
 *                       share a file name; the {@code recording} column of {@code events.csv} and {@code strides.csv}
 * @param file           the file as given
 * @param sha256         SHA-256 of the file's bytes
 * @param kind           input kind
 * @param durationS      duration, s (video: the stream's; otherwise first to last sample); NaN when not read
 * @param frameRateHz    frame or sample rate, Hz; NaN when not read
 * @param widthPx        image width as displayed (after rotation), px; 0 when unknown
 * @param heightPx       image height as displayed, px; 0 when unknown
 * @param rotationDeg    display rotation applied to a video's frames (0, 90, 180, 270); 0 for other inputs
 * @param poseFromCache  whether a video's landmarks came from the pose cache ({@link PoseCache})
 * @param folder         folder of the recording's own files (landmarks, {@code video.json}, overlay, key frames)
 *                       relative to the session folder, or {@code null} when it has none
 * @param view           the camera view detected, or {@code null} when the recording was not read
 * @param passes         its walking passes
 * @param scale          its px-to-m scale (each recording has its own), or {@code null} when not analysed
 * @param stridesUsed    per side, its accepted strides in the pooled session
 * @param stridesRejected per side, its rejected candidate strides
 * @param details        input facts as in a one-recording {@code summary.json}'s {@code input_details}
 * @param warnings       its own warnings (pose tracking, image size)
 * @param duplicateOf    the name of the recording with the same content when this one is a repeat (not analysed,
 *                       its strides not counted twice), else {@code null}
 * @param error          why the recording could not be analysed (no walker, unreadable file ...), else
 *                       {@code null}
 */
public record SessionRecording(String name, Path file, String sha256, InputKind kind, double durationS,
        double frameRateHz, int widthPx, int heightPx, int rotationDeg, boolean poseFromCache, String folder,
        ViewDetection view, List<Pass> passes, Scale scale, Map<Side, Integer> stridesUsed,
        Map<Side, Integer> stridesRejected, Map<String, Object> details, List<String> warnings, String duplicateOf,
        String error) {

    /**
     * One walking pass of the recording.
     *
     * @param index              pass number within the recording (0-based, as in its events and strides)
     * @param startTimeS         start on the recording's clock, s
     * @param endTimeS           end, s
     * @param direction          direction of travel in the image
     * @param facing             side of the image the walker faced
     * @param nearSide           the leg nearer the camera ({@link WalkingPass#nearSide()})
     * @param backward           walked backwards (steps and cadence only, docs/passes.md)
     * @param steps              steps counted ({@link PassSteps})
     * @param cadenceStepsPerMin the pass's cadence, NaN with fewer than two steps
     */
    public record Pass(int index, double startTimeS, double endTimeS, WalkingDirection direction,
            WalkingDirection facing, Side nearSide, boolean backward, int steps, double cadenceStepsPerMin) {
    }

    public SessionRecording {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        passes = List.copyOf(passes);
        stridesUsed = Collections.unmodifiableMap(new EnumMap<>(sideMap(stridesUsed)));
        stridesRejected = Collections.unmodifiableMap(new EnumMap<>(sideMap(stridesRejected)));
        details = details == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
        warnings = List.copyOf(warnings);
    }

    private static Map<Side, Integer> sideMap(Map<Side, Integer> m) {
        EnumMap<Side, Integer> out = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            out.put(s, m == null ? 0 : m.getOrDefault(s, 0));
        }
        return out;
    }

    /** Whether its strides entered the session (analysed, not a repeat). */
    public boolean analysed() {
        return error == null && duplicateOf == null && scale != null;
    }

    /** The passes of an engine result, with steps and cadence. */
    static List<Pass> passes(GaitResult gait) {
        List<PassSteps> steps = gait.passSteps();
        return gait.passes().stream().map(p -> {
            PassSteps s = steps.stream().filter(x -> x.passIndex() == p.index()).findFirst().orElseThrow();
            return new Pass(p.index(), p.startTimeS(), p.endTimeS(), p.direction(), p.facing(), p.nearSide(),
                    p.backward(), s.stepCount(), s.cadenceStepsPerMin());
        }).toList();
    }

    /** A copy marked as a repeat of {@code original}. */
    SessionRecording asDuplicateOf(String original) {
        return new SessionRecording(name, file, sha256, kind, durationS, frameRateHz, widthPx, heightPx, rotationDeg,
                false, null, null, List.of(), null, Map.of(), Map.of(), details, List.of(), original, null);
    }
}
