package org.gaitlens.motion.mocap.c3d;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitlens.core.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A parsed C3D file: its {@link C3dHeader}, its {@link C3dParameters} and the layout of its data section, whose
 * {@link #points() 3D points} and {@link #analogs() analog channels} are decoded on request.
 *
 * <p>Implements the C3D format as documented by the C3D user guide (Motion Lab Systems, "The C3D File Format User
 * Guide", 2008, c3d.org): a 512-byte header block, a parameter section, then one record per 3D frame holding every
 * point (x, y, z, residual word) followed by the frame's analog samples. Numbers follow the file's
 * {@link C3dProcessor}. Storage is integer when the point scale is positive (each value a 16-bit integer, a point
 * coordinate = integer &times; scale) and real when it is negative (4-byte reals, coordinates in real units).
 *
 * <p>Where the parameters and the header disagree, the parameters win: point count from {@code POINT:USED}, scale
 * {@code POINT:SCALE}, rate {@code POINT:RATE}, data start {@code POINT:DATA_START}; the first frame from
 * {@code TRIAL:ACTUAL_START_FIELD} (a 32-bit value in two 16-bit words), else the header; the frame count from
 * {@code TRIAL:ACTUAL_END_FIELD} (with a start field), else {@code POINT:FRAMES} (read unsigned), else the header.
 * A file shorter than its frame count announces is read up to its last whole frame, with a warning.
 *
 * <p>Not read: the header's event table, {@code POINT:LONG_FRAMES}, files over 2 GB.
 */
public final class C3dFile {

    private static final Logger LOG = LoggerFactory.getLogger(C3dFile.class);

    private final String source;
    private final C3dBytes bytes;
    private final C3dProcessor processor;
    private final C3dHeader header;
    private final C3dParameters parameters;
    private final int pointCount;
    private final int frameCount;
    private final int firstFrame;
    private final double pointRateHz;
    private final double pointScale;
    private final long dataOffset;
    private final long frameBytes;

    private C3dFile(String source, C3dBytes bytes, C3dProcessor processor, C3dHeader header,
            C3dParameters parameters, int pointCount, int frameCount, int firstFrame, double pointRateHz,
            double pointScale, long dataOffset, long frameBytes) {
        this.source = source;
        this.bytes = bytes;
        this.processor = processor;
        this.header = header;
        this.parameters = parameters;
        this.pointCount = pointCount;
        this.frameCount = frameCount;
        this.firstFrame = firstFrame;
        this.pointRateHz = pointRateHz;
        this.pointScale = pointScale;
        this.dataOffset = dataOffset;
        this.frameBytes = frameBytes;
    }

    /**
     * Reads and parses a C3D file.
     *
     * @throws InvalidInputException if the file cannot be read or is not a C3D file this reader supports
     */
    public static C3dFile read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read C3D file " + file + ": " + e.getMessage(), e);
        }
        return parse(b, file.getFileName().toString());
    }

    /**
     * Parses the bytes of a C3D file; {@code source} names it in messages.
     *
     * @throws InvalidInputException if the bytes are not a C3D file this reader supports
     */
    public static C3dFile parse(byte[] raw, String source) {
        if (raw.length < 2 * C3dHeader.BLOCK_BYTES || raw[1] != 0x50) {
            throw new InvalidInputException(source + " is not a C3D file (byte 2 should be 0x50)");
        }
        int parameterBlock = raw[0] & 0xff;
        int parameterStart = (parameterBlock - 1) * C3dHeader.BLOCK_BYTES;
        if (parameterBlock < 2 || parameterStart + 4 > raw.length) {
            throw new InvalidInputException(source + ": bad parameter block number " + parameterBlock);
        }
        int code = raw[parameterStart + 3] & 0xff;
        C3dProcessor processor = C3dProcessor.of(code).orElseThrow(() -> new InvalidInputException(source
                + ": unknown C3D processor type " + code + " (expected 84 Intel, 85 DEC or 86 MIPS)"));
        C3dBytes b = new C3dBytes(raw, processor);
        C3dParameters params = C3dParameters.read(b, parameterStart, source);
        C3dHeader header = C3dHeader.read(b);

        int points = params.unsignedInt("POINT:USED", header.pointCount());
        double scale = params.real("POINT:SCALE", header.scale());
        double rateHz = params.real("POINT:RATE", header.pointRateHz());
        int dataStart = params.unsignedInt("POINT:DATA_START", header.dataStartBlock());
        if (!(rateHz > 0)) {
            throw new InvalidInputException(source + ": point rate must be > 0, was " + rateHz);
        }
        if (scale == 0 || Double.isNaN(scale)) {
            throw new InvalidInputException(source + ": POINT:SCALE must be non-zero, was " + scale);
        }
        int firstFrame = header.firstFrame();
        C3dParameter start = params.find("TRIAL:ACTUAL_START_FIELD").orElse(null);
        if (start != null && start.count() >= 2) {
            firstFrame = start.unsignedInt(0) | (start.unsignedInt(1) << 16);
        }
        int frames = header.lastFrame() - header.firstFrame() + 1;
        C3dParameter end = params.find("TRIAL:ACTUAL_END_FIELD").orElse(null);
        C3dParameter pointFrames = params.find("POINT:FRAMES").orElse(null);
        if (start != null && end != null && end.count() >= 2) {
            frames = (end.unsignedInt(0) | (end.unsignedInt(1) << 16)) - firstFrame + 1;
        } else if (pointFrames != null) {
            frames = pointFrames.type() == 4 ? (int) Math.round(pointFrames.real(0)) : pointFrames.unsignedInt(0);
        }
        long frameBytes = (4L * points + header.analogValuesPerFrame()) * (scale < 0 ? 4 : 2);
        long dataOffset = (long) (dataStart - 1) * C3dHeader.BLOCK_BYTES;
        if (dataStart < 2 || dataOffset > raw.length) {
            throw new InvalidInputException(source + ": bad data start block " + dataStart);
        }
        long available = frameBytes == 0 ? frames : (raw.length - dataOffset) / frameBytes;
        if (available < frames) {
            LOG.warn("{}: header announces {} frames but the file holds {}; reading {}", source, frames,
                    available, available);
            frames = (int) available;
        }
        return new C3dFile(source, b, processor, header, params, points, frames, firstFrame, rateHz, scale,
                dataOffset, frameBytes);
    }

    /** The name of the file, for messages. */
    public String source() {
        return source;
    }

    public C3dProcessor processor() {
        return processor;
    }

    public C3dHeader header() {
        return header;
    }

    public C3dParameters parameters() {
        return parameters;
    }

    /** 3D points per frame. */
    public int pointCount() {
        return pointCount;
    }

    /** Frames in the data section (as many as the file holds when it is shorter than announced). */
    public int frameCount() {
        return frameCount;
    }

    /** Number of the first frame in the file's own numbering (often not 1). */
    public int firstFrame() {
        return firstFrame;
    }

    /** 3D frame rate, Hz. */
    public double pointRateHz() {
        return pointRateHz;
    }

    /** The point scale: positive for integer storage (a coordinate = integer &times; scale), negative for reals. */
    public double pointScale() {
        return pointScale;
    }

    /** Whether the data section holds 4-byte reals (negative scale) rather than 16-bit integers. */
    public boolean storesReals() {
        return pointScale < 0;
    }

    /** Analog values per 3D frame, all channels and samples together (header word 3). */
    public int analogValuesPerFrame() {
        return header.analogValuesPerFrame();
    }

    /** Decodes the 3D point data. */
    public C3dPointData points() {
        return C3dPointData.read(this);
    }

    /**
     * Decodes the analog channels.
     *
     * @throws InvalidInputException if the analog parameters do not fit the data layout
     */
    public C3dAnalogData analogs() {
        return C3dAnalogData.read(this);
    }

    C3dBytes bytes() {
        return bytes;
    }

    /** Bytes of one stored value: 4 for reals, 2 for integers. */
    int wordBytes() {
        return storesReals() ? 4 : 2;
    }

    /** Byte offset of frame {@code f} (0-based) in the file. */
    long frameOffset(int f) {
        return dataOffset + f * frameBytes;
    }
}
