package org.gaitlens.pose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.gaitlens.video.VideoFrame;

/**
 * Idle probing (not part of BlazePose): while nobody is in view, the person detector (the costliest step) runs only
 * on every {@link PoseOptions#idleProbeIntervalS()} s of video, or every {@value #MAX_HELD_FRAMES}th frame, and
 * the frames in between are held. A probe that finds nobody makes every held frame but the probed one missing; one
 * that finds someone has every held frame decided in order by the per-frame rule, the probed one reusing the
 * probe's detections, so that the track starts at the same frame and with the same state as with the detector on
 * every frame. See {@link BlazePoseEstimator} for what this changes and saves.
 */
final class IdleProber {
    /** Most frames held while nobody is in view (bounds memory for high frame rates and large frames). */
    static final int MAX_HELD_FRAMES = 8;

    private final double intervalS;
    private final Function<VideoFrame, List<PersonDetection>> probe;
    private final PerFrameRule rule;
    /** Whether the last decided frame had no pose and its detector run found nobody. */
    private boolean nobodyInView;
    /** Frames held while nobody is in view, oldest first (owned by the caller). */
    private final Deque<VideoFrame> held = new ArrayDeque<>();

    /** The per-frame rule that decides one frame. */
    @FunctionalInterface
    interface PerFrameRule {
        /**
         * Decides a frame.
         *
         * @param probed the detector's output on this frame when a probe already ran on it, else null
         */
        PoseFrame decide(VideoFrame frame, List<PersonDetection> probed);
    }

    /**
     * @param intervalS seconds between probes, >= 0; 0 switches probing off (every frame is decided at once)
     * @param probe     runs the person detector on a frame
     * @param rule      the per-frame rule
     */
    IdleProber(double intervalS, Function<VideoFrame, List<PersonDetection>> probe, PerFrameRule rule) {
        if (!(intervalS >= 0)) {
            throw new IllegalArgumentException("intervalS must be >= 0, was " + intervalS);
        }
        this.intervalS = intervalS;
        this.probe = probe;
        this.rule = rule;
    }

    /** Records whether the frame just decided showed nobody (no pose, and the detector found no one). */
    void nobodyInView(boolean nobody) {
        nobodyInView = nobody;
    }

    /**
     * Decides the frames that {@code frame} makes decidable: the frame alone while somebody is in view (or probing
     * is off); otherwise the frame is held and, once a probe is due, all held frames.
     *
     * @param lastDetectionS time of the frame the detector last ran on, s
     */
    List<PoseFrame> push(VideoFrame frame, double lastDetectionS) {
        if (!nobodyInView || intervalS <= 0) {
            return List.of(rule.decide(frame, null));
        }
        held.addLast(frame);
        if (held.size() < MAX_HELD_FRAMES && frame.timeS() - lastDetectionS < intervalS - 1e-9) {
            return List.of();
        }
        return decideHeld();
    }

    /** Decides every frame still held (end of the video), as {@link #push} does when a probe is due. */
    List<PoseFrame> finish() {
        return held.isEmpty() ? List.of() : decideHeld();
    }

    /** Probes the newest held frame: nobody there makes every held frame missing, someone replays them all. */
    private List<PoseFrame> decideHeld() {
        VideoFrame newest = held.peekLast();
        List<PersonDetection> dets = probe.apply(newest);
        List<PoseFrame> out = new ArrayList<>(held.size());
        if (dets.isEmpty()) {
            while (held.size() > 1) {
                VideoFrame f = held.pollFirst();
                out.add(PoseFrame.missing(f.index(), f.timeS()));
            }
        }
        while (!held.isEmpty()) {
            VideoFrame f = held.pollFirst();
            out.add(rule.decide(f, f == newest ? dets : null));
        }
        return out;
    }
}
