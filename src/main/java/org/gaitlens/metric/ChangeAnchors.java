package org.gaitlens.metric;

/**
 * The published between-session change thresholds of the {@link Metric} table, each with its source or how it
 * was derived; the rationale per row is in {@code docs/metrics.md}.
 */
final class ChangeAnchors {
    static final ChangeAnchor TEMPORAL = new ChangeAnchor(0.02, Double.NaN,
            "0.02 s: per-step error of 2D video gait timing (" + References.STENUM_2021 + ")");
    static final ChangeAnchor STANCE_PCT = new ChangeAnchor(2.0, Double.NaN,
            "derived: 0.02 s timing error over a 1.1 s stride = 1.8 percentage points, rounded to 2");
    static final ChangeAnchor LENGTH = new ChangeAnchor(0.05, Double.NaN,
            "0.05 m: step-length error of 2D video methods (0.049 m, " + References.STENUM_2021 + ")");
    static final ChangeAnchor SPEED = new ChangeAnchor(0.05, 0.10,
            References.PERERA_2006 + ": small meaningful change 0.05 m/s, substantial 0.10 m/s");
    static final ChangeAnchor CADENCE = new ChangeAnchor(4.0, Double.NaN,
            "derived: a 0.02 s step-time change at a 0.55 s step is 4.1 steps/min (" + References.STENUM_2021 + ")");
    static final ChangeAnchor ANGLE = new ChangeAnchor(5.0, Double.NaN,
            References.MCGINLEY_2009 + ": kinematic errors of 2-5 deg reasonable, above 5 deg of concern");
    static final ChangeAnchor FOOT_CLEARANCE = ChangeAnchor.none(
            "no published change threshold for the video clearance proxy; own repeatability and sampling error only");
    static final ChangeAnchor HEEL_FIRST = ChangeAnchor.none(
            "no published change threshold; sampling error of the fraction only");
    static final ChangeAnchor NONE_FRONTAL = ChangeAnchor.none(
            "no published change threshold for this frontal video measure; own repeatability and sampling error only");
    static final ChangeAnchor NONE_LEG_LENGTHS = ChangeAnchor.none(
            "no published change threshold for lengths in leg lengths; own repeatability and sampling error only");

    /**
     * The reference resource's {@code gps2dChange} (a test keeps the two equal): GPS-2D has no published change
     * threshold, and the 3D GPS's minimal clinically important difference does not carry over to it.
     */
    static final ChangeAnchor GPS2D = new ChangeAnchor(2.06, Double.NaN,
            "data-derived: 95th percentile of healthy walk-to-walk GPS-2D change, each walk against its own "
                    + "speed band (Fukuchi et al. 2018, 84 pairs); the 3D GPS's MCID does not apply");
    static final ChangeAnchor GVS = ChangeAnchor.none(
            "no change threshold derived for one side's GPS-2D or a single GVS; compare the overall GPS-2D");

    private ChangeAnchors() {
    }
}
