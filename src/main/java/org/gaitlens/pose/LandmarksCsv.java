package org.gaitlens.pose;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.InvalidInputException;

/**
 * Reads and writes {@code landmarks.csv}: one row per frame and landmark.
 *
 * <p>Columns: {@code frame,time_s,landmark,x_px,y_px,z,visibility,presence,world_x_m,world_y_m,world_z_m,pose_score}.
 * A frame in which no person was found has one row per landmark with empty numeric fields, so that
 * missing frames stay visible in the file. Numbers use a dot as decimal separator.
 */
public final class LandmarksCsv {
    /** Header line of the file. */
    public static final String HEADER =
            "frame,time_s,landmark,x_px,y_px,z,visibility,presence,world_x_m,world_y_m,world_z_m,pose_score";

    private LandmarksCsv() {
    }

    /** Writes all frames to {@code file} (UTF-8, atomically through a temporary file). */
    public static void write(Path file, List<PoseFrame> frames) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            for (PoseFrame f : frames) {
                writeFrame(w, f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes one frame's rows (33 lines) to an open writer; used for streaming output. */
    public static void writeFrame(BufferedWriter w, PoseFrame f) throws IOException {
        StringBuilder sb = new StringBuilder(160);
        for (BodyLandmark lm : BodyLandmark.values()) {
            sb.setLength(0);
            sb.append(f.frameIndex()).append(',');
            appendFixed(sb, f.timeS(), 6);
            sb.append(',').append(lm.fileName());
            if (f.present()) {
                LandmarkPoint p = f.get(lm);
                appendFixed(sb.append(','), p.xPx(), 3);
                appendFixed(sb.append(','), p.yPx(), 3);
                appendFixed(sb.append(','), p.z(), 3);
                appendFixed(sb.append(','), p.visibility(), 4);
                appendFixed(sb.append(','), p.presence(), 4);
                appendFixed(sb.append(','), p.worldXM(), 5);
                appendFixed(sb.append(','), p.worldYM(), 5);
                appendFixed(sb.append(','), p.worldZM(), 5);
                appendFixed(sb.append(','), f.poseScore(), 4);
            } else {
                sb.append(",,,,,,,,,");
            }
            sb.append(System.lineSeparator());
            w.append(sb);
        }
    }

    /**
     * Reads a landmarks file written by {@link #write}. Frames are returned in frame order.
     *
     * @throws InvalidInputException if the file is missing, has the wrong header or malformed rows
     */
    public static List<PoseFrame> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": landmarks file not found");
        }
        Map<Integer, double[][]> values = new LinkedHashMap<>();
        Map<Integer, Double> times = new LinkedHashMap<>();
        Map<Integer, Double> scores = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.trim().startsWith("frame,time_s,landmark,x_px,y_px")) {
                throw new InvalidInputException(file + ": not a gaitlens landmarks.csv (header must start with "
                        + "'frame,time_s,landmark,x_px,y_px')");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", -1);
                if (c.length < 11) {
                    throw new InvalidInputException(file + ":" + lineNo + ": expected at least 11 columns, found " + c.length);
                }
                try {
                    int frame = Integer.parseInt(c[0].trim());
                    times.putIfAbsent(frame, Double.parseDouble(c[1].trim()));
                    BodyLandmark lm = BodyLandmark.fromFileName(c[2]);
                    double[][] frameValues = values.computeIfAbsent(frame, k -> newFrameValues());
                    if (!c[3].isBlank()) {
                        double[] v = frameValues[lm.ordinal()];
                        for (int i = 0; i < 8; i++) {
                            v[i] = Double.parseDouble(c[3 + i].trim());
                        }
                        if (c.length > 11 && !c[11].isBlank()) {
                            scores.put(frame, Double.parseDouble(c[11].trim()));
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<PoseFrame> frames = new ArrayList<>(values.size());
        values.keySet().stream().sorted().forEach(frame -> {
            double[][] v = values.get(frame);
            boolean present = Arrays.stream(v).anyMatch(p -> !Double.isNaN(p[0]));
            if (!present) {
                frames.add(PoseFrame.missing(frame, times.get(frame)));
            } else {
                List<LandmarkPoint> pts = new ArrayList<>(BodyLandmark.COUNT);
                for (double[] p : v) {
                    pts.add(new LandmarkPoint(p[0], p[1], p[2], nanToZero(p[3]), nanToZero(p[4]), p[5], p[6], p[7]));
                }
                frames.add(new PoseFrame(frame, times.get(frame), pts, scores.getOrDefault(frame, 1.0)));
            }
        });
        return frames;
    }

    private static double[][] newFrameValues() {
        double[][] v = new double[BodyLandmark.COUNT][8];
        for (double[] p : v) {
            Arrays.fill(p, Double.NaN);
        }
        return v;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0.0 : v;
    }

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /**
     * Appends {@code v} with a fixed number of decimals (half away from zero on the binary value), as
     * {@code String.format("%.nf")} does (up to ties in the last place, and no sign on a zero), without its format parsing
     * (a whole frame's rows went from ~1 ms to a few microseconds); nothing for NaN.
     */
    static void appendFixed(StringBuilder sb, double v, int decimals) {
        if (Double.isNaN(v)) {
            return;
        }
        if (decimals >= POW10.length || !(Math.abs(v) < 1e12)) {
            sb.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
            return;
        }
        long scale = POW10[decimals];
        long units = Math.round(Math.abs(v) * scale);
        if (v < 0 && units != 0) {
            sb.append('-');
        }
        sb.append(units / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(units % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }
}
