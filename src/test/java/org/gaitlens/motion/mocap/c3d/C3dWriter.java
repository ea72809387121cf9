package org.gaitlens.motion.mocap.c3d;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small C3D files for write-then-read tests, in any {@link C3dProcessor}'s number format (C3D user guide,
 * Motion Lab Systems 2008): a header block, a parameter section of the parameters the test adds, padded to the
 * data start block, then the frames the test adds, each value as a 16-bit integer (positive point scale) or a real
 * (negative scale). Header word 10 (analog samples per frame) and the header event table stay zero. Test support:
 * it checks nothing a reader would, so a test can also write unusual files.
 */
public final class C3dWriter {
    private static final int BLOCK = C3dHeader.BLOCK_BYTES;

    private final C3dProcessor processor;
    private final ByteOrder order;
    private final int code;
    private final Map<String, Integer> groupIds = new LinkedHashMap<>();
    private final List<byte[]> records = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    /** Header words 2-5 (1-based, as in the user guide): points, analog values per frame, first and last frame. */
    private final int[] headerWords = new int[4];
    private double scale = -1;
    private double rateHz = 100;
    private int dataStartBlock = 4;

    /**
     * The writer keeps its own table of processor codes and byte orders (C3D user guide), not the reader's, so that
     * a round trip tests them.
     */
    public C3dWriter(C3dProcessor processor) {
        this.processor = processor;
        this.order = processor == C3dProcessor.MIPS ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        this.code = switch (processor) {
            case INTEL -> 84;
            case DEC -> 85;
            case MIPS -> 86;
        };
    }

    /**
     * The header block's words: points per frame, analog values per frame, first and last frame (16-bit), point
     * scale (negative = reals: also the storage of the frames added) and frame rate.
     */
    public C3dWriter header(int points, int analogValuesPerFrame, int firstFrame, int lastFrame, double pointScale,
            double pointRateHz) {
        headerWords[0] = points;
        headerWords[1] = analogValuesPerFrame;
        headerWords[2] = firstFrame;
        headerWords[3] = lastFrame;
        this.scale = pointScale;
        this.rateHz = pointRateHz;
        return this;
    }

    /** The block where the data section starts (header word 9); the parameter section fills the blocks before. */
    public C3dWriter dataStartBlock(int block) {
        this.dataStartBlock = block;
        return this;
    }

    /** A character parameter: one string (dimension = its length) or several, padded to the longest. */
    public C3dWriter text(String key, String... values) {
        int width = 0;
        for (String v : values) {
            width = Math.max(width, v.length());
        }
        byte[] bytes = new byte[width * values.length];
        Arrays.fill(bytes, (byte) ' ');
        for (int i = 0; i < values.length; i++) {
            byte[] v = values[i].getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(v, 0, bytes, i * width, v.length);
        }
        int[] dims = values.length == 1 ? new int[] {width} : new int[] {width, values.length};
        return parameter(key, -1, dims, bytes);
    }

    /** A 16-bit integer parameter; values above 32767 are stored as their unsigned bit pattern. */
    public C3dWriter integers(String key, int[] dims, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
        for (int v : values) {
            b.putShort((short) v);
        }
        return parameter(key, 2, dims, b.array());
    }

    /** A real parameter. */
    public C3dWriter reals(String key, int[] dims, double... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (double v : values) {
            b.put(real((float) v));
        }
        return parameter(key, 4, dims, b.array());
    }

    /**
     * One frame's stored values in file order: x, y, z and residual of every point, then the analog samples; 16-bit
     * integers when the scale is positive (each value must be one), else reals.
     */
    public C3dWriter frame(double... values) {
        for (double v : values) {
            if (scale > 0) {
                if (v != Math.rint(v) || v < Short.MIN_VALUE || v > 0xffff) {
                    throw new IllegalArgumentException("integer storage cannot hold " + v);
                }
                data.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
            } else {
                data.writeBytes(real((float) v));
            }
        }
        return this;
    }

    /** The file's bytes. */
    public byte[] toBytes() {
        int parameterBlocks = dataStartBlock - 2;
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.writeBytes(new byte[] {1, 0x50, (byte) parameterBlocks, (byte) code});
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i).clone();
            if (i == records.size() - 1) {
                int nameLength = r[0];
                r[2 + nameLength] = 0; // offset 0: the last record
                r[3 + nameLength] = 0;
            }
            params.writeBytes(r);
        }
        if (params.size() > parameterBlocks * BLOCK) {
            throw new IllegalStateException("parameters need " + params.size() + " bytes; move the data start block");
        }
        ByteBuffer file = ByteBuffer.allocate((dataStartBlock - 1) * BLOCK + data.size()).order(order);
        file.put(0, (byte) 2);
        file.put(1, (byte) 0x50);
        for (int w = 0; w < 4; w++) {
            file.putShort(2 + 2 * w, (short) headerWords[w]);
        }
        file.put(12, real((float) scale));
        file.putShort(16, (short) dataStartBlock);
        file.put(20, real((float) rateHz));
        file.put(BLOCK, params.toByteArray());
        file.put((dataStartBlock - 1) * BLOCK, data.toByteArray());
        return file.array();
    }

    private C3dWriter parameter(String key, int type, int[] dims, byte[] values) {
        String[] parts = key.split(":");
        String group = parts[0];
        if (!groupIds.containsKey(group)) {
            int id = groupIds.size() + 1;
            groupIds.put(group, id);
            records.add(record(group, -id, new byte[] {0})); // no description
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(type);
        body.write(dims.length);
        for (int d : dims) {
            body.write(d);
        }
        body.writeBytes(values);
        body.write(0); // no description
        records.add(record(parts[1], groupIds.get(group), body.toByteArray()));
        return this;
    }

    /** Name length, id, name, offset to the next record (counted from the offset word), body. */
    private byte[] record(String name, int id, byte[] body) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer r = ByteBuffer.allocate(4 + n.length + body.length).order(order);
        r.put((byte) n.length).put((byte) id).put(n).putShort((short) (2 + body.length)).put(body);
        return r.array();
    }

    /** A real in the processor's format: IEEE in its byte order, or VAX F-floating for DEC. */
    private byte[] real(float v) {
        if (processor == C3dProcessor.DEC) {
            return vaxFloat(v);
        }
        return ByteBuffer.allocate(4).order(order).putFloat(v).array();
    }

    /**
     * Encodes a float as VAX F-floating, the inverse of {@link C3dBytes#vaxFloat}: same sign and 23 fraction bits,
     * exponent 2 higher (VAX {@code 0.1f x 2^(e - 128)} against IEEE {@code 1.f x 2^(E - 127)}), stored as two
     * little-endian 16-bit words, the sign-and-exponent word first. Zero and normal floats up to 2^126 only.
     */
    static byte[] vaxFloat(float v) {
        if (v == 0) {
            return new byte[4];
        }
        int bits = Float.floatToIntBits(v);
        int exponent = (bits >>> 23) & 0xff;
        if (exponent == 0 || exponent > 253) {
            throw new IllegalArgumentException("no VAX F-floating form for " + v);
        }
        int vax = (bits & 0x807fffff) | (exponent + 2) << 23;
        int hi = vax >>> 16;
        int lo = vax & 0xffff;
        return new byte[] {(byte) hi, (byte) (hi >>> 8), (byte) lo, (byte) (lo >>> 8)};
    }
}
