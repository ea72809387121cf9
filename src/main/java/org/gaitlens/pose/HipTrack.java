package org.gaitlens.pose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The recent positions of one person's hip centre (the tracked walker's, or another person's followed by the
 * detector scans), kept for {@value #HISTORY_S} s, and what they say about the person's motion: horizontal speed,
 * whether the motion keeps one direction, and a constant-velocity prediction. Image pixels (y down), seconds.
 *
 * <p>Speeds are in body radii per second (body radius: distance from the hip centre to the body-scale point,
 * about half the body height), so that they do not depend on the distance to the camera: a walker at 0.4-1.5 m/s
 * moves at roughly 0.5-1.8 radii/s.
 */
final class HipTrack {
    /** Window over which walking is judged, s. */
    static final double WALK_WINDOW_S = 0.6;
    /** Shortest time span over which a speed is estimated, s (a walker covers 0.1-0.4 radii in it). */
    static final double MIN_SPAN_S = 0.25;
    /** History kept, s. */
    static final double HISTORY_S = 2.0;

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** One observation of a person's hip centre. */
    record Sample(double timeS, double xPx, double yPx, double radiusPx) {
    }

    /** Adds an observation at time {@code t} and drops those more than {@value #HISTORY_S} s older. */
    void add(double t, ImagePoint hipCentre, double radiusPx) {
        samples.addLast(new Sample(t, hipCentre.xPx(), hipCentre.yPx(), radiusPx));
        while (!samples.isEmpty() && t - samples.peekFirst().timeS > HISTORY_S) {
            samples.removeFirst();
        }
    }

    /** Forgets every observation (a new track starts). */
    void clear() {
        samples.clear();
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    /** The newest observation, or null when there is none. */
    Sample last() {
        return samples.peekLast();
    }

    /**
     * Mean horizontal speed over the last {@link #WALK_WINDOW_S}, in body radii per second (signed,
     * radius = median of the window's samples); NaN with fewer than 3 samples in the window, when they
     * span less than {@link #MIN_SPAN_S}, or when the newest is older than 0.3 s at time {@code t}.
     */
    double speedRadiiPerS(double t) {
        List<Sample> w = window();
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

    /** The samples of the last {@link #WALK_WINDOW_S} before the newest one, oldest first. */
    private List<Sample> window() {
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

    /**
     * Whether the window's two halves do not move in opposite directions beyond detection jitter (0.1 body
     * radii) and the whole window moves by more than twice the jitter; false with fewer than 3 samples.
     */
    boolean movesOneWay() {
        List<Sample> w = window();
        if (w.size() < 3) {
            return false;
        }
        Sample first = w.get(0);
        Sample last = w.get(w.size() - 1);
        double midT = (first.timeS + last.timeS) / 2;
        Sample mid = w.stream().min((a, b) -> Double.compare(Math.abs(a.timeS - midT), Math.abs(b.timeS - midT)))
                .orElseThrow();
        double jitter = 0.1 * mid.radiusPx;
        double a = mid.xPx - first.xPx;
        double b = last.xPx - mid.xPx;
        return !(a > jitter && b < -jitter || a < -jitter && b > jitter) && Math.abs(a + b) > 2 * jitter;
    }

    /**
     * Constant-velocity prediction of the hip centre at time {@code t}, the velocity taken over the last 0.3 s of
     * samples and extrapolated at most 1 s past the newest one; the newest position when the samples span no time.
     *
     * @throws java.util.NoSuchElementException if there are no samples
     */
    ImagePoint predict(double t) {
        Sample last = samples.getLast();
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
}
