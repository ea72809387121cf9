package org.gaitlens.pose;

import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/**
 * Combines the landmark model's result on a crop with its result on the crop's horizontal mirror (mapped back with
 * left and right exchanged, {@link PoseLandmarker#estimateWithMirror}): horizontal-flip test-time augmentation, as
 * used when evaluating pose networks (e.g. Xiao, Wu and Wei 2018, "Simple Baselines for Human Pose Estimation and
 * Tracking", ECCV, arXiv:1804.06208, who average the heatmaps of the image and its flip).
 *
 * <p>The mirrored run's legs are first matched to the direct run's ({@link #legsMatched}). Per landmark, positions (image x, y, relative depth z and world x, y, z) are averaged with the two runs'
 * visibilities as weights (equal weights when both are 0), and visibility, presence and the pose score are the plain
 * means. The auxiliary alignment points (hip centre and body-scale point, which set the next frame's region) are the
 * plain means. Deviation from the published averaging: BlazePose regresses coordinates rather than only heatmaps,
 * so the final coordinates are averaged, each run having been refined from its own heatmap first.
 *
 * <p>The combination is mirror-consistent by construction: for the mirrored frame the two runs see the same two
 * crops in the other order, so the averaged landmarks are the mirror images of the original frame's (up to the
 * different region the tracker may choose and the image resampling). What it costs and gains is measured in
 * docs/accuracy.md ("Mirror averaging").
 */
public final class MirrorAverage {

    private MirrorAverage() {
    }

    /** The visibility-weighted combination of a crop's result and its mirror's; both must share the ROI. */
    public static LandmarkerResult combine(LandmarkerResult direct, LandmarkerResult mirrored) {
        if (!direct.roi().equals(mirrored.roi())) {
            throw new IllegalArgumentException("the two results must come from the same region: " + direct.roi()
                    + " vs " + mirrored.roi());
        }
        List<LandmarkPoint> other = legsMatched(direct.landmarks(), mirrored.landmarks());
        List<LandmarkPoint> points = new ArrayList<>(BodyLandmark.COUNT);
        for (int p = 0; p < BodyLandmark.COUNT; p++) {
            points.add(combine(direct.landmarks().get(p), other.get(p)));
        }
        return new LandmarkerResult(direct.roi(), 0.5 * (direct.poseScore() + mirrored.poseScore()), points,
                mid(direct.alignmentCentre(), mirrored.alignmentCentre()),
                mid(direct.alignmentScale(), mirrored.alignmentScale()));
    }

    /**
     * The mirrored run's landmarks with its legs exchanged when that puts them nearer the direct run's legs (sum of
     * the distances of knee, ankle, heel and foot index of both sides), else as they are. The two runs label the far
     * leg independently, and in a side view each exchanges the legs in a few frames (5-10 % of the frames of the
     * rendered samples, docs/accuracy.md): averaging a left leg with a right one would put both half way.
     */
    static List<LandmarkPoint> legsMatched(List<LandmarkPoint> direct, List<LandmarkPoint> mirrored) {
        double same = 0;
        double exchanged = 0;
        for (BodyPart part : List.of(BodyPart.KNEE, BodyPart.ANKLE, BodyPart.HEEL, BodyPart.FOOT_INDEX)) {
            for (Side side : Side.values()) {
                LandmarkPoint d = direct.get(BodyLandmark.of(side, part).ordinal());
                same += distance(d, mirrored.get(BodyLandmark.of(side, part).ordinal()));
                exchanged += distance(d, mirrored.get(BodyLandmark.of(side.opposite(), part).ordinal()));
            }
        }
        if (!(exchanged < same)) {
            return mirrored;
        }
        List<LandmarkPoint> out = new ArrayList<>(mirrored);
        for (BodyPart part : BodyPart.LEG) {
            for (Side side : Side.values()) {
                out.set(BodyLandmark.of(side, part).ordinal(), mirrored.get(BodyLandmark.of(side.opposite(), part).ordinal()));
            }
        }
        return out;
    }

    private static double distance(LandmarkPoint a, LandmarkPoint b) {
        return Math.hypot(a.xPx() - b.xPx(), a.yPx() - b.yPx());
    }

    /** One landmark of the two runs, combined as described in the class comment. */
    public static LandmarkPoint combine(LandmarkPoint a, LandmarkPoint b) {
        double wa = a.visibility();
        double wb = b.visibility();
        if (!(wa + wb > 0)) {
            wa = 1;
            wb = 1;
        }
        double fa = wa / (wa + wb);
        double fb = 1 - fa;
        return new LandmarkPoint(fa * a.xPx() + fb * b.xPx(), fa * a.yPx() + fb * b.yPx(), fa * a.z() + fb * b.z(),
                0.5 * (a.visibility() + b.visibility()), 0.5 * (a.presence() + b.presence()),
                fa * a.worldXM() + fb * b.worldXM(), fa * a.worldYM() + fb * b.worldYM(),
                fa * a.worldZM() + fb * b.worldZM());
    }

    private static ImagePoint mid(ImagePoint a, ImagePoint b) {
        return new ImagePoint(0.5 * (a.xPx() + b.xPx()), 0.5 * (a.yPx() + b.yPx()));
    }
}
