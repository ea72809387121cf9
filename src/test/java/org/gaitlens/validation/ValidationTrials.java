package org.gaitlens.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitlens.core.Side;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.mocap.C3dReader;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.motion.mocap.JointTrajectories;
import org.gaitlens.motion.mocap.MarkerData;
import org.gaitlens.motion.mocap.MarkerSetMapping;
import org.gaitlens.motion.mocap.TrcReader;
import org.gaitlens.motion.mocap.VirtualCamera;

/**
 * The motion-capture trials with ground truth in {@code validation/}, ready for the gait engine.
 *
 * <p>Usage:
 * <pre>
 *   for (ValidationTrials.Trial t : ValidationTrials.all()) {
 *       LandmarkSeries s = t.sideView(Side.LEFT);        // camera on the walker's left
 *       List&lt;GroundTruth.Event&gt; truth = t.events();   // same clock as s.timeS()
 *   }
 * </pre>
 * Time: every time a {@link Trial} returns is in gaitlens convention, seconds since the first sample of
 * the marker file; the ground truth's own clock is that plus {@link Trial#fileTimeOfFirstSampleS()}
 * (C3D: {@code (firstFrame - 1) / rate}; the TRC files here start at 0 s).
 */
public final class ValidationTrials {

    /** Marker file format. */
    public enum Format { C3D, TRC }

    /**
     * Where a trial's markers come from and how they are mapped.
     *
     * @param name       ground-truth folder name
     * @param markerFile path under {@code validation/mocap}
     * @param format     reader to use
     * @param staticFile static trial under {@code validation/mocap} for cluster calibration, or null
     * @param notes      what is special about the trial
     */
    public record Spec(String name, String markerFile, Format format, String staticFile, String notes) {
    }

    /** The registry. Progression axis and up axis are detected from the data (see WalkingFrame). */
    public static final List<Spec> SPECS = List.of(
            new Spec("btk_PiG_Motion-FlatFoot-Full", "btk/PiG_Motion-FlatFoot-Full.c3d", Format.C3D, null,
                    "Vicon Plug-in Gait full body, 100 Hz, Z up, walks along -X to +X; first frame 148"),
            new Spec("btk_PiG_Motion3_FF", "btk/PiG_Motion3_FF.c3d", Format.C3D, null,
                    "Vicon Plug-in Gait lower body (no shoulders), 100 Hz, progression along Y; first frame 725"),
            new Spec("btk_FunctionalWalk", "btk/FunctionalWalk.c3d", Format.C3D, null,
                    "Vicon full body with medial markers, 120 Hz; first frame 480"),
            new Spec("btk_MotionAnalysis_Gait", "btk/MotionAnalysis_Gait_merged.c3d", Format.C3D, null,
                    "Motion Analysis (Helen Hayes with medial markers), 100 Hz, DEC C3D; its markers cover frames "
                            + "134-327, the OrthoTrak analysis window (137-322, events 155-313); the TRC export of "
                            + "the same trial agrees within ~1 mm but covers frames 160-439 only, missing the "
                            + "first heel strike"),
            new Spec("opensim_subject01_walk1_treadmill", "opensim/Gait2392_Simbody__subject01_walk1.trc",
                    Format.TRC, "opensim/Gait2392_Simbody__subject01_static.trc",
                    "treadmill, 60 Hz, Y up; no knee/ankle markers while walking: joint centres carried from "
                            + "the static trial by thigh/shank clusters"),
            new Spec("opensim_rajagopal_walk_overground", "opensim/Rajagopal__ExpData__motion_capture_walk.trc",
                    Format.TRC, null, "overground, 100 Hz, Y up, progression +X; no angle ground truth"));

    private ValidationTrials() {
    }

    /**
     * One trial: markers, mapped joints and ground truth on the gaitlens clock.
     *
     * @param spec    registry entry
     * @param markers the marker file
     * @param joints  mapped joints, trimmed to the samples where any joint is known
     * @param truth   ground truth shifted to gaitlens time
     */
    public record Trial(Spec spec, MarkerData markers, JointTrajectories joints, GroundTruth truth) {

        /** Trial name (ground-truth folder). */
        public String name() {
            return spec.name();
        }

        /** Side view from a camera on the given side of the walker ({@link VirtualCamera.Setup#defaults}). */
        public LandmarkSeries sideView(Side cameraSide) {
            return view(CameraView.side(cameraSide));
        }

        /** Any view with the default camera set-up. */
        public LandmarkSeries view(CameraView view) {
            return VirtualCamera.project(joints, view);
        }

        /** Ground-truth events, gaitlens time. */
        public List<GroundTruth.Event> events() {
            return truth.events();
        }

        /** Ground-truth sagittal angles, gaitlens time; empty for trials without them. */
        public Optional<GroundTruth.Angles> angles() {
            return truth.angles();
        }

        /** Ground-truth spatiotemporal values (durations, not times: no clock shift needed). */
        public GroundTruth.Spatiotemporal spatiotemporal() {
            return truth.spatiotemporal();
        }

        /** The ground truth's clock at the first sample of the marker file, s. */
        public double fileTimeOfFirstSampleS() {
            return markers.fileTimeOfFirstSampleS();
        }
    }

    /** Names of all trials. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Spec s : SPECS) {
            n.add(s.name());
        }
        return n;
    }

    /** Loads every trial. */
    public static List<Trial> all() {
        List<Trial> out = new ArrayList<>();
        for (Spec s : SPECS) {
            out.add(load(s));
        }
        return out;
    }

    /** Loads a trial by name. */
    public static Trial load(String name) {
        for (Spec s : SPECS) {
            if (s.name().equals(name)) {
                return load(s);
            }
        }
        throw new IllegalArgumentException("no validation trial '" + name + "'; known: " + names());
    }

    /** Reads a marker file with the reader for its format. */
    public static MarkerData read(String relative, Format format) {
        Path p = SharedData.mocap(relative);
        return format == Format.C3D ? C3dReader.read(p) : TrcReader.read(p);
    }

    private static Trial load(Spec s) {
        MarkerData markers = read(s.markerFile(), s.format());
        MarkerData statik = s.staticFile() == null ? null : read(s.staticFile(), Format.TRC);
        JointTrajectories joints = MarkerSetMapping.map(markers, statik).trimmed();
        GroundTruth truth = GroundTruth.load(s.name()).shifted(markers.fileTimeOfFirstSampleS());
        return new Trial(s, markers, joints, truth);
    }
}
