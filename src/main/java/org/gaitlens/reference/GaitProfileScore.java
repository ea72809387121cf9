package org.gaitlens.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gaitlens.core.CurveStats;
import org.gaitlens.core.Side;

/**
 * Gait Variable Scores and a sagittal 2D Gait Profile Score (GPS-2D) of one session against a normative band, with
 * bootstrap confidence intervals over the strides.
 *
 * <p>Definitions (Baker et al. 2009 [1]), every curve over 0, 1, ..., 100 % of the gait cycle ({@code T = 101}
 * points), degrees:
 * <pre>
 *   GVS(v, s)   = sqrt( (1/T') sum_t ( xbar_{v,s}(t) - ref_v(t) )^2 )     over the T' points where xbar has a value
 *   GPS-2D(s)   = sqrt( (1/3) sum_v GVS(v, s)^2 )                        v = hip, knee, ankle ({@link GaitVariable})
 *   GPS-2D      = sqrt( (1/6) sum_{v,s} GVS(v, s)^2 )                    s = left, right
 * </pre>
 * {@code xbar_{v,s}} is the side's mean curve over its strides ({@link CurveStats}: a point is the mean of the strides
 * that have it, and a gap where fewer than half of them do); {@code ref_v} is the band mean of the matched reference
 * group ({@link BandSelector}), not a per-subject curve. The GPS is the RMS of the GVS, not their mean.
 *
 * <p>Deviations from the paper: 101 points every 1 % instead of 51 every 2 % (the RMS differs by a fraction of a
 * percent on smooth curves); sagittal hip (thigh from vertical), knee and ankle only, instead of the nine 3D
 * variables of the GPS. <b>GPS-2D is therefore a different score from the 3D GPS</b>: its values are not
 * comparable with published 3D GPS values, and the 3D GPS's minimal clinically important difference (1.6 deg,
 * Baker et al. 2012 [2]) does not apply to it; its healthy distribution comes from the reference subjects
 * themselves ({@link HealthyScores}) and its change threshold from data ({@code docs/reference.md}).
 *
 * <p>Coverage rules (the far leg of a side view has gaps): a side is scored with at least {@value #MIN_STRIDES}
 * stride; a GVS needs the side's mean curve at {@value #MIN_COVERAGE_POINTS} or more of the 101 cycle points, else
 * it is {@code NaN}, and is the RMS over the points it has (a partly covered GVS gets a note). 70 points was the
 * least coverage the pose model left on a far leg in the rendered sample videos when the rule was set (70-84 points
 * in four of nine, one gap in mid-stance, where a healthy walker's deviations are small, so its partial GVS leans
 * high rather than low); a stricter rule would leave those sessions without a score. With the skeletal model two of
 * them cover 69 points and are not scored (docs/reference.md, section 7.3). A side's GPS-2D needs its three GVS and the overall
 * GPS-2D all six (a missing GVS is never dropped silently: the ankle, often the largest, would make the rest look
 * better). Each {@code NaN} comes with a note.
 *
 * <p>Confidence intervals: percentile bootstrap over strides (Efron and Tibshirani 1993 [3], ch. 13): each of
 * {@code replicates} replicates draws, per side, as many strides as the side has, with replacement (a stride
 * keeps its three curves together), and recomputes the mean curves, GVS and GPS-2D over the cycle points of the
 * estimate (a replicate's mean at a point is the mean of its drawn strides that have the point; a point none of
 * them has is left out); the 2.5th and 97.5th percentiles of the replicate scores ({@link Quantiles}, type 7)
 * bound the 95 % interval. Sides need at least {@value #MIN_STRIDES_FOR_CI} strides for an interval. The generator
 * is seeded, so the same strides give the same interval. The interval covers the stride-to-stride sampling of this
 * session only, not the measurement error of the camera or the pose model.
 *
 * <p>[1] Baker R., McGinley J.L., Schwartz M.H., et al. (2009) The Gait Profile Score and Movement Analysis
 * Profile. Gait Posture 30:265-269, doi:10.1016/j.gaitpost.2009.05.020.
 * [2] Baker R., McGinley J.L., Schwartz M., et al. (2012) The minimal clinically important difference for the Gait
 * Profile Score. Gait Posture 35:612-615, doi:10.1016/j.gaitpost.2011.12.008.
 * [3] Efron B., Tibshirani R.J. (1993) An Introduction to the Bootstrap. Chapman and Hall.
 */
