package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LandmarksCsvFormatTest {

    private static String fixed(double v, int decimals) {
        StringBuilder sb = new StringBuilder();
        LandmarksCsv.appendFixed(sb, v, decimals);
        return sb.toString();
    }

    @Test
    void matchesStringFormatAwayFromTies() {
        Random rnd = new Random(42);
        int compared = 0;
        for (int i = 0; i < 200_000; i++) {
            int decimals = 3 + rnd.nextInt(4);
            // Pixel coordinates, world metres, scores and times, both signs.
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(7) - 2);
            double scaled = Math.abs(v) * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) {
                continue; // a tie in the last place may round either way in binary
            }
            String expected = String.format(Locale.ROOT, "%." + decimals + "f", v);
            if (expected.matches("-0\\.0*")) {
                expected = expected.substring(1); // no sign on a zero
            }
            assertEquals(expected, fixed(v, decimals), "value " + v + " with " + decimals + " decimals");
            compared++;
        }
        assertTrue(compared > 199_000, "compared " + compared);
    }

    @Test
    void handlesSpecialValues() {
        assertEquals("", fixed(Double.NaN, 3));
        assertEquals("0.000", fixed(0.0, 3));
        assertEquals("0.000", fixed(-0.0001, 3));
        assertEquals("12.500", fixed(12.5, 3));
        assertEquals("-1.0000", fixed(-0.99999, 4));
        assertEquals("0.000001", fixed(1e-6, 6));
        assertEquals(String.format(Locale.ROOT, "%.3f", 3e13), fixed(3e13, 3));
        assertEquals("Infinity", fixed(Double.POSITIVE_INFINITY, 3));
    }
}
