package org.gaitlens.pose;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.BodyLandmark;

/**
 * The BlazePose GHUM landmark model (Bazarevsky et al. 2020, "BlazePose: On-device Real-time Body Pose
 * tracking", arXiv:2006.10204) on TensorFlow Lite: 33 body landmarks from a region of interest.
 *
 * <p>Steps, as in MediaPipe's {@code pose_landmark_by_roi} graph:
 * <ol>
 *   <li>crop the rotated ROI into a 256x256 RGB image, values in [0, 1] ({@link PoseRoi#crop});</li>
 *   <li>run the model; outputs are found by shape, not index: [1,195] = 39 points x (x, y, z, visibility
 *       logit, presence logit) in crop pixels, [1,1] pose presence (already a probability),
 *       [1,64,64,39] heatmaps, [1,117] = 39 x world (x, y, z) in metres;</li>
 *   <li>x, y, z / 256 give normalised crop coordinates; visibility and presence go through a sigmoid;</li>
 *   <li>refine x, y from the heatmap: the sigmoid-weighted mean of heatmap cell indices in a 7x7 window
 *       around the point, divided by the heatmap size, when the window's maximum is >= 0.5 (MediaPipe's
 *       {@code RefineLandmarksFromHeatmapCalculator} and its cell-index convention);</li>
 *   <li>project to image pixels through the ROI ({@link PoseRoi#toImage}); z scales with the ROI width;
 *       world x, y are rotated by the ROI rotation, world z is kept.</li>
 * </ol>
 * Points 0-32 are the body landmarks; 33 and 34 are the auxiliary alignment points used for the next
 * frame's ROI; 35-38 are unused.
 *
 * <p>Not thread-safe. Native buffers are allocated once and reused; {@link #close()} frees them.
 */
public final class PoseLandmarker implements AutoCloseable {
    /** Side of the model input in pixels. */
    public static final int INPUT_SIZE = 256;
    /** Points the model outputs (33 landmarks + 6 auxiliary). */
    public static final int POINTS = 39;
    static final int HEATMAP_SIZE = 64;
    static final int HEATMAP_KERNEL = 7;
    static final double HEATMAP_MIN_CONFIDENCE = 0.5;

    private final TfLiteModel model;
    private final int landmarksOutput;
    private final int presenceOutput;
    private final int worldOutput;
    private final int heatmapOutput;
    private final float[] raw = new float[POINTS * 5];
    private final float[] presence = new float[1];
    private final float[] world = new float[POINTS * 3];
    private final float[] heatmap;
    private final Mat affine = new Mat(2, 3, CV_64F);
    private final Mat crop = new Mat(INPUT_SIZE, INPUT_SIZE, CV_8UC3);
    private final Mat rgb = new Mat(INPUT_SIZE, INPUT_SIZE, CV_8UC3);
    private final Mat input = new Mat(INPUT_SIZE, INPUT_SIZE, CV_32FC3);

    /**
     * Loads a landmark model.
     *
     * @param modelFile a verified landmark model (see {@link PoseModels#landmarkFile(PoseModel)})
     * @param threads   TensorFlow Lite threads (>= 1)
     * @throws org.gaitlens.core.ModelMissingException if the file cannot be loaded or lacks the outputs
     */
    public PoseLandmarker(Path modelFile, int threads) {
        this.model = new TfLiteModel(modelFile, threads);
        this.landmarksOutput = model.outputIndex(1, POINTS * 5);
        this.presenceOutput = model.outputIndex(1, 1);
        this.worldOutput = model.outputIndex(1, POINTS * 3);
        if (model.hasOutput(1, HEATMAP_SIZE, HEATMAP_SIZE, POINTS)) {
            this.heatmapOutput = model.outputIndex(1, HEATMAP_SIZE, HEATMAP_SIZE, POINTS);
            this.heatmap = new float[HEATMAP_SIZE * HEATMAP_SIZE * POINTS];
        } else {
            this.heatmapOutput = -1;
            this.heatmap = null;
        }
    }

    /**
     * Runs the model on one region of a BGR frame.
     *
     * @param bgr 8-bit BGR frame (not modified)
     * @param roi the region, in the frame's pixels
     */
    public LandmarkerResult estimate(Mat bgr, PoseRoi roi) {
        prepare(bgr, roi);
        return run(roi, false);
    }

    /**
     * Runs the model on one region and on its horizontal mirror (test-time augmentation): the crop is computed once,
     * then flipped about its vertical centre line and run again. The mirrored run's landmarks are mapped back into
     * the frame with left and right exchanged ({@link #decode}), so both results describe the same body with the
     * same anatomical labels; {@link MirrorAverage} combines them.
     *
     * @param bgr 8-bit BGR frame (not modified)
     * @param roi the region, in the frame's pixels
     */
    public MirrorPair estimateWithMirror(Mat bgr, PoseRoi roi) {
        prepare(bgr, roi);
        LandmarkerResult direct = run(roi, false);
        flip(rgb, rgb, 1);
        return new MirrorPair(direct, run(roi, true));
    }

    /** The result on a crop and the one on its mirror image, mapped back with left and right exchanged. */
    public record MirrorPair(LandmarkerResult direct, LandmarkerResult mirrored) {
    }

