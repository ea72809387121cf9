package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.ParameterStats;
import org.gaitlens.gait.PassSteps;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.core.SessionMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitlens analyze INPUT}: the whole analysis of one walking recording. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse one walking recording: video, landmarks.csv, or motion capture (.trc, .c3d).",
            "Writes landmarks, gait events, strides, angle curves, summary.json and the session report."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Video, landmarks.csv, .trc or .c3d file.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Session folder (default: reports/<input name>/ in the gaitlens folder).")
    Path out;

    @Option(names = "--height-cm", paramLabel = "CM",
            description = "Patient's standing height, for step length and speed in metres.")
    Double heightCm;

    @Option(names = "--model", defaultValue = "full", description = "Pose model: lite, full or heavy (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--threads", defaultValue = "2", description = PoseCommand.THREADS_HELP)
    int threads;

    @Option(names = "--no-video", description = "Do not write the overlay video.")
    boolean noVideo;

    @Option(names = "--blur-faces", description = "Blur faces in the overlay video.")
    boolean blurFaces;

    @Option(names = "--event-method", defaultValue = "auto",
            description = "Gait event method: auto, zeni-foot-speed, zeni-refined, zeni or stenum (default: auto = "
                    + "zeni-foot-speed for video and landmarks, zeni-refined for motion capture).")
    String eventMethod;

    @Option(names = "--treadmill", description = "The walk is on a treadmill (no travel across the image).")
    boolean treadmill;

    @Option(names = "--camera", defaultValue = "left-side",
            description = "Virtual camera for motion capture: left-side, right-side (default: ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--patient", paramLabel = "ID",
            description = "Patient id or pseudonym for the report (default: unnamed).")
    String patient;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Session date (default: the input file's modification date).")
    String date;

    @Option(names = "--label", paramLabel = "TEXT",
            description = "Session label, e.g. baseline or follow-up (default: session).")
    String label;

    @Override
    public Integer call() {
        Path outDir = out != null ? out : CliPaths.reportsRoot().resolve(CliPaths.sessionName(input));
        Analysis.Settings settings = new Analysis.Settings(heightCm == null ? Double.NaN : heightCm,
                PoseCommand.parseModel(model), threads, !noVideo, blurFaces, parseEventMethod(eventMethod), treadmill,
                parseCamera(camera), CliPaths.modelsDir());
        ConsoleProgress progress = new ConsoleProgress(System.err, input.getFileName().toString());
        SessionMetadata meta = SessionMetadata.withDefaults(patient, parseDate(date), label, input);
        Analysis.Result r = Analysis.run(input, outDir, settings, meta, progress);
        progress.finishLine();
        print(spec.commandLine().getOut(), r, outDir);
        return 0;
    }

    static void print(PrintWriter o, Analysis.Result r, Path outDir) {
        GaitResult g = r.session().gait();
        Assessment a = r.session().assessment();
        if (g == null) {
            var f = r.session().frontal();
            o.println(f.view().description());
            o.printf(Locale.ROOT, "%d contacts; mean step width %.3f m (%.3f leg lengths); trunk lateral lean %.1f deg "
                    + "(+ right); pelvic obliquity range %.1f deg; scale: %s%n", f.contacts().size(), f.meanStepWidthM(),
                    f.meanStepWidthLegLengths(), f.meanTrunkLeanDeg(), f.pelvicObliquityRangeDeg(),
                    f.motion().scale().description());
        } else {
            o.printf(Locale.ROOT, "%d walking pass(es), strides L %d / R %d, %d rejected; scale: %s%n", g.passes().size(),
                    g.strides().get(Side.LEFT).size(), g.strides().get(Side.RIGHT).size(), g.rejections().size(),
                    g.scale().description());
            for (PassSteps ps : g.passSteps()) {
                o.printf(Locale.ROOT, "pass %d: moving %s, facing %s%s, %d steps, cadence %.1f steps/min%n",
                        ps.passIndex() + 1, screen(ps.direction()), screen(ps.facing()),
                        ps.backward() ? " (walking backwards: cadence only)" : "", ps.stepCount(),
                        ps.cadenceStepsPerMin());
            }
            o.printf(Locale.ROOT, "%-26s %14s %14s%n", "", "left", "right");
            for (StrideParameter p : List.of(StrideParameter.STRIDE_TIME, StrideParameter.STANCE_PCT,
                    StrideParameter.STEP_LENGTH, StrideParameter.CADENCE, StrideParameter.SPEED,
                    StrideParameter.KNEE_FLEX_SWING_PEAK, StrideParameter.ANKLE_DORSI_MID_SWING)) {
                o.printf(Locale.ROOT, "%-26s %14s %14s%n", p.column(), fmt(g.summary(Side.LEFT, p)),
                        fmt(g.summary(Side.RIGHT, p)));
            }
        }
        o.println("symmetry: " + a.symmetry().level().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + sideNote(a.symmetry()));
        for (Indicator i : a.indicators()) {
            if (i.strength() == Strength.POSSIBLE || i.strength() == Strength.LIKELY) {
                o.println("indicator: " + i.statement());
            }
        }
        o.println("data quality: " + (a.quality().trustworthy() ? "sufficient" : "NOT sufficient")
                + (a.quality().reasons().isEmpty() ? "" : " (" + String.join("; ", a.quality().reasons()) + ")"));
        for (String w : r.warnings()) {
            o.println("warning: " + w);
        }
        o.println("results: " + outDir);
        r.session().files().forEach(f -> o.println("  " + outDir.relativize(f)));
        o.flush();
    }

    private static String screen(WalkingDirection d) {
        return d == WalkingDirection.POSITIVE_X ? "right" : "left";
    }

    /** The affected side; a symmetric gait with a one-sided indicator is not called "affected". */
    private static String sideNote(org.gaitlens.assess.SymmetryVerdict v) {
        if (v.affectedSide() == null) {
            return "";
        }
        String side = v.affectedSide().name().toLowerCase(Locale.ROOT);
        return v.level() == org.gaitlens.assess.SymmetryVerdict.Level.SYMMETRIC
                ? "; a screening indicator concerns the " + side + " side" : ", affected side " + side;
    }

    private static String fmt(ParameterStats s) {
        if (s == null || s.n() == 0 || Double.isNaN(s.mean())) {
            return "-";
        }
        if (s.n() < 2 || Double.isNaN(s.sd())) {
            return Decimals.format(s.mean(), 2) + " (n=" + s.n() + ")";
        }
        return Decimals.format(s.mean(), 2) + " ± " + Decimals.format(s.sd(), 2);
    }

    /** Parses a YYYY-MM-DD date; {@code null} stays {@code null}. */
    static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new org.gaitlens.core.InvalidInputException("invalid date '" + text + "': use YYYY-MM-DD, e.g. 2024-03-05");
        }
    }

    static EventMethod parseEventMethod(String name) {
        if (name.trim().equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return EventMethod.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new org.gaitlens.core.InvalidInputException("unknown event method '" + name + "': use one of "
                    + java.util.Arrays.toString(EventMethod.values()).toLowerCase(Locale.ROOT));
        }
    }

    static CameraView parseCamera(String name) {
        try {
            return CameraView.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new org.gaitlens.core.InvalidInputException("unknown camera '" + name
                    + "': use left-side, right-side, front or back");
        }
    }
}
