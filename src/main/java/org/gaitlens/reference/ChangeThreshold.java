package org.gaitlens.reference;

/**
 * The smallest between-session change of GPS-2D that exceeds what healthy walkers show between two of their own
 * walks, derived from the reference data (the 3D GPS's minimal clinically important difference, 1.6 deg, does not
 * carry over to GPS-2D).
 *
 * @param thresholdDeg 95th percentile of the absolute GPS-2D change between two walks of one healthy subject
 * @param n            number of subject pairs of walks it was computed from
 * @param source       how it was derived, in words
 */
public record ChangeThreshold(double thresholdDeg, int n, String source) {
}
