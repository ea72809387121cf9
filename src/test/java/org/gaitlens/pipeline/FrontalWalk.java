package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.Side;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.motion.mocap.JointTrajectories;
import org.gaitlens.motion.mocap.VirtualCamera;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.LandmarksCsv;
import org.gaitlens.pose.PoseFrame;

/**
 * A synthetic 3D walker seen from the front ({@link VirtualCamera} FRONT: walking toward the camera), written as a
 * {@code landmarks.csv}, with known step width, trunk list and pelvic drop.
 *
 * <p>Lab axes X forward, Y left, Z up. Pelvis 0.92 m high moving at 1.2 m/s along X; steps every 0.55 s (right
 * contacts at 0.25 + 1.1 k s, left at 0.8 + 1.1 k s), stance 0.66 s (60 %); heels flat in stance until the last
 * 0.1 s (heel off), swing lifts the foot 5 cm; feet at +-{@code widthM}/2 from the walking line (legs in vertical
 * planes). Pelvic obliquity: the swing-side hip drops by {@code dropDeg} x sin(pi u) over the other foot's single
 * support (u = 0..1 from its toe off to its next contact). Trunk: the mid-shoulder 0.5 m above the mid-hip and
 * {@code 0.5 tan(listDeg)} m toward the patient's RIGHT (lean {@code listDeg} to the right); nose 0.2 m above
 * the mid-shoulder (1.62 m, a 1.75 m tall walker).
 */
final class FrontalWalk {
    static final double RATE_HZ = 30;
    static final double SPEED = 1.2;
    static final double STEP_S = 0.55;
    static final double STANCE_S = 0.66;
    static final double HIP_WIDTH_M = 0.17;
    static final double HEIGHT_CM = 175;

    private FrontalWalk() {
    }

    static JointTrajectories walker(double widthM, double listDeg, double dropDeg, double durationS) {
        int n = (int) Math.round(durationS * RATE_HZ);
        double[] t = new double[n];
        Map<BodyLandmark, double[][]> p = new EnumMap<>(BodyLandmark.class);
        for (BodyLandmark lm : List.of(BodyLandmark.NOSE, BodyLandmark.LEFT_HIP, BodyLandmark.RIGHT_HIP,
                BodyLandmark.LEFT_KNEE, BodyLandmark.RIGHT_KNEE, BodyLandmark.LEFT_ANKLE, BodyLandmark.RIGHT_ANKLE,
                BodyLandmark.LEFT_HEEL, BodyLandmark.RIGHT_HEEL, BodyLandmark.LEFT_FOOT_INDEX,
                BodyLandmark.RIGHT_FOOT_INDEX, BodyLandmark.LEFT_SHOULDER, BodyLandmark.RIGHT_SHOULDER)) {
            p.put(lm, new double[n][]);
        }
        double shiftM = 0.5 * Math.tan(Math.toRadians(listDeg));
        for (int i = 0; i < n; i++) {
            double ti = i / RATE_HZ;
            t[i] = ti;
            double px = SPEED * ti;
            double obliquity = obliquityDeg(ti, dropDeg);
            for (Side s : Side.values()) {
                double sign = s == Side.LEFT ? 1 : -1;
                double[] heel = heel(s, ti, sign * widthM / 2);
                double hz = 0.92 - sign * HIP_WIDTH_M / 2 * Math.sin(Math.toRadians(obliquity));
                double[] hip = {px, sign * HIP_WIDTH_M / 2, hz};
                double[] ankle = {heel[0] + 0.05, heel[1], heel[2] + 0.07};
                p.get(BodyLandmark.of(s, "HIP"))[i] = hip;
                p.get(BodyLandmark.of(s, "ANKLE"))[i] = ankle;
                p.get(BodyLandmark.of(s, "HEEL"))[i] = heel;
                p.get(BodyLandmark.of(s, "FOOT_INDEX"))[i] = new double[] {heel[0] + 0.22, heel[1], 0.02};
                p.get(BodyLandmark.of(s, "KNEE"))[i] = new double[] {(hip[0] + ankle[0]) / 2 + 0.04,
                        (hip[1] + ankle[1]) / 2, (hip[2] + ankle[2]) / 2};
                p.get(BodyLandmark.of(s, "SHOULDER"))[i] = new double[] {px, -shiftM + sign * 0.18, 1.42};
            }
            p.get(BodyLandmark.NOSE)[i] = new double[] {px + 0.08, -shiftM, 1.62};
        }
        return new JointTrajectories(t, p, Map.of(), 0, List.of(), "synthetic frontal walker");
    }

    /** Contact time of a side's k-th step. */
    static double contact(Side s, int k) {
        return (s == Side.RIGHT ? 0.25 : 0.25 + STEP_S) + 2 * STEP_S * k;
    }

    /**
     * Pelvic obliquity, deg, + right hip higher: while the right foot swings (left single support) the right hip
     * drops (negative), and vice versa.
     */
    static double obliquityDeg(double ti, double dropDeg) {
        double out = 0;
        for (Side swing : Side.values()) {
            double stride = 2 * STEP_S;
            double c0 = contact(swing, 0);
            double k = Math.floor((ti - c0) / stride);
            double since = ti - (c0 + k * stride);
            if (since >= STANCE_S) {
                double u = (since - STANCE_S) / (stride - STANCE_S);
                double drop = dropDeg * Math.sin(Math.PI * u);
                out += swing == Side.RIGHT ? -drop : drop;
            }
        }
        return out;
    }

    private static double[] heel(Side s, double ti, double y) {
        double stride = 2 * STEP_S;
        double c0 = contact(s, 0);
        double k = Math.floor((ti - c0) / stride);
        double ic = c0 + k * stride;
        double land = SPEED * ic + 0.33;
        double since = ti - ic;
        if (since < STANCE_S) {
            double lift = since > STANCE_S - 0.1 ? 0.05 * (since - (STANCE_S - 0.1)) / 0.1 : 0;
            return new double[] {land, y, 0.03 + lift};
        }
        double f = (since - STANCE_S) / (stride - STANCE_S);
        double next = land + SPEED * stride;
        double x = land + (next - land) * (0.5 - 0.5 * Math.cos(Math.PI * f));
        return new double[] {x, y, 0.03 + 0.05 * (1 - f) + 0.05 * Math.sin(Math.PI * f)};
    }

    /** The walker seen by a camera, written as a landmarks file (confidence 1; landmarks not modelled get confidence 0). */
    static Path landmarksCsv(JointTrajectories j, CameraView view, Path file) {
        LandmarkSeries s = VirtualCamera.project(j, view);
        List<PoseFrame> frames = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            List<LandmarkPoint> pts = new ArrayList<>();
            for (BodyLandmark lm : BodyLandmark.values()) {
                if (s.has(lm) && s.track(lm).has(i)) {
                    LandmarkTrack tr = s.track(lm);
                    pts.add(new LandmarkPoint(tr.x()[i], tr.y()[i], 0, 1, 1, 0, 0, 0));
                } else {
                    // not modelled: confidence 0 makes it missing for the engine
                    pts.add(new LandmarkPoint(0, 0, 0, 0, 0, 0, 0, 0));
                }
            }
            frames.add(new PoseFrame(i, s.timeS()[i], pts, 1));
        }
        LandmarksCsv.write(file, frames);
        return file;
    }
}
