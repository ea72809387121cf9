package org.gaitlens.motion.mocap.c3d;

import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a C3D parameter section: its group and name, its type (-1 character, 1 byte, 2 16-bit integer,
 * 4 real), its dimensions (first dimension varies fastest) and its values, read in place from the file's bytes.
 */
public final class C3dParameter {
    private final String group;
    private final String name;
    private final int type;
    private final int[] dims;
    private final int dataAt;
    private final C3dBytes bytes;

    C3dParameter(String group, String name, int type, int[] dims, int dataAt, C3dBytes bytes) {
        this.group = group;
        this.name = name;
        this.type = type;
        this.dims = dims.clone();
        this.dataAt = dataAt;
        this.bytes = bytes;
    }

    /** Group name, upper case ({@code ?} when the file names no group of this parameter's id). */
    public String group() {
        return group;
    }

    /** Parameter name, upper case. */
    public String name() {
        return name;
    }

    /** -1 character, 1 byte, 2 16-bit integer, 4 real. */
    public int type() {
        return type;
    }

    /** The dimensions, first varying fastest; empty for a scalar. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    public int count() {
        int c = 1;
        for (int d : dims) {
            c *= d;
        }
        return c;
    }

    /**
     * Element {@code i} as an unsigned integer (16-bit values above 32767 are common); a real is rounded.
     *
     * @throws IllegalStateException if the parameter is text
     */
    public int unsignedInt(int i) {
        return switch (type) {
            case 1 -> bytes.u8(dataAt + i);
            case 2 -> bytes.u16(dataAt + 2 * i);
            case 4 -> (int) Math.round(bytes.real(dataAt + 4 * i));
            default -> throw new IllegalStateException("parameter " + name + " is text");
        };
    }

    /**
     * Element {@code i} as a number; bytes and 16-bit integers are read signed.
     *
     * @throws IllegalStateException if the parameter is text
     */
    public double real(int i) {
        return switch (type) {
            case 1 -> bytes.i8(dataAt + i);
            case 2 -> bytes.i16(dataAt + 2 * i);
            case 4 -> bytes.real(dataAt + 4 * i);
            default -> throw new IllegalStateException("parameter " + name + " is text");
        };
    }

    /** A character parameter of at most one dimension, trimmed. */
    public String string() {
        return bytes.text(dataAt, count()).trim();
    }

    /**
     * A character parameter as its list of (untrimmed) strings, one per column of the first dimension; empty when the
     * parameter is not text.
     */
    public List<String> strings() {
        List<String> out = new ArrayList<>();
        if (type != -1) {
            return out;
        }
        if (dims.length <= 1) {
            out.add(string());
            return out;
        }
        int width = dims[0];
        int n = count() / Math.max(width, 1);
        for (int i = 0; i < n; i++) {
            out.add(bytes.text(dataAt + i * width, width));
        }
        return out;
    }
}
