package org.gaitlens.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitlens.core.BodyPart;

/**
 * Finds walking passes from the horizontal velocity of the mid-hip point, and stretches where the walker
 * moves toward or away from the camera.
 *
 * <p>Algorithm (scale-free: speeds are in leg lengths per second, {@code L} = {@link BodyPoints#legLengthPx}):
 * <ol>
 * <li>{@code v_i} = central difference of mid-hip x, then a centred moving average over
 *     {@code smoothingS} (removes the within-stride speed fluctuation).</li>
 * <li>A sample is <em>moving</em> when {@code |v_i| >= minSpeedLegPerS * L}; runs of moving samples with one
 *     sign of {@code v} (no missing mid-hip) are candidate passes.</li>
 * <li>Each candidate is trimmed at both ends to the samples where {@code |v| >= steadyFraction * median|v|}
 *     of the candidate, which cuts out gait initiation, termination and the slowing into a turn.</li>
 * <li>Candidates shorter than {@code minPassDurationS} are dropped.</li>
 * </ol>
 * Each pass's <em>facing</em> (the anatomical anterior) is found apart from its direction of travel, see
 * {@link #facing}; a pass walked facing away from the direction of travel is reported as a
 * {@link ViewProblem.Kind#WALKING_BACKWARD} view problem (see {@code docs/passes.md}).
 *
 * <p>Outside passes, a stretch of at least {@code minPassDurationS} whose body height (mid-shoulder to
 * mid-ankle vertical distance, median of its first and last 0.5 s) changes by more than the factor
 * {@code viewChangeRatio} is reported as walking toward (growing) or away from (shrinking) the camera.
 */
public final class WalkingPassSegmenter {
    /** Fewest votes with which feet or head decide the facing side. */
    static final int FACING_MIN_SAMPLES = 10;
    /** Share of agreeing votes with which feet or head decide the facing side. */
    static final double FACING_MAJORITY = 0.75;

    private final double minSpeedLegPerS;
    private final double steadyFraction;
    private final double minPassDurationS;
    private final double smoothingS;
    private final double viewChangeRatio;

    /**
     * @param minSpeedLegPerS  moving threshold, leg lengths per second, {@code > 0} (0.3 ~ 0.25 m/s)
     * @param steadyFraction   end trimming threshold as a fraction of the pass's median speed, in [0, 1)
     * @param minPassDurationS shortest pass kept, s, {@code > 0}
     * @param smoothingS       moving-average width for the velocity, s, {@code >= 0}
     * @param viewChangeRatio  body-size change factor that signals walking along the optical axis, {@code > 1}
     */
    public WalkingPassSegmenter(double minSpeedLegPerS, double steadyFraction, double minPassDurationS,
            double smoothingS, double viewChangeRatio) {
        if (!(minSpeedLegPerS > 0)) {
            throw new IllegalArgumentException("minSpeedLegPerS must be > 0, was " + minSpeedLegPerS);
        }
        if (!(steadyFraction >= 0 && steadyFraction < 1)) {
            throw new IllegalArgumentException("steadyFraction must be in [0, 1), was " + steadyFraction);
        }
        if (!(minPassDurationS > 0)) {
            throw new IllegalArgumentException("minPassDurationS must be > 0, was " + minPassDurationS);
        }
        if (!(smoothingS >= 0)) {
            throw new IllegalArgumentException("smoothingS must be >= 0, was " + smoothingS);
        }
        if (!(viewChangeRatio > 1)) {
            throw new IllegalArgumentException("viewChangeRatio must be > 1, was " + viewChangeRatio);
        }
        this.minSpeedLegPerS = minSpeedLegPerS;
        this.steadyFraction = steadyFraction;
        this.minPassDurationS = minPassDurationS;
        this.smoothingS = smoothingS;
        this.viewChangeRatio = viewChangeRatio;
    }

    /** Passes and view problems. */
    public record Result(List<WalkingPass> passes, List<ViewProblem> viewProblems) {
        public Result {
            passes = List.copyOf(passes);
            viewProblems = List.copyOf(viewProblems);
        }
    }

