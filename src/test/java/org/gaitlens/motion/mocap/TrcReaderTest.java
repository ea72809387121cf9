package org.gaitlens.motion.mocap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.validation.SharedData;
import org.junit.jupiter.api.Test;

/** Checks the TRC reader against the text of the validation files and a hand-written file. */
class TrcReaderTest {

    @Test
    void motionAnalysisFile() {
        MarkerData d = TrcReader.read(SharedData.mocap("btk/MotionAnalysis_Gait.trc"));
        assertEquals(100.0, d.frameRateHz(), 0.0);
        assertEquals(487, d.frameCount());
        // the header says NumMarkers 66 but line 4 names 33 markers (X1..Z33)
        assertEquals(33, d.markerNames().size());
        assertEquals(1, d.firstFrame());
        assertEquals(0.0, d.fileTimeOfFirstSampleS(), 0.0);
        // row "244 2.430 ... R.Heel 859.08008 77.56419 30.27887" (mm)
        assertArrayEquals(new double[] {0.85908008, 0.07756419, 0.03027887},
                d.trajectory("R.Heel").orElseThrow()[243], 1e-12);
        assertEquals(2.43, d.timeS(243), 1e-12);
        // the first rows are blank cells: the walker has not entered the volume
        assertTrue(Double.isNaN(d.trajectory("R.Heel").orElseThrow()[0][0]));
    }

    @Test
    void openSimFiles() {
        MarkerData raj = TrcReader.read(SharedData.mocap("opensim/Rajagopal__ExpData__motion_capture_walk.trc"));
        assertEquals(100.0, raj.frameRateHz(), 0.0);
        assertEquals(238, raj.frameCount());
        assertEquals(41, raj.markerNames().size());
        // row 100: time 0.99000, R.Shoulder 613.743 1502.057 -94.579
        assertArrayEquals(new double[] {0.613743, 1.502057, -0.094579},
                raj.trajectory("R.Shoulder").orElseThrow()[99], 1e-12);
        MarkerData walk = TrcReader.read(SharedData.mocap("opensim/Gait2392_Simbody__subject01_walk1.trc"));
        assertEquals(60.0, walk.frameRateHz(), 0.0);
        assertEquals(151, walk.frameCount());
        assertEquals(41, walk.markerNames().size());
        // row 100: time 1.650000, R.ASIS 601.016240 1087.035160 118.725510
        assertArrayEquals(new double[] {0.60101624, 1.08703516, 0.11872551},
                walk.trajectory("R.ASIS").orElseThrow()[99], 1e-12);
        assertEquals(1.65, walk.timeS(99), 1e-12);
    }

    @Test
    void handWrittenFileWithMetresAndGaps() {
        List<String> lines = List.of(
                "PathFileType\t4\t(X/Y/Z)\tx.trc",
                "DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames",
                "50\t50\t3\t2\tm\t50\t10\t3",
                "Frame#\tTime\tA\t\t\tB\t\t",
                "\t\tX1\tY1\tZ1\tX2\tY2\tZ2",
                "",
                "10\t0.18\t1\t2\t3\t4\t5\t6",
                "11\t0.20\t1.5\t2\t3\t\t\t",
                "12\t0.22\t2\t2\t3");
        MarkerData d = TrcReader.parse(lines, "hand");
        assertEquals(3, d.frameCount());
        assertEquals(10, d.firstFrame());
        assertEquals(0.18, d.fileTimeOfFirstSampleS(), 0.0);
        assertEquals(0.04, d.timeS(2), 1e-12);
        assertArrayEquals(new double[] {1.5, 2, 3}, d.trajectory("A").orElseThrow()[1], 0.0);
        assertTrue(Double.isNaN(d.trajectory("B").orElseThrow()[1][0]));
        assertTrue(Double.isNaN(d.trajectory("B").orElseThrow()[2][2]));
        assertEquals(1.0 / 3, d.coverage("B"), 1e-12);
    }

    @Test
    void rejectsBrokenFrameSequenceAndUnknownUnits() {
        List<String> head = List.of("PathFileType\t4", "DataRate\tUnits", "100\tmm", "Frame#\tTime\tA", "\t\tX1\tY1\tZ1");
        List<String> broken = new java.util.ArrayList<>(head);
        broken.add("1\t0\t1\t1\t1");
        broken.add("3\t0.02\t1\t1\t1");
        assertThrows(InvalidInputException.class, () -> TrcReader.parse(broken, "broken"));
        List<String> inches = new java.util.ArrayList<>(List.of("PathFileType\t4", "DataRate\tUnits", "100\tin",
                "Frame#\tTime\tA", "\t\tX1\tY1\tZ1", "1\t0\t1\t1\t1"));
        assertThrows(InvalidInputException.class, () -> TrcReader.parse(inches, "inches"));
    }

    @Test
    void decC3dAndTrcOfTheSameTrialAgree() {
        MarkerData trc = TrcReader.read(SharedData.mocap("btk/MotionAnalysis_Gait.trc"));
        MarkerData c3d = C3dReader.read(SharedData.mocap("btk/MotionAnalysis_Gait_merged.c3d"));
        assertEquals(trc.frameCount(), c3d.frameCount());
        assertEquals(trc.markerNames(), c3d.markerNames());
        double sumAbs = 0;
        double maxAbs = 0;
        int values = 0;
        for (String name : trc.markerNames()) {
            double[][] a = trc.trajectory(name).orElseThrow();
            double[][] b = c3d.trajectory(name).orElseThrow();
            for (int i = 0; i < a.length; i++) {
                // the files' gaps differ (R.Heel: C3D frames 134-327, TRC 160-439: different
                // tracking/gap-filling windows), so only samples present in both are compared
                if (!Double.isNaN(a[i][0]) && !Double.isNaN(b[i][0])) {
                    for (int k = 0; k < 3; k++) {
                        double diff = Math.abs(a[i][k] - b[i][k]);
                        sumAbs += diff;
                        maxAbs = Math.max(maxAbs, diff);
                        values++;
                    }
                }
            }
        }
        // The two exports are not bit-identical (the TRC looks re-processed: differences of ~0.1-3 mm
        // spread over all markers, no offset). The integer C3D's resolution is 0.074 mm. Bounds: mean
        // difference under 1 mm, none over 10 mm: a decoding error (wrong VAX exponent, swapped words,
        // wrong scale) would produce differences of metres.
        assertTrue(values > 10_000, "compared " + values + " values");
        assertTrue(sumAbs / values < 1e-3, "mean |TRC - C3D| = " + sumAbs / values + " m");
        assertTrue(maxAbs < 1e-2, "max |TRC - C3D| = " + maxAbs + " m");
    }
}
