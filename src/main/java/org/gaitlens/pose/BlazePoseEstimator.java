package org.gaitlens.pose;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.video.VideoFrame;

/**
 * BlazePose tracking pipeline (Bazarevsky et al. 2020, "BlazePose: On-device Real-time Body Pose
 * tracking", arXiv:2006.10204) with a policy for several people in view. This class applies the per-frame rule
 * and wires the parts that do the work: {@link BlazePoseInference} runs the networks, {@link TrackHistory} keeps
 * what the previous frames left of the track, {@link WalkerSelector} chooses the walker among the detected
 * people, {@link IdleProber} holds frames while nobody is in view, and {@link TrackingLog} builds the
 * {@link TrackingReport}.
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
 * runs at most every {@link PoseOptions#idleProbeIntervalS()} (and at least every
 * {@value IdleProber#MAX_HELD_FRAMES}th frame) while nobody is in view; the frames in between are held. When a
 * probe finds nobody, the held frames are missing; when it finds someone, the held frames are processed in order
 * by the per-frame rule above, the detector running on each, so that the track starts at the same frame and with
 * the same state as with the detector on every frame (the probe's detections are reused for its own frame). The
 * one difference: a person who appears and leaves again between two probes, unseen by both, is not found. On the
 * indoor validation clip (nobody in view for 88 of 401 frames) this cuts detector runs from 108 to 38.
 *
 * <p><b>Threads</b>: {@link PoseOptions#threads()} inference threads per network; when a second one pays is
 * measured in docs/speed.md ("Inference threads").
 *
 * <p>Native memory: all image buffers are allocated once per estimator and reused; {@link #close()}
 * frees them and the interpreters. Not thread-safe: one estimator per video and thread.
 */
public final class BlazePoseEstimator implements PoseEstimator {
    private final PoseOptions options;
    private final BlazePoseInference inference;

    private TrackHistory track;
    private WalkerSelector walkers;
    private IdleProber idle;
    private TrackingLog log;
    /** Time of the frame the detector last ran on (acquisition, scan or probe), s. */
    private double lastDetectionS;

    /**
     * Loads the detector and the chosen landmark model from a models directory.
     *
     * @throws org.gaitlens.core.ModelMissingException if a model file is missing or corrupt
     */
    public BlazePoseEstimator(PoseModels models, PoseOptions options) {
        this.options = options;
        this.inference = new BlazePoseInference(models, options);
        reset();
    }

    /** Shorthand for {@code new BlazePoseEstimator(new PoseModels(modelsDir), options)}. */
    public static BlazePoseEstimator open(Path modelsDir, PoseOptions options) {
        return new BlazePoseEstimator(new PoseModels(modelsDir), options);
    }

    /** The options in use. */
    public PoseOptions options() {
        return options;
    }

    /**
     * Forgets everything about the frames seen so far (track, people followed by the scans, held frames, counts,
     * segments, notes) while keeping the loaded models, so that the next video is estimated exactly as by a new
     * estimator with the same options. The tracking state lives in parts made anew here; state added to this class
     * or to the inference counts must be cleared here too ({@code PoseEstimatorPoolTest} compares a reset estimator
     * with a new one, field by field).
     */
    public void reset() {
        inference.resetCounts();
        track = new TrackHistory();
        walkers = new WalkerSelector();
        // Frames held from an unfinished video are owned by their caller: dropped here, not closed.
        idle = new IdleProber(options.idleProbeIntervalS(), f -> detect(f.image(), f.timeS()), this::step);
        log = new TrackingLog();
        lastDetectionS = Double.NEGATIVE_INFINITY;
    }

    @Override
    public List<PoseFrame> push(VideoFrame frame) {
        return counted(idle.push(frame, lastDetectionS));
    }

    @Override
    public List<PoseFrame> finish() {
        return counted(idle.finish());
    }

    private List<PoseFrame> counted(List<PoseFrame> decided) {
        log.framesDecided(decided.size());
        return decided;
    }

