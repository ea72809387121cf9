package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.motion.WalkingPass;

/**
 * Zeni et al. (2008) events refined by foot speed, as proposed by Bonci et al. (2022): Zeni's extrema find
 * the strides robustly, and each event is then moved to the instant the foot actually lands or leaves,
 * judged from the foot's speed in the sagittal plane relative to the ground, with the speed thresholds of
 * Bruening and Ridge (2014).
 *
 * <p>Algorithm, per walking pass and side, on the cleaned direction-normalised series (image px, y down):
 * <ol>
 * <li>Candidates: {@link ZeniEventDetector} (heel-minus-pelvis maxima, toe-minus-pelvis minima).</li>
 * <li>Foot velocity {@code (vx, vy)} of the heel and the foot index by central differences. In a side
 *     view the image plane is the sagittal plane, so {@code |v|} is the sagittal speed of the papers.</li>
 * <li>Ground velocity {@code g}: the median horizontal velocity of the lower foot (larger image y of the
 *     two ankles) over the pass. Overground it is ~0 (the stance foot rests); on a treadmill it is the belt
 *     speed, so "speed relative to the ground" also holds there. Walking speed {@code W} = median
 *     mid-hip horizontal velocity minus {@code g} (px/s).</li>
 * <li>Initial contact: the downward crossing of {@code heelSpeedRatio * W} by the heel's speed relative to
 *     the ground, {@code |(vx - g, vy)|}, nearest the Zeni candidate within {@code +-searchS}; time
 *     linearly interpolated between the two samples. (At Zeni's heel maximum the heel moves exactly as fast
 *     as the pelvis, i.e. about {@code W}, and decelerates to rest at contact, so the crossing normally
 *     follows the candidate.)</li>
 * <li>Toe off (only when a {@code toeSpeedRatio} is given; by default Zeni's toe off is kept, see
 *     below): the upward crossing of {@code toeSpeedRatio * W} by the foot index's speed, nearest the
 *     candidate within {@code +-searchS}.</li>
 * <li>No crossing in the window (speed never falls under/rises over the threshold, missing data): the Zeni
 *     time is kept.</li>
 * <li>Edges: an event whose Zeni extremum would lie before the first or after the last sample of the pass
 *     is still reported when the foot's speed crossing is observed inside the data (see
 *     {@code edgeEvents}); Zeni alone misses such events.</li>
 * </ol>
 * Thresholds are fractions of the walking speed, so they need no scale (no leg-length conversion is
 * needed): Bruening and Ridge's sagittal threshold for the heel (0.78 W, defined for the sagittal speed as
 * here) is the default; Bonci et al. use 0.5 W (heel) and 0.8 W (toe) for the 3D speed.
 *
 * <p>Why toe off stays Zeni's by default: on the six motion-capture validation trials (docs/angles.md,
 * "Event timing") Zeni's toe-minus-pelvis minimum is already within about one frame of the lab toe offs on
 * five trials, while Bruening and Ridge's toe threshold (0.66 W) moved toe off 13-38 ms early on those
 * five; the heel refinement, in contrast, reduced the heel-strike error on all six, clean and with
 * pose-like noise. {@link #DEFAULT_TOE_SPEED_RATIO} is kept for callers who want the full method.
 *
 * <p>References: Zeni J.A., Richards J.G., Higginson J.S. (2008) Gait Posture 27:710-714,
 * doi:10.1016/j.gaitpost.2007.07.007. Bruening D.A., Ridge S.T. (2014) Automated event detection algorithms
 * in pathological gait. Gait Posture 39:472-477, doi:10.1016/j.gaitpost.2013.08.023 (the modified
 * Ghoussayni et al. 2004 velocity method). Bonci T. et al. (2022) An algorithm for accurate marker-based gait
 * event detection in healthy and pathological populations during complex motor tasks. Front Bioeng
 * Biotechnol 10:868928, doi:10.3389/fbioe.2022.868928 (Zeni pre-detection refined by foot-speed thresholds).
 */
public final class ZeniRefinedEventDetector implements GaitEventDetector {
    /** Bruening and Ridge (2014): heel sagittal speed below 0.78 x walking speed = initial contact. */
    public static final double DEFAULT_HEEL_SPEED_RATIO = 0.78;
    /** Bruening and Ridge (2014): toe sagittal speed above 0.66 x walking speed = toe off. */
    public static final double DEFAULT_TOE_SPEED_RATIO = 0.66;

