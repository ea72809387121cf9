package org.gaitlens.motion;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;

/**
 * Landmark trajectories of one walker on a common time grid: the input of the gait engine, from a
 * video's pose estimates or from motion capture projected through a virtual camera.
 *
 * <p>Landmarks that a source does not provide are absent from {@link #tracks()}. Coordinates are
 * image coordinates (x right, y down) in pixels of the source image.
 *
 * @param timeS          sample times in seconds, strictly increasing (not necessarily uniform)
 * @param tracks         per landmark its trajectory, each of {@code timeS.length} samples
 * @param imageWidthPx   width of the (real or virtual) image in pixels
 * @param imageHeightPx  height of the (real or virtual) image in pixels
 * @param pixelsPerMetre known image scale in px/m at the walker's plane, or {@code NaN} when unknown
 * @param source         human-readable description of where the data came from
 */
public record LandmarkSeries(
        double[] timeS,
        Map<BodyLandmark, LandmarkTrack> tracks,
        int imageWidthPx,
        int imageHeightPx,
        double pixelsPerMetre,
        String source) {

    public LandmarkSeries {
        for (int i = 1; i < timeS.length; i++) {
            if (!(timeS[i] > timeS[i - 1])) {
                throw new IllegalArgumentException("timeS must be strictly increasing; sample " + i + " has "
                        + timeS[i] + " after " + timeS[i - 1]);
            }
        }
        for (Map.Entry<BodyLandmark, LandmarkTrack> e : tracks.entrySet()) {
            if (e.getValue().size() != timeS.length) {
                throw new IllegalArgumentException(e.getKey() + " has " + e.getValue().size()
                        + " samples, expected " + timeS.length);
            }
        }
        EnumMap<BodyLandmark, LandmarkTrack> copy = new EnumMap<>(BodyLandmark.class);
        copy.putAll(tracks);
        tracks = Collections.unmodifiableMap(copy);
    }

    /** Number of samples. */
    public int size() {
        return timeS.length;
    }

    /** The trajectory of a landmark. */
    public LandmarkTrack track(BodyLandmark landmark) {
        LandmarkTrack t = tracks.get(landmark);
        if (t == null) {
            throw new IllegalArgumentException("this series has no " + landmark + " (source: " + source + ")");
        }
        return t;
    }

    /** Whether the series has a trajectory for the landmark. */
    public boolean has(BodyLandmark landmark) {
        return tracks.containsKey(landmark);
    }

    /**
     * Builds a series from pose frames. Frames without a person give {@code NaN} samples; confidence is
     * {@link LandmarkPoint#confidence()}.
     */
    public static LandmarkSeries fromPoseFrames(List<PoseFrame> frames, int imageWidthPx, int imageHeightPx,
            String source) {
        int n = frames.size();
        double[] t = new double[n];
        EnumMap<BodyLandmark, LandmarkTrack> tracks = new EnumMap<>(BodyLandmark.class);
        for (BodyLandmark lm : BodyLandmark.values()) {
            tracks.put(lm, new LandmarkTrack(new double[n], new double[n], new double[n]));
        }
        for (int i = 0; i < n; i++) {
            PoseFrame f = frames.get(i);
            t[i] = f.timeS();
            for (BodyLandmark lm : BodyLandmark.values()) {
                LandmarkTrack tr = tracks.get(lm);
                if (f.present()) {
                    LandmarkPoint p = f.get(lm);
                    tr.x()[i] = p.xPx();
                    tr.y()[i] = p.yPx();
                    tr.confidence()[i] = p.confidence();
                } else {
                    tr.x()[i] = Double.NaN;
                    tr.y()[i] = Double.NaN;
                    tr.confidence()[i] = 0.0;
                }
            }
        }
        return new LandmarkSeries(t, tracks, imageWidthPx, imageHeightPx, Double.NaN, source);
    }
}
