package org.gaitlens.motion.mocap.c3d;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a C3D file, read as numbers in the byte order and real format of its {@link C3dProcessor}.
 * Positions are byte offsets from the start of the file.
 */
final class C3dBytes {
    private final byte[] bytes;
    private final C3dProcessor processor;
    private final ByteBuffer buffer;

    C3dBytes(byte[] bytes, C3dProcessor processor) {
        this.bytes = bytes;
        this.processor = processor;
        this.buffer = ByteBuffer.wrap(bytes).order(processor.byteOrder());
    }

    int length() {
        return bytes.length;
    }

    /** A signed byte. */
    int i8(int at) {
        return bytes[at];
    }

    /** An unsigned byte. */
    int u8(int at) {
        return bytes[at] & 0xff;
    }

    int i16(int at) {
        return buffer.getShort(at);
    }

    int u16(int at) {
        return buffer.getShort(at) & 0xffff;
    }

    /** A 4-byte real: IEEE single precision, or VAX F-floating in a DEC file. */
    double real(int at) {
        if (processor == C3dProcessor.DEC) {
            return vaxFloat(bytes, at);
        }
        return buffer.getFloat(at);
    }

    /** {@code length} bytes as ISO-8859-1 text, untrimmed. */
    String text(int at, int length) {
        return new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Converts a VAX F-floating number (DEC processor files) to a double. Its 32 bits are stored as two
     * little-endian 16-bit words, the word holding sign, exponent and high fraction first; the value is
     * {@code (-1)^s * 0.1f (binary) * 2^(e - 128)}, with exponent 0 meaning zero (DEC's reserved operand
     * when the sign is set, returned as NaN).
     */
    static double vaxFloat(byte[] b, int at) {
        int hi = (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
        int lo = (b[at + 2] & 0xff) | (b[at + 3] & 0xff) << 8;
        int bits = hi << 16 | lo;
        int exponent = (bits >>> 23) & 0xff;
        boolean negative = bits < 0;
        if (exponent == 0) {
            return negative ? Double.NaN : 0.0;
        }
        double fraction = 0.5 + (bits & 0x7fffff) / (double) (1 << 24);
        double v = Math.scalb(fraction, exponent - 128);
        return negative ? -v : v;
    }
}
