package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.CleaningSettings;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.motion.MotionCleaner;
import org.gaitlens.motion.ViewDetection;
import org.gaitlens.motion.ViewDetector;
import org.gaitlens.motion.ViewKind;
import org.gaitlens.motion.WalkingPass;

/**
 * Gait from a frontal view (camera in front of or behind the walker, who walks along its optical axis).
 *
 * <p>Steps:
 * <ol>
 * <li>{@link ViewDetector}: frontal or not, and whether the walker faces the camera (patient's right on the
 *     image left) or walks away from it; with an explicit {@link ViewKind} that detection is only reported.</li>
 * <li>Cleaning by {@link MotionCleaner} in its one-pass mode ({@code treadmill}: a walker who does not cross
 *     the image), i.e. the longest stretch with both hips.</li>
 * <li><b>Contacts</b> from the vertical image difference of the ankles (Stenum et al. 2024): the floor
 *     recedes toward the horizon, so the foot nearer the camera appears lower in the image (larger y, camera
 *     above the floor). Walking toward the camera the leading foot is the nearer one, and the difference
 *     {@code y_ankle,S - y_ankle,other} peaks when foot S lands at the end of its step; walking away the sign
 *     is reversed. Peaks with Zeni's rules ({@link Extrema}: dominant over {@code +-minSeparationS/2},
 *     prominence {@code minProminenceLegLengths}, parabolic sub-frame timing). Toe offs are not reported.</li>
 * <li><b>Trunk lateral shift</b>: {@code s (x_mid-shoulder - x_mid-hip) / hip width} (hip width = image
 *     distance of the hips that frame), with {@code s = +1} when the patient's right is toward +x, so
 *     <b>+ = toward the patient's right</b>; <b>trunk lateral lean</b>: the angle of mid-hip -> mid-shoulder
 *     from the image vertical, + toward the right.</li>
 * <li><b>Pelvic obliquity</b>: {@code atan2(y_L - y_R, |x_R - x_L|)} (image y down), <b>+ when the right hip
 *     is higher</b>. In single support on the left, a drop of the right (swing-side) hip makes it negative:
 *     a large drop of the swing side is the Trendelenburg sign of weak stance-side abductors.</li>
 * <li><b>Step width</b> at each contact: the lateral image distance between the two heels divided by the
 *     image scale at the pelvis's depth (the pelvis lies halfway between the feet at contact, so the two
 *     feet's opposite depth errors cancel to first order when the walker walks along the optical axis; a
 *     walking line offset {@code c} from the axis adds ~{@code 2 c a / D} for half-step {@code a} at distance
 *     {@code D}). The scale at time t is the series' {@code pixelsPerMetre} (valid at the median pelvis depth)
 *     times {@code h(t) / median h}, where {@code h(t)} is the vertical hip-to-ankle image height (median over
 *     1 s, a stride), which is proportional to 1 / depth; without {@code pixelsPerMetre}, {@code h} is taken
 *     as 0.491 x the patient's height (Winter 2009 segment proportions: thigh 0.245 H + shank 0.246 H;
 *     the legs' inclination during walking makes this ~3-6 % short, so widths are that much too large).
 *     {@code widthLegLengths = widthPx / h(t)} needs no scale.</li>
 * </ol>
 *
 * <p>References: Stenum J., Hsu M.M., Pantelyat A.Y., Roemmich R.T. (2024) Clinical gait analysis using
 * video-based pose estimation: multiple perspectives, clinical populations, and measuring change. PLOS
 * Digital Health 3:e0000467, doi:10.1371/journal.pdig.0000467. Winter D.A. (2009) Biomechanics and Motor
 * Control of Human Movement, 4th ed., Wiley (segment lengths). Perry J., Burnfield J.M. (2010) Gait
 * Analysis, 2nd ed. (pelvic drop, Trendelenburg).
 */
public final class FrontalAnalyzer {
    /** Leg (hip-to-ankle) length as a fraction of body height, Winter (2009): 0.245 + 0.246. */
    public static final double LEG_FRACTION_OF_HEIGHT = 0.491;

