package org.gaitlens.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.gaitlens.batch.RunResultsMapper;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.JointAngles;
import org.gaitlens.metric.Metric;
import org.gaitlens.overlay.SkeletonOverlay;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.pipeline.LandmarkReplay;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.store.StrideValue;
import org.gaitlens.store.StudyStore;

/**
 * What the run page's video review draws and reads out, for one finished video analysis: the time of every video
 * frame, the walker's landmarks per frame (the skeleton), the hip, knee and ankle angles per frame and side, the gait
 * events and the strides. The angles are those of the product, not a second convention in the browser: the gait
 * engine is run again on the run's {@code landmarks.csv} with the run's settings ({@link LandmarkReplay}) and its
 * per-sample angles ({@link JointAngles}, docs/angles.md) are read at each frame's time; outside the walking passes
 * there is no angle ({@code null}). Events come from the run's {@code events.csv} and strides from the stored stride
 * rows, the same numbers as the report. Angles are rounded to the metric table's decimals for joint angles.
 */
final class RunReview {
    /** Joints read out per side, in display order. */
    static final List<Joint> JOINTS = List.of(Joint.HIP_FLEXION, Joint.KNEE_FLEXION, Joint.ANKLE_DORSIFLEXION);
    /** Decimals of a displayed joint angle: the metric table's for joint angles. */
    static final int ANGLE_DECIMALS = Metric.KNEE_FLEX_SWING_PEAK_DEG.decimals();
    private static final int MAX_CACHED = 8;

    /**
     * The review of one run.
     *
     * @param widthPx    the video's displayed width (landmark coordinates are in its pixels)
     * @param heightPx   its displayed height
     * @param timeS      presentation time of every frame, s, by frame index
     * @param points     per frame the 33 landmarks as x, y (px, 1 decimal) and confidence (2 decimals), or null when
     *                   the frame has no pose of the walker
     * @param angles     per side ({@code left}, {@code right}) and joint ({@code hip}, {@code knee}, {@code ankle}) the
     *                   angle per frame in degrees, null outside walking passes or where a landmark is missing
     * @param events     the gait events
     * @param strides    the strides used for the results
     * @param blurFaces  whether faces are blurred by default (the analysis setting)
     * @param angleDecimals decimals the angles are rounded to
     * @param skeleton   how to draw the skeleton
     */
    record Review(int widthPx, int heightPx, double[] timeS, List<double[]> points,
            Map<String, Map<String, Double[]>> angles, List<Event> events, List<Stride> strides, boolean blurFaces,
            int angleDecimals, Skeleton skeleton) {
    }

    /**
     * The drawing of the overlay video ({@link SkeletonOverlay}), for the page to draw the same skeleton: bones as
     * landmark index pairs, each landmark's side, the colours, the face landmarks that place the blurred square, and
     * the confidence below which a landmark is left out.
     *
     * @param bones         landmark index pairs
     * @param sides         per landmark index {@code left}, {@code right} or empty
     * @param colours       CSS colours of {@code left}, {@code right} and {@code centre}
     * @param face          indices of the face landmarks
     * @param nose          index of the nose
     * @param shoulders     indices of the left and right shoulder
     * @param joints        per side the index of the {@code hip}, {@code knee} and {@code ankle} landmark
     * @param minConfidence confidence below which a landmark is not drawn
     */
    record Skeleton(List<int[]> bones, List<String> sides, Map<String, String> colours, List<Integer> face, int nose,
            int[] shoulders, Map<String, Map<String, Integer>> joints, double minConfidence) {
    }

    static final Skeleton SKELETON = skeleton();

