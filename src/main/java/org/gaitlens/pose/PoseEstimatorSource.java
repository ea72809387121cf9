package org.gaitlens.pose;

import java.nio.file.Path;

/**
 * Where a pose job gets the estimator for one video: a new one each time ({@link #FRESH}), or one whose models
 * are already loaded ({@link PoseEstimatorPool}). Either way the estimator starts tracking from scratch and the
 * caller closes it when the video is done.
 */
@FunctionalInterface
public interface PoseEstimatorSource {
    /** Loads the models for every video. */
    PoseEstimatorSource FRESH = BlazePoseEstimator::open;

    /**
     * An estimator with no tracking state, for one video.
     *
     * @throws org.gaitlens.core.ModelMissingException if a model file is missing or corrupt
     */
    PoseEstimator open(Path modelsDir, PoseOptions options);
}
