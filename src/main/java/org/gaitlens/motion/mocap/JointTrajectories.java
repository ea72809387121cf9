package org.gaitlens.motion.mocap;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;

/**
 * 3D trajectories of the joints the gait engine needs, derived from a marker set by
 * {@link MarkerSetMapping}: laboratory axes, metres, {@code NaN} where unknown.
 *
 * <p>Times follow {@link MarkerData}'s convention (seconds since the first sample of the file; add
 * {@link #fileTimeOfFirstSampleS()} for the laboratory's own clock). After {@link #trimmed()} the first
 * sample need not be at 0 s: times keep their meaning.
 *
 * @param timeS                  sample times in seconds, strictly increasing
 * @param positionsM             per landmark {@code [sample][x, y, z]} in metres
 * @param derivation             per landmark how it was obtained (marker names, regression), for reports
 * @param fileTimeOfFirstSampleS file time of the file's first sample (see {@link MarkerData})
 * @param events                 gait events of the file, gaitlens times
 * @param source                 origin of the data (file name)
 */
public record JointTrajectories(
        double[] timeS,
        Map<BodyLandmark, double[][]> positionsM,
        Map<BodyLandmark, String> derivation,
        double fileTimeOfFirstSampleS,
        List<MocapEvent> events,
        String source) {

    public JointTrajectories {
        for (Map.Entry<BodyLandmark, double[][]> e : positionsM.entrySet()) {
            if (e.getValue().length != timeS.length) {
                throw new IllegalArgumentException(e.getKey() + " has " + e.getValue().length
                        + " samples, expected " + timeS.length);
            }
        }
        EnumMap<BodyLandmark, double[][]> p = new EnumMap<>(BodyLandmark.class);
        p.putAll(positionsM);
        positionsM = Collections.unmodifiableMap(p);
        EnumMap<BodyLandmark, String> d = new EnumMap<>(BodyLandmark.class);
        d.putAll(derivation);
        derivation = Collections.unmodifiableMap(d);
        events = List.copyOf(events);
    }

    /** Number of samples. */
    public int size() {
        return timeS.length;
    }

    /** Whether the landmark was mapped. */
    public boolean has(BodyLandmark landmark) {
        return positionsM.containsKey(landmark);
    }

    /** Position of a landmark at sample {@code i} (NaN when missing). */
    public double[] position(BodyLandmark landmark, int i) {
        double[][] p = positionsM.get(landmark);
        if (p == null) {
            throw new IllegalArgumentException("no " + landmark + " in " + source);
        }
        return p[i];
    }

    /**
     * The same data without the leading and trailing samples in which <em>no</em> landmark is known (a
     * motion-capture file often starts before the walker enters the capture volume). Times are kept.
     */
    public JointTrajectories trimmed() {
        int first = 0;
        while (first < size() && noneKnown(first)) {
            first++;
        }
        int last = size() - 1;
        while (last >= first && noneKnown(last)) {
            last--;
        }
        if (first == 0 && last == size() - 1) {
            return this;
        }
        if (first > last) {
            throw new IllegalStateException("no landmark is known in any sample of " + source);
        }
        double[] t = java.util.Arrays.copyOfRange(timeS, first, last + 1);
        EnumMap<BodyLandmark, double[][]> p = new EnumMap<>(BodyLandmark.class);
        for (Map.Entry<BodyLandmark, double[][]> e : positionsM.entrySet()) {
            p.put(e.getKey(), java.util.Arrays.copyOfRange(e.getValue(), first, last + 1));
        }
        return new JointTrajectories(t, p, derivation, fileTimeOfFirstSampleS, events, source);
    }

    private boolean noneKnown(int i) {
        for (double[][] p : positionsM.values()) {
            if (!Vec3.isNaN(p[i])) {
                return false;
            }
        }
        return true;
    }
}
