package org.gaitlens.motion.mocap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Side;
import org.gaitlens.motion.mocap.c3d.C3dFile;
import org.gaitlens.validation.GroundTruth;
import org.gaitlens.validation.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Checks the C3D reader against facts of the BTK validation files. Expected numbers were read
 * independently with a short Python {@code struct} script (not committed) that decodes the header,
 * parameters and point frames on its own.
 */
class C3dReaderTest {

    /** Float32 storage: values agree to float precision; 1e-6 m is far below float32 resolution of ~1e-4 mm at 1 m. */
    private static final double FLOAT_TOL_M = 1e-6;

    private static MarkerData read(String name) {
        return C3dReader.read(SharedData.mocap("btk/" + name));
    }

    @Test
    void intelFloatPlugInGaitFile() {
        MarkerData d = read("PiG_Motion-FlatFoot-Full.c3d");
        assertEquals(100.0, d.frameRateHz(), 0.0);
        assertEquals(148, d.firstFrame());
        assertEquals(315, d.frameCount());
        // 193 points, of which 26 angles + 20 forces + 18 moments + 16 powers are model outputs
        assertEquals(193 - 80, d.markerNames().size());
        assertEquals(80, d.modelOutputs().size());
        assertTrue(d.modelOutputs().containsKey("LKneeAngles"));
        assertFalse(d.has("LKneeAngles"));
        // (frame - 1) / rate of the first frame
        assertEquals(1.47, d.fileTimeOfFirstSampleS(), 1e-12);
        // LHEE at frame 200 (mm in the file): (-1198.1641845703125, 316.959716796875, 28.76074981689453)
        double[] lhee = d.trajectory("LHEE").orElseThrow()[200 - 148];
        assertArrayEquals(new double[] {-1.1981641845703125, 0.316959716796875, 0.02876074981689453}, lhee,
                FLOAT_TOL_M);
        double[] rfep = d.trajectory("RFEP").orElseThrow()[300 - 148];
        assertArrayEquals(new double[] {-0.21859454345703125, 0.19752325439453125, 0.8253543090820312}, rfep,
                FLOAT_TOL_M);
    }

    @Test
    void lowerBodyFileWithUnlabelledPoints() {
        MarkerData d = read("PiG_Motion3_FF.c3d");
        assertEquals(725, d.firstFrame());
        assertEquals(293, d.frameCount());
        assertEquals(97 - 36, d.markerNames().size());
        assertTrue(d.has("*1"));
        double[] ltoe = d.trajectory("LTOE").orElseThrow()[800 - 725];
        assertArrayEquals(new double[] {0.11246956634521484, -0.25317784118652344, 0.03449732971191406}, ltoe,
                FLOAT_TOL_M);
    }

    @Test
    void file120HzWithGapsAndMedialMarkers() {
        MarkerData d = read("FunctionalWalk.c3d");
        assertEquals(120.0, d.frameRateHz(), 0.0);
        assertEquals(480, d.firstFrame());
        assertEquals(438, d.frameCount());
        assertEquals(146 - 36, d.markerNames().size());
        assertEquals(479 / 120.0, d.fileTimeOfFirstSampleS(), 1e-12);
        assertTrue(d.has("LKNEin") && d.has("RANKin"));
        double[] rank = d.trajectory("RANK").orElseThrow()[600 - 480];
        assertArrayEquals(new double[] {-0.8975660400390625, 0.4811982116699219, 0.07908670806884766}, rank,
                FLOAT_TOL_M);
        assertEquals(11, d.events().size());
    }

    @Test
    void decIntegerFileUsesDescriptionsForRepeatedLabels() {
        MarkerData d = read("MotionAnalysis_Gait_merged.c3d");
        assertEquals(100.0, d.frameRateHz(), 1e-9);
        assertEquals(1, d.firstFrame());
        assertEquals(487, d.frameCount());
        assertEquals(33, d.markerNames().size());
        // labels repeat (RKNE for R.Knee and R.Knee.Medial), so descriptions name the markers
        assertTrue(d.has("R.Knee.Medial") && d.has("R.Knee"));
        // R.Heel, frame 244: int16 x scale 0.0744..., per the Python decoder (858.662..., 77.681..., 29.763...) mm
        double[] heel = d.trajectory("R.Heel").orElseThrow()[243];
        assertArrayEquals(new double[] {0.8586620688438416, 0.07768138647079468, 0.029762983322143555}, heel,
                1e-9);
        // 293 of 487 frames of R.Heel have a negative residual
        int gaps = 0;
        for (double[] p : d.trajectory("R.Heel").orElseThrow()) {
            if (Double.isNaN(p[0])) {
                gaps++;
            }
        }
        assertEquals(293, gaps);
    }

