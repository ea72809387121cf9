package org.gaitlens.motion.mocap.c3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class C3dBytesTest {

    @Test
    void vaxFloatDecoding() {
        // VAX F-float 1.0 = 0x40800000 as words (0x4080, 0x0000), each little-endian
        assertEquals(1.0, C3dBytes.vaxFloat(new byte[] {(byte) 0x80, 0x40, 0, 0}, 0), 0.0);
        // -0.5: sign set, exponent 128, fraction 0 -> 0x C000 0000
        assertEquals(-0.5, C3dBytes.vaxFloat(new byte[] {0, (byte) 0xC0, 0, 0}, 0), 0.0);
        // 100.0 = 0.78125 * 2^7 -> exponent 135 (0x87), fraction bits .5625 of 0.5..1 -> 0x43C8 0000
        assertEquals(100.0, C3dBytes.vaxFloat(new byte[] {(byte) 0xC8, 0x43, 0, 0}, 0), 0.0);
        assertEquals(0.0, C3dBytes.vaxFloat(new byte[] {0, 0, 0, 0}, 0), 0.0);
        // low word: 1 + 2^-23 = 0x4080 0001 (the last fraction bit sits in the second word)
        assertEquals(1 + 0x1p-23, C3dBytes.vaxFloat(new byte[] {(byte) 0x80, 0x40, 1, 0}, 0), 0.0);
    }

    /** The test writer's encoder against the hand-worked words above, then as the decoder's exact inverse. */
    @Test
    void writerEncodesVaxFloatsTheDecoderReadsBack() {
        assertArrayEquals(new byte[] {(byte) 0xC8, 0x43, 0, 0}, C3dWriter.vaxFloat(100f));
        assertArrayEquals(new byte[] {0, (byte) 0xC0, 0, 0}, C3dWriter.vaxFloat(-0.5f));
        Random random = new Random(13);
        for (int i = 0; i < 10_000; i++) {
            float v = (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6));
            assertEquals(v, C3dBytes.vaxFloat(C3dWriter.vaxFloat(v), 0), 0.0, "round trip of " + v);
        }
    }
}
