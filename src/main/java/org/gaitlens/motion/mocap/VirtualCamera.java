package org.gaitlens.motion.mocap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;

/**
 * A pinhole camera that turns 3D joint trajectories into image landmarks, so that motion capture can be
 * fed to the same 2D gait engine as video.
 *
 * <p>Projection of a point p (metres, laboratory axes): with {@code r = p - positionM},
 * depth {@code d = r·opticalAxis}, image right {@code right = opticalAxis × up},
 * <pre>
 *   xPx = widthPx / 2 + focalLengthPx (r·right) / d
 *   yPx = heightPx / 2 - focalLengthPx (r·up) / d        (image y points down)
 * </pre>
 * A point on the optical axis lands on the image centre; a vertical segment of length L at depth d
 * spans {@code focalLengthPx L / d} pixels. Points behind the camera ({@code d <= 0}) are NaN. No lens
 * distortion, no occlusion: every known joint is visible, as in a perfect pose estimate.
 *
 * @param positionM     camera centre, metres
 * @param opticalAxis   unit viewing direction
 * @param up            unit vector of the image's upward direction, perpendicular to the optical axis
 * @param focalLengthPx focal length in pixels
 * @param widthPx       image width
 * @param heightPx      image height
 */
public record VirtualCamera(double[] positionM, double[] opticalAxis, double[] up, double focalLengthPx,
        int widthPx, int heightPx) {

    public VirtualCamera {
        if (positionM.length != 3 || Vec3.isNaN(positionM)) {
            throw new IllegalArgumentException("positionM must be a finite 3-vector");
        }
        if (Math.abs(Vec3.norm(opticalAxis) - 1) > 1e-6 || Math.abs(Vec3.norm(up) - 1) > 1e-6
                || Math.abs(Vec3.dot(opticalAxis, up)) > 1e-6) {
            throw new IllegalArgumentException("opticalAxis and up must be perpendicular unit vectors");
        }
        if (!(focalLengthPx > 0) || Double.isInfinite(focalLengthPx)) {
            throw new IllegalArgumentException("focalLengthPx must be > 0, was " + focalLengthPx);
        }
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + widthPx + "x" + heightPx);
        }
        positionM = positionM.clone();
        opticalAxis = opticalAxis.clone();
        up = up.clone();
    }

    /**
     * How to place a camera for a trial.
     *
     * @param view           which side of the walker the camera is on
     * @param distanceM      side views: distance from the walker's mean line of progression; frontal views:
     *                       distance beyond the end (front) or before the start (back) of the path
     * @param heightM        height of the camera centre above the floor (the lowest heel position)
     * @param widthPx        image width
     * @param heightPx       image height
     * @param focalLengthPx  focal length in px, or NaN to choose the largest that keeps every joint inside
     *                       the image with the margin
     * @param marginFraction fraction of the half-image kept free at the borders when fitting, in [0, 0.5)
     */
    public record Setup(CameraView view, double distanceM, double heightM, int widthPx, int heightPx,
            double focalLengthPx, double marginFraction) {

        public Setup {
            if (view == null) {
                throw new IllegalArgumentException("view must not be null");
            }
            if (!(distanceM > 0)) {
                throw new IllegalArgumentException("distanceM must be > 0, was " + distanceM);
            }
            if (!Double.isFinite(heightM)) {
                throw new IllegalArgumentException("heightM must be finite, was " + heightM);
            }
            if (widthPx <= 0 || heightPx <= 0) {
                throw new IllegalArgumentException("image size must be positive, was " + widthPx + "x" + heightPx);
            }
            if (!Double.isNaN(focalLengthPx) && !(focalLengthPx > 0)) {
                throw new IllegalArgumentException("focalLengthPx must be > 0 or NaN, was " + focalLengthPx);
            }
            if (!(marginFraction >= 0 && marginFraction < 0.5)) {
                throw new IllegalArgumentException("marginFraction must be in [0, 0.5), was " + marginFraction);
            }
        }

        /**
         * A typical clinic recording: camera 5 m from the walking line (perspective is mild: a leg 0.15 m
         * nearer than the hip line appears 3 % larger), 1 m high, 1280x720, focal length fitted to the
         * trial with a 5 % margin.
         */
        public static Setup defaults(CameraView view) {
            return new Setup(view, 5.0, 1.0, 1280, 720, Double.NaN, 0.05);
        }
    }

    /** Image right direction: {@code opticalAxis × up}. */
    public double[] right() {
        return Vec3.cross(opticalAxis, up);
    }

    /** Depth of a point along the optical axis, metres. */
    public double depthM(double[] pointM) {
        return Vec3.dot(Vec3.sub(pointM, positionM), opticalAxis);
    }

    /** Image scale, px per metre, for objects at a given depth. */
    public double pixelsPerMetreAt(double depthM) {
        return focalLengthPx / depthM;
    }

    /** Projects a point to {@code {xPx, yPx}}; NaN when the point is unknown or behind the camera. */
    public double[] project(double[] pointM) {
        if (Vec3.isNaN(pointM)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] r = Vec3.sub(pointM, positionM);
        double d = Vec3.dot(r, opticalAxis);
        if (!(d > 0)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {
            widthPx / 2.0 + focalLengthPx * Vec3.dot(r, right()) / d,
            heightPx / 2.0 - focalLengthPx * Vec3.dot(r, up) / d};
    }

    /**
     * Projects every joint of a trial. Confidence is 1 where the joint is known, 0 (and NaN position)
     * where it is not. {@code pixelsPerMetre} of the result is the scale at the median depth of the
     * mid-hip point (the walker's plane for a side view; for frontal views it changes as the walker
     * approaches, so it holds only near the middle of the walk).
     *
     * @param source description of the series (trial and view)
     */
    public LandmarkSeries project(JointTrajectories joints, String source) {
        int n = joints.size();
        Map<BodyLandmark, LandmarkTrack> tracks = new EnumMap<>(BodyLandmark.class);
        for (Map.Entry<BodyLandmark, double[][]> e : joints.positionsM().entrySet()) {
            double[] x = new double[n];
            double[] y = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                double[] px = project(e.getValue()[i]);
                x[i] = px[0];
                y[i] = px[1];
                c[i] = Double.isNaN(px[0]) ? 0.0 : 1.0;
            }
            tracks.put(e.getKey(), new LandmarkTrack(x, y, c));
        }
        List<Double> depths = new ArrayList<>();
        for (double[] p : WalkingFrame.mid(joints, BodyPart.HIP)) {
            if (!Vec3.isNaN(p)) {
                depths.add(depthM(p));
            }
        }
        Collections.sort(depths);
        double ppm = depths.isEmpty() ? Double.NaN : pixelsPerMetreAt(depths.get(depths.size() / 2));
        return new LandmarkSeries(joints.timeS().clone(), tracks, widthPx, heightPx, ppm, source);
    }

    /** Places a camera for a trial with the detected {@link WalkingFrame}. */
    public static VirtualCamera framing(JointTrajectories joints, Setup setup) {
        return framing(joints, setup, WalkingFrame.detect(joints));
    }

    /**
     * Places a camera for a trial: side views look horizontally and perpendicular to the walking
     * direction at the middle of the mid-hip path; frontal views look along it. The camera centre is
     * {@code setup.heightM()} above the floor (lowest heel sample).
     *
     * @throws IllegalArgumentException if the trial has no hips or heels, or the walker is behind the camera
     */
    public static VirtualCamera framing(JointTrajectories joints, Setup setup, WalkingFrame frame) {
        double[] up = frame.up();
        double[] forward = frame.forward();
        double[] left = frame.left();
        double minAlong = Double.POSITIVE_INFINITY;
        double maxAlong = Double.NEGATIVE_INFINITY;
        double lateralSum = 0;
        int count = 0;
        for (double[] p : WalkingFrame.mid(joints, BodyPart.HIP)) {
            if (!Vec3.isNaN(p)) {
                double a = Vec3.dot(p, forward);
                minAlong = Math.min(minAlong, a);
                maxAlong = Math.max(maxAlong, a);
                lateralSum += Vec3.dot(p, left);
                count++;
            }
        }
        double floor = Double.POSITIVE_INFINITY;
        for (double[] p : WalkingFrame.mid(joints, BodyPart.HEEL)) {
            if (!Vec3.isNaN(p)) {
                floor = Math.min(floor, Vec3.dot(p, up));
            }
        }
        if (count == 0 || Double.isInfinite(floor)) {
            throw new IllegalArgumentException("no hips or heels known in " + joints.source());
        }
        double lateral = lateralSum / count;
        double[] base = Vec3.add(Vec3.scale(left, lateral), Vec3.scale(up, floor + setup.heightM()));
        double[] position;
        double[] axis;
        switch (setup.view()) {
            case LEFT_SIDE -> {
                position = Vec3.add(Vec3.addScaled(base, forward, (minAlong + maxAlong) / 2),
                        Vec3.scale(left, setup.distanceM()));
                axis = Vec3.scale(left, -1);
            }
            case RIGHT_SIDE -> {
                position = Vec3.add(Vec3.addScaled(base, forward, (minAlong + maxAlong) / 2),
                        Vec3.scale(left, -setup.distanceM()));
                axis = left;
            }
            case FRONT -> {
                position = Vec3.addScaled(base, forward, maxAlong + setup.distanceM());
                axis = Vec3.scale(forward, -1);
            }
            case BACK -> {
                position = Vec3.addScaled(base, forward, minAlong - setup.distanceM());
                axis = forward;
            }
            default -> throw new IllegalStateException("unknown view " + setup.view());
        }
        double f = setup.focalLengthPx();
        if (Double.isNaN(f)) {
            VirtualCamera unit = new VirtualCamera(position, axis, up, 1.0, setup.widthPx(), setup.heightPx());
            double maxU = 0;
            double maxV = 0;
            for (double[][] traj : joints.positionsM().values()) {
                for (double[] p : traj) {
                    if (Vec3.isNaN(p)) {
                        continue;
                    }
                    double[] r = Vec3.sub(p, position);
                    double d = Vec3.dot(r, axis);
                    if (!(d > 0)) {
                        throw new IllegalArgumentException("a joint of " + joints.source()
                                + " is behind the camera; increase distanceM");
                    }
                    maxU = Math.max(maxU, Math.abs(Vec3.dot(r, unit.right())) / d);
                    maxV = Math.max(maxV, Math.abs(Vec3.dot(r, up)) / d);
                }
            }
            double keep = 1 - setup.marginFraction();
            f = Math.min(setup.widthPx() / 2.0 * keep / Math.max(maxU, 1e-9),
                    setup.heightPx() / 2.0 * keep / Math.max(maxV, 1e-9));
        }
        return new VirtualCamera(position, axis, up, f, setup.widthPx(), setup.heightPx());
    }

    /** Frames a trial with {@link Setup#defaults} and projects it. */
    public static LandmarkSeries project(JointTrajectories joints, CameraView view) {
        Setup setup = Setup.defaults(view);
        VirtualCamera cam = framing(joints, setup);
        String source = String.format(Locale.ROOT, "%s, virtual camera %s %.1f m, %.1f m high, f=%.0f px",
                joints.source(), view, setup.distanceM(), setup.heightM(), cam.focalLengthPx());
        return cam.project(joints, source);
    }
}
