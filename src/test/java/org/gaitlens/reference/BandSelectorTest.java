package org.gaitlens.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The speed class chosen for a walker from the shipped reference, with hand-worked Froude numbers. */
class BandSelectorTest {
    private static final BandSelector SELECTOR = new BandSelector(NormativeReference.fukuchi2018());

    /**
     * 1.25 m/s with a gaitlens leg length of 0.80 m (0.87 m as the dataset measures it):
     * Fr = 1.25^2 / (9.81 x 0.80 / 0.92) = 0.1832, the comfortable class (mean 0.189); 0.85 m/s: Fr = 0.0847, slow
     * (mean 0.093); 1.65 m/s: Fr = 0.3191, fast (mean 0.299).
     */
    @Test
    void froudeClasses() {
        BandChoice c = SELECTOR.choose(new WalkerSpeed(1.25, 0.80, Double.NaN, true));
        assertEquals(MatchBasis.FROUDE, c.basis());
        assertEquals(0.1832, c.walkerValue(), 1e-4);
        assertEquals(SpeedClass.COMFORTABLE, c.group().speedClass());
        assertEquals(AgeGroup.ALL, c.group().ageGroup());
        assertTrue(c.why().startsWith("Froude number 0.183 (1.25 m/s; leg length 0.80 m, 0.87 m as the dataset"),
                c.why());
        assertEquals(SpeedClass.SLOW, SELECTOR.choose(new WalkerSpeed(0.85, 0.80, Double.NaN, true)).group()
                .speedClass());
        assertEquals(SpeedClass.FAST, SELECTOR.choose(new WalkerSpeed(1.65, 0.80, Double.NaN, true)).group()
                .speedClass());
    }

    /** A patient much slower than the slow class gets the slow band and a warning about speed. */
    @Test
    void slowerThanEveryClass() {
        BandChoice c = SELECTOR.choose(new WalkerSpeed(0.40, 0.80, Double.NaN, true));
        assertEquals(SpeedClass.SLOW, c.group().speedClass());
        assertTrue(c.why().contains("outside this class's usual range"), c.why());
    }

    /** Without a metric scale: 1.60 gaitlens leg lengths/s = 1.472 dataset leg lengths/s, comfortable (1.46). */
    @Test
    void legLengthsPerSecondWithoutScale() {
        BandChoice c = SELECTOR.choose(new WalkerSpeed(Double.NaN, Double.NaN, 1.60, true));
        assertEquals(MatchBasis.SPEED_LEG_LENGTHS, c.basis());
        assertEquals(1.472, c.walkerValue(), 1e-9);
        assertEquals(SpeedClass.COMFORTABLE, c.group().speedClass());
    }

    /** Treadmill or no speed at all: comfortable, and the reason says so. */
    @Test
    void noSpeed() {
        BandChoice treadmill = SELECTOR.choose(new WalkerSpeed(0.01, 0.8, 0.01, false));
        assertEquals(MatchBasis.NONE, treadmill.basis());
        assertEquals(SpeedClass.COMFORTABLE, treadmill.group().speedClass());
        assertTrue(treadmill.why().contains("treadmill"), treadmill.why());
        BandChoice none = SELECTOR.choose(new WalkerSpeed(Double.NaN, Double.NaN, Double.NaN, true));
        assertEquals(MatchBasis.NONE, none.basis());
        assertTrue(none.why().startsWith("no walking speed measured"), none.why());
    }
}