    private final CleaningSettings cleaning;
    private final double minSeparationS;
    private final double minProminenceLegLengths;

    /**
     * @param cleaning                cleaning settings (its {@code heightCm} gives the scale without calibration);
     *                                {@code null} = defaults
     * @param minSeparationS          shortest time between two contacts of one foot, s (default 0.5)
     * @param minProminenceLegLengths peak prominence of the ankle difference, leg lengths (default 0.02: the
     *                                difference is small, ~0.14 leg lengths at 5 m, shrinking with distance)
     */
    public FrontalAnalyzer(CleaningSettings cleaning, double minSeparationS, double minProminenceLegLengths) {
        if (!(minSeparationS > 0)) {
            throw new IllegalArgumentException("minSeparationS must be > 0, was " + minSeparationS);
        }
        if (!(minProminenceLegLengths >= 0)) {
            throw new IllegalArgumentException("minProminenceLegLengths must be >= 0, was " + minProminenceLegLengths);
        }
        CleaningSettings c = cleaning == null ? CleaningSettings.defaults() : cleaning;
        // the skeletal model is a side-view (sagittal-plane) model: not for a walker seen from the front
        this.cleaning = c.withTreadmill(true).withSkeletalModel(false, c.skeletonCutoffHz());
        this.minSeparationS = minSeparationS;
        this.minProminenceLegLengths = minProminenceLegLengths;
    }

    /** Analyzer with the defaults. */
    public FrontalAnalyzer() {
        this(null, 0.5, 0.02);
    }

    /** Analyses with the automatically detected view. */
    public FrontalResult analyze(LandmarkSeries series) {
        return analyze(series, null);
    }

