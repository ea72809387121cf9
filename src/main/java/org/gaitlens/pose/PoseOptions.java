package org.gaitlens.pose;

/**
 * Settings of {@link BlazePoseEstimator}.
 *
 * @param model              landmark model (default {@link PoseModel#FULL})
 * @param threads            TensorFlow Lite threads per network, >= 1 (default 1, as each recording of a
 *                           batch runs; a second thread pays only while the second core has nothing else
 *                           to do: docs/speed.md, "Inference threads")
 * @param minDetectionScore  minimum person-detector score in [0, 1] (default 0.5)
 * @param minPresence        minimum pose presence in [0, 1] to accept a pose and keep tracking
 *                           (default 0.5); below it the detector runs again
 * @param preferWalker       when several people are present, move the track to a person who walks
 *                           across the frame if the tracked one stands still (default true)
 * @param reacquireHoldS     after losing the track, seconds during which only a person near the
 *                           predicted position is accepted (occlusion by a tree, a post), >= 0
 *                           (default 1.0)
 * @param idleProbeIntervalS while nobody is in view, seconds between person-detector runs (frames in
 *                           between are held and, once someone is found, processed in order as if the
 *                           detector had run on each: see {@link BlazePoseEstimator}); 0 runs the detector
 *                           on every frame, >= 0 (default {@value #DEFAULT_IDLE_PROBE_INTERVAL_S})
 * @param mirrorAverage      run the landmark model also on the mirror image of each crop and average the two
 *                           ({@link MirrorAverage}): about one more landmark inference per frame (default false;
 *                           accuracy and cost in docs/accuracy.md, "Mirror averaging")
 */
public record PoseOptions(PoseModel model, int threads, double minDetectionScore, double minPresence,
                          boolean preferWalker, double reacquireHoldS, double idleProbeIntervalS,
                          boolean mirrorAverage) {

    /** Default number of inference threads. */
    public static final int DEFAULT_THREADS = 1;
    /** Default seconds between detector runs while nobody is in view. */
    public static final double DEFAULT_IDLE_PROBE_INTERVAL_S = 0.2;

    public PoseOptions {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in [1, 64], was " + threads);
        }
        if (!(minDetectionScore >= 0 && minDetectionScore <= 1)) {
            throw new IllegalArgumentException("minDetectionScore must be in [0, 1], was " + minDetectionScore);
        }
        if (!(minPresence >= 0 && minPresence <= 1)) {
            throw new IllegalArgumentException("minPresence must be in [0, 1], was " + minPresence);
        }
        if (!(reacquireHoldS >= 0) || Double.isInfinite(reacquireHoldS)) {
            throw new IllegalArgumentException("reacquireHoldS must be finite and >= 0, was " + reacquireHoldS);
        }
        if (!(idleProbeIntervalS >= 0 && idleProbeIntervalS <= 5)) {
            throw new IllegalArgumentException("idleProbeIntervalS must be in [0, 5], was " + idleProbeIntervalS);
        }
    }

    /** The defaults: full model, 1 thread, scores 0.5, prefer the walker, 1 s hold, 0.2 s idle probe interval. */
    public static PoseOptions defaults() {
        return new PoseOptions(PoseModel.FULL, DEFAULT_THREADS, 0.5, 0.5, true, 1.0, DEFAULT_IDLE_PROBE_INTERVAL_S,
                false);
    }

    /** A copy with another model. */
    public PoseOptions withModel(PoseModel m) {
        return new PoseOptions(m, threads, minDetectionScore, minPresence, preferWalker, reacquireHoldS,
                idleProbeIntervalS, mirrorAverage);
    }

    /** A copy with another thread count. */
    public PoseOptions withThreads(int n) {
        return new PoseOptions(model, n, minDetectionScore, minPresence, preferWalker, reacquireHoldS,
                idleProbeIntervalS, mirrorAverage);
    }

    /** A copy with walker preference switched on or off. */
    public PoseOptions withPreferWalker(boolean prefer) {
        return new PoseOptions(model, threads, minDetectionScore, minPresence, prefer, reacquireHoldS,
                idleProbeIntervalS, mirrorAverage);
    }

    /** A copy with another idle probe interval (0: the detector runs on every frame while nobody is in view). */
    public PoseOptions withIdleProbeIntervalS(double s) {
        return new PoseOptions(model, threads, minDetectionScore, minPresence, preferWalker, reacquireHoldS, s,
                mirrorAverage);
    }

    /** A copy with mirror averaging switched on or off. */
    public PoseOptions withMirrorAverage(boolean on) {
        return new PoseOptions(model, threads, minDetectionScore, minPresence, preferWalker, reacquireHoldS,
                idleProbeIntervalS, on);
    }
}
