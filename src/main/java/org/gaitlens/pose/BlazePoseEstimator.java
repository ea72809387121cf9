package org.gaitlens.pose;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.video.VideoFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BlazePose tracking pipeline (Bazarevsky et al. 2020, "BlazePose: On-device Real-time Body Pose
 * tracking", arXiv:2006.10204) with a policy for several people in view.
 *
 * <p><b>Per frame</b> (the published detector-tracker scheme): if the previous frame gave a pose, the
 * landmark model runs on the ROI predicted from that pose's auxiliary alignment landmarks
 * ({@link LandmarkerResult#nextRoi()}); if there was no previous pose, or the pose presence falls below
 * {@link PoseOptions#minPresence()}, the person detector runs on the whole frame in the same frame and
 * the landmark model runs on the chosen detection's ROI. A frame without an accepted pose is
 * {@link PoseFrame#missing}.
 *
 * <p><b>Several people</b> (not part of the paper, which tracks one person):
 * <ul>
 *   <li>Which detection: on a re-detection within {@link PoseOptions#reacquireHoldS()} seconds of losing
 *       the track, only people whose hip centre lies within a gate around the position predicted by
 *       constant velocity are accepted (nearest first), so a walker hidden for a moment by a tree is not
 *       swapped for a bystander. Otherwise a person seen walking across the frame (below) is preferred,
 *       else the largest and most central one. A re-detection far (more than one body radius) from the
 *       prediction counts as an identity-lost event.</li>
 *   <li>Who walks: while tracking, the detector also scans the frame (whole frame plus overlapping
 *       square tiles, {@link PoseDetector#detectTiled}) every 0.1 s, or every 1 s while the tracked person
 *       walks; other people are followed by nearest-neighbour association of their detected hip centres.
 *       Horizontal speeds are measured over the last 0.6 s (at least 0.25 s of samples) in body radii per
 *       second. If another person moves at >= 0.5 radii/s without reversing (beyond 0.1 radii of jitter)
 *       while the tracked one moves at < 0.3 radii/s and less than half as fast, the track moves to the
 *       walker ({@link TrackingReport#walkerSwitches()}). Body radius = distance from the hip centre to
 *       the body-scale point (about half the body height), so a walker at 0.4-1.5 m/s moves at roughly
 *       0.5-1.8 radii/s.</li>
 * </ul>
 *
 * <p><b>Nobody in view</b> (not part of the paper): the detector (whole frame plus tiles, the costliest step)
 * runs at most every {@link PoseOptions#idleProbeIntervalS()} (and at least every {@value #MAX_HELD_FRAMES}th
 * frame) while nobody is in view; the frames in between are held. When a probe finds nobody, the held frames are
 * missing; when it finds someone, the held frames are processed in order by the per-frame rule above, the
 * detector running on each, so that the track starts at the same frame and with the same state as with the
 * detector on every frame (the probe's detections are reused for its own frame). The one difference: a person
 * who appears and leaves again between two probes, unseen by both, is not found. On the indoor validation clip
 * (nobody in view for 88 of 401 frames) this cuts detector runs from 108 to 38.
 *
 * <p><b>Threads</b>: on a 2-vCPU machine with video decoding on a second thread (720p H.264, full model,
 * other jobs running), 1 inference thread gave 28-34 frames/s end to end and 2 threads 18-19 frames/s:
 * decoding and inference then each own a core. 2 threads help only an otherwise idle machine.
 *
 * <p>Native memory: all image buffers are allocated once per estimator and reused; {@link #close()}
 * frees them and the interpreters. Not thread-safe: one estimator per video and thread.
 */
public final class BlazePoseEstimator implements PoseEstimator {
    private static final Logger LOG = LoggerFactory.getLogger(BlazePoseEstimator.class);

    /** Window over which walking is judged, s. */
    static final double WALK_WINDOW_S = 0.6;
    /** Minimum horizontal speed of a walking person, body radii per second. */
    static final double WALKER_MIN_SPEED = 0.5;
    /** Maximum speed of the tracked person to count as not walking, body radii per second. */
    static final double STANDING_MAX_SPEED = 0.3;
    /** Scan interval while the tracked person does not walk, s. */
    static final double SCAN_INTERVAL_IDLE_S = 0.1;
    /** Shortest time span over which a speed is estimated, s (a walker covers 0.1-0.4 radii in it). */
    static final double MIN_SPAN_S = 0.25;
    /** Scan interval while the tracked person walks, s. */
    static final double SCAN_INTERVAL_WALKING_S = 1.0;
    /** Distance from the prediction, in body radii, beyond which a re-detection is another person. */
    static final double IDENTITY_GATE_RADII = 1.0;
    /** History kept per track, s. */
    private static final double HISTORY_S = 2.0;
    /** Candidates unseen for longer than this are dropped, s. */
    private static final double CANDIDATE_TIMEOUT_S = 1.0;
    /** Most frames held while nobody is in view (bounds memory for high frame rates and large frames). */
    static final int MAX_HELD_FRAMES = 8;

    private final PoseOptions options;
    private final PoseDetector detector;
    private final PoseLandmarker landmarker;

    private LandmarkerResult previous;
    private final Deque<Sample> history = new ArrayDeque<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private int nextCandidateId = 1;
    private double lastScanS = Double.NEGATIVE_INFINITY;
    private double lastPoseS = Double.NaN;
    /** Whether the last decided frame had no pose and its detector run found nobody. */
    private boolean nobodyInView;
    /** Frames held while nobody is in view, oldest first (owned by the caller). */
    private final Deque<VideoFrame> held = new ArrayDeque<>();

    private int frames;
    private int framesWithPose;
    private int detectorRuns;
    private int redetections;
    private int identityLost;
    private int walkerSwitches;
    private long detectorNanos;
    private int landmarkRuns;
    private long landmarkNanos;
    private final List<TrackingReport.TrackSegment> segments = new ArrayList<>();
    private int segFirst = -1;
    private int segLast = -1;
    private int segFrames;
    private String segReason = "";
    private final List<String> notes = new ArrayList<>();

    /**
     * Loads the detector and the chosen landmark model from a models directory.
     *
     * @throws org.gaitlens.core.ModelMissingException if a model file is missing or corrupt
     */
    public BlazePoseEstimator(PoseModels models, PoseOptions options) {
        this.options = options;
        Path det = models.detectorFile();
        Path lm = models.landmarkFile(options.model());
        this.detector = new PoseDetector(det, options.threads());
        PoseLandmarker l;
        try {
            l = new PoseLandmarker(lm, options.threads());
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
        this.landmarker = l;
        LOG.debug("BlazePose {} loaded from {} ({} thread(s))", options.model(), models.dir(), options.threads());
    }

    /** Shorthand for {@code new BlazePoseEstimator(new PoseModels(modelsDir), options)}. */
    public static BlazePoseEstimator open(Path modelsDir, PoseOptions options) {
        return new BlazePoseEstimator(new PoseModels(modelsDir), options);
    }

    /** The options in use. */
    public PoseOptions options() {
        return options;
    }

    /** The last accepted landmark result (with its ROI), or null when the last frame had no pose. */
    public LandmarkerResult lastResult() {
        return previous;
    }

    /**
     * Forgets everything about the frames seen so far (track, people followed by the scans, counts, segments,
     * notes) while keeping the loaded models, so that the next video is estimated exactly as by a new estimator
     * with the same options. Every field that carries tracking state between frames must be cleared here
     * ({@code PoseEstimatorPoolTest} compares a reset estimator with a new one, field by field).
     */
    public void reset() {
        previous = null;
        nobodyInView = false;
        held.clear(); // frames of an unfinished video: owned by their caller, not closed here
        history.clear();
        candidates.clear();
        nextCandidateId = 1;
        lastScanS = Double.NEGATIVE_INFINITY;
        lastPoseS = Double.NaN;
        frames = 0;
        framesWithPose = 0;
        detectorRuns = 0;
        redetections = 0;
        identityLost = 0;
        walkerSwitches = 0;
        detectorNanos = 0;
        landmarkRuns = 0;
        landmarkNanos = 0;
        segments.clear();
        segFirst = -1;
        segLast = -1;
        segFrames = 0;
        segReason = "";
        notes.clear();
    }

    @Override
    public List<PoseFrame> push(VideoFrame frame) {
        if (!nobodyInView || options.idleProbeIntervalS() <= 0) {
            return List.of(step(frame, null));
        }
        held.addLast(frame);
        if (held.size() < MAX_HELD_FRAMES && frame.timeS() - lastScanS < options.idleProbeIntervalS() - 1e-9) {
            return List.of();
        }
        return decideHeld();
    }

    @Override
    public List<PoseFrame> finish() {
        return held.isEmpty() ? List.of() : decideHeld();
    }

    /** Probes the newest held frame: nobody there makes every held frame missing, someone replays them all. */
    private List<PoseFrame> decideHeld() {
        VideoFrame newest = held.peekLast();
        List<PersonDetection> dets = detect(newest.image(), newest.timeS());
        List<PoseFrame> out = new ArrayList<>(held.size());
        if (dets.isEmpty()) {
            while (held.size() > 1) {
                VideoFrame f = held.pollFirst();
                frames++;
                out.add(PoseFrame.missing(f.index(), f.timeS()));
            }
        }
        while (!held.isEmpty()) {
            VideoFrame f = held.pollFirst();
            out.add(step(f, f == newest ? dets : null));
        }
        return out;
    }

    /**
     * The per-frame rule on one frame.
     *
     * @param preset the detector's output on this frame when already run (a probe), else null
     */
    private PoseFrame step(VideoFrame frame, List<PersonDetection> preset) {
        Mat img = frame.image();
        double t = frame.timeS();
        frames++;
        LandmarkerResult result = null;
        nobodyInView = false;
        if (previous != null) {
            result = accept(runLandmarker(img, previous.nextRoi()));
        }
        if (result == null) {
            result = acquire(img, t, frame.index(), preset);
        } else if (options.preferWalker() && t - lastScanS >= scanInterval(t)) {
            result = scanForWalker(img, t, frame.index(), result);
        }
        if (result == null) {
            previous = null;
            return PoseFrame.missing(frame.index(), t);
        }
        previous = result;
        lastPoseS = t;
        framesWithPose++;
        segFrames++;
        segLast = frame.index();
        if (segFirst < 0) {
            segFirst = frame.index();
        }
        addSample(history, t, result.alignmentCentre(), radius(result));
        return new PoseFrame(frame.index(), t, result.landmarks(), result.poseScore());
    }

    private LandmarkerResult accept(LandmarkerResult r) {
        return r != null && r.poseScore() >= options.minPresence() ? r : null;
    }

    private LandmarkerResult runLandmarker(Mat img, PoseRoi roi) {
        if (!(roi.widthPx() > 1) || roi.widthPx() > 20.0 * Math.max(img.cols(), img.rows())) {
            return null;
        }
        long t0 = System.nanoTime();
        LandmarkerResult r = landmarker.estimate(img, roi);
        landmarkNanos += System.nanoTime() - t0;
        landmarkRuns++;
        return r;
    }

    private List<PersonDetection> detect(Mat img, double t) {
        long t0 = System.nanoTime();
        List<PersonDetection> d = detector.detectTiled(img, options.minDetectionScore());
        detectorNanos += System.nanoTime() - t0;
        detectorRuns++;
        lastScanS = t;
        return d;
    }

    /** No usable pose from tracking: run the detector (unless preset) and start (or restart) a track. */
    private LandmarkerResult acquire(Mat img, double t, int index, List<PersonDetection> preset) {
        List<PersonDetection> dets;
        if (preset != null) {
            dets = preset;
            lastScanS = t;
        } else {
            dets = detect(img, t);
        }
        nobodyInView = dets.isEmpty();
        boolean hadTrack = !Double.isNaN(lastPoseS);
        boolean holding = hadTrack && !history.isEmpty() && t - lastPoseS <= options.reacquireHoldS();
        Sample last = history.peekLast();
        ImagePoint predicted = hadTrack && last != null ? predict(history, t) : null;
        List<PersonDetection> order = new ArrayList<>();
        if (holding) {
            double gate = IDENTITY_GATE_RADII * last.radiusPx;
            dets.stream()
                    .filter(d -> d.hipCentre().distanceTo(predicted) <= gate)
                    .sorted((a, b) -> Double.compare(a.hipCentre().distanceTo(predicted),
                            b.hipCentre().distanceTo(predicted)))
                    .forEach(order::add);
        } else {
            updateCandidates(dets, t, null);
            Candidate walker = bestWalker(t, Double.POSITIVE_INFINITY);
            if (walker != null) {
                dets.stream().filter(d -> d == walker.lastDetection).findFirst().ifPresent(order::add);
            }
            List<PersonDetection> rest = new ArrayList<>(dets);
            rest.removeAll(order);
            double w = img.cols();
            double h = img.rows();
            rest.sort((a, b) -> Double.compare(prominence(b, w, h), prominence(a, w, h)));
            order.addAll(rest);
        }
        for (PersonDetection d : order) {
            LandmarkerResult r = accept(runLandmarker(img, PoseRoi.fromDetection(d)));
            if (r == null) {
                continue;
            }
            String reason;
            if (!hadTrack) {
                reason = "first detection";
            } else {
                redetections++;
                double dist = r.alignmentCentre().distanceTo(predicted);
                if (last != null && dist > IDENTITY_GATE_RADII * last.radiusPx) {
                    identityLost++;
                    reason = "re-detection elsewhere (identity may have changed)";
                    note(t, index, String.format(Locale.ROOT,
                            "re-detected %.0f px (%.1f body radii) from the predicted position after %.2f s"
                                    + " without pose: identity may have changed", dist, dist / last.radiusPx,
                            t - lastPoseS));
                } else {
                    reason = "re-detection near the lost track";
                }
            }
            startTrack(index, reason);
            return r;
        }
        return null;
    }

    /** Body prominence for choosing among people: body radius, reduced by up to half off-centre. */
    private static double prominence(PersonDetection d, double w, double h) {
        double dx = (d.hipCentre().xPx() - w / 2) / (w / 2);
        double dy = (d.hipCentre().yPx() - h / 2) / (h / 2);
        double off = Math.min(1, Math.hypot(dx, dy));
        return d.bodyRadiusPx() * (1 - 0.5 * off);
    }

    private double scanInterval(double t) {
        double v = speedRadiiPerS(history, t);
        return !Double.isNaN(v) && Math.abs(v) >= WALKER_MIN_SPEED ? SCAN_INTERVAL_WALKING_S : SCAN_INTERVAL_IDLE_S;
    }

    /** While tracking: look for other people and move to one who walks if the tracked one stands. */
    private LandmarkerResult scanForWalker(Mat img, double t, int index, LandmarkerResult current) {
        List<PersonDetection> dets = detect(img, t);
        updateCandidates(dets, t, current);
        double own = speedRadiiPerS(history, t);
        if (LOG.isTraceEnabled()) {
            StringBuilder sb = new StringBuilder();
            for (Candidate c : candidates) {
                sb.append(String.format(Locale.ROOT, " [%s at %.0f,%.0f r=%.0f v=%.2f]", c, c.samples.peekLast().xPx,
                        c.samples.peekLast().yPx, c.samples.peekLast().radiusPx, speedRadiiPerS(c.samples, t)));
            }
            for (PersonDetection d : dets) {
                sb.append(String.format(Locale.ROOT, " {det %.2f hip %.0f,%.0f r=%.0f box %.0f,%.0f-%.0f,%.0f}",
                        d.score(), d.hipCentre().xPx(), d.hipCentre().yPx(), d.bodyRadiusPx(), d.xMinPx(),
                        d.yMinPx(), d.xMaxPx(), d.yMaxPx()));
            }
            LOG.trace(String.format(Locale.ROOT, "t=%.3f scan: %d detections, own %.0f,%.0f r=%.0f v=%.2f;%s", t,
                    dets.size(), current.alignmentCentre().xPx(), current.alignmentCentre().yPx(), radius(current),
                    own, sb));
        }
        if (Double.isNaN(own) || Math.abs(own) >= STANDING_MAX_SPEED) {
            return current;
        }
        Candidate walker = bestWalker(t, t);
        if (walker == null || Math.abs(own) >= 0.5 * Math.abs(speedRadiiPerS(walker.samples, t))) {
            return current;
        }
        LandmarkerResult r = accept(runLandmarker(img, PoseRoi.fromDetection(walker.lastDetection)));
        if (r == null) {
            return current;
        }
        walkerSwitches++;
        note(t, index, String.format(Locale.ROOT, "moved the track to a person walking across the frame "
                + "(%.2f body radii/s) from one not walking (%.2f body radii/s)", speedRadiiPerS(walker.samples, t),
                own));
        history.clear();
        candidates.remove(walker);
        startTrack(index, "walker switch");
        return r;
    }

    private void startTrack(int index, String reason) {
        if ("re-detection near the lost track".equals(reason)) {
            return; // the same person: the segment goes on
        }
        if (segFirst >= 0) {
            segments.add(new TrackingReport.TrackSegment(segments.size() + 1, segFirst, segLast, segFrames, segReason));
        }
        segFirst = -1;
        segLast = -1;
        segFrames = 0;
        segReason = reason;
        history.clear();
    }

    /** A candidate seen at time {@code seenAt} (or any time if infinite) that walks; null if none. */
    private Candidate bestWalker(double t, double seenAt) {
        Candidate best = null;
        double bestDisp = 0;
        for (Candidate c : candidates) {
            if (Double.isFinite(seenAt) && c.samples.peekLast().timeS != seenAt) {
                continue;
            }
            if (c.lastDetection == null) {
                continue;
            }
            double d = Math.abs(speedRadiiPerS(c.samples, t));
            if (d >= WALKER_MIN_SPEED && consistentDirection(c.samples) && d > bestDisp) {
                best = c;
                bestDisp = d;
            }
        }
        return best;
    }

    /** Associates detections with candidate tracks (skipping the tracked person) and drops stale ones. */
    private void updateCandidates(List<PersonDetection> dets, double t, LandmarkerResult current) {
        for (Iterator<Candidate> it = candidates.iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (t - c.samples.peekLast().timeS > CANDIDATE_TIMEOUT_S) {
                it.remove();
            } else {
                c.lastDetection = null;
            }
        }
        List<Candidate> taken = new ArrayList<>();
        for (PersonDetection d : dets) {
            if (current != null
                    && d.hipCentre().distanceTo(current.alignmentCentre()) < 0.5 * radius(current)) {
                continue;
            }
            Candidate best = null;
            double bestDist = Double.POSITIVE_INFINITY;
            for (Candidate c : candidates) {
                if (taken.contains(c)) {
                    continue;
                }
                Sample s = c.samples.peekLast();
                double dt = t - s.timeS;
                double gate = s.radiusPx * (0.5 + 3.0 * dt);
                double dist = d.hipCentre().distanceTo(new ImagePoint(s.xPx, s.yPx));
                if (dist <= gate && dist < bestDist) {
                    best = c;
                    bestDist = dist;
                }
            }
            if (best == null) {
                best = new Candidate(nextCandidateId++);
                candidates.add(best);
            }
            taken.add(best);
            best.lastDetection = d;
            addSample(best.samples, t, d.hipCentre(), d.bodyRadiusPx());
        }
    }

    private static double radius(LandmarkerResult r) {
        return Math.max(1e-6, r.alignmentCentre().distanceTo(r.alignmentScale()));
    }

    private static void addSample(Deque<Sample> samples, double t, ImagePoint p, double radiusPx) {
        samples.addLast(new Sample(t, p.xPx(), p.yPx(), radiusPx));
        while (!samples.isEmpty() && t - samples.peekFirst().timeS > HISTORY_S) {
            samples.removeFirst();
        }
    }

    /**
     * Mean horizontal speed over the last {@link #WALK_WINDOW_S}, in body radii per second (signed,
     * radius = median of the window's samples); NaN with fewer than 3 samples in the window, when they
     * span less than {@link #MIN_SPAN_S}, or when the newest is older than 0.3 s.
     */
    static double speedRadiiPerS(Deque<Sample> samples, double t) {
        List<Sample> w = window(samples);
        if (w.size() < 3 || t - w.get(w.size() - 1).timeS > 0.3) {
            return Double.NaN;
        }
        Sample first = w.get(0);
        Sample last = w.get(w.size() - 1);
        double span = last.timeS - first.timeS;
        if (span < MIN_SPAN_S) {
            return Double.NaN;
        }
        double[] radii = w.stream().mapToDouble(Sample::radiusPx).sorted().toArray();
        return (last.xPx - first.xPx) / span / radii[radii.length / 2];
    }

    private static List<Sample> window(Deque<Sample> samples) {
        List<Sample> w = new ArrayList<>();
        if (samples.isEmpty()) {
            return w;
        }
        double end = samples.peekLast().timeS;
        for (Sample s : samples) {
            if (s.timeS >= end - WALK_WINDOW_S - 1e-9) {
                w.add(s);
            }
        }
        return w;
    }

    /** Whether the window's two halves do not move in opposite directions (beyond jitter). */
    private static boolean consistentDirection(Deque<Sample> samples) {
        List<Sample> w = window(samples);
        if (w.size() < 3) {
            return false;
        }
        Sample first = w.get(0);
        Sample last = w.get(w.size() - 1);
        double midT = (first.timeS + last.timeS) / 2;
        Sample mid = w.stream().min((a, b) -> Double.compare(Math.abs(a.timeS - midT), Math.abs(b.timeS - midT)))
                .orElseThrow();
        // Opposite motion counts only beyond detection jitter (0.1 body radii).
        double jitter = 0.1 * mid.radiusPx;
        double a = mid.xPx - first.xPx;
        double b = last.xPx - mid.xPx;
        return !(a > jitter && b < -jitter || a < -jitter && b > jitter) && Math.abs(a + b) > 2 * jitter;
    }

    /** Constant-velocity prediction of the hip centre at time t from the last 0.3 s of the track. */
    static ImagePoint predict(Deque<Sample> samples, double t) {
        Sample last = samples.peekLast();
        Sample ref = last;
        for (Sample s : samples) {
            if (s.timeS >= last.timeS - 0.3 - 1e-9) {
                ref = s;
                break;
            }
        }
        double dt = last.timeS - ref.timeS;
        if (dt <= 0) {
            return new ImagePoint(last.xPx, last.yPx);
        }
        double horizon = Math.min(t - last.timeS, 1.0);
        double vx = (last.xPx - ref.xPx) / dt;
        double vy = (last.yPx - ref.yPx) / dt;
        return new ImagePoint(last.xPx + vx * horizon, last.yPx + vy * horizon);
    }

    private void note(double t, int index, String what) {
        String n = String.format(Locale.ROOT, "t=%.3f s (frame %d): %s", t, index, what);
        notes.add(n);
        LOG.debug(n);
    }

    @Override
    public TrackingReport report() {
        List<TrackingReport.TrackSegment> segs = new ArrayList<>(segments);
        if (segFirst >= 0) {
            segs.add(new TrackingReport.TrackSegment(segs.size() + 1, segFirst, segLast, segFrames, segReason));
        }
        return new TrackingReport(frames, framesWithPose, detectorRuns, redetections, identityLost, walkerSwitches,
                detectorRuns == 0 ? 0 : detectorNanos / 1e6 / detectorRuns,
                landmarkRuns == 0 ? 0 : landmarkNanos / 1e6 / landmarkRuns, segs, notes);
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
    }

    /** One observation of a person's hip centre. */
    record Sample(double timeS, double xPx, double yPx, double radiusPx) {
    }

    /** Another person followed by the scans. */
    private static final class Candidate {
        final int id;
        final Deque<Sample> samples = new ArrayDeque<>();
        PersonDetection lastDetection;

        Candidate(int id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return "candidate " + id;
        }
    }
}