public final class GaitProfileScore {
    /**
     * Fewest strides of a side for its GVS: one (a laboratory trial often holds one or two strides per side; a score
     * from one stride carries its stride-to-stride variation in full, and has no interval).
     */
    public static final int MIN_STRIDES = 1;
    /** Fewest strides of a side for a bootstrap interval. */
    public static final int MIN_STRIDES_FOR_CI = 3;
    /** Cycle points (of 101) at which a side's mean curve must have a value for a GVS. */
    public static final int MIN_COVERAGE_POINTS = 70;
    /** Default bootstrap replicates. */
    public static final int DEFAULT_REPLICATES = 2000;
    /** Default bootstrap seed. */
    public static final long DEFAULT_SEED = 20090520L;

    private final int replicates;
    private final long seed;

    /** Scores with {@value #DEFAULT_REPLICATES} replicates and the default seed. */
    public GaitProfileScore() {
        this(DEFAULT_REPLICATES, DEFAULT_SEED);
    }

    /**
     * @param replicates bootstrap replicates, at least 100
     * @param seed       generator seed
     * @throws IllegalArgumentException if {@code replicates < 100}
     */
    public GaitProfileScore(int replicates, long seed) {
        if (replicates < 100) {
            throw new IllegalArgumentException("replicates must be >= 100, was " + replicates);
        }
        this.replicates = replicates;
        this.seed = seed;
    }

    /**
     * An estimate with its 95 % interval, degrees; {@code NaN} where not available.
     *
     * @param valueDeg  the score
     * @param ciLowDeg  2.5th percentile of the bootstrap replicates
     * @param ciHighDeg 97.5th percentile
     */
    public record Estimate(double valueDeg, double ciLowDeg, double ciHighDeg) {
        static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The scores of one session.
     *
     * @param gvsDeg  per side and variable, the GVS ({@code NaN} where not scored)
     * @param sideGps per side, GPS-2D with its interval
     * @param overall GPS-2D of both sides with its interval
     * @param strides per side, strides given
     * @param notes   why a score or interval is missing
     */
    public record Scores(Map<Side, Map<GaitVariable, Double>> gvsDeg, Map<Side, Estimate> sideGps, Estimate overall,
            Map<Side, Integer> strides, List<String> notes) {
        public Scores {
            EnumMap<Side, Map<GaitVariable, Double>> g = new EnumMap<>(Side.class);
            gvsDeg.forEach((k, v) -> g.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
            gvsDeg = Collections.unmodifiableMap(g);
            sideGps = Collections.unmodifiableMap(new EnumMap<>(sideGps));
            strides = Collections.unmodifiableMap(new EnumMap<>(strides));
            notes = List.copyOf(notes);
        }

        /** The GVS of one side and variable, {@code NaN} when not scored. */
        public double gvs(Side side, GaitVariable v) {
            return gvsDeg.get(side).get(v);
        }
    }

    /**
     * GVS of one curve: the RMS over the points where both curves have a value; {@code NaN} when there are fewer
     * than {@value #MIN_COVERAGE_POINTS} such points.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double gvs(double[] curveDeg, double[] referenceMeanDeg) {
        if (curveDeg.length != referenceMeanDeg.length) {
            throw new IllegalArgumentException("curve has " + curveDeg.length + " points, reference "
                    + referenceMeanDeg.length);
        }
        double ss = 0;
        int n = 0;
        for (int t = 0; t < curveDeg.length; t++) {
            double d = curveDeg[t] - referenceMeanDeg[t];
            if (Double.isFinite(d)) {
                ss += d * d;
                n++;
            }
        }
        return n < MIN_COVERAGE_POINTS ? Double.NaN : Math.sqrt(ss / n);
    }

    /** Root mean square of the values; {@code NaN} if any is {@code NaN} or there is none. */
    public static double rms(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : values) {
            ss += v * v;
        }
        return Math.sqrt(ss / values.length);
    }

