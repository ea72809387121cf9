package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SsdAnchorsTest {
    // Anchor centres are exact fractions; 1e-12 only absorbs double rounding.
    private static final double EPS = 1e-12;

    @Test
    void countIs28x28x2Plus14x14x2Plus7x7x6() {
        assertEquals(28 * 28 * 2 + 14 * 14 * 2 + 7 * 7 * 6, SsdAnchors.blazePose224().count());
        assertEquals(2254, SsdAnchors.blazePose224().count());
    }

    @Test
    void firstAnchorsSitInTheTopLeftCellOfTheStride8Grid() {
        SsdAnchors a = SsdAnchors.blazePose224();
        // Cell (0, 0) of the 28x28 grid: centre (0 + 0.5) / 28; two anchors share it.
        assertEquals(0.5 / 28, a.xCentre(0), EPS);
        assertEquals(0.5 / 28, a.yCentre(0), EPS);
        assertEquals(0.5 / 28, a.xCentre(1), EPS);
        // Anchor 2 is the next cell to the right: (1 + 0.5) / 28.
        assertEquals(1.5 / 28, a.xCentre(2), EPS);
        assertEquals(0.5 / 28, a.yCentre(2), EPS);
        // Anchor 56 starts the second row (28 cells x 2 anchors).
        assertEquals(0.5 / 28, a.xCentre(56), EPS);
        assertEquals(1.5 / 28, a.yCentre(56), EPS);
    }

    @Test
    void strideGroupsStartWhereHandCountedAndLastAnchorIsBottomRightOf7x7() {
        SsdAnchors a = SsdAnchors.blazePose224();
        // First anchor of the 14x14 grid: index 1568.
        assertEquals(0.5 / 14, a.xCentre(1568), EPS);
        assertEquals(0.5 / 14, a.yCentre(1568), EPS);
        // The anchor before it is the last of the 28x28 grid, cell (27, 27).
        assertEquals(27.5 / 28, a.xCentre(1567), EPS);
        assertEquals(27.5 / 28, a.yCentre(1567), EPS);
        // First anchor of the 7x7 grid (3 layers x 2 = 6 per cell): index 1568 + 392 = 1960.
        assertEquals(0.5 / 7, a.xCentre(1960), EPS);
        assertEquals(0.5 / 7, a.xCentre(1965), EPS);
        assertEquals(1.5 / 7, a.xCentre(1966), EPS);
        // Last anchor: cell (6, 6) of the 7x7 grid.
        assertEquals(6.5 / 7, a.xCentre(2253), EPS);
        assertEquals(6.5 / 7, a.yCentre(2253), EPS);
    }
}
