package org.gaitlens.motion.mocap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marker trajectories of one motion-capture trial, in metres, on a uniform time grid.
 *
 * <h2>Time convention</h2>
 * gaitlens counts time from the <em>first sample of the file</em>, like a video whose first frame is
 * at 0 s: {@code timeS[i] = (frame_i - firstFrame) / frameRateHz}. Laboratory software counts
 * differently: C3D (Vicon) times are {@code (frame - 1) / rate} in the file's own frame numbering, whose
 * first frame is usually not 1 (for example {@code PiG_Motion-FlatFoot-Full.c3d} starts at frame 148, so
 * its first sample is at Vicon time 1.47 s); a TRC's {@code Time} column starts at whatever the
 * exporter wrote. {@link #fileTimeOfFirstSampleS()} is the file's own time of the first sample, so
 * <pre>  fileTimeS = timeS + fileTimeOfFirstSampleS</pre>
 * converts gaitlens times to the laboratory's (see {@link #toFileTimeS(double)} and
 * {@link #fromFileTimeS(double)}). Events in {@link #events()} are already in the gaitlens convention.
 *
 * <h2>Coordinates</h2>
 * The laboratory's own axes, unchanged (Vicon: Z up; OpenSim: Y up), converted to metres. Samples
 * where a marker is missing (C3D residual &lt; 0, blank TRC cell) are {@code NaN} on all three axes.
 *
 * @param markerNames            marker names in file order (unique)
 * @param positionsM             per marker {@code [sample][x, y, z]} in metres, NaN for gaps
 * @param frameRateHz            sampling rate of the marker data
 * @param firstFrame             frame number of the first sample in the file's own numbering
 * @param fileTimeOfFirstSampleS time of the first sample in the file's own time convention
 * @param events                 gait events from the file (possibly empty), times in gaitlens convention
 * @param modelOutputs           non-positional point channels of a C3D file (angles in degrees, forces in N,
 *                               moments, powers), as stored and <em>not</em> unit-converted; empty for TRC
 * @param source                 human-readable origin (file name)
 */
public record MarkerData(
        List<String> markerNames,
        Map<String, double[][]> positionsM,
        double frameRateHz,
        int firstFrame,
        double fileTimeOfFirstSampleS,
        List<MocapEvent> events,
        Map<String, double[][]> modelOutputs,
        String source) {

    public MarkerData {
        if (!(frameRateHz > 0) || !Double.isFinite(frameRateHz)) {
            throw new IllegalArgumentException("frameRateHz must be > 0, was " + frameRateHz);
        }
        if (!Double.isFinite(fileTimeOfFirstSampleS)) {
            throw new IllegalArgumentException("fileTimeOfFirstSampleS must be finite, was "
                    + fileTimeOfFirstSampleS);
        }
        if (markerNames.size() != positionsM.size()) {
            throw new IllegalArgumentException(markerNames.size() + " marker names but "
                    + positionsM.size() + " trajectories");
        }
        int n = -1;
        for (String name : markerNames) {
            double[][] p = positionsM.get(name);
            if (p == null) {
                throw new IllegalArgumentException("no trajectory for marker '" + name + "'");
            }
            if (n < 0) {
                n = p.length;
            } else if (p.length != n) {
                throw new IllegalArgumentException("marker '" + name + "' has " + p.length
                        + " samples, expected " + n);
            }
        }
        markerNames = List.copyOf(markerNames);
        positionsM = Collections.unmodifiableMap(new LinkedHashMap<>(positionsM));
        events = List.copyOf(events);
        modelOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(modelOutputs));
    }

    /** Number of samples (frames). */
    public int frameCount() {
        return markerNames.isEmpty() ? 0 : positionsM.get(markerNames.get(0)).length;
    }

    /** Time of sample {@code i} in gaitlens convention: {@code i / frameRateHz}. */
    public double timeS(int i) {
        return i / frameRateHz;
    }

    /** All sample times in gaitlens convention (first sample at 0 s). */
    public double[] timeS() {
        double[] t = new double[frameCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = timeS(i);
        }
        return t;
    }

    /** Converts a gaitlens time to the file's own time convention. */
    public double toFileTimeS(double timeS) {
        return timeS + fileTimeOfFirstSampleS;
    }

    /** Converts a time in the file's own convention (e.g. ground truth from the lab) to gaitlens time. */
    public double fromFileTimeS(double fileTimeS) {
        return fileTimeS - fileTimeOfFirstSampleS;
    }

    /** Whether a marker of that exact name exists. */
    public boolean has(String name) {
        return positionsM.containsKey(name);
    }

    /** The trajectory of a marker, {@code [sample][x, y, z]} in metres. */
    public Optional<double[][]> trajectory(String name) {
        return Optional.ofNullable(positionsM.get(name));
    }

    /** Fraction of samples in which the marker is present, in [0, 1]; 0 for an unknown marker. */
    public double coverage(String name) {
        double[][] p = positionsM.get(name);
        if (p == null || p.length == 0) {
            return 0;
        }
        int ok = 0;
        for (double[] s : p) {
            if (!Double.isNaN(s[0])) {
                ok++;
            }
        }
        return ok / (double) p.length;
    }

    /** Events with a given label (e.g. {@link MocapEvent#FOOT_STRIKE}), in time order. */
    public List<MocapEvent> events(String label) {
        List<MocapEvent> out = new ArrayList<>();
        for (MocapEvent e : events) {
            if (e.label().equalsIgnoreCase(label)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Metres per unit for a unit string of a marker file ({@code mm}, {@code cm}, {@code m}). */
    static double metresPerUnit(String units) {
        String u = units == null ? "" : units.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (u) {
            case "mm", "millimeters", "millimetres" -> 1e-3;
            case "cm", "centimeters", "centimetres" -> 1e-2;
            case "m", "meters", "metres" -> 1.0;
            default -> Double.NaN;
        };
    }
}