    private final ZeniEventDetector zeni;
    private final double heelSpeedRatio;
    private final double toeSpeedRatio;
    private final double searchS;
    private final double minProminenceLegLengths;
    private final double toeRiseLegLengths;

    /**
     * @param minSeparationS          Zeni peak rule: shortest time between two events of one kind and side, s
     * @param minProminenceLegLengths Zeni peak rule: minimum extremum prominence in leg lengths
     * @param heelSpeedRatio          contact threshold as a fraction of the walking speed, in (0, 2)
     * @param toeSpeedRatio           toe-off threshold as a fraction of the walking speed, in (0, 2), or
     *                                {@code NaN} to keep Zeni's toe off
     */
    public ZeniRefinedEventDetector(double minSeparationS, double minProminenceLegLengths, double heelSpeedRatio,
            double toeSpeedRatio) {
        this(minSeparationS, minProminenceLegLengths, heelSpeedRatio, toeSpeedRatio, Double.NaN);
    }

    /**
     * As {@link #ZeniRefinedEventDetector(double, double, double, double)}, with each toe off then moved to the foot
     * tip's rise off its resting level ({@link ToeRise}).
     *
     * @param toeRiseLegLengths the rise that marks toe off, leg lengths, in (0, 0.2), or {@code NaN} for none
     */
    public ZeniRefinedEventDetector(double minSeparationS, double minProminenceLegLengths, double heelSpeedRatio,
            double toeSpeedRatio, double toeRiseLegLengths) {
        if (!Double.isNaN(toeRiseLegLengths) && !(toeRiseLegLengths > 0 && toeRiseLegLengths < 0.2)) {
            throw new IllegalArgumentException("toeRiseLegLengths must be in (0, 0.2) or NaN, was " + toeRiseLegLengths);
        }
        this.toeRiseLegLengths = toeRiseLegLengths;
        if (!(heelSpeedRatio > 0 && heelSpeedRatio < 2)) {
            throw new IllegalArgumentException("heelSpeedRatio must be in (0, 2), was " + heelSpeedRatio);
        }
        if (!Double.isNaN(toeSpeedRatio) && !(toeSpeedRatio > 0 && toeSpeedRatio < 2)) {
            throw new IllegalArgumentException("toeSpeedRatio must be in (0, 2), was " + toeSpeedRatio);
        }
        this.zeni = new ZeniEventDetector(minSeparationS, minProminenceLegLengths);
        this.heelSpeedRatio = heelSpeedRatio;
        this.toeSpeedRatio = toeSpeedRatio;
        this.searchS = minSeparationS / 2;
        this.minProminenceLegLengths = minProminenceLegLengths;
    }

    /** Detector with the Bruening and Ridge heel threshold, Zeni's toe off and Zeni's default peak rules. */
    public ZeniRefinedEventDetector() {
        this(0.5, 0.1, DEFAULT_HEEL_SPEED_RATIO, Double.NaN);
    }

    @Override
    public List<GaitEvent> detect(CleanMotion motion) {
        List<GaitEvent> candidates = zeni.detect(motion);
        LandmarkSeries a = motion.anterior();
        double[] t = a.timeS();
        double fs = motion.frameRateHz();
        double[] pelvisX = BodyPoints.midpoint(a, BodyPart.HIP)[0];
        List<GaitEvent> out = new ArrayList<>();
        for (WalkingPass p : motion.passes()) {
            double ground = groundVelocity(a, p, fs);
            double walk = median(velocity(pelvisX, fs), p.startFrame(), p.endFrameExclusive()) - ground;
            for (GaitEvent c : candidates) {
                if (c.passIndex() != p.index()) {
                    continue;
                }
                boolean ic = c.type() == GaitEventType.INITIAL_CONTACT;
                if (!ic && Double.isNaN(toeSpeedRatio)) {
                    out.add(c);
                    continue;
                }
                double[] speed = groundSpeed(a, BodyLandmark.of(c.side(), ic ? BodyPart.HEEL : BodyPart.FOOT_INDEX), fs, ground);
                double thr = (ic ? heelSpeedRatio : toeSpeedRatio) * walk;
                double time = walk > 0 ? crossing(t, speed, thr, c.timeS(), p, fs, !ic) : Double.NaN;
                if (!ic && !Double.isNaN(toeRiseLegLengths)) {
                    double rise = ToeRise.refine(a, c.side(), Double.isNaN(time) ? c.timeS() : time, p, fs, searchS,
                            toeRiseLegLengths, motion.scale().legLengthPx());
                    time = Double.isNaN(rise) ? time : rise;
                }
                out.add(Double.isNaN(time) ? c
                        : new GaitEvent(c.side(), c.type(), time, motion.sourceFrameIndex(time), c.passIndex()));
            }
            if (walk > 0) {
                out.addAll(edgeEvents(motion, a, p, pelvisX, candidates, ground, walk));
            }
        }
        out.sort(Comparator.comparingDouble(GaitEvent::timeS));
        return out;
    }

