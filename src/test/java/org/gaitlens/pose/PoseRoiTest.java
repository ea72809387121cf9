package org.gaitlens.pose;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class PoseRoiTest {

    @Test
    void uprightPersonGivesUnrotatedSquareAroundTheHips() {
        // Hip centre (100, 200), scale point 100 px straight above: side 2 * 100 * 1.25 = 250, rotation 0.
        PoseRoi r = PoseRoi.fromAlignmentPoints(new ImagePoint(100, 200), new ImagePoint(100, 100));
        assertEquals(100, r.xCentrePx(), 1e-12);
        assertEquals(200, r.yCentrePx(), 1e-12);
        assertEquals(250, r.widthPx(), 1e-12);
        assertEquals(250, r.heightPx(), 1e-12);
        assertEquals(0, r.rotationRad(), 1e-12);
        // Crop top-centre is 125 px above the hips, i.e. towards the head.
        assertEquals(100, r.toImage(0.5, 0).xPx(), 1e-12);
        assertEquals(75, r.toImage(0.5, 0).yPx(), 1e-12);
    }

    @Test
    void personLyingHeadRightIsRotatedQuarterTurnClockwise() {
        // Scale point to the right of the hips: rotation = pi/2 - atan2(0, 100) = pi/2.
        PoseRoi r = PoseRoi.fromAlignmentPoints(new ImagePoint(300, 200), new ImagePoint(380, 200));
        assertEquals(Math.PI / 2, r.rotationRad(), 1e-12);
        assertEquals(200, r.widthPx(), 1e-12);
        // The crop's "up" (v = 0) points at the head: 100 px to the right of the hips.
        ImagePoint top = r.toImage(0.5, 0);
        assertEquals(400, top.xPx(), 1e-9);
        assertEquals(200, top.yPx(), 1e-9);
        // Head left: pi/2 - atan2(0, -80) = -pi/2; head down: pi/2 - atan2(-80, 0) = pi, wrapped to -pi.
        assertEquals(-Math.PI / 2, PoseRoi.fromAlignmentPoints(new ImagePoint(300, 200), new ImagePoint(220, 200))
                .rotationRad(), 1e-12);
        assertEquals(-Math.PI, PoseRoi.fromAlignmentPoints(new ImagePoint(300, 200), new ImagePoint(300, 280))
                .rotationRad(), 1e-12);
    }

    @Test
    void cropMatrixMapsCropCornersOntoTheRotatedRectangleCorners() {
        PoseRoi r = new PoseRoi(640.3, 360.7, 300, 300, Math.toRadians(30));
        int size = 256;
        // Rectangle corners computed directly: centre + R(30 deg) * (+-150, +-150).
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        double[][] local = {{-150, -150}, {150, -150}, {150, 150}, {-150, 150}};
        // Crop pixel-corner positions in OpenCV index coordinates: -0.5 and size - 0.5.
        double[][] cropIdx = {{-0.5, -0.5}, {size - 0.5, -0.5}, {size - 0.5, size - 0.5}, {-0.5, size - 0.5}};
        List<ImagePoint> corners = r.corners();
        try (Mat m = new Mat(2, 3, CV_64F)) {
            r.writeCropToImageMatrix(size, m);
            try (DoubleIndexer ix = m.createIndexer()) {
                for (int k = 0; k < 4; k++) {
                    double ex = 640.3 + local[k][0] * c - local[k][1] * s;
                    double ey = 360.7 + local[k][0] * s + local[k][1] * c;
                    // Matrix maps index to index; +0.5 turns an image index into a pixel-corner coordinate.
                    double x = ix.get(0, 0) * cropIdx[k][0] + ix.get(0, 1) * cropIdx[k][1] + ix.get(0, 2) + 0.5;
                    double y = ix.get(1, 0) * cropIdx[k][0] + ix.get(1, 1) * cropIdx[k][1] + ix.get(1, 2) + 0.5;
                    // Tolerance 1e-6 px: double arithmetic on values ~1e3.
                    assertEquals(ex, x, 1e-6);
                    assertEquals(ey, y, 1e-6);
                    assertEquals(ex, corners.get(k).xPx(), 1e-6);
                    assertEquals(ey, corners.get(k).yPx(), 1e-6);
                    ImagePoint back = r.toCrop(corners.get(k));
                    assertEquals(k == 1 || k == 2 ? 1 : 0, back.xPx(), 1e-9);
                    assertEquals(k >= 2 ? 1 : 0, back.yPx(), 1e-9);
                }
            }
        }
    }

    @Test
    void blobCroppedByWarpAffineProjectsBackToItsImagePosition() {
        // A smooth Gaussian blob at a known sub-pixel position; crop it through a rotated ROI, find its
        // centroid in the crop and project back. Bilinear resampling of a smooth, symmetric blob keeps
        // its centroid to well under 0.1 px; the tolerance 0.15 px covers that and 8-bit rounding.
        int w = 640;
        int h = 480;
        double bx = 401.3;
        double by = 222.8;
        double sigma = 6;
        try (Mat img = new Mat(h, w, CV_8UC3); Mat crop = new Mat(); Mat affine = new Mat(2, 3, CV_64F)) {
            try (UByteIndexer ix = img.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double dx = x + 0.5 - bx;
                        double dy = y + 0.5 - by;
                        int v = (int) Math.round(250 * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
                        for (int ch = 0; ch < 3; ch++) {
                            ix.put(y, x, ch, v);
                        }
                    }
                }
            }
            PoseRoi roi = new PoseRoi(380, 240, 200, 200, Math.toRadians(-35));
            roi.crop(img, 256, crop, affine);
            assertEquals(256, crop.cols());
            double sum = 0;
            double sx = 0;
            double sy = 0;
            try (UByteIndexer ix = crop.createIndexer()) {
                for (int y = 0; y < 256; y++) {
                    for (int x = 0; x < 256; x++) {
                        double v = ix.get(y, x, 0);
                        sum += v;
                        sx += v * (x + 0.5);
                        sy += v * (y + 0.5);
                    }
                }
            }
            ImagePoint back = roi.toImage(sx / sum / 256, sy / sum / 256);
            assertEquals(bx, back.xPx(), 0.15);
            assertEquals(by, back.yPx(), 0.15);
            assertEquals(CV_8UC3, crop.type());
        }
    }
}
