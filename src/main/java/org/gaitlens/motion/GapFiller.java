package org.gaitlens.motion;

/**
 * Fills short gaps ({@code NaN} runs) of a signal by cubic Hermite interpolation; longer gaps stay
 * {@code NaN}.
 *
 * <p>A gap between the valid samples {@code a} and {@code b} is filled when {@code t[b] - t[a] <= maxGapS}
 * (the time between the two samples that bound it). The curve through the gap is the cubic Hermite
 * polynomial that matches value and slope at both ends:
 * {@code p(s) = h00(s) v_a + h10(s) dt m_a + h01(s) v_b + h11(s) dt m_b}, {@code s = (t - t_a) / dt},
 * {@code dt = t_b - t_a}, where the end slopes {@code m} are one-sided differences with the neighbouring
 * valid sample outside the gap; where that neighbour is missing the slope is the secant
 * {@code (v_b - v_a) / dt}, so a gap with isolated ends is filled linearly. Each end slope is then limited
 * by Fritsch and Carlson's conditions (set to 0 when its sign differs from the secant's, capped at 3 times
 * the secant's magnitude), so the fill stays between its end values and never overshoots on noisy ends.
 * Leading and trailing gaps are never extrapolated.
 *
 * <p>Reference: Fritsch F.N., Carlson R.E. (1980) Monotone piecewise cubic interpolation. SIAM J Numer Anal
 * 17:238-246, doi:10.1137/0717021 (Hermite form and the slope limiter).
 */
public final class GapFiller {
    private final double maxGapS;

    /**
     * @param maxGapS longest gap to fill, in seconds, measured between the valid samples bounding it; {@code >= 0}
     * @throws IllegalArgumentException if {@code maxGapS} is negative or NaN
     */
    public GapFiller(double maxGapS) {
        if (!(maxGapS >= 0)) {
            throw new IllegalArgumentException("maxGapS must be >= 0, was " + maxGapS);
        }
        this.maxGapS = maxGapS;
    }

    /** Result of filling one signal: samples filled and samples left missing inside the signal. */
    public record Result(int filledSamples, int unfilledSamples) {
    }

    /**
     * Fills gaps of {@code v} in place.
     *
     * @param timeS sample times, strictly increasing
     * @param v     values, {@code NaN} = missing; same length as {@code timeS}
     * @return how many samples were filled and how many interior missing samples remain
     */
    public Result fill(double[] timeS, double[] v) {
        if (timeS.length != v.length) {
            throw new IllegalArgumentException("timeS and v differ in length: " + timeS.length + " vs " + v.length);
        }
        int n = v.length;
        int filled = 0;
        int unfilled = 0;
        int i = 0;
        while (i < n && Double.isNaN(v[i])) {
            i++;
        }
        while (i < n) {
            // i is valid; find the next gap
            int a = i;
            while (a + 1 < n && !Double.isNaN(v[a + 1])) {
                a++;
            }
            if (a + 1 >= n) {
                break;
            }
            int b = a + 1;
            while (b < n && Double.isNaN(v[b])) {
                b++;
            }
            if (b >= n) {
                break; // trailing gap: no extrapolation
            }
            double dt = timeS[b] - timeS[a];
            if (dt <= maxGapS) {
                double secant = (v[b] - v[a]) / dt;
                double ma = a > 0 && !Double.isNaN(v[a - 1]) ? (v[a] - v[a - 1]) / (timeS[a] - timeS[a - 1]) : secant;
                double mb = b + 1 < n && !Double.isNaN(v[b + 1]) ? (v[b + 1] - v[b]) / (timeS[b + 1] - timeS[b]) : secant;
                ma = limitSlope(ma, secant);
                mb = limitSlope(mb, secant);
                for (int k = a + 1; k < b; k++) {
                    double s = (timeS[k] - timeS[a]) / dt;
                    double s2 = s * s;
                    double s3 = s2 * s;
                    double h00 = 2 * s3 - 3 * s2 + 1;
                    double h10 = s3 - 2 * s2 + s;
                    double h01 = -2 * s3 + 3 * s2;
                    double h11 = s3 - s2;
                    v[k] = h00 * v[a] + h10 * dt * ma + h01 * v[b] + h11 * dt * mb;
                    filled++;
                }
            } else {
                unfilled += b - a - 1;
            }
            i = b;
        }
        return new Result(filled, unfilled);
    }

    /**
     * Fritsch and Carlson's (1980) monotonicity conditions for one end slope: zero when it disagrees in sign
     * with the secant (or the secant is zero), at most 3 times the secant's magnitude. Without it a one-sided
     * difference of two noisy samples (a pose model's landmark jitters by several pixels per frame) sets an
     * end slope of thousands of px/s and the cubic overshoots by tens to hundreds of pixels inside a 0.2 s gap.
     */
    static double limitSlope(double m, double secant) {
        if (secant == 0 || Math.signum(m) != Math.signum(secant)) {
            return 0;
        }
        return Math.signum(m) * Math.min(Math.abs(m), 3 * Math.abs(secant));
    }
}
