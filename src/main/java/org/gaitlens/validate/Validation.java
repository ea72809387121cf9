package org.gaitlens.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitEventType;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.ParameterStats;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.metric.Metric;
import org.gaitlens.motion.WalkingPass;
import org.gaitlens.pipeline.Analysis;

/**
 * {@code gaitlens validate}: runs the whole pipeline on every sample that has ground truth and compares.
 *
 * <p>Definitions (all per video):
 * <ul>
 *   <li>event MAE: mean absolute time difference between each true heel strike / toe off inside the
 *       analysed walking passes and the detected event of the same side and type nearest to it (matched
 *       within {@value #MATCH_WINDOW_S} s); unmatched true events are <em>missing</em>, unmatched detected
 *       events <em>extra</em>;</li>
 *   <li>stride, stance time and step length error: the larger over the two sides of |mean measured - true|;</li>
 *   <li>angle RMS: root mean square of measured minus true 2D angle over the frames inside the passes, both
 *       sides pooled, no offset removed (the truth uses the engine's own angle definitions);</li>
 *   <li>SI error: |measured - true| symmetry index, percentage points;</li>
 *   <li>indicators: raised = strength possible or likely; correct when the raised set (pattern and side)
 *       equals the expected set ({@link #indicatorsMatch}): an extra indicator is as wrong as a missing one.</li>
 * </ul>
 */
public final class Validation {
    /** Largest time difference for a detected event to count as the true one, seconds. */
    static final double MATCH_WINDOW_S = 0.25;

    /**
     * Validation of one sample.
     *
     * @param name            sample name
     * @param error           why the pipeline failed, or null
     * @param eventsTrue      true events inside the analysed passes
     * @param eventsMissing   true events without a detected one
     * @param eventsExtra     detected events without a true one
     * @param heelStrikeMaeS  heel-strike mean absolute error, s
     * @param toeOffMaeS      toe-off mean absolute error, s
     * @param eventMaeFrames  all events' mean absolute error in video frames
     * @param strideTimeErrS  stride time error, s
     * @param stanceTimeErrS  stance time error, s
     * @param stepLengthErrM  step length error, m
     * @param angleRmsDeg     angle RMS per joint, deg
     * @param siErrPct        SI error per quantity, percentage points
     * @param expected        expected indicators ("antalgic R" ...)
     * @param raised          raised indicators
     * @param indicatorsOk    whether raised equals expected
     * @param frontal         a frontal-view sample (contacts by the frontal method, no angles or toe offs)
     * @param legs            the errors split by near and far leg ({@link LegValidation}); empty for a frontal view
     */
    public record Row(String name, String error, int eventsTrue, int eventsMissing, int eventsExtra,
            double heelStrikeMaeS, double toeOffMaeS, double eventMaeFrames, double strideTimeErrS,
            double stanceTimeErrS, double stepLengthErrM, Map<Joint, Double> angleRmsDeg, Map<String, Double> siErrPct,
            List<String> expected, List<String> raised, boolean indicatorsOk, boolean frontal,
            Map<CameraLeg, LegErrors> legs) {

        public Row {
            legs = legs.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(legs));
        }

        /** A row without the split by leg. */
        public Row(String name, String error, int eventsTrue, int eventsMissing, int eventsExtra,
                double heelStrikeMaeS, double toeOffMaeS, double eventMaeFrames, double strideTimeErrS,
                double stanceTimeErrS, double stepLengthErrM, Map<Joint, Double> angleRmsDeg,
                Map<String, Double> siErrPct, List<String> expected, List<String> raised, boolean indicatorsOk,
                boolean frontal) {
            this(name, error, eventsTrue, eventsMissing, eventsExtra, heelStrikeMaeS, toeOffMaeS, eventMaeFrames,
                    strideTimeErrS, stanceTimeErrS, stepLengthErrM, angleRmsDeg, siErrPct, expected, raised,
                    indicatorsOk, frontal, Map.of());
        }

        /** The errors of one camera leg, if split. */
        public java.util.Optional<LegErrors> leg(CameraLeg leg) {
            return java.util.Optional.ofNullable(legs.get(leg));
        }

