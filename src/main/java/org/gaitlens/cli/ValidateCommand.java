package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.gaitlens.gait.Joint;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.validate.CameraLeg;
import org.gaitlens.validate.LegErrors;
import org.gaitlens.validate.LegValidation;
import org.gaitlens.validate.SampleTruth;
import org.gaitlens.validate.Validation;
import org.gaitlens.validate.ValidationCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitlens validate DIR}: accuracy of the whole pipeline on samples with ground truth. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on every video in DIR that has ground truth (<name>.truth.json)",
            "and compare events, times, step length, angles, asymmetry and indicators with the truth.",
            "Prints a table and writes validation.csv."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder with videos and their <name>.truth.json files (e.g. sample-videos).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/validate/).")
    Path out;

    @Option(names = "--model", defaultValue = "full", description = "Pose model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--mirror-average", description = PoseCommand.MIRROR_HELP)
    boolean mirrorAverage;

    @Option(names = "--engine-only",
            description = "Feed the exact truth landmarks to the gait engine instead of running the pose model.")
    boolean engineOnly;

    @Override
    public Integer call() {
        Path outDir = out != null ? out : CliPaths.reportsRoot().resolve("validate");
        Analysis.Settings base = new Analysis.Settings(Double.NaN, AnalysisOptions.parseModel(model), 1, false, false,
                null, false, CameraView.LEFT_SIDE, CliPaths.modelsDir(), mirrorAverage);
        List<Validation.Row> rows = new ArrayList<>();
        PrintWriter o = spec.commandLine().getOut();
        for (Path f : Validation.truthFiles(dir)) {
            SampleTruth truth = SampleTruth.read(f);
            ConsoleProgress progress = new ConsoleProgress(System.err, truth.name());
            rows.add(Validation.validate(truth, !engineOnly, outDir.resolve(truth.name()), base, progress));
            progress.finishLine();
        }
        print(o, rows);
        Path csv = outDir.resolve("validation.csv");
        ValidationCsv.write(csv, rows);
        o.println("written: " + csv);
        o.flush();
        return rows.stream().allMatch(r -> r.error() == null) ? 0 : 1;
    }

    static void print(PrintWriter o, List<Validation.Row> rows) {
        o.printf(Locale.ROOT, "%-20s %9s %7s %7s %6s %7s %7s %7s %6s %6s %6s %6s %7s  %s%n", "sample", "events", "HS ms",
                "TO ms", "frames", "strd s", "stnc s", "step m", "hip", "knee", "ankle", "trunk", "stSI pp",
                "indicators");
        for (Validation.Row r : rows) {
            if (r.error() != null) {
                o.printf(Locale.ROOT, "%-20s FAILED: %s%n", r.name(), r.error());
                continue;
            }
            o.printf(Locale.ROOT, "%-20s %3d-%d+%-3d %7s %7s %6s %7s %7s %7s %6s %6s %6s %6s %7s  %s%n", r.name(),
                    r.eventsTrue(), r.eventsMissing(), r.eventsExtra(), ms(r.heelStrikeMaeS()), ms(r.toeOffMaeS()),
                    f(r.eventMaeFrames(), 2), f(r.strideTimeErrS(), 3), f(r.stanceTimeErrS(), 3),
                    f(r.stepLengthErrM(), 3), f(r.angleRmsDeg().get(Joint.HIP_FLEXION), 1),
                    f(r.angleRmsDeg().get(Joint.KNEE_FLEXION), 1), f(r.angleRmsDeg().get(Joint.ANKLE_DORSIFLEXION), 1),
                    f(r.angleRmsDeg().get(Joint.TRUNK_LEAN), 1), f(r.siErrPct().get("stance_time_si_pct"), 1),
                    (r.indicatorsOk() ? "ok" : "MISMATCH") + " expected [" + String.join(", ", r.expected())
                            + "] raised [" + String.join(", ", r.raised()) + "]");
        }
        List<Validation.Row> ok = rows.stream().filter(r -> r.error() == null).toList();
        // frontal rows time contacts by a different method with a known constant offset (docs/frontal.md) and have
        // no toe offs: they stay out of the event means, which describe the side-view event detection
        List<Validation.Row> side = ok.stream().filter(r -> !r.frontal()).toList();
        if (!ok.isEmpty()) {
            o.printf(Locale.ROOT, "%-20s %9s %7s %7s %6s %7s %7s %7s %6s %6s %6s %6s %7s  %d/%d correct%n", "mean",
                    "", ms(mean(side, Validation.Row::heelStrikeMaeS)), ms(mean(side, Validation.Row::toeOffMaeS)),
                    f(mean(side, Validation.Row::eventMaeFrames), 2), f(mean(ok, Validation.Row::strideTimeErrS), 3),
                    f(mean(ok, Validation.Row::stanceTimeErrS), 3), f(mean(ok, Validation.Row::stepLengthErrM), 3),
                    f(mean(ok, r -> r.angleRmsDeg().get(Joint.HIP_FLEXION)), 1),
                    f(mean(ok, r -> r.angleRmsDeg().get(Joint.KNEE_FLEXION)), 1),
                    f(mean(ok, r -> r.angleRmsDeg().get(Joint.ANKLE_DORSIFLEXION)), 1),
                    f(mean(ok, r -> r.angleRmsDeg().get(Joint.TRUNK_LEAN)), 1),
                    f(mean(ok, r -> r.siErrPct().get("stance_time_si_pct")), 1),
                    ok.stream().filter(Validation.Row::indicatorsOk).count(), rows.size());
        }
        printLegs(o, rows);
        o.println("events: true-missing+extra inside the walking passes; HS/TO: heel-strike/toe-off mean absolute "
                + "error; angles: RMS deg; stSI pp: stance-time symmetry index error in percentage points; event means "
                + "over side views (a frontal row's HS is its contacts' offset, docs/frontal.md)");
    }

    /**
     * The near/far split: per sample and leg, event errors (mean absolute and signed, ms; signed negative = early),
     * hip/knee/ankle RMS and offset-removed RMS, and the key values' mean errors (deg), then the means per leg.
     */
    static void printLegs(PrintWriter o, List<Validation.Row> rows) {
        List<Validation.Row> split = rows.stream().filter(r -> r.error() == null && !r.legs().isEmpty()).toList();
        if (split.isEmpty()) {
            return;
        }
        o.printf(Locale.ROOT, "%-25s %6s %6s %6s %6s  %-17s  %-17s  %s%n", "sample, leg", "HS ms", "TO ms", "HS +-",
                "TO +-", "RMS hip/knee/ank", "off-rem hip/kn/an", "err deg: knee load / knee swing / hip ext / "
                        + "push-off");
        for (Validation.Row r : split) {
            for (CameraLeg leg : CameraLeg.values()) {
                r.leg(leg).ifPresent(e -> o.println(legLine(r.name() + " " + leg.code(), e)));
            }
        }
        for (CameraLeg leg : CameraLeg.values()) {
            List<LegErrors> es = split.stream().map(r -> r.leg(leg)).flatMap(java.util.Optional::stream).toList();
            o.println(legLine("mean " + leg.code(), LegErrors.mean(leg, es)));
        }
    }

    private static String legLine(String name, LegErrors e) {
        StringBuilder peaks = new StringBuilder();
        for (StrideParameter p : LegValidation.PEAKS) {
            peaks.append(peaks.length() == 0 ? "" : " / ").append(signed(e.peakErrorDeg(p)));
        }
        return String.format(Locale.ROOT, "%-25s %6s %6s %6s %6s  %5s %5s %5s  %5s %5s %5s  %s", name,
                ms(e.heelStrikeMaeS()), ms(e.toeOffMaeS()), ms(e.heelStrikeBiasS()), ms(e.toeOffBiasS()),
                f(e.rmsDeg(Joint.HIP_FLEXION), 1), f(e.rmsDeg(Joint.KNEE_FLEXION), 1),
                f(e.rmsDeg(Joint.ANKLE_DORSIFLEXION), 1), f(e.offsetRemovedRmsDeg(Joint.HIP_FLEXION), 1),
                f(e.offsetRemovedRmsDeg(Joint.KNEE_FLEXION), 1), f(e.offsetRemovedRmsDeg(Joint.ANKLE_DORSIFLEXION), 1),
                peaks);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f", v);
    }

    /**
     * Mean of {@code f} over the rows that have the value: a frontal row has no joint angles or symmetry indices
     * (absent from its maps, so {@code f} gives null) and NaN side-view times; both are skipped. NaN if no row has it.
     */
    static double mean(List<Validation.Row> rows, Function<Validation.Row, Double> f) {
        return rows.stream().map(f).filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    private static String ms(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.1f", s * 1000);
    }

    private static String f(Double v, int decimals) {
        return v == null || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
