package org.gaitlens.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Hand-posed skeletons in image coordinates (+x anterior, y down). Expected values worked out by hand; the
 * only error is floating-point rounding, hence 1e-9 deg.
 */
class SagittalAnglesTest {
    private static final double EPS = 1e-9;

    // hip at (100, 100); thigh length 100 px, 30 deg forward of the downward vertical:
    // knee = hip + 100 (sin 30, cos 30) = (150, 186.6025...)
    private static final double HX = 100;
    private static final double HY = 100;
    private static final double KX = HX + 100 * Math.sin(Math.toRadians(30));
    private static final double KY = HY + 100 * Math.cos(Math.toRadians(30));

    @Test
    void thighThirtyDegreesForwardIsThirtyDegreesHipFlexion() {
        assertEquals(30, SagittalAngles.hipFlexionDeg(HX, HY, KX, KY), EPS);
        // thigh behind the vertical: extension, negative
        assertEquals(-10, SagittalAngles.hipFlexionDeg(0, 0, -Math.sin(Math.toRadians(10)), Math.cos(Math.toRadians(10))),
                EPS);
    }

    @Test
    void kneeFlexedFortyFiveDegrees() {
        // shank direction = thigh direction rotated 45 deg backward: 30 - 45 = -15 deg from the downward vertical
        double ax = KX + 100 * Math.sin(Math.toRadians(-15));
        double ay = KY + 100 * Math.cos(Math.toRadians(-15));
        assertEquals(45, SagittalAngles.kneeFlexionDeg(HX, HY, KX, KY, ax, ay), EPS);
        // hyperextension: shank 5 deg more anterior than the thigh -> -5
        double bx = KX + 100 * Math.sin(Math.toRadians(35));
        double by = KY + 100 * Math.cos(Math.toRadians(35));
        assertEquals(-5, SagittalAngles.kneeFlexionDeg(HX, HY, KX, KY, bx, by), EPS);
        // straight leg: 0
        assertEquals(0, SagittalAngles.kneeFlexionDeg(0, 0, 0, 10, 0, 20), EPS);
    }

    @Test
    void ankleFromShankAndFoot() {
        // vertical shank (knee (0,0) -> ankle (0,100)), foot horizontal forward: 0
        assertEquals(0, SagittalAngles.ankleDorsiflexionDeg(0, 0, 0, 100, -5, 110, 15, 110), EPS);
        // foot tip 20 deg up (y down: tip at smaller y): dorsiflexion +20
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        assertEquals(20, SagittalAngles.ankleDorsiflexionDeg(0, 0, 0, 100, 0, 110, 20 * c, 110 - 20 * s), EPS);
        // foot tip 25 deg down: plantarflexion -25
        double c2 = Math.cos(Math.toRadians(25));
        double s2 = Math.sin(Math.toRadians(25));
        assertEquals(-25, SagittalAngles.ankleDorsiflexionDeg(0, 0, 0, 100, 0, 110, 20 * c2, 110 + 20 * s2), EPS);
        // shank tilted 10 deg forward (knee anterior of the ankle) over a flat foot: dorsiflexion +10
        double kx = 100 * Math.sin(Math.toRadians(10));
        double ky = -100 * Math.cos(Math.toRadians(10)) + 100;
        assertEquals(10, SagittalAngles.ankleDorsiflexionDeg(kx, ky, 0, 100, 0, 110, 20, 110), EPS);
    }

    @Test
    void trunkLean() {
        // shoulders 5 deg anterior of the hip, 50 px trunk
        double sx = 10 + 50 * Math.sin(Math.toRadians(5));
        double sy = 100 - 50 * Math.cos(Math.toRadians(5));
        assertEquals(5, SagittalAngles.trunkLeanDeg(10, 100, sx, sy), EPS);
        assertEquals(-5, SagittalAngles.trunkLeanDeg(10, 100, 20 - sx, sy), EPS);
    }
}
