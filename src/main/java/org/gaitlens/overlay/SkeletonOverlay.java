package org.gaitlens.overlay;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;

/**
 * Draws a BlazePose skeleton (Bazarevsky et al. 2020, "BlazePose: On-device Real-time Body Pose
 * tracking", arXiv:2006.10204; 33-landmark topology) onto a BGR frame with OpenCV.
 *
 * <p>Bones of the person's left side are drawn in {@link #LEFT_BGR} (blue), of the right side in
 * {@link #RIGHT_BGR} (orange), bones across the body (shoulders, hips, mouth) in {@link #CENTRE_BGR}
 * (white); joints are filled dots of their side's colour with a dark rim. Landmarks whose confidence
 * (min of visibility and presence) is below the threshold are skipped together with their bones. Line
 * width and dot size scale with the image (about 1/300 of its shorter side). Optionally the face is
 * blurred (Gaussian blur over a square around the face landmarks, with a generous margin) and the frame
 * time is written in the top-left corner.
 */
public final class SkeletonOverlay {
    /** Colour of the left side, BGR. */
    public static final Scalar LEFT_BGR = new Scalar(255, 144, 30, 0);
    /** Colour of the right side, BGR. */
    public static final Scalar RIGHT_BGR = new Scalar(0, 140, 255, 0);
    /** Colour of bones across the body, BGR. */
    public static final Scalar CENTRE_BGR = new Scalar(235, 235, 235, 0);
    private static final Scalar RIM_BGR = new Scalar(30, 30, 30, 0);
    private static final Scalar TEXT_BG = new Scalar(0, 0, 0, 0);
    private static final Scalar TEXT_FG = new Scalar(255, 255, 255, 0);

    /** Bones as landmark pairs. */
    public static final List<BodyLandmark[]> BONES = bones();

    /** The face landmarks: only the nose gets a dot; all of them place the blurred square. */
    public static final List<BodyLandmark> FACE = List.of(BodyLandmark.NOSE, BodyLandmark.LEFT_EYE_INNER,
            BodyLandmark.LEFT_EYE, BodyLandmark.LEFT_EYE_OUTER, BodyLandmark.RIGHT_EYE_INNER, BodyLandmark.RIGHT_EYE,
            BodyLandmark.RIGHT_EYE_OUTER, BodyLandmark.LEFT_EAR, BodyLandmark.RIGHT_EAR, BodyLandmark.MOUTH_LEFT,
            BodyLandmark.MOUTH_RIGHT);

