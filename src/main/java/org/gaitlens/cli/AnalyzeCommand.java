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
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.ParameterStats;
import org.gaitlens.gait.PassSteps;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pipeline.PooledAnalysis;
import org.gaitlens.pipeline.PoseCache;
import org.gaitlens.pipeline.RecordingDiscovery;
import org.gaitlens.pose.PoseEstimatorSource;
import org.gaitlens.reference.Deviation;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.ReferenceGroup;
import org.gaitlens.core.SessionMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitlens analyze INPUT [INPUT...]}: the whole analysis of one walking session, filmed as one recording or
 * several (clips, passes, a folder of them), whose strides are pooled ({@link PooledAnalysis}).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse a walking session: a video, landmarks.csv or motion capture (.trc, .c3d), or several "
                + "recordings of one session (files or a folder of them) whose strides are pooled.",
            "Writes landmarks, gait events, strides, angle curves, summary.json and the session report."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Video, landmarks.csv, .trc or .c3d file, or a "
            + "folder of them; several recordings of one session (e.g. a clip per walking direction) are pooled.")
    List<Path> inputs;

    @Mixin
    AnalysisOptions analysis;

    @Option(names = "--out", paramLabel = "DIR", description = "Session folder (default: reports/<input name>/ in "
            + "the gaitlens folder; for several files reports/<first name>-session/).")
    Path out;

    @Option(names = "--threads", defaultValue = "2", description = PoseCommand.THREADS_HELP)
    int threads;

    @Option(names = "--no-pose-cache", description = "Run the pose model on every video even when the pose cache "
            + "(reports/.cache/pose/) holds its landmarks for these settings; the results are the same.")
    boolean noPoseCache;

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
        RecordingDiscovery.Found found = RecordingDiscovery.find(inputs);
        PrintWriter o = spec.commandLine().getOut();
        found.notes().forEach(o::println);
        List<Path> clips = found.recordings();
        Path first = clips.get(0);
        Path outDir = out != null ? out : CliPaths.reportsRoot().resolve(defaultFolder(inputs, clips));
        Analysis.Settings settings = analysis.analysisSettings(threads, CliPaths.modelsDir());
        PoseCache cache = noPoseCache ? PoseCache.NONE : PoseCache.at(CliPaths.poseCache());
        SessionMetadata meta = SessionMetadata.withDefaults(patient, parseDate(date), label, first);
        ConsoleProgress progress = new ConsoleProgress(System.err, clips.size() == 1
                ? first.getFileName().toString() : "session");
        if (clips.size() == 1) {
            Analysis.Result r = Analysis.run(first, outDir, settings, meta, PoseEstimatorSource.FRESH, cache, progress);
            progress.finishLine();
            if (r.pose().map(p -> p.fromCache()).orElse(false)) {
                o.println(first.getFileName() + ": pose from the cache (" + CliPaths.poseCache()
                        + "; --no-pose-cache runs the model)");
            }
            print(o, r, outDir);
        } else {
            PooledAnalysis.Result r = PooledAnalysis.run(clips, outDir, settings, meta, PoseEstimatorSource.FRESH,
                    cache, progress);
            progress.finishLine();
            PooledConsole.print(o, r, outDir);
        }
        return 0;
    }

    /** {@code <input name>} for one file or folder, {@code <first name>-session} for several files. */
    static String defaultFolder(List<Path> given, List<Path> clips) {
        if (given.size() == 1) {
            return CliPaths.sessionName(given.get(0));
        }
        return CliPaths.sessionName(clips.get(0)) + "-session";
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
            table(o, g::summary);
        }
        tail(o, a, r.session().deviation(), r.warnings(), r.session().files(), outDir);
    }

    /** The per-side table of the main stride parameters. */
    static void table(PrintWriter o, java.util.function.BiFunction<Side, StrideParameter, ParameterStats> summary) {
        o.printf(Locale.ROOT, "%-26s %14s %14s%n", "", "left", "right");
        for (StrideParameter p : List.of(StrideParameter.STRIDE_TIME, StrideParameter.STANCE_PCT,
                StrideParameter.STEP_LENGTH, StrideParameter.CADENCE, StrideParameter.SPEED,
                StrideParameter.KNEE_FLEX_SWING_PEAK, StrideParameter.ANKLE_DORSI_MID_SWING)) {
            o.printf(Locale.ROOT, "%-26s %14s %14s%n", p.column(), fmt(summary.apply(Side.LEFT, p)),
                    fmt(summary.apply(Side.RIGHT, p)));
        }
    }

    /** Deviation, symmetry, raised indicators, data quality, warnings and the files written. */
    static void tail(PrintWriter o, Assessment a, Deviation deviation, List<String> warnings, List<Path> files,
            Path outDir) {
        if (deviation != null) {
            o.println(deviationLine(deviation));
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
        for (String w : warnings) {
            o.println("warning: " + w);
        }
        o.println("results: " + outDir);
        files.forEach(f -> o.println("  " + outDir.relativize(f)));
        o.flush();
    }

    /**
     * One line: GPS-2D with its interval and per side, the band, and the healthy mean and 95th percentile in that
     * band; or why it was not computed.
     */
    static String deviationLine(Deviation d) {
        GaitProfileScore.Estimate all = d.scores().overall();
        ReferenceGroup g = d.band().group();
        String band = String.format(Locale.ROOT, "%s, %s speed, %s ages, n %d", d.reference().dataset(),
                g.speedClass().key(), g.ageGroup().key(), g.n());
        String healthy = String.format(Locale.ROOT, "healthy %.1f mean, %.1f p95", d.healthy().gps2d().mean(),
                d.healthy().gps2d().p95());
        if (Double.isNaN(all.valueDeg())) {
            return "deviation: GPS-2D not computed (" + String.join("; ", d.scores().notes()) + "); band " + band + ", "
                    + healthy;
        }
        String ci = Double.isNaN(all.ciLowDeg()) ? "no CI"
                : String.format(Locale.ROOT, "95 %% CI %.1f-%.1f", all.ciLowDeg(), all.ciHighDeg());
        return String.format(Locale.ROOT, "deviation: GPS-2D %.1f deg (%s; left %.1f, right %.1f) vs %s (%s; 2D "
                + "sagittal, not comparable with a 3D GPS)", all.valueDeg(), ci,
                d.scores().sideGps().get(Side.LEFT).valueDeg(), d.scores().sideGps().get(Side.RIGHT).valueDeg(),
                healthy, band);
    }

    static String screen(WalkingDirection d) {
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

    static String fmt(ParameterStats s) {
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
}
