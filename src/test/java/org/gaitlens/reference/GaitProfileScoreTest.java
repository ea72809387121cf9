package org.gaitlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;

/** GVS and GPS-2D against hand-computed values, the coverage rules and the bootstrap interval. */
class GaitProfileScoreTest {

    private static double[] constant(double v) {
        double[] c = new double[CurveBand.POINTS];
        Arrays.fill(c, v);
        return c;
    }

    private static Map<GaitVariable, double[]> zeroReference() {
        Map<GaitVariable, double[]> m = new EnumMap<>(GaitVariable.class);
        for (GaitVariable v : GaitVariable.values()) {
            m.put(v, constant(0));
        }
        return m;
    }

    /** n strides per side, each variable a constant offset from the reference: GVS = |offset| exactly. */
    private static Map<Side, Map<GaitVariable, List<double[]>>> offsets(int n, double hip, double knee, double ankle) {
        Map<Side, Map<GaitVariable, List<double[]>>> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<GaitVariable, List<double[]>> m = new EnumMap<>(GaitVariable.class);
            double sign = side == Side.LEFT ? 1 : 2;
            m.put(GaitVariable.HIP, new ArrayList<>(java.util.Collections.nCopies(n, constant(sign * hip))));
            m.put(GaitVariable.KNEE, new ArrayList<>(java.util.Collections.nCopies(n, constant(sign * knee))));
            m.put(GaitVariable.ANKLE, new ArrayList<>(java.util.Collections.nCopies(n, constant(sign * ankle))));
            out.put(side, m);
        }
        return out;
    }

    /** RMS of a sine of amplitude A over whole periods is A / sqrt 2 (101 points include both ends: within 1 %). */
    @Test
    void gvsOfSineIsAmplitudeOverRootTwo() {
        double[] c = new double[CurveBand.POINTS];
        for (int t = 0; t < c.length; t++) {
            c[t] = 10 * Math.sin(2 * Math.PI * t / 100.0);
        }
        assertEquals(10 / Math.sqrt(2), GaitProfileScore.gvs(c, constant(0)), 0.01 * 10 / Math.sqrt(2));
    }

    /**
     * Left offsets 3, 4, 12 deg, right twice that: GVS are the offsets; left GPS-2D = sqrt((9 + 16 + 144) / 3) =
     * 7.5056, right twice that; overall = sqrt((169 + 4 * 169) / 6) = sqrt(140.833) = 11.8673.
     */
    @Test
    void handComputedScores() {
        GaitProfileScore.Scores s = new GaitProfileScore().score(offsets(4, 3, 4, 12), zeroReference());
        assertEquals(12, s.gvs(Side.LEFT, GaitVariable.ANKLE), 1e-12);
        assertEquals(8, s.gvs(Side.RIGHT, GaitVariable.KNEE), 1e-12);
        assertEquals(Math.sqrt(169.0 / 3), s.sideGps().get(Side.LEFT).valueDeg(), 1e-12);
        assertEquals(2 * Math.sqrt(169.0 / 3), s.sideGps().get(Side.RIGHT).valueDeg(), 1e-12);
        assertEquals(Math.sqrt(5 * 169.0 / 6), s.overall().valueDeg(), 1e-12);
        // identical strides: every bootstrap replicate is the estimate itself
        assertEquals(s.overall().valueDeg(), s.overall().ciLowDeg(), 1e-12);
        assertEquals(s.overall().valueDeg(), s.overall().ciHighDeg(), 1e-12);
        assertTrue(s.notes().isEmpty(), s.notes().toString());
    }

    /**
     * No stride on a side (or only strides without any angle): no score for it nor overall, with a note; one or two
     * strides: a score but no interval.
     */
    @Test
    void tooFewStrides() {
        Map<Side, Map<GaitVariable, List<double[]>>> c = offsets(4, 1, 1, 1);
        for (GaitVariable v : GaitVariable.values()) {
            c.get(Side.RIGHT).put(v, List.of(constant(Double.NaN)));
        }
        GaitProfileScore.Scores s = new GaitProfileScore().score(c, zeroReference());
        assertTrue(Double.isNaN(s.sideGps().get(Side.RIGHT).valueDeg()));
        assertTrue(Double.isNaN(s.overall().valueDeg()));
        assertEquals(1, s.sideGps().get(Side.LEFT).valueDeg(), 1e-12);
        assertEquals(List.of("right: no stride with angle curves"), s.notes());

        GaitProfileScore.Scores one = new GaitProfileScore().score(offsets(1, 1, 1, 1), zeroReference());
        assertEquals(Math.sqrt(2.5), one.overall().valueDeg(), 1e-12);
        assertTrue(Double.isNaN(one.overall().ciLowDeg()));

        GaitProfileScore.Scores two = new GaitProfileScore().score(offsets(2, 1, 1, 1), zeroReference());
        assertEquals(Math.sqrt(2.5), two.overall().valueDeg(), 1e-12);
        assertTrue(Double.isNaN(two.overall().ciLowDeg()));
    }

    /**
     * Far-leg gaps: a curve missing 25 % of the cycle in every stride is scored over the rest, with a note;
     * missing 35 % (coverage 66 < 70 points) it is not scored.
     */
    @Test
    void coverageRule() {
        Map<Side, Map<GaitVariable, List<double[]>>> c = offsets(3, 1, 1, 1);
        double[] gap25 = constant(2);
        Arrays.fill(gap25, 10, 35, Double.NaN);
        c.get(Side.RIGHT).put(GaitVariable.ANKLE, List.of(gap25, gap25, gap25));
        GaitProfileScore.Scores s = new GaitProfileScore().score(c, zeroReference());
        assertEquals(2, s.gvs(Side.RIGHT, GaitVariable.ANKLE), 1e-12);
        assertTrue(s.notes().contains("right ankle: GVS over the 76 of 101 cycle points the mean curve covers"),
                s.notes().toString());
        double[] gap35 = constant(2);
        Arrays.fill(gap35, 10, 45, Double.NaN);
        c.get(Side.RIGHT).put(GaitVariable.ANKLE, List.of(gap35, gap35, gap35));
        s = new GaitProfileScore().score(c, zeroReference());
        assertTrue(Double.isNaN(s.gvs(Side.RIGHT, GaitVariable.ANKLE)));
        assertTrue(Double.isNaN(s.overall().valueDeg()));
    }

    /**
     * Noisy strides (seeded): the interval holds the estimate, is reproducible with the same seed, and narrows as
     * strides are added (the standard error falls with sqrt n).
     */
    @Test
    void bootstrapInterval() {
        Random r = new Random(7);
        Map<Side, Map<GaitVariable, List<double[]>>> few = new EnumMap<>(Side.class);
        Map<Side, Map<GaitVariable, List<double[]>>> many = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<GaitVariable, List<double[]>> f = new EnumMap<>(GaitVariable.class);
            Map<GaitVariable, List<double[]>> m = new EnumMap<>(GaitVariable.class);
            for (GaitVariable v : GaitVariable.values()) {
                List<double[]> curves = new ArrayList<>();
                for (int k = 0; k < 40; k++) {
                    curves.add(constant(5 + 3 * r.nextGaussian()));
                }
                f.put(v, curves.subList(0, 4));
                m.put(v, curves);
            }
            few.put(side, f);
            many.put(side, m);
        }
        GaitProfileScore.Estimate a = new GaitProfileScore().score(few, zeroReference()).overall();
        GaitProfileScore.Estimate b = new GaitProfileScore().score(few, zeroReference()).overall();
        GaitProfileScore.Estimate wide = new GaitProfileScore(2000, 99).score(many, zeroReference()).overall();
        assertEquals(a, b, "same seed, same interval");
        assertTrue(a.ciLowDeg() <= a.valueDeg() && a.valueDeg() <= a.ciHighDeg(), a.toString());
        assertTrue(wide.ciHighDeg() - wide.ciLowDeg() < a.ciHighDeg() - a.ciLowDeg(), a + " vs " + wide);
    }

    /** Type-7 quantiles by hand: 1..5 at p = 0.95 is 4 + 0.8 (5 - 4) = 4.8; NaN is skipped. */
    @Test
    void quantilesType7() {
        assertEquals(4.8, Quantiles.of(new double[] {5, 1, Double.NaN, 3, 2, 4}, 0.95), 1e-12);
        assertEquals(3, Quantiles.of(new double[] {1, 2, 3, 4, 5}, 0.5), 1e-12);
        assertTrue(Double.isNaN(Quantiles.of(new double[] {Double.NaN}, 0.5)));
    }
}