    private void prepare(Mat bgr, PoseRoi roi) {
        if (bgr.type() != CV_8UC3 || bgr.empty()) {
            throw new IllegalArgumentException("expected a non-empty 8-bit BGR image, type was " + bgr.type());
        }
        roi.crop(bgr, INPUT_SIZE, crop, affine);
        cvtColor(crop, rgb, COLOR_BGR2RGB);
    }

    /** Runs the model on {@link #rgb} as it is now (the crop of {@code roi}, mirrored when {@code mirrored}). */
    private LandmarkerResult run(PoseRoi roi, boolean mirrored) {
        rgb.convertTo(input, CV_32FC3, 1.0 / 255.0, 0.0);
        try (FloatPointer data = new FloatPointer(input.data())) {
            model.setInput(data, (long) INPUT_SIZE * INPUT_SIZE * 3);
        }
        model.invoke();
        model.readOutput(landmarksOutput, raw);
        model.readOutput(presenceOutput, presence);
        model.readOutput(worldOutput, world);
        if (heatmap != null) {
            model.readOutput(heatmapOutput, heatmap);
        }
        return decode(raw, presence[0], world, heatmap, roi, mirrored);
    }

    /**
     * Decodes raw model outputs for a given ROI (steps 3-5 of the class description).
     *
     * @param raw       the [195] landmark tensor
     * @param presence  the pose presence in [0, 1]
     * @param world     the [117] world tensor
     * @param heatmap   the [64*64*39] heatmap tensor (HWC), or null to skip refinement
     * @param roi       the region the crop came from
     */
    static LandmarkerResult decode(float[] raw, double presence, float[] world, float[] heatmap, PoseRoi roi) {
        return decode(raw, presence, world, heatmap, roi, false);
    }

    /**
     * Decodes raw model outputs of a crop or of its horizontal mirror. For the mirror ({@code mirrored}), the
     * outputs are decoded (and refined from the heatmap) in the mirrored crop's coordinates, then mapped back: crop
     * u becomes {@code 1 - u} (exact for OpenCV's pixel-centre convention: column i of 256 has u = (i + 0.5) / 256,
     * and the mirror puts it at column 255 - i), the world x changes sign, and each landmark takes the place of its
     * other-side partner ({@link BodyLandmark#mirror()}): the model labels by appearance, and the mirror image of a
     * left leg looks like a right leg.
     */
    static LandmarkerResult decode(float[] raw, double presence, float[] world, float[] heatmap, PoseRoi roi,
            boolean mirrored) {
        double[] u = new double[POINTS];
        double[] v = new double[POINTS];
        for (int p = 0; p < POINTS; p++) {
            u[p] = raw[5 * p] / (double) INPUT_SIZE;
            v[p] = raw[5 * p + 1] / (double) INPUT_SIZE;
        }
        if (heatmap != null) {
            refineFromHeatmap(u, v, heatmap);
        }
        double sign = 1;
        if (mirrored) {
            for (int p = 0; p < POINTS; p++) {
                u[p] = 1 - u[p];
            }
            sign = -1;
        }
        double c = Math.cos(roi.rotationRad());
        double s = Math.sin(roi.rotationRad());
        LandmarkPoint[] points = new LandmarkPoint[BodyLandmark.COUNT];
        BodyLandmark[] all = BodyLandmark.values();
        for (int p = 0; p < BodyLandmark.COUNT; p++) {
            ImagePoint img = roi.toImage(u[p], v[p]);
            double z = raw[5 * p + 2] / (double) INPUT_SIZE * roi.widthPx();
            double wx = sign * world[3 * p];
            double wy = world[3 * p + 1];
            int slot = mirrored ? all[p].mirror().ordinal() : p;
            points[slot] = new LandmarkPoint(img.xPx(), img.yPx(), z,
                    sigmoid(raw[5 * p + 3]), sigmoid(raw[5 * p + 4]),
                    c * wx - s * wy, s * wx + c * wy, world[3 * p + 2]);
        }
        int centre = BodyLandmark.COUNT;
        return new LandmarkerResult(roi, clamp01(presence), List.of(points),
                roi.toImage(u[centre], v[centre]), roi.toImage(u[centre + 1], v[centre + 1]));
    }

    private static void refineFromHeatmap(double[] u, double[] v, float[] heatmap) {
        int n = HEATMAP_SIZE;
        int half = (HEATMAP_KERNEL - 1) / 2;
        for (int p = 0; p < POINTS; p++) {
            // Truncation toward zero, as the reference implementation casts to int.
            int col = (int) (u[p] * n);
            int row = (int) (v[p] * n);
            if (col < 0 || col >= n || row < 0 || row >= n) {
                continue;
            }
            double sum = 0;
            double wCol = 0;
            double wRow = 0;
            double max = 0;
            for (int r = Math.max(0, row - half); r < Math.min(n, row + half + 1); r++) {
                for (int k = Math.max(0, col - half); k < Math.min(n, col + half + 1); k++) {
                    double conf = sigmoid(heatmap[(r * n + k) * POINTS + p]);
                    sum += conf;
                    max = Math.max(max, conf);
                    wCol += k * conf;
                    wRow += r * conf;
                }
            }
            if (max >= HEATMAP_MIN_CONFIDENCE && sum > 0) {
                u[p] = wCol / n / sum;
                v[p] = wRow / n / sum;
            }
        }
    }

    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }

    @Override
    public void close() {
        model.close();
        affine.close();
        crop.close();
        rgb.close();
        input.close();
    }
}