    /**
     * Scores a session.
     *
     * @param strideCurves per side and variable, one 101-point curve per stride ({@link GaitVariable}
     *                     conventions); a side's lists hold the same strides in the same order
     * @param reference    per variable, the band's mean curve
     * @throws IllegalArgumentException if a variable's reference is missing or a side's lists differ in length
     */
    public Scores score(Map<Side, Map<GaitVariable, List<double[]>>> strideCurves,
            Map<GaitVariable, double[]> reference) {
        for (GaitVariable v : GaitVariable.values()) {
            if (reference.get(v) == null || reference.get(v).length != CurveBand.POINTS) {
                throw new IllegalArgumentException("reference for " + v.key() + " missing or not " + CurveBand.POINTS
                        + " points");
            }
        }
        List<String> notes = new ArrayList<>();
        EnumMap<Side, List<double[][]>> strides = new EnumMap<>(Side.class);
        EnumMap<Side, Integer> counts = new EnumMap<>(Side.class);
        EnumMap<Side, double[]> gvs = new EnumMap<>(Side.class);
        EnumMap<Side, Map<GaitVariable, Double>> gvsOut = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<double[][]> s = strides(side, strideCurves.getOrDefault(side, Map.of()));
            strides.put(side, s);
            counts.put(side, s.size());
            String name = side.name().toLowerCase(Locale.ROOT);
            double[] g = new double[GaitVariable.values().length];
            Arrays.fill(g, Double.NaN);
            if (s.size() < MIN_STRIDES) {
                notes.add(name + ": no stride with angle curves");
            } else {
                double[][] means = means(s);
                for (GaitVariable v : GaitVariable.values()) {
                    double[] mean = means[v.ordinal()];
                    g[v.ordinal()] = gvs(mean, reference.get(v));
                    long covered = Arrays.stream(mean).filter(Double::isFinite).count();
                    if (Double.isNaN(g[v.ordinal()])) {
                        notes.add(name + " " + v.key() + ": the mean curve covers " + covered + " of "
                                + CurveBand.POINTS + " cycle points, at least " + MIN_COVERAGE_POINTS
                                + " needed (hidden or untracked too often)");
                    } else if (covered < CurveBand.POINTS) {
                        notes.add(name + " " + v.key() + ": GVS over the " + covered + " of " + CurveBand.POINTS
                                + " cycle points the mean curve covers");
                    }
                }
            }
            gvs.put(side, g);
            EnumMap<GaitVariable, Double> m = new EnumMap<>(GaitVariable.class);
            for (GaitVariable v : GaitVariable.values()) {
                m.put(v, g[v.ordinal()]);
            }
            gvsOut.put(side, m);
        }
        EnumMap<Side, double[]> sideReps = new EnumMap<>(Side.class);
        SplittableRandom random = new SplittableRandom(seed);
        for (Side side : Side.values()) {
            int n = strides.get(side).size();
            if (Double.isNaN(rms(gvs.get(side)))) {
                continue;
            }
            if (n < MIN_STRIDES_FOR_CI) {
                notes.add(side.name().toLowerCase(Locale.ROOT) + ": " + n + (n == 1 ? " stride" : " strides")
                        + ", at least " + MIN_STRIDES_FOR_CI + " needed for a confidence interval");
                continue;
            }
            sideReps.put(side, replicates(strides.get(side), reference, random));
        }
        EnumMap<Side, Estimate> sideGps = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            double value = rms(gvs.get(side));
            sideGps.put(side, Double.isNaN(value) ? Estimate.NONE : withInterval(value, sideReps.get(side)));
        }
        double overall = rms(concat(gvs.get(Side.LEFT), gvs.get(Side.RIGHT)));
        double[] overallReps = null;
        if (sideReps.size() == Side.values().length) {
            overallReps = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                double l = sideReps.get(Side.LEFT)[r];
                double rt = sideReps.get(Side.RIGHT)[r];
                overallReps[r] = Math.sqrt((l * l + rt * rt) / 2);
            }
        }
        Estimate all = Double.isNaN(overall) ? Estimate.NONE : withInterval(overall, overallReps);
        return new Scores(gvsOut, sideGps, all, counts, notes);
    }

    private static Estimate withInterval(double value, double[] replicates) {
        if (replicates == null) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        return new Estimate(value, Quantiles.of(replicates, 0.025), Quantiles.of(replicates, 0.975));
    }

    /**
     * The side's GPS-2D in each bootstrap replicate, over the cycle points of the estimate's mean curves (a
     * replicate in which a variable has none of them is {@code NaN} and left out of the percentiles).
     */
    private double[] replicates(List<double[][]> strides, Map<GaitVariable, double[]> reference,
            SplittableRandom random) {
        double[][] estimate = means(strides);
        double[] reps = new double[replicates];
        double[] g = new double[GaitVariable.values().length];
        List<double[][]> draw = new ArrayList<>(strides.size());
        for (int r = 0; r < replicates; r++) {
            draw.clear();
            for (int k = 0; k < strides.size(); k++) {
                draw.add(strides.get(random.nextInt(strides.size())));
            }
            for (GaitVariable v : GaitVariable.values()) {
                g[v.ordinal()] = replicateGvs(draw, v.ordinal(), estimate[v.ordinal()], reference.get(v));
            }
            reps[r] = rms(g);
        }
        return reps;
    }

    /**
     * A bootstrap replicate's GVS over the points where the estimate's mean curve has a value: at each, the mean of
     * the drawn strides that have the point (points none of them has are left out).
     */
    private static double replicateGvs(List<double[][]> draw, int variable, double[] estimate, double[] reference) {
        double ss = 0;
        int n = 0;
        for (int p = 0; p < CurveBand.POINTS; p++) {
            if (Double.isNaN(estimate[p])) {
                continue;
            }
            double sum = 0;
            int k = 0;
            for (double[][] s : draw) {
                double x = s[variable][p];
                if (Double.isFinite(x)) {
                    sum += x;
                    k++;
                }
            }
            if (k > 0) {
                double d = sum / k - reference[p];
                ss += d * d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n);
    }

    /** Per variable, the side's mean curve ({@link CurveStats}: gaps where fewer than half the strides have a value). */
    private static double[][] means(List<double[][]> strides) {
        double[][] out = new double[GaitVariable.values().length][];
        for (GaitVariable v : GaitVariable.values()) {
            List<double[]> curves = new ArrayList<>(strides.size());
            for (double[][] s : strides) {
                curves.add(s[v.ordinal()]);
            }
            out[v.ordinal()] = CurveStats.of(curves, CurveBand.POINTS).mean();
        }
        return out;
    }

    /** A side's strides as {@code [variable][point]}, keeping only strides with some value of some variable. */
    private static List<double[][]> strides(Side side, Map<GaitVariable, List<double[]>> curves) {
        int n = -1;
        for (GaitVariable v : GaitVariable.values()) {
            int size = curves.getOrDefault(v, List.of()).size();
            if (n >= 0 && size != n) {
                throw new IllegalArgumentException(side + ": " + size + " " + v.key() + " curves but " + n
                        + " of another variable; give every variable of every stride");
            }
            n = size;
        }
        List<double[][]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[][] s = new double[GaitVariable.values().length][];
            boolean any = false;
            for (GaitVariable v : GaitVariable.values()) {
                double[] c = curves.get(v).get(k);
                if (c.length != CurveBand.POINTS) {
                    throw new IllegalArgumentException(side + " " + v.key() + " curve " + k + " has " + c.length
                            + " points, expected " + CurveBand.POINTS);
                }
                s[v.ordinal()] = c;
                any |= Arrays.stream(c).anyMatch(Double::isFinite);
            }
            if (any) {
                out.add(s);
            }
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
