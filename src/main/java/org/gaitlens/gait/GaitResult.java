package org.gaitlens.gait;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.CleaningLog;
import org.gaitlens.motion.Scale;
import org.gaitlens.motion.WalkingPass;

/**
 * Everything {@link GaitAnalyzer} found in one recording.
 *
 * @param motion       cleaned motion (passes, scale, cleaning log, view problems)
 * @param eventMethod  name of the event method used
 * @param events       all detected events, time order (including those of rejected strides)
 * @param rejections   candidate strides that were rejected, with reasons
 * @param strides      accepted strides per side, time order
 * @param summaries    per side, per parameter: n, mean, SD, CV
 * @param angles       per-frame sagittal angles (facing-normalised data, {@link CleanMotion#facingForward()};
 *                     NaN outside passes)
 * @param curves       per side and joint: mean and SD over the normalised cycle
 * @param floors       floor line per pass index
 */
public record GaitResult(CleanMotion motion, String eventMethod, List<GaitEvent> events, List<Rejection> rejections,
        Map<Side, List<Stride>> strides, Map<Side, Map<StrideParameter, ParameterStats>> summaries,
        JointAngles angles, Map<Side, Map<Joint, CycleCurve>> curves, Map<Integer, FloorLine> floors) {
    public GaitResult {
        events = List.copyOf(events);
        rejections = List.copyOf(rejections);
        EnumMap<Side, List<Stride>> s = new EnumMap<>(Side.class);
        strides.forEach((k, v) -> s.put(k, List.copyOf(v)));
        strides = Collections.unmodifiableMap(s);
        EnumMap<Side, Map<StrideParameter, ParameterStats>> sm = new EnumMap<>(Side.class);
        summaries.forEach((k, v) -> sm.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        summaries = Collections.unmodifiableMap(sm);
        EnumMap<Side, Map<Joint, CycleCurve>> c = new EnumMap<>(Side.class);
        curves.forEach((k, v) -> c.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        curves = Collections.unmodifiableMap(c);
        floors = Map.copyOf(floors);
    }

    /** Walking passes. */
    public List<WalkingPass> passes() {
        return motion.passes();
    }

    /** Steps and cadence of each walking pass, from its initial contacts (forward and backward passes). */
    public List<PassSteps> passSteps() {
        return motion.passes().stream().map(p -> PassSteps.count(p, events)).toList();
    }

    /** Scale used. */
    public Scale scale() {
        return motion.scale();
    }

    /** What cleaning changed. */
    public CleaningLog cleaningLog() {
        return motion.log();
    }

    /** Summary of one parameter on one side. */
    public ParameterStats summary(Side side, StrideParameter p) {
        return summaries.get(side).get(p);
    }
}
