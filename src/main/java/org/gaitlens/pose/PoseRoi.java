package org.gaitlens.pose;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The rotated square region of interest that the BlazePose landmark model sees (Bazarevsky et al. 2020,
 * "BlazePose: On-device Real-time Body Pose tracking", arXiv:2006.10204), in image pixels.
 *
 * <p><b>Rule</b> (MediaPipe's {@code pose_detection_to_roi} / {@code pose_landmarks_to_roi}): from an
 * alignment centre C (the hip centre: detector keypoint 0, or auxiliary landmark 33) and a scale point S
 * (detector keypoint 1, or auxiliary landmark 34), the region is centred on C, square with side
 * {@code 2 |S - C| x 1.25}, and rotated by
 * <pre>  rotation = normalise(pi/2 - atan2(-(S.y - C.y), S.x - C.x))  in [-pi, pi)</pre>
 * so that the body axis C -> S points up in the crop. Rotation is clockwise on screen (image y points
 * down): an upright person has rotation 0, a person lying with the head to the right has +pi/2.
 *
 * <p><b>Crop coordinates</b>: (u, v) in [0, 1]^2, u to the crop's right, v to its bottom. A crop point
 * maps to the image by
 * <pre>  x = cx + w (u - 1/2) cos r - h (v - 1/2) sin r
 *   y = cy + w (u - 1/2) sin r + h (v - 1/2) cos r</pre>
 * and {@link #toCrop} inverts it. {@link #crop} resamples the region into a square image with OpenCV's
 * {@code warpAffine} (bilinear, replicated border) using exactly this map.
 *
 * @param xCentrePx   centre x in image pixels
 * @param yCentrePx   centre y in image pixels
 * @param widthPx     side along the crop's u axis in pixels
 * @param heightPx    side along the crop's v axis in pixels
 * @param rotationRad clockwise rotation in radians, in [-pi, pi)
 */
public record PoseRoi(double xCentrePx, double yCentrePx, double widthPx, double heightPx, double rotationRad) {
    /** Margin factor applied to the alignment square, as the landmark model was trained. */
    public static final double SCALE = 1.25;

    public PoseRoi {
        if (!(widthPx > 0) || !(heightPx > 0)) {
            throw new IllegalArgumentException("ROI size must be positive, was " + widthPx + "x" + heightPx);
        }
        if (!Double.isFinite(xCentrePx) || !Double.isFinite(yCentrePx) || !Double.isFinite(rotationRad)) {
            throw new IllegalArgumentException("ROI centre and rotation must be finite, was (" + xCentrePx + ", "
                    + yCentrePx + "), " + rotationRad);
        }
    }

    /**
     * The ROI from an alignment centre (hip centre) and a scale/rotation point.
     *
     * @throws IllegalArgumentException if the two points coincide
     */
    public static PoseRoi fromAlignmentPoints(ImagePoint centre, ImagePoint scalePoint) {
        double dx = scalePoint.xPx() - centre.xPx();
        double dy = scalePoint.yPx() - centre.yPx();
        double side = 2 * Math.hypot(dx, dy) * SCALE;
        double rotation = normaliseRadians(Math.PI / 2 - Math.atan2(-dy, dx));
        return new PoseRoi(centre.xPx(), centre.yPx(), side, side, rotation);
    }

    /** The ROI of a detection: keypoint 0 (hip centre) and keypoint 1 (body scale point). */
    public static PoseRoi fromDetection(PersonDetection detection) {
        return fromAlignmentPoints(detection.hipCentre(), detection.bodyScalePoint());
    }

    /** Angle wrapped into [-pi, pi). */
    public static double normaliseRadians(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /** The image point of crop coordinates (u, v) in [0, 1]. */
    public ImagePoint toImage(double u, double v) {
        double c = Math.cos(rotationRad);
        double s = Math.sin(rotationRad);
        double a = (u - 0.5) * widthPx;
        double b = (v - 0.5) * heightPx;
        return new ImagePoint(xCentrePx + a * c - b * s, yCentrePx + a * s + b * c);
    }

    /** The crop coordinates (u, v) of an image point, as an {@link ImagePoint} holding (u, v). */
    public ImagePoint toCrop(ImagePoint p) {
        double c = Math.cos(rotationRad);
        double s = Math.sin(rotationRad);
        double dx = p.xPx() - xCentrePx;
        double dy = p.yPx() - yCentrePx;
        return new ImagePoint((dx * c + dy * s) / widthPx + 0.5, (-dx * s + dy * c) / heightPx + 0.5);
    }

    /** The corners in image pixels: crop top-left, top-right, bottom-right, bottom-left. */
    public List<ImagePoint> corners() {
        return List.of(toImage(0, 0), toImage(1, 0), toImage(1, 1), toImage(0, 1));
    }

    /**
     * Resamples the region into a square {@code sizePx} x {@code sizePx} image of the same type.
     *
     * @param image  source image (not modified)
     * @param sizePx side of the crop
     * @param dst    destination, reallocated by OpenCV only if its size or type differ
     * @param affine a 2x3 CV_64F scratch matrix
     */
    public void crop(Mat image, int sizePx, Mat dst, Mat affine) {
        writeCropToImageMatrix(sizePx, affine);
        try (Size size = new Size(sizePx, sizePx); Scalar zero = new Scalar(0.0)) {
            warpAffine(image, dst, affine, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_REPLICATE, zero);
        }
    }

    /**
     * Writes the crop-pixel-index to image-pixel-index affine map (OpenCV's pixel-centre convention) into a
     * 2x3 CV_64F matrix: image index = M * (crop index, 1).
     */
    void writeCropToImageMatrix(int sizePx, Mat affine) {
        double c = Math.cos(rotationRad);
        double s = Math.sin(rotationRad);
        // Crop index i has u = (i + 0.5) / size; image index = image coordinate - 0.5.
        double ax = widthPx / sizePx;
        double ay = heightPx / sizePx;
        ImagePoint origin = toImage(0.5 / sizePx, 0.5 / sizePx);
        try (DoubleIndexer m = affine.createIndexer()) {
            m.put(0, 0, ax * c);
            m.put(0, 1, -ay * s);
            m.put(0, 2, origin.xPx() - 0.5);
            m.put(1, 0, ax * s);
            m.put(1, 1, ay * c);
            m.put(1, 2, origin.yPx() - 0.5);
        }
    }
}
