package org.gaitlens.reference;

import java.util.Arrays;

/**
 * A normative band of one variable over the gait cycle: the between-subject mean and sample SD at 0, 1, ..., 100 %
 * of the cycle (initial contact to the next initial contact of the same foot), degrees.
 *
 * @param meanDeg between-subject mean, {@value #POINTS} points
 * @param sdDeg   between-subject sample SD (n - 1), {@value #POINTS} points
 */
public record CurveBand(double[] meanDeg, double[] sdDeg) {
    /** Points per cycle: 0, 1, ..., 100 %. */
    public static final int POINTS = 101;

    public CurveBand {
        if (meanDeg.length != POINTS || sdDeg.length != POINTS) {
            throw new IllegalArgumentException("a band needs " + POINTS + " points, had " + meanDeg.length + " and "
                    + sdDeg.length);
        }
        meanDeg = meanDeg.clone();
        sdDeg = sdDeg.clone();
    }

    @Override
    public double[] meanDeg() {
        return meanDeg.clone();
    }

    @Override
    public double[] sdDeg() {
        return sdDeg.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurveBand b && Arrays.equals(meanDeg, b.meanDeg) && Arrays.equals(sdDeg, b.sdDeg);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(meanDeg) + Arrays.hashCode(sdDeg);
    }

    @Override
    public String toString() {
        return "CurveBand[" + POINTS + " points]";
    }
}
