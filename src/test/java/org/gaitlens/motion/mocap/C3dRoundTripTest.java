package org.gaitlens.motion.mocap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gaitlens.core.Side;
import org.gaitlens.motion.mocap.c3d.C3dFile;
import org.gaitlens.motion.mocap.c3d.C3dParameter;
import org.gaitlens.motion.mocap.c3d.C3dProcessor;
import org.gaitlens.motion.mocap.c3d.C3dWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write-then-read: a small synthetic trial is written as a C3D file for every processor type (Intel, DEC with VAX
 * reals, MIPS big-endian; the validation files are all Intel but one DEC file) in integer and in real storage, and
 * read back through {@link C3dReader}. Every stored value is exact in both storages (small integers, a power-of-two
 * scale, float-representable reals), so the expected values follow from the stored ones by the documented formulas
 * (coordinate = stored x scale, x 1e-3 m/mm; analog = (stored - offset) x scale x gen_scale) and are compared with no
 * tolerance.
 *
 * <p>The trial: frames 70000-70003 at 100 Hz (the first frame needs {@code TRIAL:ACTUAL_START_FIELD}'s two words),
 * markers {@code LHEE} and {@code RHEE} in mm ({@code RHEE} missing in frame 2: negative residual), the model output
 * {@code LKneeAngles} (listed in {@code POINT:ANGLES}, kept unconverted), three events (Left, Right, General), two
 * analog channels at two samples per frame and one type-2 force plate whose vertical force is channel 2.
 */
class C3dRoundTripTest {

    private static final int FIRST_FRAME = 70_000;
    private static final int FRAMES = 4;
    private static final double RATE_HZ = 100;
    /** Integer storage: coordinate = stored x 0.25 mm (a power of two, so exact). */
    private static final double INTEGER_SCALE = 0.25;

    /** Stored x, y, z per point and frame: {@code [point][frame][axis]}. */
    private static final double[][][] STORED = {
        {{-1200, 316, 28}, {-1150, 318, 30}, {-1100, 320, 29}, {-1050, 322, 27}},
        {{-900, 120, 40}, {-860, 122, 44}, {999, 999, 999}, {-780, 126, 41}},
        {{12, -3, 5}, {14, -3, 5}, {16, -2, 6}, {18, -2, 6}},
    };
    /** Residual word per point and frame; negative = missing. */
    private static final int[][] RESIDUAL = {{0, 0, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, 0}};
    private static final int ANALOG_PER_FRAME = 2;
    /** Stored analog values {@code [channel][sample]}: channel 1 a horizontal force, channel 2 the vertical. */
    private static final double[][] ANALOG = {
        {10, 12, 14, 16, 18, 20, 22, 24},
        {40000, 40100, 40200, 40300, 40400, 40500, 40600, 40700},
    };
    /** Event times (minutes, seconds): 700.05 s ~ frame 70006 in Vicon's (frame - 1) / rate clock. */
    private static final float[] EVENT_TIMES = {11, 40.05f, 11, 40.02f, 11, 40.03f};

    static Stream<Arguments> files() {
        return Stream.of(C3dProcessor.values()).flatMap(p -> Stream.of(Arguments.of(p, true), Arguments.of(p, false)));
    }

    /** The trial in the given format; in real storage the analog values are shifted down by 32768. */
    private static byte[] write(C3dProcessor processor, boolean reals) {
        double scale = reals ? -INTEGER_SCALE : INTEGER_SCALE;
        C3dWriter w = new C3dWriter(processor)
                .header(3, 2 * ANALOG_PER_FRAME, FIRST_FRAME & 0xffff, (FIRST_FRAME + FRAMES - 1) & 0xffff, scale,
                        RATE_HZ)
                .dataStartBlock(5)
                .integers("POINT:USED", new int[0], 3)
                .reals("POINT:SCALE", new int[0], scale)
                .reals("POINT:RATE", new int[0], RATE_HZ)
                .integers("POINT:DATA_START", new int[0], 5)
                .integers("POINT:FRAMES", new int[0], FRAMES)
                .text("POINT:UNITS", "mm")
                .text("POINT:LABELS", "LHEE", "RHEE", "LKneeAngles")
                .text("POINT:ANGLES", "LKneeAngles")
                .integers("TRIAL:ACTUAL_START_FIELD", new int[] {2}, FIRST_FRAME & 0xffff, FIRST_FRAME >>> 16)
                .integers("TRIAL:ACTUAL_END_FIELD", new int[] {2}, (FIRST_FRAME + FRAMES - 1) & 0xffff,
                        (FIRST_FRAME + FRAMES - 1) >>> 16)
                .integers("EVENT:USED", new int[0], 3)
                .text("EVENT:CONTEXTS", "Left", "Right", "General")
                .text("EVENT:LABELS", "Foot Strike", "Foot Off", "Event")
                .reals("EVENT:TIMES", new int[] {2, 3}, toDoubles(EVENT_TIMES))
                .integers("ANALOG:USED", new int[0], 2)
                .reals("ANALOG:RATE", new int[0], RATE_HZ * ANALOG_PER_FRAME)
                .reals("ANALOG:SCALE", new int[] {2}, 0.5, -0.25)
                .reals("ANALOG:GEN_SCALE", new int[0], 2)
                .integers("FORCE_PLATFORM:USED", new int[0], 1)
                .integers("FORCE_PLATFORM:TYPE", new int[] {1}, 2)
                .integers("FORCE_PLATFORM:CHANNEL", new int[] {6, 1}, 1, 1, 2, 1, 1, 1)
                .reals("FORCE_PLATFORM:CORNERS", new int[] {3, 4, 1},
                        600, 400, 0, 0, 400, 0, 0, 0, 0, 600, 0, 0);
        if (reals) {
            // signed offsets: 16-bit integers read as such
            w.integers("ANALOG:OFFSET", new int[] {2}, 0, -8);
        } else {
            // unsigned storage: stored values above 32767 and an offset of 32768 (0x8000), as FunctionalWalk.c3d
            w.text("ANALOG:FORMAT", "UNSIGNED").integers("ANALOG:OFFSET", new int[] {2}, 0, 32768);
        }
        for (int f = 0; f < FRAMES; f++) {
            double[] values = new double[4 * 3 + 2 * ANALOG_PER_FRAME];
            for (int p = 0; p < 3; p++) {
                System.arraycopy(STORED[p][f], 0, values, 4 * p, 3);
                values[4 * p + 3] = RESIDUAL[p][f];
            }
            for (int k = 0; k < ANALOG_PER_FRAME; k++) {
                for (int c = 0; c < 2; c++) {
                    values[12 + 2 * k + c] = analogStored(c, f * ANALOG_PER_FRAME + k, reals);
                }
            }
            w.frame(values);
        }
        return w.toBytes();
    }

    private static double analogStored(int channel, int sample, boolean reals) {
        return ANALOG[channel][sample] - (reals && channel == 1 ? 32768 : 0);
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @ParameterizedTest(name = "{0}, reals {1}")
    @MethodSource("files")
    void layersReadTheHeaderParametersAndData(C3dProcessor processor, boolean reals) {
        C3dFile file = C3dFile.parse(write(processor, reals), "synthetic.c3d");
        assertEquals(processor, file.processor());
        assertEquals(reals, file.storesReals());
        assertEquals(3, file.header().pointCount());
        assertEquals(4, file.header().analogValuesPerFrame());
        assertEquals(FIRST_FRAME, file.firstFrame(), "32-bit first frame from TRIAL:ACTUAL_START_FIELD");
        assertEquals(FRAMES, file.frameCount());
        assertEquals(RATE_HZ, file.pointRateHz(), 0.0);
        assertEquals(List.of("LHEE", "RHEE", "LKneeAngles"),
                file.parameters().strings("POINT:LABELS").stream().map(String::trim).toList());
        assertEquals(List.of(6, 1), Arrays.stream(
                file.parameters().find("FORCE_PLATFORM:CHANNEL").orElseThrow().dims()).boxed().toList());
        // a 16-bit parameter reads signed through real(), unsigned through unsignedInt() (0x8000: -32768 / 32768)
        C3dParameter offset = file.parameters().find("ANALOG:OFFSET").orElseThrow();
        assertEquals(reals ? -8.0 : -32768.0, offset.real(1), 0.0);
        assertEquals(reals ? 65528 : 32768, offset.unsignedInt(1));
        assertEquals(2, file.analogs().channelCount());
        assertEquals(200.0, file.analogs().rateHz(), 0.0);
        // channel 1: (stored - 0) x 0.5 x 2
        double[] ch1 = file.analogs().channel(1);
        for (int i = 0; i < ch1.length; i++) {
            assertEquals(ANALOG[0][i], ch1[i], 0.0, "channel 1 sample " + i);
        }
    }

    @ParameterizedTest(name = "{0}, reals {1}")
    @MethodSource("files")
    void markersModelOutputsAndEventsReadBackExactly(C3dProcessor processor, boolean reals, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("synthetic.c3d");
        Files.write(file, write(processor, reals));
        MarkerData d = C3dReader.read(file);
        assertEquals(List.of("LHEE", "RHEE"), d.markerNames());
        assertEquals(List.of("LKneeAngles"), List.copyOf(d.modelOutputs().keySet()));
        assertEquals(FIRST_FRAME, d.firstFrame());
        assertEquals(FRAMES, d.frameCount());
        double fileTimeOfFirst = (FIRST_FRAME - 1) / RATE_HZ;
        assertEquals(fileTimeOfFirst, d.fileTimeOfFirstSampleS(), 0.0);
        Map<String, double[][]> read = Map.of("LHEE", d.trajectory("LHEE").orElseThrow(),
                "RHEE", d.trajectory("RHEE").orElseThrow(), "LKneeAngles", d.modelOutputs().get("LKneeAngles"));
        List<String> order = List.of("LHEE", "RHEE", "LKneeAngles");
        for (int p = 0; p < 3; p++) {
            for (int f = 0; f < FRAMES; f++) {
                double[] expected = new double[3];
                for (int a = 0; a < 3; a++) {
                    // integer storage: stored x 0.25 mm; reals: the value itself; markers then x 1e-3 m/mm
                    double v = reals ? STORED[p][f][a] : STORED[p][f][a] * INTEGER_SCALE;
                    expected[a] = RESIDUAL[p][f] < 0 ? Double.NaN : p < 2 ? v * 1e-3 : v;
                }
                assertArrayEquals(expected, read.get(order.get(p))[f], 0.0, order.get(p) + " frame " + f);
            }
        }
        // the General event is skipped; the other two come in time order (Foot Off at 40.02 s first)
        List<MocapEvent> events = d.events();
        assertEquals(2, events.size());
        assertEquals(new MocapEvent(Side.RIGHT, "Foot Off", 60.0 * EVENT_TIMES[2] + EVENT_TIMES[3] - fileTimeOfFirst),
                events.get(0));
        assertEquals(new MocapEvent(Side.LEFT, "Foot Strike", 60.0 * EVENT_TIMES[0] + EVENT_TIMES[1] - fileTimeOfFirst),
                events.get(1));
        assertFalse(d.has("LKneeAngles"));
    }

    @ParameterizedTest(name = "{0}, reals {1}")
    @MethodSource("files")
    void forcePlateReadsBackExactly(C3dProcessor processor, boolean reals, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("synthetic.c3d");
        Files.write(file, write(processor, reals));
        List<ForcePlate> plates = C3dReader.readForcePlates(file);
        // vertical force = channel 2: (stored - offset) x -0.25 x 2, with (stored, offset) = (v, 32768) unsigned or
        // (v - 32768, -8) signed
        double[] force = new double[FRAMES * ANALOG_PER_FRAME];
        for (int i = 0; i < force.length; i++) {
            double fromOffset = reals ? ANALOG[1][i] - 32768 + 8 : ANALOG[1][i] - 32768;
            force[i] = fromOffset * -0.25 * 2;
        }
        double mm = 1e-3;
        double[][] cornersM = {{600 * mm, 400 * mm, 0}, {0, 400 * mm, 0}, {0, 0, 0}, {600 * mm, 0, 0}};
        assertEquals(List.of(new ForcePlate(1, cornersM, force, RATE_HZ * ANALOG_PER_FRAME, 0)), plates);
    }
}
