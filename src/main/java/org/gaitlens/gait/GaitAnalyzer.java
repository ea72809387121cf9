package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.MotionCleaner;
import org.gaitlens.motion.WalkingPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gait engine: landmarks in, events, strides, parameters and angles out.
 *
 * <p>Steps: {@link MotionCleaner} -> {@link GaitEventDetector} (per pass) -> {@link StrideBuilder} (event
 * order and plausibility) -> {@link SagittalAngles} -> {@link FloorLine} per pass -> {@link StrideCalculator}
 * -> per-side {@link ParameterStats} and {@link CycleCurve}s ({@link StrideStatistics}).
 *
 * <p>Angles are computed on {@link CleanMotion#facingForward()} (anatomical anterior = the side the walker
 * faces), events and lengths on {@link CleanMotion#anterior()} (direction of travel). Strides and rejections of
 * a pass walked backwards ({@link WalkingPass#backward()}) are left out of the parameters, curves and
 * indicators, whose definitions and reference values are for forward walking; its events stay in
 * {@link GaitResult#events()} and its steps and cadence in {@link GaitResult#passSteps()} (docs/passes.md).
 */
public final class GaitAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(GaitAnalyzer.class);

    private final GaitSettings settings;

    /** @param settings parameters; {@code null} means {@link GaitSettings#defaults()} */
    public GaitAnalyzer(GaitSettings settings) {
        this.settings = settings == null ? GaitSettings.defaults() : settings;
    }

    /** Analyses a series with the settings given at construction. */
    public GaitResult analyze(LandmarkSeries series) {
        return analyze(series, settings);
    }

    /**
     * Analyses a series.
     *
     * @throws IllegalArgumentException if the series lacks the hips or is shorter than 3 samples
     */
    public static GaitResult analyze(LandmarkSeries series, GaitSettings settings) {
        GaitSettings gs = settings == null ? GaitSettings.defaults() : settings;
        CleanMotion motion = new MotionCleaner(gs.cleaning()).clean(series);
        return analyze(motion, gs);
    }

    /** Analyses already cleaned motion. */
    public static GaitResult analyze(CleanMotion motion, GaitSettings gs) {
        GaitEventDetector detector = gs.eventMethod().create(gs.minEventSeparationS(), gs.minProminenceLegLengths());
        List<GaitEvent> events = detector.detect(motion);
        StrideBuilder.Result built = new StrideBuilder(gs.minStrideTimeS(), gs.maxStrideTimeS(), gs.minStancePct(),
                gs.maxStancePct()).build(events);
        JointAngles angles = new SagittalAngles().compute(motion.facingForward());
        Map<Integer, FloorLine> floors = floors(motion, events);
        StrideCalculator calc = new StrideCalculator(motion, angles, floors);
        EnumMap<Side, List<Stride>> strides = new EnumMap<>(Side.class);
        for (Side s : Side.values()) {
            strides.put(s, new ArrayList<>());
        }
        for (StrideTiming st : built.strides()) {
            if (!backward(motion, st.passIndex())) {
                strides.get(st.side()).add(calc.compute(st));
            }
        }
        List<Rejection> rejections = built.rejections().stream()
                .filter(r -> !backward(motion, r.passIndex())).toList();
        EnumMap<Side, Map<StrideParameter, ParameterStats>> summaries = StrideStatistics.summaries(strides);
        EnumMap<Side, Map<Joint, CycleCurve>> curves = StrideStatistics.curves(strides);
        LOG.info("{}: {} events, {} L / {} R strides, {} rejected, {} backward pass(es) left out",
                motion.cleaned().source(), events.size(), strides.get(Side.LEFT).size(), strides.get(Side.RIGHT).size(),
                rejections.size(), motion.passes().stream().filter(WalkingPass::backward).count());
        return new GaitResult(motion, detector.methodName(), events, rejections, strides, summaries, angles, curves,
                floors);
    }

    private static boolean backward(CleanMotion motion, int passIndex) {
        return motion.passes().stream().anyMatch(p -> p.index() == passIndex && p.backward());
    }

    private static Map<Integer, FloorLine> floors(CleanMotion motion, List<GaitEvent> events) {
        LandmarkSeries a = motion.anterior();
        double[] t = a.timeS();
        Map<Integer, FloorLine> out = new HashMap<>();
        for (WalkingPass p : motion.passes()) {
            double[] x = new double[events.size()];
            double[] y = new double[events.size()];
            int m = 0;
            for (GaitEvent e : events) {
                if (e.passIndex() != p.index()) {
                    continue;
                }
                BodyLandmark lm = BodyLandmark.of(e.side(),
                        e.type() == GaitEventType.INITIAL_CONTACT ? BodyPart.HEEL : BodyPart.FOOT_INDEX);
                double xi = JointAngles.interpolate(t, BodyPoints.trackOrMissing(a, lm).x(), e.timeS());
                double yi = JointAngles.interpolate(t, BodyPoints.trackOrMissing(a, lm).y(), e.timeS());
                if (!Double.isNaN(xi) && !Double.isNaN(yi)) {
                    x[m] = xi;
                    y[m] = yi;
                    m++;
                }
            }
            out.put(p.index(), FloorLine.fit(x, y, m, motion.scale().legLengthPx()));
        }
        return out;
    }
}