        /** A side-view row ({@code frontal} false). */
        public Row(String name, String error, int eventsTrue, int eventsMissing, int eventsExtra,
                double heelStrikeMaeS, double toeOffMaeS, double eventMaeFrames, double strideTimeErrS,
                double stanceTimeErrS, double stepLengthErrM, Map<Joint, Double> angleRmsDeg,
                Map<String, Double> siErrPct, List<String> expected, List<String> raised, boolean indicatorsOk) {
            this(name, error, eventsTrue, eventsMissing, eventsExtra, heelStrikeMaeS, toeOffMaeS, eventMaeFrames,
                    strideTimeErrS, stanceTimeErrS, stepLengthErrM, angleRmsDeg, siErrPct, expected, raised,
                    indicatorsOk, false);
        }
    }

    private Validation() {
    }

    /** The truth files in {@code dir}, by name. */
    public static List<Path> truthFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(SampleTruth.SUFFIX)).sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidInputException(dir + ": no ground-truth files (*" + SampleTruth.SUFFIX + ") found");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates one sample: the pipeline runs on its video ({@code fromVideo}) or on its exact landmarks (engine
     * alone), into {@code outDir}.
     */
    public static Row validate(SampleTruth truth, boolean fromVideo, Path outDir, Analysis.Settings base,
            ProgressListener progress) {
        Analysis.Settings settings = new Analysis.Settings(truth.heightCm(), base.model(), base.threads(),
                base.writeVideo(), base.blurFaces(), base.eventMethod(), base.treadmill(), base.cameraView(),
                base.modelsDir(), base.mirrorAverage());
        Path input = fromVideo ? truth.video() : truth.landmarks();
        Analysis.Result r;
        try {
            r = Analysis.run(input, outDir, settings, progress);
        } catch (GaitlensException e) {
            return new Row(truth.name(), e.getMessage(), 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Map.of(), Map.of(), expectedNames(truth), List.of(), false);
        }
        if (r.session().isFrontal()) {
            return compareFrontal(truth, r.session().frontal(), r.session().assessment());
        }
        return compare(truth, r.session().gait(), r.session().assessment());
    }

    /**
     * Compares a frontal-view analysis with the truth: initial contacts (toe offs are not detected in frontal
     * views) and indicators; the side-view errors are NaN. The truth names a trunk list by the side the trunk
     * leans to, the assessment by the side opposite the shift (the painful side, Wu et al. 2019), so a raised
     * trunk list is labelled here by its shift direction.
     */
    static Row compareFrontal(SampleTruth truth, org.gaitlens.gait.FrontalResult frontal, Assessment assessment) {
        List<WalkingPass> passes = frontal.motion().passes();
        List<GaitEvent> detected = new ArrayList<>(frontal.contacts());
        List<Double> err = new ArrayList<>();
        int inside = 0;
        int missing = 0;
        for (SampleTruth.TrueEvent t : truth.events()) {
            if (t.type() != GaitEventType.INITIAL_CONTACT || !insidePasses(passes, t.timeS())) {
                continue;
            }
            inside++;
            GaitEvent best = null;
            for (GaitEvent d : detected) {
                if (d.side() == t.side() && Math.abs(d.timeS() - t.timeS()) <= MATCH_WINDOW_S
                        && (best == null || Math.abs(d.timeS() - t.timeS()) < Math.abs(best.timeS() - t.timeS()))) {
                    best = d;
                }
            }
            if (best == null) {
                missing++;
            } else {
                detected.remove(best);
                err.add(Math.abs(best.timeS() - t.timeS()));
            }
        }
        List<String> raised = new ArrayList<>();
        for (Indicator i : assessment.indicators()) {
            if (i.strength() == Strength.POSSIBLE || i.strength() == Strength.LIKELY) {
                Side side = i.pattern() == Pattern.TRUNK_LIST && i.side() != null ? i.side().opposite() : i.side();
                raised.add(label(i.pattern(), side));
            }
        }
        List<String> expected = expectedNames(truth);
        boolean ok = indicatorsMatch(expected, raised);
        return new Row(truth.name(), null, inside, missing, detected.size(), mean(err), Double.NaN,
                mean(err) * truth.frameRateHz(), Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of(), expected,
                raised, ok, true);
    }

    /** Compares an analysis with the truth. */
    static Row compare(SampleTruth truth, GaitResult gait, Assessment assessment) {
        List<WalkingPass> passes = gait.passes();
        List<GaitEvent> detected = new ArrayList<>(gait.events());
        List<Double> hsErr = new ArrayList<>();
        List<Double> toErr = new ArrayList<>();
        List<LegValidation.Match> matches = new ArrayList<>();
        int inside = 0;
        int missing = 0;
        for (SampleTruth.TrueEvent t : truth.events()) {
            if (!insidePasses(passes, t.timeS())) {
                continue;
            }
            inside++;
            GaitEvent best = null;
            for (GaitEvent d : detected) {
                if (d.side() == t.side() && d.type() == t.type() && Math.abs(d.timeS() - t.timeS()) <= MATCH_WINDOW_S
                        && (best == null || Math.abs(d.timeS() - t.timeS()) < Math.abs(best.timeS() - t.timeS()))) {
                    best = d;
                }
            }
            if (best == null) {
                missing++;
            } else {
                detected.remove(best);
                (t.type() == GaitEventType.INITIAL_CONTACT ? hsErr : toErr).add(Math.abs(best.timeS() - t.timeS()));
                matches.add(new LegValidation.Match(t, best.timeS()));
            }
        }
        int extra = (int) detected.stream().filter(d -> insidePasses(passes, d.timeS())).count();
        List<Double> all = new ArrayList<>(hsErr);
        all.addAll(toErr);

        Map<Joint, Double> rms = new EnumMap<>(Joint.class);
        for (Joint j : Joint.values()) {
            double sum = 0;
            int n = 0;
            for (Side s : Side.values()) {
                double[] trueDeg = truth.anglesDeg().get(s).get(j);
                if (trueDeg == null || (j == Joint.TRUNK_LEAN && s == Side.RIGHT)) {
                    continue; // the trunk has one curve; count it once
                }
                for (int i = 0; i < trueDeg.length && i < truth.timeS().length; i++) {
                    double t = truth.timeS()[i];
                    if (!insidePasses(passes, t) || Double.isNaN(trueDeg[i])) {
                        continue;
                    }
                    double m = gait.angles().at(s, j, t);
                    if (!Double.isNaN(m)) {
                        sum += (m - trueDeg[i]) * (m - trueDeg[i]);
                        n++;
                    }
                }
            }
            rms.put(j, n == 0 ? Double.NaN : Math.sqrt(sum / n));
        }

        Map<String, Double> si = new LinkedHashMap<>();
        siError(si, "stance_time_si_pct", Metric.STANCE_TIME_S, truth, assessment);
        siError(si, "step_time_si_pct", Metric.STEP_TIME_S, truth, assessment);
        siError(si, "swing_time_si_pct", Metric.SWING_TIME_S, truth, assessment);
        siError(si, "step_length_si_pct", Metric.STEP_LENGTH_M, truth, assessment);

        List<String> raised = new ArrayList<>();
        for (Indicator i : assessment.indicators()) {
            if (i.strength() == Strength.POSSIBLE || i.strength() == Strength.LIKELY) {
                raised.add(label(i.pattern(), i.side()));
            }
        }
        List<String> expected = expectedNames(truth);
        boolean ok = indicatorsMatch(expected, raised);
        return new Row(truth.name(), null, inside, missing, extra, mean(hsErr), mean(toErr),
                mean(all) * truth.frameRateHz(),
                sideError(gait, StrideParameter.STRIDE_TIME, truth, "stride_time_s"),
                sideError(gait, StrideParameter.STANCE_TIME, truth, "stance_time_s"),
                sideError(gait, StrideParameter.STEP_LENGTH, truth, "step_length_m"),
                rms, si, expected, raised, ok, false,
                LegValidation.of(truth, gait, matches, t -> insidePasses(passes, t)));
    }

    /**
     * The indicator rule of validation: the raised indicators, as labels such as "antalgic R", are exactly the
     * expected ones (the same set, order ignored), no more and no fewer.
     */
    public static boolean indicatorsMatch(Collection<String> expected, Collection<String> raised) {
        return new HashSet<>(expected).equals(new HashSet<>(raised));
    }

    private static List<String> expectedNames(SampleTruth truth) {
        List<String> expected = new ArrayList<>();
        truth.expected().forEach((p, s) -> expected.add(label(p, s)));
        return expected;
    }

    private static String label(Pattern p, Side s) {
        return p.name().toLowerCase(Locale.ROOT) + (s == null ? "" : " " + s.code());
    }

    private static void siError(Map<String, Double> out, String key, Metric metric, SampleTruth truth,
            Assessment a) {
        Double t = truth.asymmetryPct().get(key);
        double measured = a.metric(metric)
                .filter(m -> m.asymmetry() != null && m.asymmetry().symmetryIndexPct() != null)
                .map(m -> m.asymmetry().symmetryIndexPct().value()).orElse(Double.NaN);
        out.put(key, t == null ? Double.NaN : Math.abs(measured - t));
    }

    private static double sideError(GaitResult gait, StrideParameter p, SampleTruth truth, String key) {
        double worst = Double.NaN;
        for (Side s : Side.values()) {
            Double t = truth.perSide().get(s).get(key);
            ParameterStats m = gait.summary(s, p);
            if (t == null || m == null || m.n() == 0) {
                continue;
            }
            double e = Math.abs(m.mean() - t);
            worst = Double.isNaN(worst) ? e : Math.max(worst, e);
        }
        return worst;
    }

    private static boolean insidePasses(List<WalkingPass> passes, double t) {
        return passes.stream().anyMatch(p -> t >= p.startTimeS() && t <= p.endTimeS());
    }

    private static double mean(List<Double> v) {
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