    /** The confidence below which a landmark is not drawn, by default. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    private final double minConfidence;
    private final boolean blurFace;
    private final boolean showTime;

    /**
     * @param minConfidence landmarks below this confidence are not drawn, in [0, 1] (typical 0.5)
     * @param blurFace      whether to blur the face region
     * @param showTime      whether to write the frame time
     */
    public SkeletonOverlay(double minConfidence, boolean blurFace, boolean showTime) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], was " + minConfidence);
        }
        this.minConfidence = minConfidence;
        this.blurFace = blurFace;
        this.showTime = showTime;
    }

    /** Confidence {@value #DEFAULT_MIN_CONFIDENCE}, no face blur, time shown. */
    public SkeletonOverlay() {
        this(DEFAULT_MIN_CONFIDENCE, false, true);
    }

    /**
     * Draws onto {@code bgr} in place: face blur (if enabled), skeleton (if the frame has a pose), time.
     *
     * @param bgr  8-bit BGR image of the frame the pose belongs to
     * @param pose the pose of that frame (may be missing: then only the time is drawn)
     */
    public void draw(Mat bgr, PoseFrame pose) {
        if (pose.present()) {
            if (blurFace) {
                blurFace(bgr, pose);
            }
            drawSkeleton(bgr, pose);
        }
        if (showTime) {
            drawTime(bgr, pose.timeS(), pose.frameIndex());
        }
    }

    /** Line thickness for an image: about 1/300 of the shorter side, at least 2 px. */
    public static int thickness(Mat bgr) {
        return Math.max(2, (int) Math.round(Math.min(bgr.cols(), bgr.rows()) / 300.0));
    }

    private void drawSkeleton(Mat bgr, PoseFrame pose) {
        int t = thickness(bgr);
        for (BodyLandmark[] bone : BONES) {
            LandmarkPoint a = pose.get(bone[0]);
            LandmarkPoint b = pose.get(bone[1]);
            if (!usable(a) || !usable(b)) {
                continue;
            }
            try (Point pa = point(a); Point pb = point(b)) {
                line(bgr, pa, pb, colour(bone), t, LINE_AA, 0);
            }
        }
        int r = Math.max(3, (int) Math.round(1.6 * t));
        for (BodyLandmark lm : BodyLandmark.values()) {
            LandmarkPoint p = pose.get(lm);
            if (!usable(p) || FACE.contains(lm) && lm != BodyLandmark.NOSE) {
                continue;
            }
            try (Point c = point(p)) {
                circle(bgr, c, r + Math.max(1, t / 2), RIM_BGR, FILLED, LINE_AA, 0);
                circle(bgr, c, r, colourOf(lm.side()), FILLED, LINE_AA, 0);
            }
        }
    }

    private boolean usable(LandmarkPoint p) {
        return p.confidence() >= minConfidence && Double.isFinite(p.xPx()) && Double.isFinite(p.yPx());
    }

    private static Point point(LandmarkPoint p) {
        return new Point((int) Math.round(p.xPx() - 0.5), (int) Math.round(p.yPx() - 0.5));
    }

    private static Scalar colour(BodyLandmark[] bone) {
        Optional<Side> a = bone[0].side();
        Optional<Side> b = bone[1].side();
        return a.isPresent() && a.equals(b) ? colourOf(a) : CENTRE_BGR;
    }

    private static Scalar colourOf(Optional<Side> side) {
        return side.map(s -> s == Side.LEFT ? LEFT_BGR : RIGHT_BGR).orElse(CENTRE_BGR);
    }

    /**
     * Blurs a square around the face: centred on the mean of the confident face landmarks (nose, eyes,
     * ears, mouth), half-side 1.8 x their largest distance from that centre, but at least 0.45 x the
     * nose-to-shoulder-midpoint distance, so that a face seen from the side (where the face points
     * bunch together) is still covered. Kernel about half the square's side.
     *
     * @return whether a face region was found and blurred
     */
    public boolean blurFace(Mat bgr, PoseFrame pose) {
        if (!pose.present()) {
            return false;
        }
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (BodyLandmark lm : FACE) {
            LandmarkPoint p = pose.get(lm);
            // The face is blurred even when its landmarks are a little uncertain: privacy first.
            if (p.confidence() >= Math.min(minConfidence, 0.3)) {
                sx += p.xPx();
                sy += p.yPx();
                n++;
            }
        }
        if (n == 0) {
            return false;
        }
        double cx = sx / n;
        double cy = sy / n;
        double spread = 0;
        for (BodyLandmark lm : FACE) {
            LandmarkPoint p = pose.get(lm);
            if (p.confidence() >= Math.min(minConfidence, 0.3)) {
                spread = Math.max(spread, Math.hypot(p.xPx() - cx, p.yPx() - cy));
            }
        }
        LandmarkPoint ls = pose.get(BodyLandmark.LEFT_SHOULDER);
        LandmarkPoint rs = pose.get(BodyLandmark.RIGHT_SHOULDER);
        LandmarkPoint nose = pose.get(BodyLandmark.NOSE);
        double neck = Math.hypot((ls.xPx() + rs.xPx()) / 2 - nose.xPx(), (ls.yPx() + rs.yPx()) / 2 - nose.yPx());
        double half = Math.max(1.8 * spread, 0.45 * neck);
        half = Math.max(half, 8);
        int x0 = clamp((int) Math.floor(cx - half), bgr.cols());
        int y0 = clamp((int) Math.floor(cy - half), bgr.rows());
        int x1 = clamp((int) Math.ceil(cx + half), bgr.cols());
        int y1 = clamp((int) Math.ceil(cy + half), bgr.rows());
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            return false;
        }
        int k = (int) Math.round(half) | 1;
        try (Rect rect = new Rect(x0, y0, x1 - x0, y1 - y0); Mat face = bgr.apply(rect); Size ks = new Size(k, k)) {
            GaussianBlur(face, face, ks, half / 3.0);
        }
        return true;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** Writes "t = 12.345 s  #370" on a dark box in the top-left corner. */
    public static void drawTime(Mat bgr, double timeS, int frameIndex) {
        String text = String.format(Locale.ROOT, "t = %.3f s  #%d", timeS, frameIndex);
        double scale = Math.max(0.5, Math.min(bgr.cols(), bgr.rows()) / 900.0);
        int t = Math.max(1, (int) Math.round(scale * 1.5));
        int[] baseline = new int[1];
        try (Size sz = getTextSize(text, FONT_HERSHEY_SIMPLEX, scale, t, baseline)) {
            int pad = (int) Math.round(8 * scale);
            try (Point p0 = new Point(0, 0); Point p1 = new Point(sz.width() + 2 * pad, sz.height() + baseline[0] + 2 * pad);
                 Point org = new Point(pad, pad + sz.height())) {
                rectangle(bgr, p0, p1, TEXT_BG, FILLED, LINE_AA, 0);
                putText(bgr, text, org, FONT_HERSHEY_SIMPLEX, scale, TEXT_FG, t, LINE_AA, false);
            }
        }
    }

    private static List<BodyLandmark[]> bones() {
        BodyLandmark[][] b = {
                {BodyLandmark.LEFT_SHOULDER, BodyLandmark.RIGHT_SHOULDER},
                {BodyLandmark.LEFT_HIP, BodyLandmark.RIGHT_HIP},
                {BodyLandmark.MOUTH_LEFT, BodyLandmark.MOUTH_RIGHT},
                {BodyLandmark.NOSE, BodyLandmark.LEFT_EYE}, {BodyLandmark.LEFT_EYE, BodyLandmark.LEFT_EAR},
                {BodyLandmark.NOSE, BodyLandmark.RIGHT_EYE}, {BodyLandmark.RIGHT_EYE, BodyLandmark.RIGHT_EAR},
        };
        List<BodyLandmark[]> out = new java.util.ArrayList<>(List.of(b));
        for (Side s : Side.values()) {
            BodyPart[][] chain = {{BodyPart.SHOULDER, BodyPart.ELBOW}, {BodyPart.ELBOW, BodyPart.WRIST},
                {BodyPart.WRIST, BodyPart.INDEX}, {BodyPart.WRIST, BodyPart.PINKY}, {BodyPart.WRIST, BodyPart.THUMB},
                {BodyPart.SHOULDER, BodyPart.HIP}, {BodyPart.HIP, BodyPart.KNEE}, {BodyPart.KNEE, BodyPart.ANKLE},
                {BodyPart.ANKLE, BodyPart.HEEL}, {BodyPart.HEEL, BodyPart.FOOT_INDEX}, {BodyPart.ANKLE, BodyPart.FOOT_INDEX}};
            for (BodyPart[] c : chain) {
                out.add(new BodyLandmark[] {BodyLandmark.of(s, c[0]), BodyLandmark.of(s, c[1])});
            }
        }
        return List.copyOf(out);
    }
}
