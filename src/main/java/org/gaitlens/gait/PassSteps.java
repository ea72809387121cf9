package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;

/**
 * Steps of one walking pass counted from its initial contacts, whichever foot they are labelled with, and
 * the pass's cadence. This works for forward and backward passes alike and does not depend on the pose
 * model's left/right labels, so it is the per-pass check of the step timing (pass-to-pass repeatability, the
 * own term of a change threshold, {@code docs/assessment.md} section 6) and the only gait measure kept for a
 * backward pass (see {@code docs/passes.md}).
 *
 * <p>Rule: the initial contacts of the pass in time order, whichever foot they are labelled with. A
 * contact that follows the previous kept contact too closely is not a step of its own but the same landing
 * found twice (e.g. on both labelled legs around a left/right swap) or a false contact of the far leg,
 * whose landmarks are the pose model's weakest (measured on rendered walkers, {@code docs/mocap.md},
 * "Pose model error on rendered walkers"):
 * <ol>
 * <li>typical step = median of the contact-to-contact intervals that are at least
 *     {@value #DUPLICATE_FRACTION} x the median of all intervals (near-coincident duplicates would pull it
 *     down);</li>
 * <li>in time order, a contact less than {@value #MIN_STEP_FRACTION} x the typical step after the previous
 *     kept contact conflicts with it: of the two, the one nearer the expected time (the kept contact before
 *     them plus the typical step) is kept.</li>
 * </ol>
 * Why 0.7: in steady walking successive step times differ by a few per cent (stride-time CV of healthy
 * adults is a few per cent, Hausdorff 2005, J NeuroEng Rehabil 2:19), and even clearly asymmetric gait
 * (antalgic, hemiparetic) has its short step at about 0.8-0.9 of the mean step (temporal asymmetry
 * ratios long/short of about 1.1-1.5 after stroke, Patterson et al. 2010, Gait Posture 31:241-246), so an interval under 0.7 of the
 * typical step is not a step. Cadence = 60 / median step time of the kept contacts (the median tolerates a
 * missed contact). Known limitation: with the alternating short and long steps of a markedly asymmetric gait
 * the median picks one of the two step times, so this per-pass cadence can be off by up to half the step-time
 * difference (e.g. 90 instead of 98 steps/min on the rendered antalgic sample); the per-stride cadence of the
 * stride table is not affected. Taking the median over strides instead, or half the median two-step interval
 * of the kept contacts, was tried and was less robust to the spurious far-leg contacts of real video (the
 * latter: 126 and 113 steps/min for the two passes of the indoor clip instead of 118 and 114).
 *
 * @param passIndex          0-based pass number
 * @param direction          direction of travel in the image
 * @param facing             side of the image the walker faces
 * @param contactTimesS      kept initial contacts, s, time order; their number is the pass's step count
 * @param medianStepTimeS    median interval between successive kept contacts, s; NaN with fewer than 2
 * @param cadenceStepsPerMin {@code 60 / medianStepTimeS}; NaN with fewer than 2 contacts
 */
public record PassSteps(int passIndex, WalkingDirection direction, WalkingDirection facing, List<Double> contactTimesS,
        double medianStepTimeS, double cadenceStepsPerMin) {
    /** Intervals shorter than this fraction of the median interval do not enter the typical step. */
    public static final double DUPLICATE_FRACTION = 0.5;
    /** Contacts closer than this fraction of the typical step to the previous kept one are not steps. */
    public static final double MIN_STEP_FRACTION = 0.7;

    public PassSteps {
        if (passIndex < 0 || direction == null || facing == null || contactTimesS == null) {
            throw new IllegalArgumentException("bad pass steps: index " + passIndex + ", direction " + direction
                    + ", facing " + facing);
        }
        contactTimesS = List.copyOf(contactTimesS);
    }

    /** Number of steps (kept initial contacts) in the pass. */
    public int stepCount() {
        return contactTimesS.size();
    }

    /** Whether the pass was walked backwards. */
    public boolean backward() {
        return facing != direction;
    }

    /** Counts the steps of {@code pass} from the initial contacts among {@code events}. */
    public static PassSteps count(WalkingPass pass, List<GaitEvent> events) {
        double[] all = events.stream()
                .filter(e -> e.passIndex() == pass.index() && e.type() == GaitEventType.INITIAL_CONTACT)
                .mapToDouble(GaitEvent::timeS).sorted().toArray();
        double all0 = medianInterval(all);
        double typical = median(intervals(all), DUPLICATE_FRACTION * all0);
        double[] kept = keepSteps(all, typical);
        double step = medianInterval(kept);
        return new PassSteps(pass.index(), pass.direction(), pass.facing(),
                Arrays.stream(kept).boxed().toList(), step, 60 / step);
    }

    /** The contacts that are steps, by the conflict rule in the class comment; NaN typical keeps all. */
    private static double[] keepSteps(double[] times, double typical) {
        List<Double> kept = new ArrayList<>();
        for (double t : times) {
            int n = kept.size();
            if (n == 0 || !(t - kept.get(n - 1) < MIN_STEP_FRACTION * typical)) {
                kept.add(t);
            } else if (n >= 2) {
                double expected = kept.get(n - 2) + typical;
                if (Math.abs(t - expected) < Math.abs(kept.get(n - 1) - expected)) {
                    kept.set(n - 1, t);
                }
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] intervals(double[] times) {
        double[] d = new double[Math.max(0, times.length - 1)];
        for (int i = 1; i < times.length; i++) {
            d[i - 1] = times[i] - times[i - 1];
        }
        return d;
    }

    /** Median of the values {@code >= min} (NaN min: all); NaN if none. */
    private static double median(double[] values, double min) {
        double[] v = Arrays.stream(values).filter(x -> Double.isNaN(min) || x >= min).sorted().toArray();
        int m = v.length;
        if (m == 0) {
            return Double.NaN;
        }
        return m % 2 == 1 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    }

    private static double medianInterval(double[] times) {
        return times.length < 2 ? Double.NaN : median(intervals(times), Double.NaN);
    }
}
