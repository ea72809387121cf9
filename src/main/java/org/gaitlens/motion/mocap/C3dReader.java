package org.gaitlens.motion.mocap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads 3D point data and gait events from a C3D file, in pure Java.
 *
 * <p>Implements the C3D format as documented by the C3D user guide (Motion Lab Systems, "The C3D File
 * Format User Guide", 2008, c3d.org): a 512-byte header block, a parameter section of groups and
 * parameters, and interleaved 3D-point and analog frames. Supported:
 * <ul>
 *   <li>processor types Intel (84, little-endian IEEE floats), DEC (85, little-endian integers and VAX
 *       F-floating reals, converted to IEEE here) and MIPS/SGI (86, big-endian IEEE);</li>
 *   <li>integer storage ({@code POINT:SCALE} &gt; 0: coordinate = int16 &times; scale) and floating-point
 *       storage ({@code POINT:SCALE} &lt; 0: coordinates stored in real units);</li>
 *   <li>point labels from {@code POINT:LABELS}, {@code LABELS2}, {@code LABELS3}, ...; units from
 *       {@code POINT:UNITS} (mm, cm, m), converted to metres;</li>
 *   <li>the first frame from {@code TRIAL:ACTUAL_START_FIELD} (a 32-bit value in two 16-bit words), else
 *       the header; the frame count from {@code TRIAL:ACTUAL_END_FIELD}, else {@code POINT:FRAMES}
 *       (read unsigned), else the header;</li>
 *   <li>a negative residual word marks a missing sample (NaN);</li>
 *   <li>the {@code EVENT} group: {@code CONTEXTS} (Left / Right), {@code LABELS}, {@code TIMES} as
 *       (minutes, seconds) pairs; events of other contexts (e.g. General) are skipped.</li>
 * </ul>
 * Analog samples are skipped (their size is part of each frame's stride). Points named in
 * {@code POINT:ANGLES}, {@code FORCES}, {@code MOMENTS}, {@code POWERS}, {@code SCALARS} or in the groups
 * that {@code POINT:TYPE_GROUPS} lists are model outputs, not positions: they go, unconverted, to
 * {@link MarkerData#modelOutputs()}.
 *
 * <p>Names: when {@code POINT:LABELS} repeats a label (Motion Analysis files abbreviate
 * {@code R.Knee} and {@code R.Knee.Medial} both to {@code RKNE}) and {@code POINT:DESCRIPTIONS} are all
 * non-blank and unique, the descriptions are used as names; otherwise repeats get a {@code #2} suffix.
 *
 * <p>Time: C3D software (Vicon) counts {@code time = (frame - 1) / rate}; the event times in the file
 * follow that clock. The reader returns gaitlens times (first sample at 0 s) and sets
 * {@link MarkerData#fileTimeOfFirstSampleS()} {@code = (firstFrame - 1) / rate}.
 */
public final class C3dReader {

    private static final Logger LOG = LoggerFactory.getLogger(C3dReader.class);
    private static final int BLOCK = 512;
    private static final int INTEL = 84;
    private static final int DEC = 85;
    private static final int MIPS = 86;

    private C3dReader() {
    }

    /**
     * Reads a C3D file.
     *
     * @throws InvalidInputException if the file cannot be read or is not a C3D file this reader supports
     */
    public static MarkerData read(Path file) {
        return parse(bytes(file), file.getFileName().toString());
    }

    /** Header, parameters and data layout of a C3D file, shared by the marker and force-plate readers. */
    private record Layout(Decoder dec, Map<String, Param> params, int processor, int points, int frames,
            int firstFrame, double rateHz, double scale, boolean floats, int word, long dataOffset, long frameBytes,
            int analogPerFrame) {
    }

    private static Layout layout(byte[] bytes, String source) {
        if (bytes.length < 2 * BLOCK || bytes[1] != 0x50) {
            throw new InvalidInputException(source + " is not a C3D file (byte 2 should be 0x50)");
        }
        int parameterBlock = bytes[0] & 0xff;
        int paramStart = (parameterBlock - 1) * BLOCK;
        if (parameterBlock < 2 || paramStart + 4 > bytes.length) {
            throw new InvalidInputException(source + ": bad parameter block number " + parameterBlock);
        }
        int processor = bytes[paramStart + 3] & 0xff;
        if (processor != INTEL && processor != DEC && processor != MIPS) {
            throw new InvalidInputException(source + ": unknown C3D processor type " + processor
                    + " (expected 84 Intel, 85 DEC or 86 MIPS)");
        }
        Decoder dec = new Decoder(bytes, processor);
        Map<String, Param> params = readParameters(dec, paramStart, source);

        int headerPoints = dec.u16(2);
        int analogPerFrame = dec.u16(4);
        int headerFirst = dec.u16(6);
        int headerLast = dec.u16(8);
        double headerScale = dec.real(12);
        int headerDataStart = dec.u16(16);
        double headerRate = dec.real(20);

        int points = params.containsKey("POINT:USED") ? params.get("POINT:USED").unsignedInt(0) : headerPoints;
        double scale = params.containsKey("POINT:SCALE") ? params.get("POINT:SCALE").real(0) : headerScale;
        double rateHz = params.containsKey("POINT:RATE") ? params.get("POINT:RATE").real(0) : headerRate;
        int dataStart = params.containsKey("POINT:DATA_START")
                ? params.get("POINT:DATA_START").unsignedInt(0) : headerDataStart;
        if (!(rateHz > 0)) {
            throw new InvalidInputException(source + ": point rate must be > 0, was " + rateHz);
        }
        if (scale == 0 || Double.isNaN(scale)) {
            throw new InvalidInputException(source + ": POINT:SCALE must be non-zero, was " + scale);
        }
        int firstFrame = headerFirst;
        Param start = params.get("TRIAL:ACTUAL_START_FIELD");
        if (start != null && start.count() >= 2) {
            firstFrame = start.unsignedInt(0) | (start.unsignedInt(1) << 16);
        }
        int frames = headerLast - headerFirst + 1;
        Param end = params.get("TRIAL:ACTUAL_END_FIELD");
        Param pointFrames = params.get("POINT:FRAMES");
        if (start != null && end != null && end.count() >= 2) {
            frames = (end.unsignedInt(0) | (end.unsignedInt(1) << 16)) - firstFrame + 1;
        } else if (pointFrames != null) {
            frames = pointFrames.type == 4 ? (int) Math.round(pointFrames.real(0)) : pointFrames.unsignedInt(0);
        }
        boolean floats = scale < 0;
        int word = floats ? 4 : 2;
        long frameBytes = (4L * points + analogPerFrame) * word;
        long dataOffset = (long) (dataStart - 1) * BLOCK;
        if (dataStart < 2 || dataOffset > bytes.length) {
            throw new InvalidInputException(source + ": bad data start block " + dataStart);
        }
        long available = frameBytes == 0 ? frames : (bytes.length - dataOffset) / frameBytes;
        if (available < frames) {
            LOG.warn("{}: header announces {} frames but the file holds {}; reading {}", source, frames,
                    available, available);
            frames = (int) available;
        }
        return new Layout(dec, params, processor, points, frames, firstFrame, rateHz, scale, floats, word, dataOffset,
                frameBytes, analogPerFrame);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read C3D file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of a C3D file; {@code source} names it in messages. */
    static MarkerData parse(byte[] bytes, String source) {
        Layout lay = layout(bytes, source);
        Decoder dec = lay.dec();
        Map<String, Param> params = lay.params();
        int processor = lay.processor();
        int points = lay.points();
        int frames = lay.frames();
        int firstFrame = lay.firstFrame();
        double rateHz = lay.rateHz();
        double scale = lay.scale();
        boolean floats = lay.floats();
        int word = lay.word();
        long dataOffset = lay.dataOffset();
        long frameBytes = lay.frameBytes();
        double metresPerUnit = 1e-3;
        if (params.containsKey("POINT:UNITS")) {
            String units = params.get("POINT:UNITS").string();
            metresPerUnit = MarkerData.metresPerUnit(units);
            if (Double.isNaN(metresPerUnit)) {
                throw new InvalidInputException(source + ": unknown POINT:UNITS '" + units
                        + "' (expected mm, cm or m)");
            }
        }

        List<String> labels = pointNames(params, points, source);
        Set<String> outputs = modelOutputNames(params);
        List<String> markerNames = new ArrayList<>();
        Map<String, double[][]> positions = new LinkedHashMap<>();
        Map<String, double[][]> modelOutputs = new LinkedHashMap<>();
        double[][][] all = new double[points][frames][3];
        for (int f = 0; f < frames; f++) {
            long frameOffset = dataOffset + f * frameBytes;
            for (int p = 0; p < points; p++) {
                int o = (int) (frameOffset + (long) p * 4 * word);
                double x;
                double y;
                double z;
                boolean missing;
                if (floats) {
                    x = dec.real(o);
                    y = dec.real(o + 4);
                    z = dec.real(o + 8);
                    missing = (int) dec.real(o + 12) < 0;
                } else {
                    x = dec.i16(o) * scale;
                    y = dec.i16(o + 2) * scale;
                    z = dec.i16(o + 4) * scale;
                    missing = dec.i16(o + 6) < 0;
                }
                double[] s = all[p][f];
                if (missing) {
                    s[0] = s[1] = s[2] = Double.NaN;
                } else {
                    s[0] = x;
                    s[1] = y;
                    s[2] = z;
                }
            }
        }
        for (int p = 0; p < points; p++) {
            String name = labels.get(p);
            if (outputs.contains(name)) {
                modelOutputs.put(name, all[p]);
            } else {
                for (double[] s : all[p]) {
                    s[0] *= metresPerUnit;
                    s[1] *= metresPerUnit;
                    s[2] *= metresPerUnit;
                }
                markerNames.add(name);
                positions.put(name, all[p]);
            }
        }
        double fileTimeOfFirst = (firstFrame - 1) / rateHz;
        List<MocapEvent> events = events(params, fileTimeOfFirst, source);
        LOG.debug("{}: processor {}, {} points ({} markers), {} frames at {} Hz from frame {}, {} events",
                source, processor, points, markerNames.size(), frames, rateHz, firstFrame, events.size());
        return new MarkerData(markerNames, positions, rateHz, firstFrame, fileTimeOfFirst, events,
                modelOutputs, source);
    }

    /**
     * Reads the force plates of a C3D file ({@code FORCE_PLATFORM} group and the analog channels it names).
     * Plate types 1 and 2 (vertical force = the third channel) and 3 (Kistler: the sum of channels 5-8) are
     * read; type 4 (raw channels through {@code FORCE_PLATFORM:CAL_MATRIX}) and others are skipped with a warning. Analog value = (stored - {@code ANALOG:OFFSET}) x {@code ANALOG:SCALE} x {@code ANALOG:GEN_SCALE},
     * the stored value signed or unsigned as {@code ANALOG:FORMAT} says (integer files), a real in float
     * files; samples per marker frame = the header's analog values per frame / {@code ANALOG:USED} (checked against
     * {@code ANALOG:RATE} / {@code POINT:RATE} when given).
     *
     * @return the plates, empty when the file has none
     * @throws InvalidInputException if the file cannot be read, or its force-plate parameters are inconsistent
     */
    public static List<ForcePlate> readForcePlates(Path file) {
        return parseForcePlates(bytes(file), file.getFileName().toString());
    }

    static List<ForcePlate> parseForcePlates(byte[] bytes, String source) {
        Layout lay = layout(bytes, source);
        Map<String, Param> params = lay.params();
        Param used = params.get("FORCE_PLATFORM:USED");
        if (used == null || used.unsignedInt(0) == 0 || lay.analogPerFrame() == 0) {
            return List.of();
        }
        int plates = used.unsignedInt(0);
        int channels = params.containsKey("ANALOG:USED") ? params.get("ANALOG:USED").unsignedInt(0) : 0;
        if (channels == 0 || lay.analogPerFrame() % channels != 0) {
            throw new InvalidInputException(source + ": " + lay.analogPerFrame() + " analog values per frame do not "
                    + "divide into ANALOG:USED = " + channels + " channels");
        }
        int perFrame = lay.analogPerFrame() / channels;
        Param analogRate = params.get("ANALOG:RATE");
        if (analogRate != null && Math.abs(analogRate.real(0) - perFrame * lay.rateHz()) > 1e-3 * analogRate.real(0)) {
            LOG.warn("{}: ANALOG:RATE {} Hz disagrees with {} analog samples per {} Hz frame; using the frame layout",
                    source, analogRate.real(0), perFrame, lay.rateHz());
        }
        double[] offset = new double[channels];
        double[] scale = new double[channels];
        boolean unsigned = params.containsKey("ANALOG:FORMAT")
                && params.get("ANALOG:FORMAT").string().toUpperCase(Locale.ROOT).startsWith("UNSIGNED");
        double genScale = params.containsKey("ANALOG:GEN_SCALE") ? params.get("ANALOG:GEN_SCALE").real(0) : 1;
        Param o = params.get("ANALOG:OFFSET");
        Param sc = params.get("ANALOG:SCALE");
        if (o != null && o.count() < channels || sc != null && sc.count() < channels) {
            throw new InvalidInputException(source + ": " + channels + " analog channels but ANALOG:SCALE/OFFSET hold "
                    + (sc == null ? 0 : sc.count()) + "/" + (o == null ? 0 : o.count()) + " (ANALOG:SCALE2 and "
                    + "OFFSET2 for over 255 channels are not read)");
        }
        for (int c = 0; c < channels; c++) {
            offset[c] = o == null || c >= o.count() ? 0 : unsigned ? o.unsignedInt(c) : o.real(c);
            scale[c] = sc == null || c >= sc.count() ? 1 : sc.real(c);
        }
        Param type = params.get("FORCE_PLATFORM:TYPE");
        Param channel = params.get("FORCE_PLATFORM:CHANNEL");
        Param corners = params.get("FORCE_PLATFORM:CORNERS");
        if (type == null || channel == null || corners == null || type.count() < plates || corners.count() < 12 * plates) {
            throw new InvalidInputException(source + ": FORCE_PLATFORM:USED = " + plates + " but TYPE, CHANNEL or "
                    + "CORNERS is missing or short");
        }
        int rows = channel.dims.length > 0 ? channel.dims[0] : 6;
        double metresPerUnit = params.containsKey("POINT:UNITS")
                ? MarkerData.metresPerUnit(params.get("POINT:UNITS").string()) : 1e-3;
        if (Double.isNaN(metresPerUnit)) {
            throw new InvalidInputException(source + ": unknown POINT:UNITS '" + params.get("POINT:UNITS").string()
                    + "' (expected mm, cm or m)");
        }
        int samples = lay.frames() * perFrame;
        Decoder dec = lay.dec();
        long analogStart = 4L * lay.points() * lay.word();
        List<ForcePlate> out = new ArrayList<>();
        for (int p = 0; p < plates; p++) {
            int t = type.unsignedInt(p);
            int[] fz = switch (t) {
                case 1, 2 -> new int[] {channel.unsignedInt(p * rows + 2)};
                case 3 -> new int[] {channel.unsignedInt(p * rows + 4), channel.unsignedInt(p * rows + 5),
                        channel.unsignedInt(p * rows + 6), channel.unsignedInt(p * rows + 7)};
                default -> null;
            };
            if (fz == null) {
                LOG.warn("{}: force plate {} has type {}, which gaitlens does not read (1-3); skipped", source, p + 1, t);
                continue;
            }
            for (int c : fz) {
                if (c < 1 || c > channels) {
                    throw new InvalidInputException(source + ": force plate " + (p + 1) + " names analog channel " + c
                            + " of " + channels);
                }
            }
            double[] force = new double[samples];
            for (int f = 0; f < lay.frames(); f++) {
                long frameAt = lay.dataOffset() + f * lay.frameBytes() + analogStart;
                for (int k = 0; k < perFrame; k++) {
                    double sum = 0;
                    for (int c : fz) {
                        int at = (int) (frameAt + ((long) k * channels + c - 1) * lay.word());
                        double raw = lay.floats() ? dec.real(at) : unsigned ? dec.u16(at) : dec.i16(at);
                        sum += (raw - offset[c - 1]) * scale[c - 1] * genScale;
                    }
                    force[f * perFrame + k] = sum;
                }
            }
            double[][] xyz = new double[4][3];
            for (int k = 0; k < 4; k++) {
                for (int d = 0; d < 3; d++) {
                    xyz[k][d] = corners.real(p * 12 + k * 3 + d) * metresPerUnit;
                }
            }
            out.add(new ForcePlate(p + 1, xyz, force, lay.rateHz() * perFrame, 0));
        }
        return out;
    }

    private static List<String> pointNames(Map<String, Param> params, int points, String source) {
        List<String> labels = concatenated(params, "POINT:LABELS");
        List<String> descriptions = concatenated(params, "POINT:DESCRIPTIONS");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            String l = i < labels.size() ? labels.get(i).trim() : "";
            names.add(l.isEmpty() ? "Point" + (i + 1) : l);
        }
        if (new HashSet<>(names).size() == names.size()) {
            return names;
        }
        if (descriptions.size() >= points) {
            List<String> d = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                d.add(descriptions.get(i).trim());
            }
            if (!d.contains("") && new HashSet<>(d).size() == d.size()) {
                LOG.info("{}: POINT:LABELS repeat names; using POINT:DESCRIPTIONS as marker names", source);
                return d;
            }
        }
        List<String> unique = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String n : names) {
            int k = seen.merge(n, 1, Integer::sum);
            unique.add(k == 1 ? n : n + "#" + k);
        }
        LOG.warn("{}: POINT:LABELS repeat names; repeats renamed with a #k suffix", source);
        return unique;
    }

    private static List<String> concatenated(Map<String, Param> params, String base) {
        List<String> out = new ArrayList<>();
        Param first = params.get(base);
        if (first == null) {
            return out;
        }
        out.addAll(first.strings());
        for (int k = 2; params.containsKey(base + k); k++) {
            out.addAll(params.get(base + k).strings());
        }
        return out;
    }

    private static Set<String> modelOutputNames(Map<String, Param> params) {
        Set<String> groups = new HashSet<>(List.of("ANGLES", "FORCES", "MOMENTS", "POWERS", "SCALARS",
                "REACTIONS"));
        Param typeGroups = params.get("POINT:TYPE_GROUPS");
        if (typeGroups != null) {
            List<String> s = typeGroups.strings();
            for (int i = 0; i < s.size(); i += 2) {
                groups.add(s.get(i).trim().toUpperCase(Locale.ROOT));
            }
        }
        Set<String> names = new HashSet<>();
        for (String g : groups) {
            for (String n : concatenated(params, "POINT:" + g)) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
        }
        return names;
    }

    private static List<MocapEvent> events(Map<String, Param> params, double fileTimeOfFirst, String source) {
        Param used = params.get("EVENT:USED");
        Param times = params.get("EVENT:TIMES");
        if (used == null || times == null) {
            return List.of();
        }
        int n = used.unsignedInt(0);
        List<String> contexts = params.containsKey("EVENT:CONTEXTS")
                ? params.get("EVENT:CONTEXTS").strings() : List.of();
        List<String> labels = params.containsKey("EVENT:LABELS") ? params.get("EVENT:LABELS").strings() : List.of();
        List<MocapEvent> out = new ArrayList<>();
        for (int i = 0; i < n && 2 * i + 1 < times.count(); i++) {
            String context = i < contexts.size() ? contexts.get(i).trim() : "";
            Side side;
            if (context.equalsIgnoreCase("Left")) {
                side = Side.LEFT;
            } else if (context.equalsIgnoreCase("Right")) {
                side = Side.RIGHT;
            } else {
                LOG.debug("{}: event {} has context '{}', skipped", source, i, context);
                continue;
            }
            double fileTime = 60.0 * times.real(2 * i) + times.real(2 * i + 1);
            String label = i < labels.size() ? labels.get(i).trim() : "";
            out.add(new MocapEvent(side, label, fileTime - fileTimeOfFirst));
        }
        out.sort((a, b) -> Double.compare(a.timeS(), b.timeS()));
        return out;
    }

    private static Map<String, Param> readParameters(Decoder dec, int paramStart, String source) {
        byte[] b = dec.bytes;
        int blocks = b[paramStart + 2] & 0xff;
        int limit = Math.min(b.length, paramStart + Math.max(blocks, 1) * BLOCK);
        Map<Integer, String> groupNames = new HashMap<>();
        List<RawParam> raw = new ArrayList<>();
        int p = paramStart + 4;
        while (p + 2 < limit) {
            int nameLength = Math.abs(b[p]);
            int id = b[p + 1];
            if (nameLength == 0 || id == 0) {
                break;
            }
            String name = new String(b, p + 2, nameLength, StandardCharsets.ISO_8859_1)
                    .toUpperCase(Locale.ROOT);
            int q = p + 2 + nameLength;
            int offset = dec.i16(q);
            if (id < 0) {
                groupNames.put(-id, name);
            } else {
                int type = b[q + 2];
                int dimCount = b[q + 3] & 0xff;
                int[] dims = new int[dimCount];
                int count = 1;
                for (int d = 0; d < dimCount; d++) {
                    dims[d] = b[q + 4 + d] & 0xff;
                    count *= dims[d];
                }
                int dataAt = q + 4 + dimCount;
                int size = Math.abs(type);
                if (size != 1 && size != 2 && size != 4) {
                    throw new InvalidInputException(source + ": parameter " + name + " has bad type " + type);
                }
                raw.add(new RawParam(id, new Param(name, type, dims, dataAt, dec)));
            }
            if (offset == 0) {
                break;
            }
            p = q + offset;
        }
        Map<String, Param> params = new HashMap<>();
        for (RawParam r : raw) {
            params.put(groupNames.getOrDefault(r.groupId(), "?") + ":" + r.param().name, r.param());
        }
        return params;
    }

    private record RawParam(int groupId, Param param) {
    }

    /** One parameter: type (-1 char, 1 byte, 2 int16, 4 real), dimensions, data position. */
    private static final class Param {
        final String name;
        final int type;
        final int[] dims;
        final int dataAt;
        final Decoder dec;

        Param(String name, int type, int[] dims, int dataAt, Decoder dec) {
            this.name = name;
            this.type = type;
            this.dims = dims;
            this.dataAt = dataAt;
            this.dec = dec;
        }

        int count() {
            int c = 1;
            for (int d : dims) {
                c *= d;
            }
            return c;
        }

        /** Element {@code i} as an unsigned integer (16-bit values above 32767 are common). */
        int unsignedInt(int i) {
            return switch (type) {
                case 1 -> dec.bytes[dataAt + i] & 0xff;
                case 2 -> dec.u16(dataAt + 2 * i);
                case 4 -> (int) Math.round(dec.real(dataAt + 4 * i));
                default -> throw new IllegalStateException("parameter " + name + " is text");
            };
        }

        double real(int i) {
            return switch (type) {
                case 1 -> dec.bytes[dataAt + i];
                case 2 -> dec.i16(dataAt + 2 * i);
                case 4 -> dec.real(dataAt + 4 * i);
                default -> throw new IllegalStateException("parameter " + name + " is text");
            };
        }

        /** A character parameter of at most one dimension, trimmed. */
        String string() {
            return new String(dec.bytes, dataAt, count(), StandardCharsets.ISO_8859_1).trim();
        }

        /** A character parameter as its list of (untrimmed) strings, one per column of the first dimension. */
        List<String> strings() {
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
                out.add(new String(dec.bytes, dataAt + i * width, width, StandardCharsets.ISO_8859_1));
            }
            return out;
        }
    }

    /** Reads numbers in the byte order and real format of the file's processor type. */
    private static final class Decoder {
        final byte[] bytes;
        final int processor;
        final ByteBuffer buffer;

        Decoder(byte[] bytes, int processor) {
            this.bytes = bytes;
            this.processor = processor;
            this.buffer = ByteBuffer.wrap(bytes)
                    .order(processor == MIPS ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        }

        int i16(int at) {
            return buffer.getShort(at);
        }

        int u16(int at) {
            return buffer.getShort(at) & 0xffff;
        }

        double real(int at) {
            if (processor == DEC) {
                return vaxFloat(bytes, at);
            }
            return buffer.getFloat(at);
        }
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
