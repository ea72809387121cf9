package org.gaitlens.gait;

import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.WalkingPass;

/**
 * Toe off as the instant the foot tip rises off its resting level: the first upward crossing of {@code rest + rise}
 * by the foot index's height after which it stays above for {@link #HOLD_S}, where {@code rest} is the foot index's
 * lowest point (largest image y) in the {@code searchS} before a candidate toe off and {@code rise} a fixed fraction
 * of the leg length; a crossing more than {@link #EARLIEST_S} before the candidate leaves the candidate standing. Vertical
 * position thresholds are the classic kinematic definition of foot contact and lift (e.g. Mickelborough J., van
 * der Linden M.L., Richards J., Ennos A.R. (2000) Validity and reliability of a kinematic protocol for determining
 * foot contact events. Gait Posture 11:32-37, doi:10.1016/S0966-6362(99)00050-8); the threshold relative to the
 * foot's own resting level needs no floor line, so a rolled camera does not move it.
 *
 * <p>Why for a pose model's foot index: it sits 12-20 px behind the shoe tip, so in the heel rise before toe off it
 * rolls forward with the forefoot while the tip still rests, and a speed threshold (Bruening and Ridge's 0.66 W)
 * crosses early; a slow, flat lift (weak push-off) crosses a speed threshold late. Its height rises when the tip
 * does. Measured in docs/accuracy.md ("Event timing on video").
 */
final class ToeRise {
    /**
     * How long the tip must stay above the level for a crossing to count, s: longer than the 1-2 frame dips of a
     * resting tip seen on video, shorter than the low early swing of an antalgic foot (which comes back down to within
     * the rise about 0.15 s after toe off on the rendered antalgic sample).
     */
    static final double HOLD_S = 0.1;
    /**
     * How much earlier than the candidate the lift may be found, s. The speed candidate comes about one frame early
     * on video (the foot index rolls forward before the tip leaves) and up to two frames late for a slow lift; a
     * lift found much earlier is the far foot's wobble in stance (4-5 px for 0.1-0.15 s on the real indoor clip,
     * after the skeletal model), and then the candidate stands.
     */
    static final double EARLIEST_S = 0.1;
    private ToeRise() {
    }

    /**
     * The refined toe-off time, or NaN when the height does not cross the level within {@code searchS} after the
     * candidate (then the candidate stands).
     *
     * @param a               direction-normalised series (y down)
     * @param side            the foot
     * @param candidateS      the candidate toe off, s
     * @param p               its pass
     * @param fs              sampling rate, Hz
     * @param searchS         search half-window, s
     * @param riseLegLengths  rise above the resting level, leg lengths
     * @param legLengthPx     leg length, px
     */
    static double refine(LandmarkSeries a, Side side, double candidateS, WalkingPass p, double fs, double searchS,
            double riseLegLengths, double legLengthPx) {
        if (!(legLengthPx > 0)) {
            return Double.NaN;
        }
        double[] t = a.timeS();
        double[] y = BodyPoints.trackOrMissing(a, BodyLandmark.of(side, BodyPart.FOOT_INDEX)).y();
        int i0 = (int) Math.round((candidateS - t[0]) * fs);
        int w = (int) Math.round(searchS * fs);
        int lo = Math.max(p.startFrame(), i0 - w);
        int hi = Math.min(p.endFrameExclusive() - 1, i0 + w);
        int rest = -1;
        for (int i = lo; i <= Math.min(i0, hi); i++) {
            if (!Double.isNaN(y[i]) && (rest < 0 || y[i] > y[rest])) {
                rest = i;
            }
        }
        if (rest < 0) {
            return Double.NaN;
        }
        double level = y[rest] - riseLegLengths * legLengthPx;
        // the first upward crossing after which the tip stays above the level for HOLD_S (or to the end of the
        // window): a dip of the resting tip (roll-over, noise) that comes back down within it is not the lift
        int hold = Math.max(1, (int) Math.round(HOLD_S * fs));
        double crossing = Double.NaN;
        int above = 0;
        for (int i = rest + 1; i <= hi; i++) {
            if (Double.isNaN(y[i]) || Double.isNaN(y[i - 1])) {
                return Double.NaN;
            }
            if (y[i] >= level) {
                crossing = Double.NaN;
                above = 0;
                continue;
            }
            if (y[i - 1] >= level) {
                crossing = t[i - 1] + (level - y[i - 1]) / (y[i] - y[i - 1]) * (t[i] - t[i - 1]);
            }
            if (++above >= hold) {
                return crossing >= candidateS - EARLIEST_S ? crossing : Double.NaN;
            }
        }
        return crossing;
    }
}
