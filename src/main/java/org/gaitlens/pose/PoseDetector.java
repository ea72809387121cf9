package org.gaitlens.pose;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The BlazePose person detector (Bazarevsky et al. 2020, "BlazePose: On-device Real-time Body Pose
 * tracking", arXiv:2006.10204) on TensorFlow Lite.
 *
 * <p>The whole frame is letterboxed into the 224x224 RGB input (values in [-1, 1], black padding), the
 * model gives 2254 anchor-relative boxes with four body keypoints and a score logit each, and
 * {@link DetectionDecoder} decodes, thresholds and merges them (weighted non-maximum suppression).
 * Results are in image pixels, best first.
 *
 * <p>Limits: people smaller than about 160 px of a 540 px frame height are often missed on the whole
 * frame (the input is only 224 px); the detector box encloses the face, not the body.
 *
 * <p>Not thread-safe. Native buffers are allocated once and reused; {@link #close()} frees them.
 */
public final class PoseDetector implements AutoCloseable {
    private static final int SIZE = SsdAnchors.INPUT_SIZE;

    private final TfLiteModel model;
    private final SsdAnchors anchors = SsdAnchors.blazePose224();
    private final int boxesOutput;
    private final int scoresOutput;
    private final float[] boxes;
    private final float[] scores;
    private final Mat affine = new Mat(2, 3, CV_64F);
    private final Mat letterboxed = new Mat(SIZE, SIZE, CV_8UC3);
    private final Mat rgb = new Mat(SIZE, SIZE, CV_8UC3);
    private final Mat input = new Mat(SIZE, SIZE, CV_32FC3);
    private final Size inputSize = new Size(SIZE, SIZE);
    private final Scalar black = new Scalar(0.0);

    /**
     * Loads the detector model.
     *
     * @param modelFile a verified {@code pose_detection.tflite} (see {@link PoseModels#detectorFile()})
     * @param threads   TensorFlow Lite threads (>= 1)
     * @throws org.gaitlens.core.ModelMissingException if TensorFlow Lite cannot load the file or its
     *                                                  outputs are not the expected ones
     */
    public PoseDetector(Path modelFile, int threads) {
        this.model = new TfLiteModel(modelFile, threads);
        int n = anchors.count();
        this.boxesOutput = model.outputIndex(1, n, DetectionDecoder.VALUES_PER_ANCHOR);
        this.scoresOutput = model.outputIndex(1, n, 1);
        this.boxes = new float[n * DetectionDecoder.VALUES_PER_ANCHOR];
        this.scores = new float[n];
    }

    /**
     * Finds people in a BGR frame.
     *
     * @param bgr      8-bit 3-channel BGR image (not modified)
     * @param minScore minimum detection score in [0, 1]
     * @return detections in image pixels, highest score first; empty when nobody is found
     */
    public List<PersonDetection> detect(Mat bgr, double minScore) {
        checkImage(bgr);
        return DetectionDecoder.weightedNms(decodeRegion(bgr, 0, 0, bgr.cols(), bgr.rows(), minScore),
                DetectionDecoder.NMS_IOU_THRESHOLD);
    }

    /**
     * Finds people on the whole frame and, for frames wider or taller than 1.25:1, also on overlapping
     * square tiles as large as the short side (3 tiles for 16:9), so that people too small for the
     * whole-frame input are found too. Detections from a tile whose box centre lies within 10 % of the
     * tile size of an inner tile edge are dropped (the person may be cut by the tile); all others are
     * merged by weighted non-maximum suppression.
     *
     * @return detections in image pixels, highest score first
     */
    public List<PersonDetection> detectTiled(Mat bgr, double minScore) {
        checkImage(bgr);
        int w = bgr.cols();
        int h = bgr.rows();
        List<PersonDetection> all = new ArrayList<>(decodeRegion(bgr, 0, 0, w, h, minScore));
        int side = Math.min(w, h);
        int longSide = Math.max(w, h);
        if (longSide > 1.25 * side) {
            int tiles = (int) Math.ceil((double) longSide / side) + 1;
            for (int i = 0; i < tiles; i++) {
                int offset = (int) Math.round((double) i * (longSide - side) / (tiles - 1));
                int x0 = w >= h ? offset : 0;
                int y0 = w >= h ? 0 : offset;
                double margin = 0.1 * side;
                for (PersonDetection d : decodeRegion(bgr, x0, y0, side, side, minScore)) {
                    double c = w >= h ? (d.xMinPx() + d.xMaxPx()) / 2 : (d.yMinPx() + d.yMaxPx()) / 2;
                    boolean nearInnerStart = offset > 0 && c < offset + margin;
                    boolean nearInnerEnd = offset + side < longSide && c > offset + side - margin;
                    if (!nearInnerStart && !nearInnerEnd) {
                        all.add(d);
                    }
                }
            }
        }
        return DetectionDecoder.weightedNms(all, DetectionDecoder.NMS_IOU_THRESHOLD);
    }

    private static void checkImage(Mat bgr) {
        if (bgr.type() != CV_8UC3 || bgr.empty()) {
            throw new IllegalArgumentException("expected a non-empty 8-bit BGR image, type was " + bgr.type());
        }
    }

    /** Runs the model on the region [x0, x0+w) x [y0, y0+h) and decodes (before NMS) into image pixels. */
    private List<PersonDetection> decodeRegion(Mat bgr, int x0, int y0, int w, int h, double minScore) {
        Letterbox lb = Letterbox.fit(w, h, SIZE);
        // Input pixel index = scale * (image index - region origin + 0.5) + pad - 0.5 (OpenCV's pixel centres).
        try (DoubleIndexer m = affine.createIndexer()) {
            m.put(0, 0, lb.scale());
            m.put(0, 1, 0.0);
            m.put(0, 2, lb.padXPx() + (0.5 - x0) * lb.scale() - 0.5);
            m.put(1, 0, 0.0);
            m.put(1, 1, lb.scale());
            m.put(1, 2, lb.padYPx() + (0.5 - y0) * lb.scale() - 0.5);
        }
        warpAffine(bgr, letterboxed, affine, inputSize, INTER_LINEAR, BORDER_CONSTANT, black);
        cvtColor(letterboxed, rgb, COLOR_BGR2RGB);
        rgb.convertTo(input, CV_32FC3, 2.0 / 255.0, -1.0);
        try (FloatPointer data = new FloatPointer(input.data())) {
            model.setInput(data, (long) SIZE * SIZE * 3);
        }
        model.invoke();
        model.readOutput(boxesOutput, boxes);
        model.readOutput(scoresOutput, scores);
        List<PersonDetection> decoded = DetectionDecoder.decode(boxes, scores, anchors, minScore, lb);
        if (x0 == 0 && y0 == 0) {
            return decoded;
        }
        List<PersonDetection> shifted = new ArrayList<>(decoded.size());
        for (PersonDetection d : decoded) {
            shifted.add(d.translated(x0, y0));
        }
        return shifted;
    }

    @Override
    public void close() {
        model.close();
        affine.close();
        letterboxed.close();
        rgb.close();
        input.close();
        inputSize.close();
        black.close();
    }
}
