package org.gaitlens.motion;

import java.util.Arrays;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/** Derived body points and sizes from a {@link LandmarkSeries}, shared by cleaning and gait analysis. */
public final class BodyPoints {
    private BodyPoints() {
    }

    /**
     * Midpoint of the left and right landmark of a body part per sample, e.g. {@code BodyPart.HIP} gives the mid-hip
     * (pelvis) point. Where one side is missing the other is used; where both are, {@code NaN}.
     *
     * @return {x[], y[]} in the series' image coordinates
     */
    public static double[][] midpoint(LandmarkSeries s, BodyPart part) {
        int n = s.size();
        LandmarkTrack l = trackOrMissing(s, BodyLandmark.of(Side.LEFT, part));
        LandmarkTrack r = trackOrMissing(s, BodyLandmark.of(Side.RIGHT, part));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean hl = l.has(i);
            boolean hr = r.has(i);
            if (hl && hr) {
                x[i] = 0.5 * (l.x()[i] + r.x()[i]);
                y[i] = 0.5 * (l.y()[i] + r.y()[i]);
            } else if (hl) {
                x[i] = l.x()[i];
                y[i] = l.y()[i];
            } else if (hr) {
                x[i] = r.x()[i];
                y[i] = r.y()[i];
            } else {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
            }
        }
        return new double[][] {x, y};
    }

    /** The landmark's track, or an all-missing track when the series does not have it. */
    public static LandmarkTrack trackOrMissing(LandmarkSeries s, BodyLandmark lm) {
        if (s.has(lm)) {
            return s.track(lm);
        }
        double[] x = new double[s.size()];
        double[] y = new double[s.size()];
        Arrays.fill(x, Double.NaN);
        Arrays.fill(y, Double.NaN);
        return new LandmarkTrack(x, y, new double[s.size()]);
    }

    /**
     * Typical leg length in pixels: the median over samples and sides of |hip - knee| + |knee - ankle|, or
     * {@code NaN} when no sample has all three. Summing the segments makes it independent of knee flexion.
     */
    public static double legLengthPx(LandmarkSeries s) {
        double[] buf = new double[2 * s.size()];
        int m = 0;
        for (Side side : Side.values()) {
            BodyLandmark hipL = BodyLandmark.of(side, BodyPart.HIP);
            BodyLandmark kneeL = BodyLandmark.of(side, BodyPart.KNEE);
            BodyLandmark ankleL = BodyLandmark.of(side, BodyPart.ANKLE);
            if (!s.has(hipL) || !s.has(kneeL) || !s.has(ankleL)) {
                continue;
            }
            LandmarkTrack hip = s.track(hipL);
            LandmarkTrack knee = s.track(kneeL);
            LandmarkTrack ankle = s.track(ankleL);
            for (int i = 0; i < s.size(); i++) {
                if (hip.has(i) && knee.has(i) && ankle.has(i)) {
                    buf[m++] = Math.hypot(hip.x()[i] - knee.x()[i], hip.y()[i] - knee.y()[i])
                            + Math.hypot(knee.x()[i] - ankle.x()[i], knee.y()[i] - ankle.y()[i]);
                }
            }
        }
        return m == 0 ? Double.NaN : percentile(buf, m, 50);
    }

    /** Percentile (linear interpolation between order statistics) of the first {@code m} values. */
    public static double percentile(double[] values, int m, double pct) {
        if (m <= 0) {
            return Double.NaN;
        }
        double[] c = Arrays.copyOf(values, m);
        Arrays.sort(c);
        double pos = pct / 100.0 * (m - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, m - 1);
        return c[lo] + (pos - lo) * (c[hi] - c[lo]);
    }

    /** A deep copy of a series (tracks' arrays cloned), so that cleaning never changes its input. */
    public static LandmarkSeries copy(LandmarkSeries s) {
        java.util.EnumMap<BodyLandmark, LandmarkTrack> t = new java.util.EnumMap<>(BodyLandmark.class);
        s.tracks().forEach((k, v) -> t.put(k, new LandmarkTrack(v.x().clone(), v.y().clone(), v.confidence().clone())));
        return new LandmarkSeries(s.timeS().clone(), t, s.imageWidthPx(), s.imageHeightPx(), s.pixelsPerMetre(),
                s.source());
    }
}