    /**
     * The per-frame rule on one frame.
     *
     * @param probed the detector's output on this frame when a probe already ran on it, else null
     */
    private PoseFrame step(VideoFrame frame, List<PersonDetection> probed) {
        Mat img = frame.image();
        double t = frame.timeS();
        int index = frame.index();
        LandmarkerResult result = null;
        boolean nobodyInView = false;
        if (track.previous() != null) {
            result = inference.pose(img, track.previous().nextRoi());
        }
        if (result == null) {
            List<PersonDetection> dets;
            if (probed != null) {
                dets = probed;
                lastDetectionS = t;
            } else {
                dets = detect(img, t);
            }
            nobodyInView = dets.isEmpty();
            result = acquire(img, t, index, dets);
        } else if (options.preferWalker() && WalkerSelector.scanDue(t, lastDetectionS, track.speedRadiiPerS(t))) {
            result = scanForWalker(img, t, index, result);
        }
        idle.nobodyInView(nobodyInView);
        if (result == null) {
            track.lose();
            return PoseFrame.missing(index, t);
        }
        track.record(t, result);
        log.pose(index);
        return new PoseFrame(index, t, result.landmarks(), result.poseScore());
    }

    private List<PersonDetection> detect(Mat img, double t) {
        lastDetectionS = t;
        return inference.detect(img);
    }

    /** No usable pose from tracking: try the frame's detections in the walker selector's order. */
    private LandmarkerResult acquire(Mat img, double t, int index, List<PersonDetection> dets) {
        boolean hadTrack = track.hadTrack();
        ImagePoint predicted = track.predictedHipCentre(t);
        for (PersonDetection d : walkers.acquisitionOrder(dets, t, track, options.reacquireHoldS(), img.cols(),
                img.rows())) {
            LandmarkerResult r = inference.pose(img, PoseRoi.fromDetection(d));
            if (r != null) {
                startTrack(hadTrack ? redetected(r, predicted, t, index) : TrackingLog.FIRST_DETECTION);
                return r;
            }
        }
        return null;
    }

    /** Counts a re-detection and returns its reason: near the lost track's predicted position, or elsewhere. */
    private String redetected(LandmarkerResult r, ImagePoint predicted, double t, int index) {
        double dist = r.alignmentCentre().distanceTo(predicted);
        double radiusPx = track.lastRadiusPx();
        boolean elsewhere = dist > WalkerSelector.IDENTITY_GATE_RADII * radiusPx;
        log.redetection(elsewhere);
        if (!elsewhere) {
            return TrackingLog.NEAR_LOST_TRACK;
        }
        log.note(t, index, String.format(Locale.ROOT,
                "re-detected %.0f px (%.1f body radii) from the predicted position after %.2f s"
                        + " without pose: identity may have changed", dist, dist / radiusPx,
                track.secondsSincePose(t)));
        return TrackingLog.ELSEWHERE;
    }

    /** While tracking: scan for other people and move to one who walks if the tracked one stands. */
    private LandmarkerResult scanForWalker(Mat img, double t, int index, LandmarkerResult current) {
        List<PersonDetection> dets = detect(img, t);
        double own = track.speedRadiiPerS(t);
        WalkerSelector.Candidate walker = walkers.walkerToSwitchTo(dets, t, current, own);
        if (walker == null) {
            return current;
        }
        LandmarkerResult r = inference.pose(img, PoseRoi.fromDetection(walker.lastDetection()));
        if (r == null) {
            return current;
        }
        log.walkerSwitch();
        log.note(t, index, String.format(Locale.ROOT, "moved the track to a person walking across the frame "
                + "(%.2f body radii/s) from one not walking (%.2f body radii/s)", walker.speedRadiiPerS(t), own));
        walkers.forget(walker);
        startTrack(TrackingLog.WALKER_SWITCH);
        return r;
    }

    private void startTrack(String reason) {
        if (log.trackStarted(reason)) {
            track.restart();
        }
    }

    @Override
    public TrackingReport report() {
        return log.report(inference);
    }

    @Override
    public void close() {
        inference.close();
    }
}
