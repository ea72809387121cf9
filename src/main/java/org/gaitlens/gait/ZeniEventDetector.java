package org.gaitlens.gait;

import java.util.List;
import org.gaitlens.core.BodyPart;
import org.gaitlens.motion.CleanMotion;

/**
 * Coordinate-based gait events of Zeni, Richards and Higginson (2008).
 *
 * <p>Along the walking direction (+x after direction normalisation, pixels), with the mid-hip as the
 * pelvis point:
 * <ul>
 * <li>initial contact (heel strike) at each local maximum of {@code x_heel - x_pelvis};</li>
 * <li>toe off at each local minimum of {@code x_footIndex - x_pelvis}.</li>
 * </ul>
 * The paper uses the sacral marker and the heel/toe markers of 3D capture; here the BlazePose heel, foot
 * index and mid-hip landmarks in the image. It runs on zero-lag low-pass data (the cleaned series). Extrema
 * must dominate a window of {@code minSeparationS} and rise {@code minProminenceLegLengths} leg lengths above
 * the window's minimum (rejects jitter); their times are refined to sub-frame resolution by parabolic
 * interpolation (see {@link Extrema}).
 *
 * <p>Reference: Zeni J.A., Richards J.G., Higginson J.S. (2008) Two simple methods for determining gait
 * events during treadmill and overground walking using kinematic data. Gait Posture 27:710-714,
 * doi:10.1016/j.gaitpost.2007.07.007.
 */
public final class ZeniEventDetector implements GaitEventDetector {
    private final RelativePositionEvents core;

    /**
     * @param minSeparationS          shortest time between two events of one kind and side, s (default 0.5)
     * @param minProminenceLegLengths minimum extremum prominence in leg lengths (default 0.1)
     */
    public ZeniEventDetector(double minSeparationS, double minProminenceLegLengths) {
        core = new RelativePositionEvents(BodyPart.HEEL, BodyPart.FOOT_INDEX, minSeparationS, minProminenceLegLengths);
    }

    /** Detector with the defaults. */
    public ZeniEventDetector() {
        this(0.5, 0.1);
    }

    @Override
    public List<GaitEvent> detect(CleanMotion motion) {
        return core.detect(motion);
    }

    @Override
    public String methodName() {
        return "Zeni 2008 (heel/toe minus pelvis)";
    }
}
