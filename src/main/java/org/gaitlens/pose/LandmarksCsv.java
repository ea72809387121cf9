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
        StringBuilder sb = new StringBuilder(128);
        for (BodyLandmark lm : BodyLandmark.values()) {
            sb.setLength(0);
            sb.append(f.frameIndex()).append(',').append(fmt(f.timeS(), 6)).append(',').append(lm.fileName());
            if (f.present()) {
                LandmarkPoint p = f.get(lm);
                sb.append(',').append(fmt(p.xPx(), 3))
                        .append(',').append(fmt(p.yPx(), 3))
                        .append(',').append(fmt(p.z(), 3))
                        .append(',').append(fmt(p.visibility(), 4))
                        .append(',').append(fmt(p.presence(), 4))
                        .append(',').append(fmt(p.worldXM(), 5))
                        .append(',').append(fmt(p.worldYM(), 5))
                        .append(',').append(fmt(p.worldZM(), 5))
                        .append(',').append(fmt(f.poseScore(), 4));
            } else {
                sb.append(",,,,,,,,,");
            }
            w.write(sb.toString());
            w.newLine();
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

    private static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
