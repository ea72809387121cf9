package org.gaitlens.pose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, track segments and notes of one video's tracking, as the {@link TrackingReport} gives them.
 */
final class TrackingLog {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingLog.class);

    /** Segment reason of the first track. */
    static final String FIRST_DETECTION = "first detection";
    /** Reason of a re-detection near the lost track: the same person, so the segment goes on. */
    static final String NEAR_LOST_TRACK = "re-detection near the lost track";
    /** Segment reason of a re-detection far from the lost track. */
    static final String ELSEWHERE = "re-detection elsewhere (identity may have changed)";
    /** Segment reason of a move to a person walking across the frame. */
    static final String WALKER_SWITCH = "walker switch";

    private int frames;
    private int framesWithPose;
    private int redetections;
    private int identityLost;
    private int walkerSwitches;
    private final List<TrackingReport.TrackSegment> segments = new ArrayList<>();
    private int segFirst = -1;
    private int segLast = -1;
    private int segFrames;
    private String segReason = "";
    private final List<String> notes = new ArrayList<>();

    /** {@code n} more frames were decided (with or without a pose). */
    void framesDecided(int n) {
        frames += n;
    }

    /** The frame with index {@code index} has a pose of the current track. */
    void pose(int index) {
        framesWithPose++;
        segFrames++;
        segLast = index;
        if (segFirst < 0) {
            segFirst = index;
        }
    }

    /** The detector re-started a lost track; {@code identityLost}: far from where the lost one was predicted. */
    void redetection(boolean identityLost) {
        redetections++;
        if (identityLost) {
            this.identityLost++;
        }
    }

    /** The track was moved to a person walking across the frame. */
    void walkerSwitch() {
        walkerSwitches++;
    }

    /**
     * A track starts for {@code reason}: the current segment is closed and a new one opens, except after
     * {@link #NEAR_LOST_TRACK} (the same person), where the segment goes on.
     *
     * @return whether a new segment opened
     */
    boolean trackStarted(String reason) {
        if (NEAR_LOST_TRACK.equals(reason)) {
            return false;
        }
        if (segFirst >= 0) {
            segments.add(new TrackingReport.TrackSegment(segments.size() + 1, segFirst, segLast, segFrames, segReason));
        }
        segFirst = -1;
        segLast = -1;
        segFrames = 0;
        segReason = reason;
        return true;
    }

    /** Adds a human-readable event of the frame with index {@code index} at time {@code t} (also logged). */
    void note(double t, int index, String what) {
        String n = String.format(Locale.ROOT, "t=%.3f s (frame %d): %s", t, index, what);
        notes.add(n);
        LOG.debug(n);
    }

    /** The report so far, the open segment included, with the inference counts and times. */
    TrackingReport report(BlazePoseInference inference) {
        List<TrackingReport.TrackSegment> segs = new ArrayList<>(segments);
        if (segFirst >= 0) {
            segs.add(new TrackingReport.TrackSegment(segs.size() + 1, segFirst, segLast, segFrames, segReason));
        }
        return new TrackingReport(frames, framesWithPose, inference.detectorRuns(), redetections, identityLost,
                walkerSwitches, inference.meanDetectorMs(), inference.meanLandmarkMs(), segs, notes);
    }
}
