package org.gaitlens.gait;

import java.util.List;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.ViewDetection;

/**
 * Frontal-view analysis ({@link FrontalAnalyzer}). Per-frame curves are on {@code motion.cleaned()}'s time
 * grid, {@code NaN} outside the analysed pass. Signs (see docs/frontal.md): trunk shift and lean + toward the
 * patient's RIGHT; pelvic obliquity + when the RIGHT hip is higher than the left.
 *
 * @param view                 detected view and evidence
 * @param motion               cleaned motion (one pass: the longest stretch with both hips)
 * @param eventMethod          how contacts were found
 * @param contacts             initial contacts (no toe offs in frontal views)
 * @param steps                one per contact, with step width
 * @param timeS                time grid, s
 * @param trunkShiftHipWidths  (mid-shoulder x - mid-hip x) / hip width, + toward the patient's right
 * @param trunkLeanDeg         angle of mid-hip -> mid-shoulder from the image vertical, + toward the right
 * @param pelvicObliquityDeg   angle of the left-hip -> right-hip line from the horizontal, + right hip higher
 * @param meanTrunkShiftHipWidths mean over the pass
 * @param meanTrunkLeanDeg     mean over the pass
 * @param meanPelvicObliquityDeg mean over the pass
 * @param pelvicObliquityRangeDeg 95th minus 5th percentile over the pass (the within-stride drop and rise)
 * @param meanStepWidthM       mean step width, m ({@code NaN} without scale)
 * @param meanStepWidthLegLengths mean step width, leg lengths
 */
public record FrontalResult(ViewDetection view, CleanMotion motion, String eventMethod, List<GaitEvent> contacts,
        List<FrontalStep> steps, double[] timeS, double[] trunkShiftHipWidths, double[] trunkLeanDeg,
        double[] pelvicObliquityDeg, double meanTrunkShiftHipWidths, double meanTrunkLeanDeg,
        double meanPelvicObliquityDeg, double pelvicObliquityRangeDeg, double meanStepWidthM,
        double meanStepWidthLegLengths) {
    public FrontalResult {
        contacts = List.copyOf(contacts);
        steps = List.copyOf(steps);
    }
}
