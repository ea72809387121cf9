package org.gaitlens.gait;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.gaitlens.core.CurveStats;
import org.gaitlens.core.Side;

/**
 * Mean and SD of a joint angle over the normalised gait cycle of one side (101 points, 0-100 %).
 *
 * <p>Each point is averaged over the strides that have the angle there ({@link CurveStats}): a partly hidden
 * far leg keeps its curve where at least half of its strides were seen, with gaps ({@code NaN}) elsewhere.
 *
 * @param side      side
 * @param joint     joint
 * @param meanDeg   mean per cycle percent, degrees; {@code NaN} where fewer than half of the strides with any
 *                  value of this angle have one
 * @param sdDeg     sample SD per cycle percent, degrees ({@code NaN} where fewer than 2 strides have a value)
 * @param nPerPoint strides with a value at each cycle percent
 * @param n         strides with at least part of the curve
 */
public record CycleCurve(Side side, Joint joint, double[] meanDeg, double[] sdDeg, int[] nPerPoint, int n) {
    public CycleCurve {
        if (meanDeg.length != StrideKinematics.CYCLE_POINTS || sdDeg.length != StrideKinematics.CYCLE_POINTS
                || nPerPoint.length != StrideKinematics.CYCLE_POINTS) {
            throw new IllegalArgumentException("curves need " + StrideKinematics.CYCLE_POINTS + " points, were "
                    + meanDeg.length + ", " + sdDeg.length + ", " + nPerPoint.length);
        }
        meanDeg = meanDeg.clone();
        sdDeg = sdDeg.clone();
        nPerPoint = nPerPoint.clone();
    }

    /** The mean curve of the given stride curves (each {@link StrideKinematics#CYCLE_POINTS} long). */
    public static CycleCurve of(Side side, Joint joint, List<double[]> strideCurvesDeg) {
        CurveStats s = CurveStats.of(strideCurvesDeg, StrideKinematics.CYCLE_POINTS);
        return new CycleCurve(side, joint, s.mean(), s.sd(), s.count(), s.curves());
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
    public int[] nPerPoint() {
        return nPerPoint.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CycleCurve c && side == c.side && joint == c.joint && Arrays.equals(meanDeg, c.meanDeg)
                && Arrays.equals(sdDeg, c.sdDeg) && Arrays.equals(nPerPoint, c.nPerPoint) && n == c.n;
    }

    @Override
    public int hashCode() {
        return Objects.hash(side, joint, Arrays.hashCode(meanDeg), Arrays.hashCode(nPerPoint), n);
    }

    @Override
    public String toString() {
        return "CycleCurve[" + side + " " + joint + ", n=" + n + "]";
    }
}