    @Test
    void eventsMatchGroundTruthAfterTheDocumentedOffset() {
        for (String trial : List.of("PiG_Motion-FlatFoot-Full", "PiG_Motion3_FF", "FunctionalWalk")) {
            MarkerData d = read(trial + ".c3d");
            GroundTruth truth = GroundTruth.load("btk_" + trial);
            List<MocapEvent> events = d.events();
            assertEquals(truth.events().size(), events.size(), trial);
            for (int i = 0; i < events.size(); i++) {
                MocapEvent e = events.get(i);
                GroundTruth.Event t = truth.events().get(i);
                assertEquals(t.side(), e.side(), trial + " event " + i);
                assertEquals(t.type() == GroundTruth.EventType.HEEL_STRIKE, e.isFootStrike(), trial + " " + i);
                assertEquals(t.type() == GroundTruth.EventType.TOE_OFF, e.isFootOff(), trial + " " + i);
                // ground truth is rounded to 1e-4 s; the file stores float32 seconds
                assertEquals(t.timeS(), d.toFileTimeS(e.timeS()), 1e-4, trial + " event " + i);
                // the frame number in the file's own numbering is firstFrame + timeS * rate; Vicon
                // events may fall between frames (FunctionalWalk: frame 555.5) and the ground truth
                // gives the rounded frame, hence 0.5 frame
                double frame = d.firstFrame() + e.timeS() * d.frameRateHz();
                assertEquals(t.frame().getAsInt(), frame, 0.5 + 1e-3, trial + " event " + i);
            }
        }
    }

    @Test
    void firstRightHeelStrikeOfFlatFootIsAtFrame154() {
        MarkerData d = read("PiG_Motion-FlatFoot-Full.c3d");
        MocapEvent first = d.events(MocapEvent.FOOT_STRIKE).get(0);
        assertEquals(Side.RIGHT, first.side());
        // frame 154 is sample 154 - 148 = 6 -> 0.06 s after the first sample
        assertEquals(0.06, first.timeS(), 1e-6);
    }

    @Test
    void rejectsNonC3dBytes() {
        assertThrows(InvalidInputException.class, () -> C3dFile.parse(new byte[2048], "zeros"));
    }

    /**
     * Force plates: expected values from the same independent Python decoding (float analog storage; the
     * FunctionalWalk file declares UNSIGNED with offset -32768 as int16, i.e. 32768).
     */
    @Test
    void forcePlatesOfAFloatFileAndOfAnUnsignedOffsetFile() {
        List<ForcePlate> flat = C3dReader.readForcePlates(SharedData.mocap("btk/PiG_Motion-FlatFoot-Full.c3d"));
        assertEquals(2, flat.size());
        ForcePlate p1 = flat.get(0);
        assertEquals(1000.0, p1.sampleRateHz(), 0.0, "ANALOG:RATE 1000 = 10 samples per 100 Hz frame");
        assertEquals(3150, p1.verticalForceN().length, "315 frames x 10");
        assertEquals(-482.5273742675781, p1.verticalForceN()[1541], 1e-9);
        assertEquals(-441.8386535644531, p1.verticalForceN()[1500], 1e-9);
        assertArrayEquals(new double[] {-0.49991998291015625, 0.49791998291015625, 0}, p1.cornersM()[0], 1e-9);
        assertEquals(-500.8153991699219, flat.get(1).verticalForceN()[2048], 1e-9);
        assertEquals(0.015, p1.timeS(15), 1e-12, "analog sample 15 = frame 1.5 on the gaitlens clock");

        List<ForcePlate> fw = C3dReader.readForcePlates(SharedData.mocap("btk/FunctionalWalk.c3d"));
        assertEquals(3, fw.size());
        assertEquals(1080.0, fw.get(0).sampleRateHz(), 0.0);
        assertEquals(-695.4510869085789, fw.get(0).verticalForceN()[2238], 1e-6);
        assertEquals(-481.66401863470674, fw.get(2).verticalForceN()[1500], 1e-6);
        assertArrayEquals(new double[] {1.2, 0.6, 0}, fw.get(0).cornersM()[2], 1e-9);
    }

    @Test
    void threePlatesOfTheLowerBodyFile() {
        List<ForcePlate> p = C3dReader.readForcePlates(SharedData.mocap("btk/PiG_Motion3_FF.c3d"));
        assertEquals(List.of(1, 2, 3), p.stream().map(ForcePlate::number).toList());
        // the first plate's corner 2 is (400.025, -691.974, 0) mm
        assertArrayEquals(new double[] {0.4000250244140625, -0.6919739990234375, 0}, p.get(0).cornersM()[2], 1e-9);
    }
}
