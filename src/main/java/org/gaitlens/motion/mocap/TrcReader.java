package org.gaitlens.motion.mocap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads marker trajectories from a Track Row Column ({@code .trc}) file, the text format of Motion
 * Analysis Corp. that OpenSim uses for marker input.
 *
 * <p>Layout: line 1 {@code PathFileType 4 (X/Y/Z) name}; line 2 the keys ({@code DataRate CameraRate
 * NumFrames NumMarkers Units OrigDataRate OrigDataStartFrame OrigNumFrames}); line 3 their values; line 4
 * {@code Frame# Time} followed by each marker name in the first of its three columns; line 5 the
 * {@code X1 Y1 Z1 ...} sub-headers; then (after an optional blank line) one tab-separated row per frame:
 * frame number, time, and X, Y, Z per marker. A blank cell (or a row that stops early) is a gap. Keys
 * and values of lines 2-3 are matched by position, split on any white space.
 *
 * <p>Times follow {@link MarkerData}'s convention: {@code timeS = (frame - firstFrame) / DataRate};
 * the {@code Time} value of the first row becomes {@link MarkerData#fileTimeOfFirstSampleS()}. A data
 * row whose frame number does not continue the sequence is an error (TRC frames are consecutive).
 */
public final class TrcReader {

    private static final Logger LOG = LoggerFactory.getLogger(TrcReader.class);

    private TrcReader() {
    }

    /**
     * Reads a TRC file.
     *
     * @throws InvalidInputException if the file cannot be read or is not a well-formed TRC file
     */
    public static MarkerData read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read marker file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.getFileName().toString());
    }

    /** Parses the lines of a TRC file; {@code source} names it in messages. */
    static MarkerData parse(List<String> lines, String source) {
        if (lines.size() < 5 || !lines.get(0).startsWith("PathFileType")) {
            throw new InvalidInputException(source + " is not a TRC file (first line should start with "
                    + "'PathFileType')");
        }
        String[] keys = lines.get(1).trim().split("\\s+");
        String[] values = lines.get(2).trim().split("\\s+");
        Map<String, String> header = new HashMap<>();
        for (int i = 0; i < Math.min(keys.length, values.length); i++) {
            header.put(keys[i].toLowerCase(Locale.ROOT), values[i]);
        }
        double rateHz = number(header, "datarate", source);
        double metresPerUnit = MarkerData.metresPerUnit(header.get("units"));
        if (Double.isNaN(metresPerUnit)) {
            throw new InvalidInputException(source + ": unknown Units '" + header.get("units")
                    + "' (expected mm, cm or m)");
        }
        String[] nameCells = lines.get(3).split("\t", -1);
        List<String> names = new ArrayList<>();
        List<Integer> firstColumn = new ArrayList<>();
        for (int c = 2; c < nameCells.length; c++) {
            String name = nameCells[c].trim();
            if (!name.isEmpty()) {
                names.add(uniqueName(name, names));
                firstColumn.add(c);
            }
        }
        if (header.containsKey("nummarkers")) {
            int declared = (int) number(header, "nummarkers", source);
            if (declared != names.size()) {
                LOG.warn("{}: NumMarkers says {} but line 4 names {} markers; using the names",
                        source, declared, names.size());
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 5; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            rows.add(line.indexOf('\t') >= 0 ? line.split("\t", -1) : line.trim().split("\\s+"));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(source + " has no data rows");
        }
        int n = rows.size();
        Map<String, double[][]> positions = new LinkedHashMap<>();
        for (String name : names) {
            positions.put(name, new double[n][3]);
        }
        int firstFrame = 0;
        double firstTime = 0;
        for (int r = 0; r < n; r++) {
            String[] cells = rows.get(r);
            int frame = (int) Math.round(cell(cells, 0, source, r));
            if (r == 0) {
                firstFrame = frame;
                double t = cell(cells, 1, source, r);
                firstTime = Double.isNaN(t) ? 0.0 : t;
            } else if (frame != firstFrame + r) {
                throw new InvalidInputException(source + ": data row " + (r + 1) + " has frame " + frame
                        + ", expected " + (firstFrame + r));
            }
            for (int m = 0; m < names.size(); m++) {
                double[] p = positions.get(names.get(m))[r];
                int c0 = firstColumn.get(m);
                for (int a = 0; a < 3; a++) {
                    p[a] = cell(cells, c0 + a, source, r) * metresPerUnit;
                }
                if (Double.isNaN(p[0]) || Double.isNaN(p[1]) || Double.isNaN(p[2])) {
                    p[0] = p[1] = p[2] = Double.NaN;
                }
            }
        }
        LOG.debug("{}: {} markers, {} frames at {} Hz, first frame {}", source, names.size(), n, rateHz,
                firstFrame);
        return new MarkerData(names, positions, rateHz, firstFrame, firstTime, List.of(), Map.of(), source);
    }

    private static String uniqueName(String name, List<String> taken) {
        if (!taken.contains(name)) {
            return name;
        }
        int k = 2;
        while (taken.contains(name + "#" + k)) {
            k++;
        }
        LOG.warn("duplicate marker name '{}' renamed to '{}#{}'", name, name, k);
        return name + "#" + k;
    }

    private static double number(Map<String, String> header, String key, String source) {
        String v = header.get(key);
        if (v == null) {
            throw new InvalidInputException(source + ": header has no " + key);
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0)) {
                throw new InvalidInputException(source + ": " + key + " must be > 0, was " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source + ": " + key + " is not a number: '" + v + "'", e);
        }
    }

    private static double cell(String[] cells, int column, String source, int row) {
        if (column >= cells.length) {
            return Double.NaN;
        }
        String s = cells[column].trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source + ": data row " + (row + 1) + " column " + (column + 1)
                    + " is not a number: '" + s + "'", e);
        }
    }
}
