package org.gaitlens.motion.mocap.c3d;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.core.InvalidInputException;

/**
 * The parameter section of a C3D file: its groups and parameters, looked up by {@code "GROUP:NAME"} (upper case, as
 * the C3D user guide writes them, e.g. {@code "POINT:RATE"}), with typed accessors for the common single values.
 *
 * <p>Layout (C3D user guide, "The parameter section"): four bytes (the fourth is the {@link C3dProcessor}), then one
 * record per group or parameter: name length (signed byte; negative = locked), id (signed byte; negative = a group,
 * positive = a parameter of the group with that id), the name, a 16-bit offset from that word to the next record
 * (0 = last), then for a parameter its type, dimension count, dimensions and data. A record of name length 0 or
 * id 0 also ends the section. When a name occurs twice in a group, the later one is kept.
 */
public final class C3dParameters {
    private final Map<String, C3dParameter> byKey;

    private C3dParameters(Map<String, C3dParameter> byKey) {
        this.byKey = byKey;
    }

    /** Reads the section that starts at byte {@code start}; {@code source} names the file in messages. */
    static C3dParameters read(C3dBytes b, int start, String source) {
        int blocks = b.u8(start + 2);
        int limit = Math.min(b.length(), start + Math.max(blocks, 1) * C3dHeader.BLOCK_BYTES);
        Map<Integer, String> groupNames = new HashMap<>();
        List<Record> records = new ArrayList<>();
        int p = start + 4;
        while (p + 2 < limit) {
            int nameLength = Math.abs(b.i8(p));
            int id = b.i8(p + 1);
            if (nameLength == 0 || id == 0) {
                break;
            }
            String name = b.text(p + 2, nameLength).toUpperCase(Locale.ROOT);
            int q = p + 2 + nameLength;
            int offset = b.i16(q);
            if (id < 0) {
                groupNames.put(-id, name);
            } else {
                int type = b.i8(q + 2);
                int dimCount = b.u8(q + 3);
                int[] dims = new int[dimCount];
                for (int d = 0; d < dimCount; d++) {
                    dims[d] = b.u8(q + 4 + d);
                }
                int size = Math.abs(type);
                if (size != 1 && size != 2 && size != 4) {
                    throw new InvalidInputException(source + ": parameter " + name + " has bad type " + type);
                }
                records.add(new Record(id, name, type, dims, q + 4 + dimCount));
            }
            if (offset == 0) {
                break;
            }
            p = q + offset;
        }
        Map<String, C3dParameter> byKey = new HashMap<>();
        for (Record r : records) {
            String group = groupNames.getOrDefault(r.groupId(), "?");
            byKey.put(group + ":" + r.name(), new C3dParameter(group, r.name(), r.type(), r.dims(), r.dataAt(), b));
        }
        return new C3dParameters(byKey);
    }

    /** A parameter record before its group's name is known (groups may follow their parameters). */
    private record Record(int groupId, String name, int type, int[] dims, int dataAt) {
    }

    /** The parameter {@code "GROUP:NAME"}, if the file has it. */
    public Optional<C3dParameter> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Whether the file has the parameter {@code "GROUP:NAME"}. */
    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** The first element of a numeric parameter as an unsigned integer, or {@code fallback} when absent. */
    public int unsignedInt(String key, int fallback) {
        C3dParameter p = byKey.get(key);
        return p == null ? fallback : p.unsignedInt(0);
    }

    /** The first element of a numeric parameter, or {@code fallback} when absent. */
    public double real(String key, double fallback) {
        C3dParameter p = byKey.get(key);
        return p == null ? fallback : p.real(0);
    }

    /** A character parameter's strings ({@link C3dParameter#strings()}), empty when absent. */
    public List<String> strings(String key) {
        C3dParameter p = byKey.get(key);
        return p == null ? List.of() : p.strings();
    }

    /**
     * The strings of a character parameter and its continuations: {@code key}, then {@code key + "2"},
     * {@code key + "3"}, ... while they exist (how {@code POINT:LABELS} holds more than 255 labels); empty when
     * {@code key} is absent.
     */
    public List<String> concatenatedStrings(String key) {
        List<String> out = new ArrayList<>();
        if (!byKey.containsKey(key)) {
            return out;
        }
        out.addAll(byKey.get(key).strings());
        for (int k = 2; byKey.containsKey(key + k); k++) {
            out.addAll(byKey.get(key + k).strings());
        }
        return out;
    }
}
