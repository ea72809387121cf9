package org.gaitlens.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gaitlens.core.Side;

/**
 * Ground truth of one validation trial, loaded from {@code validation/ground_truth/<trial>/}:
 * {@code events.json}, {@code angles_sagittal.csv} (absent for trials without angles) and
 * {@code spatiotemporal.json}.
 *
 * <p>All times here are in the <em>file's own</em> clock as the ground truth states them (C3D:
 * {@code (frame - 1) / rate} in the C3D file's frame numbering; TRC/OpenSim: the TRC {@code Time}
 * column). {@link ValidationTrials.Trial} converts them to gaitlens time (first sample of the marker file
 * at 0 s) with {@link #shifted(double)}.
 *
 * @param trial          trial name (folder name)
 * @param notes          the {@code notes} text of events.json
 * @param events         events in time order
 * @param angles         sagittal angles, when the trial has them
 * @param spatiotemporal spatiotemporal.json
 */
public record GroundTruth(String trial, String notes, List<Event> events, Optional<Angles> angles,
        Spatiotemporal spatiotemporal) {

    /** Kind of gait event. */
    public enum EventType { HEEL_STRIKE, TOE_OFF }

    /** Joint of a sagittal angle column. */
    public enum Joint { HIP, KNEE, ANKLE }

    /**
     * One event.
     *
     * @param side  anatomical side
     * @param type  heel strike or toe off
     * @param timeS time, s (file clock unless shifted)
     * @param frame frame number in the file's own numbering, when given
     */
    public record Event(Side side, EventType type, double timeS, OptionalInt frame) {
    }

    /**
     * Sagittal angle curves; flexion and dorsiflexion positive (see the trial's notes).
     *
     * @param timeS   sample times, s
     * @param columns every column but {@code time_s} by its header name, degrees
     */
    public record Angles(double[] timeS, Map<String, double[]> columns) {

        /** The flexion angle of a joint, e.g. column {@code L_knee_flex_deg}. */
        public double[] angleDeg(Side side, Joint joint) {
            String name = side.code() + "_" + joint.name().toLowerCase(Locale.ROOT) + "_flex_deg";
            double[] v = columns.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no column " + name + " in " + columns.keySet());
            }
            return v;
        }

        /** Pelvis tilt, when a column whose name starts with {@code pelvis} exists. */
        public Optional<double[]> pelvisTiltDeg() {
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                if (e.getKey().startsWith("pelvis")) {
                    return Optional.of(e.getValue());
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Per-side values derived from the events by the data preparation.
     *
     * @param heelStrikes      number of heel strikes
     * @param toeOffs          number of toe offs
     * @param strideTimesS     stride times, s
     * @param stancePctOfStride stance phase per stride, % of stride
     */
    public record SideValues(int heelStrikes, int toeOffs, List<Double> strideTimesS, List<Double> stancePctOfStride) {
    }

    /**
     * A step: from a heel strike of one foot to the next heel strike of the other.
     *
     * @param from  side of the first heel strike
     * @param to    side of the second
     * @param timeS step time, s
     */
    public record Step(Side from, Side to, double timeS) {
    }

    /**
     * spatiotemporal.json.
     *
     * @param derived                   per side the values derived from the events
     * @param stepTimes                 steps in order
     * @param cadenceStepsPerMin        cadence from the step times (NaN when absent)
     * @param reported                  the lab software's own values ({@code source_reported}) as raw JSON;
     *                                  keys and units vary by lab (see the trial's files)
     */
    public record Spatiotemporal(Map<Side, SideValues> derived, List<Step> stepTimes, double cadenceStepsPerMin,
            Map<String, JsonNode> reported) {
    }

    /** Loads the ground truth of a trial by folder name. */
    public static GroundTruth load(String trial) {
        return load(SharedData.validationDir().resolve("ground_truth").resolve(trial));
    }

    /** Loads the ground truth from a trial folder. */
    public static GroundTruth load(Path dir) {
        ObjectMapper json = new ObjectMapper();
        try {
            JsonNode ev = json.readTree(dir.resolve("events.json").toFile());
            List<Event> events = new ArrayList<>();
            for (JsonNode e : ev.get("events")) {
                JsonNode frame = e.get("frame");
                events.add(new Event(side(e.get("side").asText()),
                        EventType.valueOf(e.get("event").asText().toUpperCase(Locale.ROOT)),
                        e.get("time_s").asDouble(),
                        frame == null ? OptionalInt.empty() : OptionalInt.of(frame.asInt())));
            }
            events.sort((a, b) -> Double.compare(a.timeS(), b.timeS()));
            Path csv = dir.resolve("angles_sagittal.csv");
            Optional<Angles> angles = Files.exists(csv) ? Optional.of(angles(csv)) : Optional.empty();
            Spatiotemporal st = spatiotemporal(json.readTree(dir.resolve("spatiotemporal.json").toFile()));
            return new GroundTruth(ev.path("trial").asText(dir.getFileName().toString()), ev.path("notes").asText(""),
                    List.copyOf(events), angles, st);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth in " + dir, e);
        }
    }

    /** The same ground truth with every time reduced by {@code offsetS}. */
    public GroundTruth shifted(double offsetS) {
        List<Event> ev = new ArrayList<>();
        for (Event e : events) {
            ev.add(new Event(e.side(), e.type(), e.timeS() - offsetS, e.frame()));
        }
        Optional<Angles> a = angles.map(x -> {
            double[] t = x.timeS().clone();
            for (int i = 0; i < t.length; i++) {
                t[i] -= offsetS;
            }
            return new Angles(t, x.columns());
        });
        return new GroundTruth(trial, notes, List.copyOf(ev), a, spatiotemporal);
    }

    /** Events of one side and type, in time order. */
    public List<Event> events(Side side, EventType type) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.side() == side && e.type() == type) {
                out.add(e);
            }
        }
        return out;
    }

    private static Side side(String code) {
        return switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "L", "LEFT" -> Side.LEFT;
            case "R", "RIGHT" -> Side.RIGHT;
            default -> throw new IllegalArgumentException("unknown side '" + code + "'");
        };
    }

    private static Angles angles(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            double[] r = new double[header.length];
            for (int i = 0; i < header.length; i++) {
                r[i] = i < c.length && !c[i].isBlank() ? Double.parseDouble(c[i]) : Double.NaN;
            }
            rows.add(r);
        }
        double[] t = new double[rows.size()];
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int k = 1; k < header.length; k++) {
            cols.put(header[k].trim(), new double[rows.size()]);
        }
        for (int i = 0; i < rows.size(); i++) {
            t[i] = rows.get(i)[0];
            for (int k = 1; k < header.length; k++) {
                cols.get(header[k].trim())[i] = rows.get(i)[k];
            }
        }
        return new Angles(t, Collections.unmodifiableMap(cols));
    }

    private static Spatiotemporal spatiotemporal(JsonNode root) {
        JsonNode d = root.path("derived_from_events");
        Map<Side, SideValues> derived = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            JsonNode n = d.get(s.code());
            if (n != null) {
                derived.put(s, new SideValues(n.path("n_heel_strikes").asInt(), n.path("n_toe_offs").asInt(),
                        numbers(n.path("stride_times_s")), numbers(n.path("stance_pct_of_stride"))));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : d.path("step_times_s")) {
            String[] fromTo = s.get(1).asText().split("->");
            steps.add(new Step(side(fromTo[0]), side(fromTo[1]), s.get(0).asDouble()));
        }
        Map<String, JsonNode> reported = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("source_reported").properties()) {
            reported.put(e.getKey(), e.getValue());
        }
        JsonNode cadence = d.get("cadence_steps_per_min_from_steps");
        return new Spatiotemporal(derived, List.copyOf(steps), cadence == null ? Double.NaN : cadence.asDouble(),
                Collections.unmodifiableMap(reported));
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        for (JsonNode v : array) {
            out.add(v.asDouble());
        }
        return List.copyOf(out);
    }
}
