package org.gaitlens.pose;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaitlens.video.VideoFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps loaded {@link BlazePoseEstimator}s between videos, so that a worker analysing many videos loads the models
 * once instead of once per video (about 0.2-0.5 s per video). {@link #open} hands out an idle estimator of the same
 * models folder and options, {@link BlazePoseEstimator#reset() reset} to a new estimator's state, or loads one;
 * closing what it handed out puts the estimator back. An estimator is used by one caller at a time, so the pool
 * holds at most as many per options as videos were estimated at once. Thread-safe.
 */
public final class PoseEstimatorPool implements PoseEstimatorSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoseEstimatorPool.class);

    /** What must match for an estimator to be reused. */
    private record Key(Path modelsDir, PoseOptions options) {
    }

    private final Map<Key, Deque<BlazePoseEstimator>> idle = new HashMap<>();
    private int loaded;
    private int reused;
    private boolean closed;

    @Override
    public PoseEstimator open(Path modelsDir, PoseOptions options) {
        Key key = new Key(modelsDir.toAbsolutePath().normalize(), Objects.requireNonNull(options, "options"));
        BlazePoseEstimator est;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("pose estimator pool is closed");
            }
            est = idle.getOrDefault(key, new ArrayDeque<>()).pollFirst();
            if (est != null) {
                reused++;
            }
        }
        if (est != null) {
            est.reset();
        } else {
            est = BlazePoseEstimator.open(key.modelsDir(), options);
            synchronized (this) {
                if (closed) {
                    est.close();
                    throw new IllegalStateException("pose estimator pool is closed");
                }
                loaded++;
            }
            LOG.debug("pose estimator pool: loaded {} ({} in all)", options.model(), loaded);
        }
        return new Lease(key, est);
    }

    /** Estimators loaded so far. */
    public synchronized int loaded() {
        return loaded;
    }

    /** Times an idle estimator was handed out again. */
    public synchronized int reused() {
        return reused;
    }

    private synchronized void giveBack(Key key, BlazePoseEstimator est) {
        if (closed) {
            est.close();
        } else {
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(est);
        }
    }

    /** Closes every estimator; ones still in use are closed when given back. */
    @Override
    public void close() {
        List<BlazePoseEstimator> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            idle.values().forEach(toClose::addAll);
            idle.clear();
        }
        toClose.forEach(BlazePoseEstimator::close);
    }

    /** An estimator handed out; closing it puts the estimator back into the pool. */
    private final class Lease implements PoseEstimator {
        private final Key key;
        private BlazePoseEstimator est;

        Lease(Key key, BlazePoseEstimator est) {
            this.key = key;
            this.est = est;
        }

        @Override
        public List<PoseFrame> push(VideoFrame frame) {
            return live().push(frame);
        }

        @Override
        public List<PoseFrame> finish() {
            return live().finish();
        }

        @Override
        public TrackingReport report() {
            return live().report();
        }

        private BlazePoseEstimator live() {
            if (est == null) {
                throw new IllegalStateException("pose estimator already given back to the pool");
            }
            return est;
        }

        @Override
        public void close() {
            if (est != null) {
                BlazePoseEstimator e = est;
                est = null;
                giveBack(key, e);
            }
        }
    }
}
