package org.gaitlens.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gaitlens.assess.IndicatorThresholds;
import org.junit.jupiter.api.Test;

class SymmetryIndicesTest {

    // All tolerances 1e-9 or looser only where the expected value is quoted to fewer digits: the
    // formulas are closed-form, so only floating-point rounding separates code and hand values.

    @Test
    void handWorkedStanceExample() {
        // L stance 0.60 s, R 0.70 s.
        // SI = 100 (0.70 - 0.60) / (0.5 x 1.30) = 10 / 0.65 = 15.3846 %
        // ratio L/R = 0.60 / 0.70 = 0.857143
        // GA = 100 |ln(0.70 / 0.60)| = 100 x 0.1541507 = 15.41507
        // SA: atan(0.857143) = 40.601295 deg; (45 - 40.601295) / 90 x 100 = 4.887450 %
        assertEquals(15.384615, SymmetryIndices.symmetryIndexPct(0.60, 0.70), 1e-6);
        assertEquals(0.857143, SymmetryIndices.ratioLeftOverRight(0.60, 0.70), 1e-6);
        assertEquals(15.415068, SymmetryIndices.gaitAsymmetry(0.60, 0.70), 1e-6);
        assertEquals(4.887450, SymmetryIndices.symmetryAnglePct(0.60, 0.70), 1e-6);
    }

    @Test
    void perfectSymmetryGivesZeroAndRatioOne() {
        assertEquals(0.0, SymmetryIndices.symmetryIndexPct(0.5, 0.5), 1e-12);
        assertEquals(1.0, SymmetryIndices.ratioLeftOverRight(0.5, 0.5), 1e-12);
        assertEquals(0.0, SymmetryIndices.gaitAsymmetry(0.5, 0.5), 1e-12);
        assertEquals(0.0, SymmetryIndices.symmetryAnglePct(0.5, 0.5), 1e-12);
    }

    @Test
    void swappingSidesFlipsTheSignedIndices() {
        assertEquals(-SymmetryIndices.symmetryIndexPct(0.60, 0.70), SymmetryIndices.symmetryIndexPct(0.70, 0.60), 1e-12);
        assertEquals(-SymmetryIndices.symmetryAnglePct(0.60, 0.70), SymmetryIndices.symmetryAnglePct(0.70, 0.60), 1e-12);
        assertEquals(SymmetryIndices.gaitAsymmetry(0.60, 0.70), SymmetryIndices.gaitAsymmetry(0.70, 0.60), 1e-12);
    }

    @Test
    void symmetryAngleOfOppositeSignsUsesZifchocksCorrection() {
        // L = -2, R = 1: atan(-2) = -63.434949 deg; 45 + 63.434949 = 108.434949 > 90, so subtract 180:
        // (108.434949 - 180) / 90 x 100 = -71.565051 / 90 x 100 = -79.516724 %.
        assertEquals(-79.516724, SymmetryIndices.symmetryAnglePct(-2, 1), 1e-6);
        // L = 1, R = -2: atan(-0.5) = -26.565051 deg; 45 + 26.565051 = 71.565051 <= 90: 79.516724 %
        assertEquals(79.516724, SymmetryIndices.symmetryAnglePct(1, -2), 1e-6);
    }

    @Test
    void gaitAsymmetryNeedsPositiveValues() {
        assertTrue(Double.isNaN(SymmetryIndices.gaitAsymmetry(-1, 1)));
        assertTrue(Double.isNaN(SymmetryIndices.gaitAsymmetry(0, 1)));
        assertTrue(Double.isNaN(SymmetryIndices.symmetryAnglePct(1, 0)));
    }

    @Test
    void patternThresholdsConvertPattersonRatiosToSi() {
        // SI = 200 (r - 1) / (r + 1): 1.05 -> 4.878 %, 1.06 -> 5.825 %, 1.08 -> 7.692 %
        assertEquals(4.878049, IndicatorThresholds.siForRatio(1.05), 1e-6);
        assertEquals(5.825243, IndicatorThresholds.siForRatio(1.06), 1e-6);
        assertEquals(7.692308, IndicatorThresholds.siForRatio(1.08), 1e-6);
        // and it is the SI of two values with that ratio
        assertEquals(IndicatorThresholds.siForRatio(1.05), SymmetryIndices.symmetryIndexPct(1.0, 1.05), 1e-12);
    }
}
