package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;

/**
 * Steps of one walking pass counted from its initial contacts, whichever foot they are labelled with, and
 * the pass's cadence. This works for forward and backward passes alike and does not depend on the pose
 * model's left/right labels, so it is the per-pass check of the step timing (pass-to-pass repeatability,
 * DESIGN.md section 5) and the only gait measure kept for a backward pass (see {@code docs/passes.md}).
 *
 * <p>Rule: the initial contacts of the pass in time order; a contact that follows the previous kept contact
 * by less than {@value #DUPLICATE_FRACTION} of the median contact-to-contact interval is the same landing
 * found twice (e.g. on both labelled legs around a left/right swap) and is dropped: in steady walking
 * successive step times vary by a few per cent (stride-time CV of healthy adults is a few per cent,
 * Hausdorff 2005, J NeuroEng Rehabil 2:19), so a step of half the typical length is not a step. Cadence =
 * 60 / median step time of the kept contacts (the median tolerates one missed or misplaced contact).
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
    /** Contacts closer than this fraction of the median interval to the previous one are duplicates. */
    public static final double DUPLICATE_FRACTION = 0.5;

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
        double typical = medianInterval(all);
        List<Double> kept = new ArrayList<>();
        for (double t : all) {
            boolean duplicate = !kept.isEmpty() && t - kept.get(kept.size() - 1) < DUPLICATE_FRACTION * typical;
            if (!duplicate) {
                kept.add(t);
            }
        }
        double step = medianInterval(kept.stream().mapToDouble(Double::doubleValue).toArray());
        return new PassSteps(pass.index(), pass.direction(), pass.facing(), kept, step, 60 / step);
    }

    private static double medianInterval(double[] times) {
        if (times.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            d[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(d);
        int m = d.length;
        return m % 2 == 1 ? d[m / 2] : 0.5 * (d[m / 2 - 1] + d[m / 2]);
    }
}
