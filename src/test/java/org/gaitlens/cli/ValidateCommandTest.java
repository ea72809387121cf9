package org.gaitlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gaitlens.gait.Joint;
import org.gaitlens.validate.Validation;
import org.junit.jupiter.api.Test;

/**
 * The table {@code gaitlens validate} prints, with side-view and frontal rows mixed (hand-made rows), and the rule
 * behind its indicator verdict ({@link Validation#indicatorsMatch}).
 */
class ValidateCommandTest {
    /** A side-view row: every column has a value. */
    private static Validation.Row side(String name, double hsS, double hipDeg, double kneeDeg, double stanceSiPp) {
        return new Validation.Row(name, null, 20, 0, 1, hsS, 0.030, 0.6, 0.010, 0.020, 0.030,
                Map.of(Joint.HIP_FLEXION, hipDeg, Joint.KNEE_FLEXION, kneeDeg, Joint.ANKLE_DORSIFLEXION, 5.0,
                        Joint.TRUNK_LEAN, 1.0),
                Map.of("stance_time_si_pct", stanceSiPp), List.of(), List.of(), true);
    }

    /** A frontal row as {@code Validation.compareFrontal} makes it: no angles, no SI, NaN side-view times. */
    private static Validation.Row frontal(double hsS) {
        return new Validation.Row("trunk_list", null, 12, 0, 0, hsS, Double.NaN, hsS * 30, Double.NaN, Double.NaN,
                Double.NaN, Map.of(), Map.of(), List.of("trunk_list R"), List.of("trunk_list R"), true, true);
    }

    private static String[] meanRow(List<Validation.Row> rows) {
        StringWriter s = new StringWriter();
        ValidateCommand.print(new PrintWriter(s), rows);
        String mean = s.toString().lines().filter(l -> l.startsWith("mean ")).findFirst().orElseThrow();
        return mean.trim().split("\\s+");
    }

    @Test
    void meansSkipTheValuesAFrontalRowDoesNotHave() {
        List<Validation.Row> rows = List.of(side("a", 0.010, 3.0, 6.0, 2.0), side("b", 0.020, 4.0, 8.0, 4.0),
                frontal(0.200));
        String[] m = meanRow(rows);
        // columns: mean, HS ms, TO ms, frames, strd s, stnc s, step m, hip, knee, ankle, trunk, stSI pp, "3/3", "correct"
        assertEquals(14, m.length, Arrays.toString(m));
        // heel strike and frames: side rows only; the frontal row's HS is its contact method's constant offset
        // (docs/frontal.md), not a side-view event error: (10 + 20) / 2 ms
        assertEquals("15.0", m[1]);
        assertEquals("0.60", m[3]);
        // toe off and the side-view times: the two side rows only
        assertEquals("30.0", m[2]);
        assertEquals("0.010", m[4]);
        // angles and stance SI: the two side rows only, (3 + 4) / 2, (6 + 8) / 2, (2 + 4) / 2
        assertEquals("3.5", m[7]);
        assertEquals("7.0", m[8]);
        assertEquals("5.0", m[9]);
        assertEquals("3.0", m[11]);
        assertEquals("3/3", m[12]);
    }

    @Test
    void onlyFrontalRowsGiveDashes() {
        String[] m = meanRow(List.of(frontal(0.100)));
        for (int i : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) {
            assertEquals("-", m[i], i + ": " + Arrays.toString(m));
        }
    }

    @Test
    void indicatorsMatchTheSameSetInAnyOrder() {
        assertTrue(Validation.indicatorsMatch(List.of("antalgic R", "l4_knee L"), List.of("l4_knee L", "antalgic R")));
        assertTrue(Validation.indicatorsMatch(List.of(), List.of()));
    }

    @Test
    void anExtraIndicatorIsAMismatch() {
        // what a containsAll check would let through: the expected one is raised, plus a false one
        assertFalse(Validation.indicatorsMatch(List.of("l4_knee L"), List.of("l4_knee L", "l5_foot_drop L")));
        assertFalse(Validation.indicatorsMatch(List.of(), List.of("antalgic R")));
    }

    @Test
    void aMissingOrOtherSideIndicatorIsAMismatch() {
        assertFalse(Validation.indicatorsMatch(List.of("antalgic R", "l4_knee L"), List.of("antalgic R")));
        assertFalse(Validation.indicatorsMatch(List.of("antalgic R"), List.of("antalgic L")));
    }
}
