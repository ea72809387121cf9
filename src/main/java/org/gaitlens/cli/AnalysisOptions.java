package org.gaitlens.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pose.PoseModel;
import picocli.CommandLine.Option;

/**
 * The analysis options that {@code analyze}, {@code batch} and {@code serve} (the web app's analyses) share: pose
 * model, height, event method, treadmill, virtual camera, overlay video and face blurring. One definition, so the
 * three accept the same words and give the same numbers for the same settings.
 */
final class AnalysisOptions {

    @Option(names = "--model", defaultValue = "full", description = "Pose model: lite, full or heavy (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--height-cm", paramLabel = "CM", description = "Patient's standing height in cm, for step "
            + "length and speed in metres (batch and web: where the folder settings, manifest or patient give none).")
    Double heightCm;

    @Option(names = "--event-method", defaultValue = "auto",
            description = "Gait event method: auto, zeni-toe-rise, zeni-foot-speed, zeni-refined, zeni or stenum (default: "
                    + "auto = zeni-toe-rise for video and landmarks, zeni-refined for motion capture).")
    String eventMethod;

    @Option(names = "--treadmill", description = "The walk is on a treadmill (no travel across the image).")
    boolean treadmill;

    @Option(names = "--camera", defaultValue = "left-side",
            description = "Virtual camera for motion capture: left-side, right-side (default: ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--no-video", description = "Do not write the overlay video (the numbers are the same).")
    boolean noVideo;

    @Option(names = "--blur-faces", description = "Blur faces in the overlay video.")
    boolean blurFaces;

    /** The height in cm, NaN when not given. */
    double heightCmOrNaN() {
        return heightCm == null ? Double.NaN : heightCm;
    }

    /**
     * The settings of one {@code analyze} run.
     *
     * @throws InvalidInputException if a value is out of range (e.g. the height)
     */
    Analysis.Settings analysisSettings(int threads, Path modelsDir) {
        try {
            return new Analysis.Settings(heightCmOrNaN(), parseModel(model), threads, !noVideo, blurFaces,
                    parseEventMethod(eventMethod), treadmill, parseCamera(camera), modelsDir);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /**
     * The settings queued with a batch or web run.
     *
     * @throws InvalidInputException if a value is out of range (e.g. the height)
     */
    RunSettings runSettings() {
        try {
            return new RunSettings(SoftwareVersion.get(), parseModel(model), heightCmOrNaN(),
                    parseEventMethod(eventMethod), treadmill, parseCamera(camera), !noVideo, blurFaces);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    static PoseModel parseModel(String name) {
        try {
            return PoseModel.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown model '" + name + "': use lite, full or heavy");
        }
    }

    /** The event method, or {@code null} for "auto" (each input kind's default). */
    static EventMethod parseEventMethod(String name) {
        if (name.trim().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return EventMethod.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown event method '" + name + "': use one of "
                    + Arrays.toString(EventMethod.values()).toLowerCase(Locale.ROOT));
        }
    }

    static CameraView parseCamera(String name) {
        try {
            return CameraView.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown camera '" + name + "': use left-side, right-side, front or back");
        }
    }
}