    /**
     * Analyses a frontal recording.
     *
     * @param view {@link ViewKind#FRONTAL_FRONT} or {@link ViewKind#FRONTAL_BACK}, or {@code null} to use the
     *             detected one
     * @throws IllegalArgumentException if no frontal view is given and none is detected
     */
    public FrontalResult analyze(LandmarkSeries series, ViewKind view) {
        ViewDetection detected = ViewDetector.detect(series);
        ViewKind kind = view == null ? detected.kind() : view;
        if (!kind.isFrontal()) {
            throw new IllegalArgumentException("not a frontal view: " + detected.description());
        }
        CleanMotion motion = new MotionCleaner(cleaning).clean(series);
        LandmarkSeries s = motion.cleaned();
        int n = s.size();
        double[] t = s.timeS();
        double fs = motion.frameRateHz();
        int rightSign = kind == ViewKind.FRONTAL_FRONT ? -1 : 1;
        int approach = kind == ViewKind.FRONTAL_FRONT ? 1 : -1;
        boolean[] in = new boolean[n];
        for (WalkingPass p : motion.passes()) {
            for (int i = p.startFrame(); i < p.endFrameExclusive(); i++) {
                in[i] = true;
            }
        }
        double[][] hip = BodyPoints.midpoint(s, BodyPart.HIP);
        double[][] sh = BodyPoints.midpoint(s, BodyPart.SHOULDER);
        LandmarkTrack hl = BodyPoints.trackOrMissing(s, BodyLandmark.LEFT_HIP);
        LandmarkTrack hr = BodyPoints.trackOrMissing(s, BodyLandmark.RIGHT_HIP);
        double[] height = new double[n];
        double[][] ankle = BodyPoints.midpoint(s, BodyPart.ANKLE);
        for (int i = 0; i < n; i++) {
            height[i] = ankle[1][i] - hip[1][i];
        }
        double[] legPx = movingMedian(height, (int) Math.round(fs / 2));
        double[] shift = nanArray(n);
        double[] lean = nanArray(n);
        double[] obliq = nanArray(n);
        for (int i = 0; i < n; i++) {
            if (!in[i]) {
                continue;
            }
            double w = Math.abs(hr.x()[i] - hl.x()[i]);
            shift[i] = rightSign * (sh[0][i] - hip[0][i]) / w;
            lean[i] = Math.toDegrees(Math.atan2(rightSign * (sh[0][i] - hip[0][i]), -(sh[1][i] - hip[1][i])));
            obliq[i] = Math.toDegrees(Math.atan2(hl.y()[i] - hr.y()[i], w));
        }
        double leg = motion.scale().legLengthPx();
        double prominence = Double.isNaN(leg) ? 0 : minProminenceLegLengths * leg;
        int half = Math.max(1, (int) Math.round(minSeparationS * fs / 2));
        List<GaitEvent> contacts = new ArrayList<>();
        for (WalkingPass p : motion.passes()) {
            for (Side side : Side.values()) {
                LandmarkTrack a = BodyPoints.trackOrMissing(s, BodyLandmark.of(side, BodyPart.ANKLE));
                LandmarkTrack o = BodyPoints.trackOrMissing(s, BodyLandmark.of(side.opposite(), BodyPart.ANKLE));
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = approach * (a.y()[i] - o.y()[i]);
                }
                for (Extrema.Peak pk : Extrema.maxima(d, p.startFrame(), p.endFrameExclusive(), half, prominence)) {
                    int i = pk.index();
                    double time = t[i] + (pk.position() - i) * (t[Math.min(i + 1, n - 1)] - t[i]);
                    contacts.add(new GaitEvent(side, GaitEventType.INITIAL_CONTACT, time, motion.sourceFrameIndex(time),
                            p.index()));
                }
            }
        }
        contacts.sort(Comparator.comparingDouble(GaitEvent::timeS));
        double ppmRef = s.pixelsPerMetre();
        double legRefPx = median(legPx, in);
        double heightM = cleaning.heightCm() / 100;
        List<FrontalStep> steps = new ArrayList<>();
        GaitEvent prev = null;
        for (GaitEvent c : contacts) {
            LandmarkTrack a = BodyPoints.trackOrMissing(s, BodyLandmark.of(c.side(), BodyPart.HEEL));
            LandmarkTrack o = BodyPoints.trackOrMissing(s, BodyLandmark.of(c.side().opposite(), BodyPart.HEEL));
            double widthPx = Math.abs(JointAngles.interpolate(t, a.x(), c.timeS())
                    - JointAngles.interpolate(t, o.x(), c.timeS()));
            double h = JointAngles.interpolate(t, legPx, c.timeS());
            double ppm = !Double.isNaN(ppmRef) ? ppmRef * h / legRefPx : h / (LEG_FRACTION_OF_HEIGHT * heightM);
            double stepTime = prev != null && prev.side() != c.side() && prev.passIndex() == c.passIndex()
                    ? c.timeS() - prev.timeS() : Double.NaN;
            steps.add(new FrontalStep(c.side(), c.timeS(), stepTime, widthPx, widthPx / h, widthPx / ppm));
            prev = c;
        }
        return new FrontalResult(detected, motion, "Stenum 2024 (vertical ankle difference, frontal)", contacts, steps,
                t, shift, lean, obliq, mean(shift), mean(lean), mean(obliq),
                percentile(obliq, 95) - percentile(obliq, 5),
                steps.stream().mapToDouble(FrontalStep::widthM).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN),
                steps.stream().mapToDouble(FrontalStep::widthLegLengths).filter(v -> !Double.isNaN(v)).average()
                        .orElse(Double.NaN));
    }

    private static double[] nanArray(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static double[] movingMedian(double[] v, int half) {
        double[] out = new double[v.length];
        double[] buf = new double[2 * half + 1];
        for (int i = 0; i < v.length; i++) {
            int m = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(v.length - 1, i + half); j++) {
                if (!Double.isNaN(v[j])) {
                    buf[m++] = v[j];
                }
            }
            out[i] = BodyPoints.percentile(buf, m, 50);
        }
        return out;
    }

    private static double median(double[] v, boolean[] in) {
        double[] buf = new double[v.length];
        int m = 0;
        for (int i = 0; i < v.length; i++) {
            if (in[i] && !Double.isNaN(v[i])) {
                buf[m++] = v[i];
            }
        }
        return BodyPoints.percentile(buf, m, 50);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    private static double percentile(double[] v, double pct) {
        double[] buf = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
        return BodyPoints.percentile(buf, buf.length, pct);
    }
}
