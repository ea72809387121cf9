package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piecewise-linear map between the clocks of two recordings that puts the same moment of the gait cycle at the
 * same moment: the k-th matched stride of recording A (from one initial contact of the chosen foot to the next)
 * is stretched onto the k-th matched stride of recording B, so that a heel strike of A maps exactly to the matched
 * heel strike of B and a point 40 % into A's stride to the point 40 % into B's. This is the linear time
 * normalisation of each gait cycle between its initial contacts that cycle-normalised curves use (0-100 % of the
 * cycle; Winter 2009, Biomechanics and Motor Control of Human Movement, 4th ed., Wiley), applied to two videos.
 *
 * <p>The knots are the matched strides' start and end times; two strides that follow each other share a knot.
 * Between strides that do not touch (the turn between two walking passes) the map is linear from the end of one to
 * the start of the next; before the first and after the last knot it runs at the real-time rate (slope 1), so both
 * videos keep playing there. Knots that would not increase on both clocks (overlapping strides in damaged data)
 * are dropped.
 *
 * @param timeAS knot times on A's clock, strictly increasing, seconds
 * @param timeBS the matched knot times on B's clock, strictly increasing, seconds
 */
public record CycleTimeWarp(double[] timeAS, double[] timeBS) {
    public CycleTimeWarp {
        if (timeAS.length != timeBS.length) {
            throw new IllegalArgumentException("timeAS and timeBS must have the same length, were " + timeAS.length
                    + " and " + timeBS.length);
        }
        for (int i = 0; i < timeAS.length; i++) {
            if (!Double.isFinite(timeAS[i]) || !Double.isFinite(timeBS[i])) {
                throw new IllegalArgumentException("knot " + i + " is not finite: " + timeAS[i] + " -> " + timeBS[i]);
            }
            if (i > 0 && (timeAS[i] <= timeAS[i - 1] || timeBS[i] <= timeBS[i - 1])) {
                throw new IllegalArgumentException("knots must increase on both clocks, knot " + i + " is "
                        + timeAS[i] + " -> " + timeBS[i] + " after " + timeAS[i - 1] + " -> " + timeBS[i - 1]);
            }
        }
        timeAS = timeAS.clone();
        timeBS = timeBS.clone();
    }

    /**
     * One stride: from an initial contact to the next initial contact of the same foot.
     *
     * @param startS its first initial contact, s
     * @param endS   the next initial contact, s, after {@code startS}
     */
    public record Cycle(double startS, double endS) {
        public Cycle {
            if (!(endS > startS)) {
                throw new IllegalArgumentException("a stride must end after it starts, was " + startS + " to " + endS);
            }
        }
    }

    /**
     * The map that matches A's k-th stride with B's (k + shift)-th, for every k where both exist.
     *
     * @param a     A's strides of the chosen side, in time order
     * @param b     B's strides of the same side, in time order
     * @param shift how many strides later B's match starts (0: first with first); may be negative
     */
    public static CycleTimeWarp matching(List<Cycle> a, List<Cycle> b, int shift) {
        List<double[]> knots = new ArrayList<>();
        for (int k = Math.max(0, -shift); k < a.size() && k + shift < b.size(); k++) {
            Cycle ca = a.get(k);
            Cycle cb = b.get(k + shift);
            add(knots, ca.startS(), cb.startS());
            add(knots, ca.endS(), cb.endS());
        }
        double[] ta = new double[knots.size()];
        double[] tb = new double[knots.size()];
        for (int i = 0; i < knots.size(); i++) {
            ta[i] = knots.get(i)[0];
            tb[i] = knots.get(i)[1];
        }
        return new CycleTimeWarp(ta, tb);
    }

    /** Adds a knot unless it would not increase on both clocks (a shared stride boundary is added once). */
    private static void add(List<double[]> knots, double ta, double tb) {
        if (!knots.isEmpty()) {
            double[] last = knots.get(knots.size() - 1);
            if (ta <= last[0] || tb <= last[1]) {
                return;
            }
        }
        knots.add(new double[] {ta, tb});
    }

    /** Number of knots. */
    public int size() {
        return timeAS.length;
    }

    /** The moment on B's clock that shows the gait phase A shows at {@code tAS}. */
    public double toB(double tAS) {
        return map(timeAS, timeBS, tAS);
    }

    /** The moment on A's clock that shows the gait phase B shows at {@code tBS}. */
    public double toA(double tBS) {
        return map(timeBS, timeAS, tBS);
    }

    private static double map(double[] from, double[] to, double t) {
        int n = from.length;
        if (n == 0) {
            return t;
        }
        if (t <= from[0]) {
            return to[0] + (t - from[0]);
        }
        if (t >= from[n - 1]) {
            return to[n - 1] + (t - from[n - 1]);
        }
        int i = Arrays.binarySearch(from, t);
        if (i >= 0) {
            return to[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        return to[lo] + (t - from[lo]) * (to[hi] - to[lo]) / (from[hi] - from[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CycleTimeWarp w && Arrays.equals(timeAS, w.timeAS) && Arrays.equals(timeBS, w.timeBS);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timeAS) + Arrays.hashCode(timeBS);
    }

    @Override
    public String toString() {
        return "CycleTimeWarp" + Arrays.toString(timeAS) + "->" + Arrays.toString(timeBS);
    }
}