    /**
     * @param s           cleaned series on a uniform grid
     * @param legLengthPx typical leg length, px
     */
    public Result segment(LandmarkSeries s, double legLengthPx) {
        int n = s.size();
        double[] t = s.timeS();
        List<WalkingPass> passes = new ArrayList<>();
        List<ViewProblem> problems = new ArrayList<>();
        if (n < 3 || !(legLengthPx > 0)) {
            return new Result(passes, problems);
        }
        double[] hx = BodyPoints.midpoint(s, BodyPart.HIP)[0];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1);
            int b = Math.min(n - 1, i + 1);
            v[i] = (hx[b] - hx[a]) / (t[b] - t[a]);
        }
        double dt = (t[n - 1] - t[0]) / (n - 1);
        int half = (int) Math.round(smoothingS / dt / 2);
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int c = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++) {
                if (!Double.isNaN(v[j])) {
                    sum += v[j];
                    c++;
                }
            }
            vs[i] = Double.isNaN(v[i]) || c == 0 ? Double.NaN : sum / c;
        }
        double thr = minSpeedLegPerS * legLengthPx;
        int i = 0;
        boolean[] inPass = new boolean[n];
        while (i < n) {
            if (Double.isNaN(vs[i]) || Math.abs(vs[i]) < thr) {
                i++;
                continue;
            }
            double sign = Math.signum(vs[i]);
            int j = i;
            while (j < n && !Double.isNaN(vs[j]) && Math.abs(vs[j]) >= thr && Math.signum(vs[j]) == sign) {
                j++;
            }
            double[] speeds = new double[j - i];
            for (int k = i; k < j; k++) {
                speeds[k - i] = Math.abs(vs[k]);
            }
            double med = BodyPoints.percentile(speeds, speeds.length, 50);
            int a = i;
            int b = j - 1;
            while (a < b && Math.abs(vs[a]) < steadyFraction * med) {
                a++;
            }
            while (b > a && Math.abs(vs[b]) < steadyFraction * med) {
                b--;
            }
            if (t[b] - t[a] >= minPassDurationS) {
                double sum = 0;
                for (int k = a; k <= b; k++) {
                    sum += Math.abs(vs[k]);
                    inPass[k] = true;
                }
                WalkingDirection travel = sign > 0 ? WalkingDirection.POSITIVE_X : WalkingDirection.NEGATIVE_X;
                WalkingPass pass = new WalkingPass(passes.size(), a, b + 1, t[a], t[b], travel, sum / (b - a + 1),
                        facing(s, a, b + 1, travel));
                passes.add(pass);
                if (pass.backward()) {
                    problems.add(backwardProblem(pass));
                }
            }
            i = j;
        }
        findViewProblems(s, inPass, problems);
        return new Result(passes, problems);
    }

    /**
     * Treadmill walking: the pelvis stays in place, so velocity cannot find passes. The longest stretch of
     * samples with a mid-hip point is one pass; its direction is the side the feet point to, the sign of the
     * median over samples and sides of {@code x_footIndex - x_heel}.
     */
    public Result treadmill(LandmarkSeries s) {
        double[] hx = BodyPoints.midpoint(s, BodyPart.HIP)[0];
        double[] t = s.timeS();
        int bestA = -1;
        int bestB = -1;
        int i = 0;
        while (i < hx.length) {
            if (Double.isNaN(hx[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < hx.length && !Double.isNaN(hx[j])) {
                j++;
            }
            if (j - i > bestB - bestA) {
                bestA = i;
                bestB = j;
            }
            i = j;
        }
        List<WalkingPass> passes = new ArrayList<>();
        if (bestA >= 0 && t[bestB - 1] - t[bestA] >= minPassDurationS) {
            double[] d = new double[2 * s.size()];
            int m = 0;
            for (org.gaitlens.core.Side side : org.gaitlens.core.Side.values()) {
                LandmarkTrack toe = BodyPoints.trackOrMissing(s, org.gaitlens.core.BodyLandmark.of(side, BodyPart.FOOT_INDEX));
                LandmarkTrack heel = BodyPoints.trackOrMissing(s, org.gaitlens.core.BodyLandmark.of(side, BodyPart.HEEL));
                for (int k = bestA; k < bestB; k++) {
                    if (toe.has(k) && heel.has(k)) {
                        d[m++] = toe.x()[k] - heel.x()[k];
                    }
                }
            }
            double med = BodyPoints.percentile(d, m, 50);
            if (!Double.isNaN(med)) {
                passes.add(new WalkingPass(0, bestA, bestB, t[bestA], t[bestB - 1],
                        med >= 0 ? WalkingDirection.POSITIVE_X : WalkingDirection.NEGATIVE_X, 0));
            }
        }
        return new Result(passes, List.of());
    }

    /**
     * The side of the image the walker faces over samples {@code [from, to)}, independent of the direction of
     * travel. Evidence, in order of trust:
     * <ol>
     * <li>the feet: the sign of {@code x_footIndex - x_heel}, over every sample and side where both points
     *     are present (the foot points forward in stance and in swing; a left/right label swap does not
     *     change the sign, since both feet point the same way);</li>
     * <li>the head, when the feet are missing or undecided: the sign of {@code x_nose - x_midEar};</li>
     * <li>otherwise the direction of travel (the ordinary assumption).</li>
     * </ol>
     * A source decides when at least {@value #FACING_MIN_SAMPLES} samples vote and at least
     * {@value #FACING_MAJORITY} of them agree.
     */
    public static WalkingDirection facing(LandmarkSeries s, int from, int to, WalkingDirection travel) {
        int[] feet = new int[2];
        for (org.gaitlens.core.Side side : org.gaitlens.core.Side.values()) {
            LandmarkTrack toe = BodyPoints.trackOrMissing(s, org.gaitlens.core.BodyLandmark.of(side, BodyPart.FOOT_INDEX));
            LandmarkTrack heel = BodyPoints.trackOrMissing(s, org.gaitlens.core.BodyLandmark.of(side, BodyPart.HEEL));
            for (int k = from; k < to; k++) {
                vote(feet, toe.x()[k] - heel.x()[k]);
            }
        }
        WalkingDirection byFeet = decide(feet);
        if (byFeet != null) {
            return byFeet;
        }
        int[] head = new int[2];
        LandmarkTrack nose = BodyPoints.trackOrMissing(s, org.gaitlens.core.BodyLandmark.NOSE);
        LandmarkTrack le = BodyPoints.trackOrMissing(s, org.gaitlens.core.BodyLandmark.LEFT_EAR);
        LandmarkTrack re = BodyPoints.trackOrMissing(s, org.gaitlens.core.BodyLandmark.RIGHT_EAR);
        for (int k = from; k < to; k++) {
            vote(head, nose.x()[k] - 0.5 * (le.x()[k] + re.x()[k]));
        }
        WalkingDirection byHead = decide(head);
        return byHead != null ? byHead : travel;
    }

    private static void vote(int[] votes, double dx) {
        if (dx > 0) {
            votes[0]++;
        } else if (dx < 0) {
            votes[1]++;
        }
    }

    private static WalkingDirection decide(int[] votes) {
        int n = votes[0] + votes[1];
        if (n < FACING_MIN_SAMPLES) {
            return null;
        }
        if (votes[0] >= FACING_MAJORITY * n) {
            return WalkingDirection.POSITIVE_X;
        }
        if (votes[1] >= FACING_MAJORITY * n) {
            return WalkingDirection.NEGATIVE_X;
        }
        return null;
    }

    private static ViewProblem backwardProblem(WalkingPass p) {
        return new ViewProblem(p.startTimeS(), p.endTimeS(), ViewProblem.Kind.WALKING_BACKWARD, String.format(
                Locale.ROOT, "pass %d (%.2f-%.2f s): walking backwards (facing %s while moving %s); its steps count "
                        + "toward the pass's step count and cadence only, its strides are left out of the gait "
                        + "parameters, curves and indicators, which are defined for forward walking",
                p.index() + 1, p.startTimeS(), p.endTimeS(), screenSide(p.facing()), screenSide(p.direction())));
    }

    private static String screenSide(WalkingDirection d) {
        return d == WalkingDirection.POSITIVE_X ? "right" : "left";
    }

    private void findViewProblems(LandmarkSeries s, boolean[] inPass, List<ViewProblem> out) {
        if (!s.has(org.gaitlens.core.BodyLandmark.LEFT_SHOULDER) || !s.has(org.gaitlens.core.BodyLandmark.LEFT_ANKLE)) {
            return;
        }
        double[] sy = BodyPoints.midpoint(s, BodyPart.SHOULDER)[1];
        double[] ay = BodyPoints.midpoint(s, BodyPart.ANKLE)[1];
        double[] t = s.timeS();
        int n = s.size();
        int i = 0;
        while (i < n) {
            if (inPass[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && !inPass[j]) {
                j++;
            }
            if (t[j - 1] - t[i] >= minPassDurationS) {
                double h0 = edgeHeight(t, sy, ay, i, j, true);
                double h1 = edgeHeight(t, sy, ay, i, j, false);
                if (h0 > 0 && h1 > 0) {
                    double r = h1 / h0;
                    if (r > viewChangeRatio || r < 1 / viewChangeRatio) {
                        ViewProblem.Kind k = r > 1 ? ViewProblem.Kind.WALKING_TOWARD_CAMERA
                                : ViewProblem.Kind.WALKING_AWAY_FROM_CAMERA;
                        out.add(new ViewProblem(t[i], t[j - 1], k, String.format(Locale.ROOT,
                                "body height in the image changed from %.0f to %.0f px (x%.2f) between %.2f and %.2f s "
                                        + "with little sideways motion: %s; film from the side",
                                h0, h1, r, t[i], t[j - 1], k == ViewProblem.Kind.WALKING_TOWARD_CAMERA
                                        ? "walking toward the camera" : "walking away from the camera")));
                    }
                }
            }
            i = j;
        }
    }

    private static double edgeHeight(double[] t, double[] sy, double[] ay, int from, int to, boolean start) {
        double[] buf = new double[to - from];
        int m = 0;
        for (int k = from; k < to; k++) {
            boolean inEdge = start ? t[k] - t[from] <= 0.5 : t[to - 1] - t[k] <= 0.5;
            if (inEdge && !Double.isNaN(sy[k]) && !Double.isNaN(ay[k])) {
                buf[m++] = ay[k] - sy[k];
            }
        }
        return BodyPoints.percentile(buf, m, 50);
    }
}
