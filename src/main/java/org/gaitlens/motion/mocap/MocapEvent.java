package org.gaitlens.motion.mocap;

import java.util.Objects;
import org.gaitlens.core.Side;

/**
 * A gait event stored in a motion-capture file (for example the C3D {@code EVENT} group written by
 * Vicon Nexus).
 *
 * @param side  the anatomical side the event belongs to
 * @param label the file's label, e.g. {@code "Foot Strike"} or {@code "Foot Off"}
 * @param timeS event time in the gaitlens convention of {@link MarkerData}: seconds since the
 *              <em>first sample of the file</em>
 */
public record MocapEvent(Side side, String label, double timeS) {

    /** C3D label of an initial contact (heel strike). */
    public static final String FOOT_STRIKE = "Foot Strike";
    /** C3D label of a terminal contact (toe off). */
    public static final String FOOT_OFF = "Foot Off";

    public MocapEvent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(timeS)) {
            throw new IllegalArgumentException("timeS must be finite, was " + timeS);
        }
    }

    /** Whether this is an initial contact ({@value #FOOT_STRIKE}). */
    public boolean isFootStrike() {
        return FOOT_STRIKE.equalsIgnoreCase(label.trim());
    }

    /** Whether this is a terminal contact ({@value #FOOT_OFF}). */
    public boolean isFootOff() {
        return FOOT_OFF.equalsIgnoreCase(label.trim());
    }
}
