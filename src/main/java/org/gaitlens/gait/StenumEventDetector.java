package org.gaitlens.gait;

import java.util.List;
import org.gaitlens.core.BodyPart;
import org.gaitlens.motion.CleanMotion;

/**
 * Gait events from the ankle's position relative to the mid-hip, as used for 2D video by Stenum et al.
 * (2021): with {@code s(t) = x_ankle - x_midhip} along the walking direction, initial contact at each peak
 * and toe off at each trough of {@code s}. The ankle is more reliably tracked by pose models than heel and
 * foot tip, at the cost of a small systematic offset (the ankle reaches its extremes slightly away from the
 * true contact instants). Peak rules and sub-frame timing as in {@link ZeniEventDetector}.
 *
 * <p>Reference: Stenum J., Rossi C., Roemmich R.T. (2021) Two-dimensional video-based analysis of human
 * gait using pose estimation. PLOS Comput Biol 17:e1008935, doi:10.1371/journal.pcbi.1008935.
 */
public final class StenumEventDetector implements GaitEventDetector {
    private final RelativePositionEvents core;

    /**
     * @param minSeparationS          shortest time between two events of one kind and side, s (default 0.5)
     * @param minProminenceLegLengths minimum extremum prominence in leg lengths (default 0.1)
     */
    public StenumEventDetector(double minSeparationS, double minProminenceLegLengths) {
        core = new RelativePositionEvents(BodyPart.ANKLE, BodyPart.ANKLE, minSeparationS, minProminenceLegLengths);
    }

    /** Detector with the defaults. */
    public StenumEventDetector() {
        this(0.5, 0.1);
    }

    @Override
    public List<GaitEvent> detect(CleanMotion motion) {
        return core.detect(motion);
    }

    @Override
    public String methodName() {
        return "Stenum 2021 (ankle minus mid-hip)";
    }
}
