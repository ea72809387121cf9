package org.gaitlens.pose;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the two BlazePose networks (Bazarevsky et al. 2020, arXiv:2006.10204) on a frame: the person detector over
 * the whole frame and its tiles ({@link PoseDetector#detectTiled}), and the landmark model on a region of interest
 * (crop, inference, landmarks projected back to image pixels: {@link PoseLandmarker#estimate}). Applies the score
 * thresholds of {@link PoseOptions} and counts runs and their wall time for the {@link TrackingReport}. With
 * {@link PoseOptions#mirrorAverage()} a landmark run is the crop and its mirror ({@link MirrorAverage}), timed as
 * one.
 *
 * <p>Owns the two interpreters and their native buffers; {@link #close()} frees them. Not thread-safe.
 */
final class BlazePoseInference implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlazePoseInference.class);

    private final PoseDetector detector;
    private final PoseLandmarker landmarker;
    private final double minDetectionScore;
    private final double minPresence;
    private final boolean mirrorAverage;

    private int detectorRuns;
    private long detectorNanos;
    private int landmarkRuns;
    private long landmarkNanos;

    /**
     * Loads the detector and the landmark model chosen in {@code options}.
     *
     * @throws org.gaitlens.core.ModelMissingException if a model file is missing or corrupt
     */
    BlazePoseInference(PoseModels models, PoseOptions options) {
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
        this.minDetectionScore = options.minDetectionScore();
        this.minPresence = options.minPresence();
        this.mirrorAverage = options.mirrorAverage();
        LOG.debug("BlazePose {} loaded from {} ({} thread(s))", options.model(), models.dir(), options.threads());
    }

    /** The people the detector finds in the whole frame and its tiles, scoring at least the minimum. */
    List<PersonDetection> detect(Mat img) {
        long t0 = System.nanoTime();
        List<PersonDetection> d = detector.detectTiled(img, minDetectionScore);
        detectorNanos += System.nanoTime() - t0;
        detectorRuns++;
        return d;
    }

    /**
     * The landmark model's pose in a region of interest, or null when its presence is below the minimum or the
     * region is degenerate (at most 1 px wide, or over 20 times the frame's larger side: the model would not run).
     */
    LandmarkerResult pose(Mat img, PoseRoi roi) {
        if (!(roi.widthPx() > 1) || roi.widthPx() > 20.0 * Math.max(img.cols(), img.rows())) {
            return null;
        }
        long t0 = System.nanoTime();
        LandmarkerResult r;
        if (mirrorAverage) {
            PoseLandmarker.MirrorPair pair = landmarker.estimateWithMirror(img, roi);
            r = MirrorAverage.combine(pair.direct(), pair.mirrored());
        } else {
            r = landmarker.estimate(img, roi);
        }
        landmarkNanos += System.nanoTime() - t0;
        landmarkRuns++;
        return r != null && r.poseScore() >= minPresence ? r : null;
    }

    /** Detector runs since loading or the last {@link #resetCounts()}. */
    int detectorRuns() {
        return detectorRuns;
    }

    /** Mean wall time of one detector run, ms; 0 before the first. */
    double meanDetectorMs() {
        return detectorRuns == 0 ? 0 : detectorNanos / 1e6 / detectorRuns;
    }

    /** Mean wall time of one landmark-model run, ms; 0 before the first. */
    double meanLandmarkMs() {
        return landmarkRuns == 0 ? 0 : landmarkNanos / 1e6 / landmarkRuns;
    }

    /** Sets the run counts and times to zero (a new video), keeping the loaded models. */
    void resetCounts() {
        detectorRuns = 0;
        detectorNanos = 0;
        landmarkRuns = 0;
        landmarkNanos = 0;
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
    }
}