    private static Skeleton skeleton() {
        List<int[]> bones = SkeletonOverlay.BONES.stream().map(b -> new int[] {b[0].ordinal(), b[1].ordinal()}).toList();
        List<String> sides = java.util.Arrays.stream(BodyLandmark.values())
                .map(lm -> lm.side().map(RunReview::sideName).orElse("")).toList();
        Map<String, String> colours = Map.of("left", css(SkeletonOverlay.LEFT_BGR), "right", css(SkeletonOverlay.RIGHT_BGR),
                "centre", css(SkeletonOverlay.CENTRE_BGR));
        Map<String, Map<String, Integer>> joints = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            Map<String, Integer> j = new LinkedHashMap<>();
            j.put("hip", BodyLandmark.of(side, BodyPart.HIP).ordinal());
            j.put("knee", BodyLandmark.of(side, BodyPart.KNEE).ordinal());
            j.put("ankle", BodyLandmark.of(side, BodyPart.ANKLE).ordinal());
            joints.put(sideName(side), j);
        }
        return new Skeleton(bones, sides, colours, SkeletonOverlay.FACE.stream().map(BodyLandmark::ordinal).toList(),
                BodyLandmark.NOSE.ordinal(), new int[] {BodyLandmark.LEFT_SHOULDER.ordinal(),
                    BodyLandmark.RIGHT_SHOULDER.ordinal()}, joints, SkeletonOverlay.DEFAULT_MIN_CONFIDENCE);
    }

    /** A BGR OpenCV colour as CSS {@code #rrggbb}. */
    private static String css(org.bytedeco.opencv.opencv_core.Scalar bgr) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) bgr.get(2), (int) bgr.get(1), (int) bgr.get(0));
    }

    /**
     * A gait event.
     *
     * @param side  {@code left} or {@code right}
     * @param type  {@code heel_strike} or {@code toe_off}
     * @param timeS its time, s
     * @param frame its video frame
     */
    record Event(String side, String type, double timeS, int frame) {
    }

    /**
     * A stride used for the results.
     *
     * @param side     {@code left} or {@code right}
     * @param number   1-based number within its side
     * @param startS   initial contact, s
     * @param toeOffS  toe off, s
     * @param endS     next initial contact, s
     * @param summary  stride time and stance as the report writes them
     */
    record Stride(String side, int number, double startS, double toeOffS, double endS, String summary) {
    }

    private final StudyStore store;
    private final RunFiles files;
    private final Map<Long, Review> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Review> e) {
            return size() > MAX_CACHED;
        }
    };

    RunReview(StudyStore store, RunFiles files) {
        this.store = store;
        this.files = files;
    }

    /**
     * The review of a finished run (computed once, then kept for the latest {@value #MAX_CACHED} runs).
     *
     * @throws NotFound when the run has no {@code landmarks.csv} (not a video analysis)
     */
    Review of(long runId, String settingsJson) {
        synchronized (cache) {
            Review r = cache.get(runId);
            if (r != null) {
                return r;
            }
        }
        Review r = build(runId, RunSettings.fromJson(settingsJson));
        synchronized (cache) {
            cache.put(runId, r);
        }
        return r;
    }

    private Review build(long runId, RunSettings settings) {
        Path landmarks = files.landmarksOf(runId,
                store.recordings().get(store.runs().get(runId).recordingId()).sha256());
        Path dir = landmarks.getParent();
        LandmarkReplay.Replay replay = LandmarkReplay.of(dir, settings.gaitSettings(InputKind.VIDEO));
        List<PoseFrame> frames = replay.frames();
        double[] time = frames.stream().mapToDouble(PoseFrame::timeS).toArray();
        List<double[]> points = new ArrayList<>(frames.size());
        for (PoseFrame f : frames) {
            points.add(f.present() ? points(f) : null);
        }
        Map<String, Map<String, Double[]>> angles = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            Map<String, Double[]> perJoint = new LinkedHashMap<>();
            for (Joint j : JOINTS) {
                Double[] v = new Double[frames.size()];
                Optional<GaitResult> gait = replay.gait();
                for (int i = 0; i < frames.size(); i++) {
                    v[i] = gait.isPresent() ? rounded(gait.get().angles().at(side, j, time[i]), ANGLE_DECIMALS) : null;
                }
                perJoint.put(jointName(j), v);
            }
            angles.put(sideName(side), perJoint);
        }
        // A session pooled from several recordings reviews its first recording (the one the page plays): its folder
        // under recordings/ holds no events.csv, so its events are those of its own analysis, replayed above, and
        // the strides those of that recording (position 0 in the run).
        Path eventsCsv = dir.resolve("events.csv");
        List<Event> events = Files.isRegularFile(eventsCsv) ? events(eventsCsv) : replay.gait().map(g -> g.events()
                .stream().map(e -> new Event(sideName(e.side()), e.type().code(), e.timeS(), e.frameIndex()))
                .toList()).orElse(List.of());
        return new Review(replay.widthPx(), replay.heightPx(), time, points, angles, events, strides(runId),
                settings.blurFaces(), ANGLE_DECIMALS, SKELETON);
    }

    /** {@code hip}, {@code knee}, {@code ankle}. */
    static String jointName(Joint j) {
        return j.code().substring(0, j.code().indexOf('_'));
    }

    static String sideName(Side s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static double[] points(PoseFrame f) {
        double[] p = new double[BodyLandmark.COUNT * 3];
        for (BodyLandmark lm : BodyLandmark.values()) {
            LandmarkPoint q = f.get(lm);
            p[3 * lm.ordinal()] = Math.round(q.xPx() * 10) / 10.0;
            p[3 * lm.ordinal() + 1] = Math.round(q.yPx() * 10) / 10.0;
            p[3 * lm.ordinal() + 2] = Math.round(q.confidence() * 100) / 100.0;
        }
        return p;
    }

    private static Double rounded(double v, int decimals) {
        if (Double.isNaN(v)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    /** The rows of {@code events.csv} ({@code side,event,time_s,frame,pass}); none when the file is missing. */
    static List<Event> events(Path csv) {
        List<Event> out = new ArrayList<>();
        if (!Files.isRegularFile(csv)) {
            return out;
        }
        for (CSVRecord c : CsvRows.read(csv)) {
            if (c.get("time_s").isEmpty()) {
                continue;
            }
            out.add(new Event(c.get("side").equals("L") ? "left" : "right", c.get("event"),
                    Double.parseDouble(c.get("time_s")), Integer.parseInt(c.get("frame"))));
        }
        return out;
    }

    private List<Stride> strides(long runId) {
        Map<Side, Map<Integer, Map<String, Double>>> bySide = new EnumMap<>(Side.class);
        for (StrideValue v : store.results().strides(runId)) {
            bySide.computeIfAbsent(v.side(), s -> new java.util.TreeMap<>())
                    .computeIfAbsent(v.strideIndex(), k -> new LinkedHashMap<>()).put(v.metric(), v.value());
        }
        List<Stride> out = new ArrayList<>();
        bySide.forEach((side, strides) -> strides.forEach((k, m) -> {
            if (m.getOrDefault(RunResultsMapper.RECORDING, 0.0) != 0) {
                return; // a stride of another recording of a pooled session
            }
            double start = m.getOrDefault("start_s", Double.NaN);
            double toeOff = m.getOrDefault("toe_off_s", Double.NaN);
            double end = m.getOrDefault("end_s", Double.NaN);
            if (Double.isFinite(start) && Double.isFinite(toeOff) && Double.isFinite(end)) {
                out.add(new Stride(sideName(side), k + 1, start, toeOff, end, Metric.STRIDE_TIME_S.label() + " "
                        + Metric.STRIDE_TIME_S.formatWithUnit(m.getOrDefault(Metric.STRIDE_TIME_S.column(), Double.NaN))
                        + ", " + Metric.STANCE_PCT.label().toLowerCase(Locale.ROOT) + " "
                        + Metric.STANCE_PCT.formatWithUnit(m.getOrDefault(Metric.STANCE_PCT.column(), Double.NaN))));
            }
        }));
        out.sort(java.util.Comparator.comparingDouble(Stride::startS));
        return out;
    }
}
