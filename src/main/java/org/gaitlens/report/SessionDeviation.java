package org.gaitlens.report;

/**
 * One session's deviation from healthy walking in a comparison: GPS-2D with its 95 % CI, per side, and the healthy
 * band it was scored against; every number {@code null} where the session has none (a frontal view, or a session
 * analysed before gaitlens compared with a healthy reference).
 *
 * @param gps2dDeg       GPS-2D of both sides, deg
 * @param ciLowDeg       lower 95 % confidence limit, or {@code null}
 * @param ciHighDeg      upper 95 % confidence limit, or {@code null}
 * @param leftDeg        GPS-2D of the left side
 * @param rightDeg       GPS-2D of the right side
 * @param band           the healthy band in words, e.g. "slow speed, all ages, n 42"; empty without one
 * @param healthyMeanDeg healthy walkers' mean GPS-2D in that band
 * @param healthyP95Deg  healthy walkers' 95th percentile
 */
public record SessionDeviation(Double gps2dDeg, Double ciLowDeg, Double ciHighDeg, Double leftDeg, Double rightDeg,
                               String band, Double healthyMeanDeg, Double healthyP95Deg) {
    /** A session without a comparison with healthy walking. */
    public static final SessionDeviation NONE = new SessionDeviation(null, null, null, null, null, "", null, null);

    public SessionDeviation {
        Checks.requireFiniteOrNull(gps2dDeg, "gps2dDeg");
        Checks.requireFiniteOrNull(ciLowDeg, "ciLowDeg");
        Checks.requireFiniteOrNull(ciHighDeg, "ciHighDeg");
        Checks.requireFiniteOrNull(leftDeg, "leftDeg");
        Checks.requireFiniteOrNull(rightDeg, "rightDeg");
        band = band == null ? "" : band;
        Checks.requireFiniteOrNull(healthyMeanDeg, "healthyMeanDeg");
        Checks.requireFiniteOrNull(healthyP95Deg, "healthyP95Deg");
    }
}
