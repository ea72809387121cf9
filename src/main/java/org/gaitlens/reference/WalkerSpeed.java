package org.gaitlens.reference;

/**
 * What a session measured of the walker's speed, for {@link BandSelector}; {@code NaN} where not measured.
 *
 * @param speedMPerS          mean walking speed over the strides, m/s ({@code NaN} without a metric scale)
 * @param legLengthM          the walker's leg length in metres as gaitlens measures it (hip, knee and ankle
 *                            joint centres: thigh plus shank), {@code NaN} without a metric scale
 * @param speedLegLengthsPerS mean walking speed in gaitlens leg lengths per second (needs no metric scale)
 * @param speedMeasured       false when the speed over ground is not measured (treadmill)
 */
public record WalkerSpeed(double speedMPerS, double legLengthM, double speedLegLengthsPerS, boolean speedMeasured) {
}