    /**
     * Events whose Zeni extremum lies beyond the first or last sample of the pass (a walker filmed from the
     * first frame in mid-stride): the relative-position signal is then largest (contact) or smallest (toe off)
     * at the pass boundary itself, which Zeni's rule cannot time. Such a boundary extremum (dominating half a
     * separation window, with the prominence rule) becomes an event only if the foot's speed crosses the
     * threshold inside the data within {@code searchS} of the boundary, i.e. only when the landing or
     * lift-off itself is observed; the toe uses {@link #DEFAULT_TOE_SPEED_RATIO} when no toe ratio is set.
     */
    private List<GaitEvent> edgeEvents(CleanMotion motion, LandmarkSeries a, WalkingPass p, double[] pelvisX,
            List<GaitEvent> candidates, double ground, double walk) {
        double[] t = a.timeS();
        double fs = motion.frameRateHz();
        int half = Math.max(1, (int) Math.round(searchS * fs));
        double prominence = minProminenceLegLengths * motion.scale().legLengthPx();
        if (Double.isNaN(prominence)) {
            prominence = 0;
        }
        List<GaitEvent> out = new ArrayList<>();
        for (Side side : Side.values()) {
            for (GaitEventType type : GaitEventType.values()) {
                boolean ic = type == GaitEventType.INITIAL_CONTACT;
                BodyLandmark lm = BodyLandmark.of(side, ic ? BodyPart.HEEL : BodyPart.FOOT_INDEX);
                double[] x = BodyPoints.trackOrMissing(a, lm).x();
                for (int edge : new int[] {p.startFrame(), p.endFrameExclusive() - 1}) {
                    if (!boundaryExtremum(x, pelvisX, edge, p, half, prominence, ic)) {
                        continue;
                    }
                    double edgeTime = t[edge];
                    boolean known = candidates.stream().anyMatch(c -> c.passIndex() == p.index() && c.side() == side
                            && c.type() == type && Math.abs(c.timeS() - edgeTime) <= searchS);
                    if (known) {
                        continue;
                    }
                    double ratio = ic ? heelSpeedRatio : Double.isNaN(toeSpeedRatio) ? DEFAULT_TOE_SPEED_RATIO
                            : toeSpeedRatio;
                    double[] speed = groundSpeed(a, lm, fs, ground);
                    double time = crossing(t, speed, ratio * walk, edgeTime, p, fs, !ic);
                    if (!Double.isNaN(time)) {
                        out.add(new GaitEvent(side, type, time, motion.sourceFrameIndex(time), p.index()));
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code foot - pelvis} is at its max (contact) / min (toe off) over half a window at the edge. */
    private static boolean boundaryExtremum(double[] foot, double[] pelvis, int edge, WalkingPass p, int half,
            double prominence, boolean max) {
        double sign = max ? 1 : -1;
        double y0 = sign * (foot[edge] - pelvis[edge]);
        if (Double.isNaN(y0)) {
            return false;
        }
        double min = y0;
        int from = Math.max(p.startFrame(), edge - half);
        int to = Math.min(p.endFrameExclusive() - 1, edge + half);
        for (int j = from; j <= to; j++) {
            double y = sign * (foot[j] - pelvis[j]);
            if (y > y0) {
                return false;
            }
            if (!Double.isNaN(y)) {
                min = Math.min(min, y);
            }
        }
        return y0 - min >= prominence;
    }

    /**
     * Time of the crossing of {@code thr} by {@code v} (rising when {@code rising}, else falling) nearest
     * {@code t0} within {@code +-searchS} and inside the pass; {@code NaN} if none.
     */
    private double crossing(double[] t, double[] v, double thr, double t0, WalkingPass p, double fs, boolean rising) {
        int i0 = (int) Math.round((t0 - t[0]) * fs);
        int w = (int) Math.round(searchS * fs);
        double best = Double.NaN;
        for (int i = Math.max(p.startFrame(), i0 - w); i < Math.min(p.endFrameExclusive() - 1, i0 + w); i++) {
            double y0 = v[i];
            double y1 = v[i + 1];
            if (Double.isNaN(y0) || Double.isNaN(y1)) {
                continue;
            }
            boolean cross = rising ? y0 < thr && y1 >= thr : y0 > thr && y1 <= thr;
            if (cross) {
                double tc = t[i] + (thr - y0) / (y1 - y0) * (t[i + 1] - t[i]);
                if (Double.isNaN(best) || Math.abs(tc - t0) < Math.abs(best - t0)) {
                    best = tc;
                }
            }
        }
        return best;
    }

    /** Median horizontal velocity of the lower of the two feet (ankles) over the pass, px/s. */
    static double groundVelocity(LandmarkSeries a, WalkingPass p, double fs) {
        LandmarkTrack l = BodyPoints.trackOrMissing(a, BodyLandmark.LEFT_ANKLE);
        LandmarkTrack r = BodyPoints.trackOrMissing(a, BodyLandmark.RIGHT_ANKLE);
        double[] vl = velocity(l.x(), fs);
        double[] vr = velocity(r.x(), fs);
        double[] buf = new double[p.endFrameExclusive() - p.startFrame()];
        int m = 0;
        for (int i = p.startFrame(); i < p.endFrameExclusive(); i++) {
            double yl = l.y()[i];
            double yr = r.y()[i];
            double v = !(yr > yl) ? vl[i] : vr[i];
            if (Double.isNaN(yl) && Double.isNaN(yr)) {
                continue;
            }
            if (Double.isNaN(yl)) {
                v = vr[i];
            } else if (Double.isNaN(yr)) {
                v = vl[i];
            }
            if (!Double.isNaN(v)) {
                buf[m++] = v;
            }
        }
        return m == 0 ? 0 : BodyPoints.percentile(buf, m, 50);
    }

    private static double[] groundSpeed(LandmarkSeries a, BodyLandmark lm, double fs, double ground) {
        LandmarkTrack tr = BodyPoints.trackOrMissing(a, lm);
        double[] vx = velocity(tr.x(), fs);
        double[] vy = velocity(tr.y(), fs);
        double[] s = new double[vx.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.hypot(vx[i] - ground, vy[i]);
        }
        return s;
    }

    /** Central-difference derivative (one-sided at the ends and next to gaps), per second. */
    static double[] velocity(double[] x, double fs) {
        int n = x.length;
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        for (int i = 0; i < n; i++) {
            boolean prev = i > 0 && !Double.isNaN(x[i - 1]);
            boolean next = i + 1 < n && !Double.isNaN(x[i + 1]);
            if (Double.isNaN(x[i])) {
                continue;
            }
            if (prev && next) {
                v[i] = 0.5 * (x[i + 1] - x[i - 1]) * fs;
            } else if (next) {
                v[i] = (x[i + 1] - x[i]) * fs;
            } else if (prev) {
                v[i] = (x[i] - x[i - 1]) * fs;
            }
        }
        return v;
    }

    private static double median(double[] v, int from, int to) {
        double[] buf = new double[to - from];
        int m = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                buf[m++] = v[i];
            }
        }
        return m == 0 ? Double.NaN : BodyPoints.percentile(buf, m, 50);
    }

    @Override
    public String methodName() {
        return String.format(java.util.Locale.ROOT,
                "Zeni 2008 refined by foot speed (Bonci 2022; heel < %.2f W%s; Bruening & Ridge 2014)", heelSpeedRatio,
                Double.isNaN(toeSpeedRatio) ? ", Zeni toe off" : String.format(java.util.Locale.ROOT, ", toe > %.2f W",
                        toeSpeedRatio)) + (Double.isNaN(toeRiseLegLengths) ? "" : String.format(java.util.Locale.ROOT,
                        "; toe off where the foot tip rises %.3f leg lengths off its resting level", toeRiseLegLengths));
    }
}
