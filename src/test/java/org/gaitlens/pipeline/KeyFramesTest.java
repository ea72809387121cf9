package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.Side;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.reporting.ReportInput;
import org.junit.jupiter.api.Test;

/** Choice of the key-frame strides and the crop around the walker. */
class KeyFramesTest {
    /** 10 s at 30 fps; every frame has a pose whose landmarks span x 100..200, y 50..450 (a 400 px tall walker). */
    static List<PoseFrame> poses() {
        List<PoseFrame> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<LandmarkPoint> pts = new ArrayList<>();
            for (int k = 0; k < BodyLandmark.values().length; k++) {
                double f = k / (BodyLandmark.values().length - 1.0);
                pts.add(new LandmarkPoint(100 + 100 * f, 50 + 400 * f, 0, 0.9, 0.9, 0, 0, 0));
            }
            out.add(new PoseFrame(i, i / 30.0, pts, 0.9));
        }
        return out;
    }

    static ReportInput.StrideValues stride(Side side, int pass, double contactS) {
        return new ReportInput.StrideValues(side, pass, contactS, contactS + 0.66, contactS + 1.1, Map.of());
    }

    @Test
    void middleStrideOfTheLongestPass() {
        List<ReportInput.StrideValues> strides = List.of(stride(Side.LEFT, 0, 0.5), stride(Side.LEFT, 0, 1.6),
                stride(Side.LEFT, 1, 5.0), stride(Side.LEFT, 1, 6.1), stride(Side.LEFT, 1, 7.2),
                stride(Side.RIGHT, 0, 1.05));
        List<KeyFrames.Pick> picks = KeyFrames.choose(strides, poses());
        assertEquals(4, picks.size());
        // left: pass 1 has 3 strides, the middle one starts at 6.1 s = frame 183; mid-swing (6.76 + 7.2) / 2 = 6.98 s
        // = frame 209.4 -> 209
        assertEquals(new KeyFrames.Pick(Side.LEFT, "Heel strike", "left_heel_strike", 6.1, 183), picks.get(0));
        assertEquals(209, picks.get(1).frameIndex());
        assertEquals("left_mid_swing", picks.get(1).fileStem());
        // right: its only stride, contact 1.05 s = frame 31.5 -> nearest 31 or 32 (|31/30 - 1.05| = 0.0167 = |32/30 - 1.05|
        // up to rounding; the first found wins)
        assertEquals(Side.RIGHT, picks.get(2).side());
        assertEquals(31.5, picks.get(2).frameIndex(), 0.5);
    }

    @Test
    void cropIsTheWalkerBoxWithMarginScaledTo400Px() {
        try (Mat image = new Mat(480, 640, opencv_core.CV_8UC3)) {
            try (Mat still = KeyFrames.cropAndScale(image, poses().get(0))) {
                assertEquals(KeyFrames.HEIGHT_PX, still.rows());
                // box x 100..200, y 50..450 plus a 60 px margin (15 % of 400): x 40..260, y 0 (clipped)..480 (clipped)
                // = 220 x 480 px, scaled by 400 / 480: 183 px wide
                assertEquals(183, still.cols());
            }
        }
    }
}
