package org.gaitlens.pose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the BlazePose detector's raw outputs into person detections (Bazarevsky et al. 2020, "BlazePose:
 * On-device Real-time Body Pose tracking", arXiv:2006.10204), following the decoding of MediaPipe's
 * {@code pose_detection} graph.
 *
 * <p>For anchor {@code i} with centre (ax, ay) (normalised, anchor size 1) and raw values
 * {@code r[0..11]} (input pixels of the 224x224 input, x before y):
 * <pre>
 *   box centre  = (r0 / 224 + ax, r1 / 224 + ay),  box size = (r2 / 224, r3 / 224)
 *   keypoint k  = (r[4+2k] / 224 + ax, r[5+2k] / 224 + ay),  k = 0..3
 *   score       = sigmoid(clamp(logit, -100, 100))
 * </pre>
 * Detections scoring below the threshold are dropped; the letterbox padding is removed (coordinates
 * become image pixels); overlapping detections are merged by weighted non-maximum suppression.
 *
 * <p>Weighted NMS (the "blending" variant of Bazarevsky et al. 2019, BlazeFace, arXiv:1907.05047): take
 * the highest-scoring remaining detection, collect every remaining detection whose intersection over
 * union with it exceeds {@link #NMS_IOU_THRESHOLD} (itself included), and output the score-weighted
 * mean of their box corners and keypoints with the top detection's score; repeat on the rest. Letterbox
 * removal is an axis-aligned scaling, which leaves IoU and weighted means unchanged, so merging in image
 * pixels gives the same result as merging in the letterboxed input.
 */
public final class DetectionDecoder {
    /** IoU above which two detections are merged. */
    public static final double NMS_IOU_THRESHOLD = 0.3;
    /** Values per anchor in the box tensor: 4 box values + 4 keypoints x 2. */
    public static final int VALUES_PER_ANCHOR = 12;
    private static final double LOGIT_CLIP = 100;

    private DetectionDecoder() {
    }

    /**
     * Decodes raw tensors into detections in image pixels, before non-maximum suppression.
     *
     * @param boxes       the [anchors x 12] box tensor, row-major
     * @param scoreLogits the [anchors] score logits
     * @param anchors     the anchors the model was trained with
     * @param minScore    minimum score in [0, 1] to keep a detection
     * @param letterbox   how the image was fitted into the input
     * @return detections with score >= minScore, in anchor order
     */
    public static List<PersonDetection> decode(float[] boxes, float[] scoreLogits, SsdAnchors anchors,
                                               double minScore, Letterbox letterbox) {
        int n = anchors.count();
        if (boxes.length != n * VALUES_PER_ANCHOR || scoreLogits.length != n) {
            throw new IllegalArgumentException("expected " + n + " anchors, got boxes " + boxes.length
                    + " and scores " + scoreLogits.length);
        }
        double size = letterbox.inputSizePx();
        List<PersonDetection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double logit = Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, scoreLogits[i]));
            double score = 1 / (1 + Math.exp(-logit));
            if (score < minScore) {
                continue;
            }
            int o = i * VALUES_PER_ANCHOR;
            double ax = anchors.xCentre(i);
            double ay = anchors.yCentre(i);
            double xc = boxes[o] / size + ax;
            double yc = boxes[o + 1] / size + ay;
            double w = boxes[o + 2] / size;
            double h = boxes[o + 3] / size;
            List<ImagePoint> kps = new ArrayList<>(PersonDetection.KEYPOINTS);
            for (int k = 0; k < PersonDetection.KEYPOINTS; k++) {
                kps.add(new ImagePoint(letterbox.imageX(boxes[o + 4 + 2 * k] / size + ax),
                        letterbox.imageY(boxes[o + 5 + 2 * k] / size + ay)));
            }
            out.add(new PersonDetection(score,
                    letterbox.imageX(xc - w / 2), letterbox.imageY(yc - h / 2),
                    letterbox.imageX(xc + w / 2), letterbox.imageY(yc + h / 2), kps));
        }
        return out;
    }

    /** Intersection over union of two detections' boxes; 0 when they do not overlap. */
    public static double iou(PersonDetection a, PersonDetection b) {
        double ix = Math.min(a.xMaxPx(), b.xMaxPx()) - Math.max(a.xMinPx(), b.xMinPx());
        double iy = Math.min(a.yMaxPx(), b.yMaxPx()) - Math.max(a.yMinPx(), b.yMinPx());
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double inter = ix * iy;
        double union = a.boxAreaPx2() + b.boxAreaPx2() - inter;
        return union > 0 ? inter / union : 0;
    }

    /**
     * Weighted non-maximum suppression with IoU threshold {@code iouThreshold}.
     *
     * @return merged detections, highest score first
     */
    public static List<PersonDetection> weightedNms(List<PersonDetection> detections, double iouThreshold) {
        List<PersonDetection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(PersonDetection::score).reversed());
        List<PersonDetection> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            PersonDetection top = remaining.get(0);
            List<PersonDetection> cluster = new ArrayList<>();
            List<PersonDetection> rest = new ArrayList<>();
            for (PersonDetection d : remaining) {
                (iou(d, top) > iouThreshold ? cluster : rest).add(d);
            }
            if (cluster.size() <= 1) {
                // Alone (or a degenerate zero-area box that overlaps nothing, not even itself): kept as is.
                out.add(top);
                rest.remove(top);
                remaining = rest;
                continue;
            }
            double total = 0;
            double x0 = 0;
            double y0 = 0;
            double x1 = 0;
            double y1 = 0;
            double[] kx = new double[PersonDetection.KEYPOINTS];
            double[] ky = new double[PersonDetection.KEYPOINTS];
            for (PersonDetection d : cluster) {
                double w = Math.max(d.score(), 1e-12);
                total += w;
                x0 += w * d.xMinPx();
                y0 += w * d.yMinPx();
                x1 += w * d.xMaxPx();
                y1 += w * d.yMaxPx();
                for (int k = 0; k < PersonDetection.KEYPOINTS; k++) {
                    kx[k] += w * d.keypoints().get(k).xPx();
                    ky[k] += w * d.keypoints().get(k).yPx();
                }
            }
            List<ImagePoint> kps = new ArrayList<>(PersonDetection.KEYPOINTS);
            for (int k = 0; k < PersonDetection.KEYPOINTS; k++) {
                kps.add(new ImagePoint(kx[k] / total, ky[k] / total));
            }
            out.add(new PersonDetection(top.score(), x0 / total, y0 / total, x1 / total, y1 / total, kps));
            remaining = rest;
        }
        return out;
    }
}
