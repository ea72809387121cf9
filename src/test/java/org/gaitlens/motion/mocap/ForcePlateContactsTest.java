package org.gaitlens.motion.mocap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.junit.jupiter.api.Test;

/** The force-threshold contact rule on plates built in code, with onsets and ends known exactly. */
class ForcePlateContactsTest {
    private static final double RATE_HZ = 1000;
    /** A 0.5 x 0.6 m plate at x 0..0.5, y 0..0.6 in the floor (z up). */
    private static final double[][] CORNERS = {{0, 0, 0}, {0.5, 0, 0}, {0.5, 0.6, 0}, {0, 0.6, 0}};

    /** 2 s of force: +3 N offset, -600 N (Vicon sign) from {@code onS} to {@code offS}, with 5 N noise spikes. */
    private static ForcePlate plate(double onS, double offS) {
        double[] f = new double[2000];
        for (int k = 0; k < f.length; k++) {
            double t = k / RATE_HZ;
            f[k] = 3 + (t >= onS && t < offS ? -600 : 0) + (k % 97 == 0 ? 5 : 0);
        }
        return new ForcePlate(1, CORNERS, f, RATE_HZ, 0);
    }

    /** Feet at fixed places for 2 s at 100 Hz: left mid-foot at {@code left}, right at {@code right} (x, y). */
    private static JointTrajectories feet(double[] left, double[] right) {
        int n = 200;
        double[] t = new double[n];
        Map<BodyLandmark, double[][]> pos = new EnumMap<>(BodyLandmark.class);
        Map<BodyLandmark, String> how = new EnumMap<>(BodyLandmark.class);
        for (Side s : Side.values()) {
            double[] at = s == Side.LEFT ? left : right;
            double[][] heel = new double[n][];
            double[][] toe = new double[n][];
            for (int i = 0; i < n; i++) {
                t[i] = i / 100.0;
                heel[i] = new double[] {at[0] - 0.1, at[1], 0.05};
                toe[i] = new double[] {at[0] + 0.1, at[1], 0.03};
            }
            pos.put(BodyLandmark.of(s, BodyPart.HEEL), heel);
            pos.put(BodyLandmark.of(s, BodyPart.FOOT_INDEX), toe);
            how.put(BodyLandmark.of(s, BodyPart.HEEL), "test");
            how.put(BodyLandmark.of(s, BodyPart.FOOT_INDEX), "test");
        }
        return new JointTrajectories(t, pos, how, 0, List.of(), "test");
    }

    @Test
    void onsetAndEndAreTheFirstLoadedAndFirstUnloadedSamples() {
        List<ForcePlateContacts.Contact> c = ForcePlateContacts.detect(List.of(plate(0.4215, 1.05)),
                feet(new double[] {0.25, 0.3}, new double[] {1.5, 0.3}), 20);
        assertEquals(1, c.size());
        // first sample with t >= 0.4215 is k = 422 (0.422 s); first unloaded one after it is k = 1050
        assertEquals(0.422, c.get(0).onsetS(), 1e-12);
        assertEquals(1.050, c.get(0).endS(), 1e-12);
        assertEquals(Side.LEFT, c.get(0).side());
        assertEquals("", c.get(0).note());
    }

    @Test
    void chatterShorterThanTheMergeGapIsOneContact() {
        ForcePlate p = plate(0.4, 1.0);
        double[] f = p.verticalForceN();
        for (int k = 900; k < 910; k++) {
            f[k] = 3; // 10 ms unloaded 0.1 s before the end: chatter as the forefoot rolls off
        }
        List<ForcePlateContacts.Contact> c = ForcePlateContacts.detect(
                List.of(new ForcePlate(1, CORNERS, f, RATE_HZ, 0)), feet(new double[] {2, 2}, new double[] {0.3, 0.2}),
                20);
        assertEquals(1, c.size());
        assertEquals(1.0, c.get(0).endS(), 1e-12);
        assertEquals(Side.RIGHT, c.get(0).side());
    }

    @Test
    void loadAtTheStartHasNoObservedOnsetAndBothFeetOnThePlateHaveNoSide() {
        List<ForcePlateContacts.Contact> c = ForcePlateContacts.detect(List.of(plate(0, 0.7)),
                feet(new double[] {0.2, 0.2}, new double[] {0.3, 0.45}), 20);
        assertEquals(1, c.size());
        assertTrue(Double.isNaN(c.get(0).onsetS()), "loaded from the first sample: onset not observed");
        assertEquals(0.7, c.get(0).endS(), 1e-12);
        assertNull(c.get(0).side());
        assertTrue(c.get(0).note().contains("no single foot"), c.get(0).note());
    }

    @Test
    void aFootJustOutsideTheMarginIsNotOnThePlate() {
        // mid-foot 0.04 m beyond the edge: within the 0.05 m margin; 0.06 m: outside
        assertTrue(ForcePlateContacts.over(CORNERS, new double[] {0.54, 0.3, 0.04}));
        assertTrue(!ForcePlateContacts.over(CORNERS, new double[] {0.56, 0.3, 0.04}));
        assertTrue(!ForcePlateContacts.over(CORNERS, new double[] {0.25, -0.06, 0.04}));
    }

    @Test
    void shortBlipsAndNonPositiveThresholdsAreRejected() {
        assertTrue(ForcePlateContacts.detect(List.of(plate(0.5, 0.55)),
                feet(new double[] {0.25, 0.3}, new double[] {2, 2}), 20).isEmpty(), "50 ms < 0.1 s minimum");
        assertThrows(IllegalArgumentException.class, () -> ForcePlateContacts.detect(List.of(), feet(
                new double[] {0, 0}, new double[] {0, 0}), 0));
    }
}
