package org.gaitlens.gait;

import org.gaitlens.core.Side;
import org.gaitlens.motion.WalkingPass;

/**
 * One accepted stride of a pooled session with where it came from: the recording (index into
 * {@link PooledGait#recordings()}) and the walking pass of that recording, which gives the direction of travel, the
 * side the walker faced and so the leg nearer the camera ({@link WalkingPass#nearSide()}).
 *
 * @param recording index of the recording in the session
 * @param stride    the stride, times on its recording's clock
 * @param pass      the walking pass of that recording the stride lies in
 */
public record PooledStride(int recording, Stride stride, WalkingPass pass) {
    public PooledStride {
        if (recording < 0 || stride == null || pass == null) {
            throw new IllegalArgumentException("recording >= 0, stride and pass are required, recording was "
                    + recording);
        }
        if (pass.index() != stride.passIndex()) {
            throw new IllegalArgumentException("stride of pass " + stride.passIndex() + " given with pass "
                    + pass.index());
        }
    }

    /** Whether the stride's own leg was the one nearer the camera. */
    public boolean nearLeg() {
        return pass.nearSide() == stride.side();
    }

    /** The leg nearer the camera during the stride. */
    public Side nearSide() {
        return pass.nearSide();
    }
}
