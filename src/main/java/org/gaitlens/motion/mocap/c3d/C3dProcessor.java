package org.gaitlens.motion.mocap.c3d;

import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The processor type of a C3D file (fourth byte of the parameter section: 83 + type), which fixes the byte order
 * of its integers and the format of its reals (C3D user guide, "Processor type").
 */
public enum C3dProcessor {
    /** 84: little-endian integers, IEEE 754 single-precision reals. */
    INTEL(84, ByteOrder.LITTLE_ENDIAN),
    /** 85: little-endian integers, VAX F-floating reals (converted to IEEE doubles when read). */
    DEC(85, ByteOrder.LITTLE_ENDIAN),
    /** 86 (MIPS / SGI): big-endian integers and IEEE 754 reals. */
    MIPS(86, ByteOrder.BIG_ENDIAN);

    private final int code;
    private final ByteOrder byteOrder;

    C3dProcessor(int code, ByteOrder byteOrder) {
        this.code = code;
        this.byteOrder = byteOrder;
    }

    /** The code stored in the file (84, 85 or 86). */
    public int code() {
        return code;
    }

    /** Byte order of the file's 16-bit integers (and, except DEC, of its reals). */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** The processor type stored as {@code code}, empty for an unknown code. */
    public static Optional<C3dProcessor> of(int code) {
        for (C3dProcessor p : values()) {
            if (p.code == code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
