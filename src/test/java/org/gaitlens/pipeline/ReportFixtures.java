package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.SyntheticWalk;
import org.gaitlens.reporting.HealthyComparison;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.validation.ValidationTrials;

/** Report inputs from real analyses of the mocap validation trials and of synthetic walks. */
public final class ReportFixtures {
    /** Fixed version so golden files do not change with the build. */
    static final String VERSION = "test";

    private ReportFixtures() {
    }

    /** Analyses a validation trial seen by a virtual camera on the walker's left, as {@code analyze} does. */
    public static ReportInput trial(String name, SessionMetadata meta, Path outDir) {
        ValidationTrials.Trial t = ValidationTrials.load(name);
        LandmarkSeries s = t.sideView(Side.LEFT);
        GaitSettings gs = GaitSettings.defaults();
        if (name.contains("treadmill")) {
            gs = gs.withCleaning(gs.cleaning().withTreadmill(true));
        }
        return analyse(s, gs, name + ".c3d", "c3d", meta, outDir);
    }

    /** A synthetic walk (8 s at 60 Hz, known scale, no noise). */
    public static ReportInput synthetic(SyntheticWalk w, SessionMetadata meta, Path outDir) {
        LandmarkSeries s = w.series(60, 8.0, SyntheticWalk.camera(false), 0, 1, true);
        return analyse(s, GaitSettings.defaults(), "synthetic.trc", "trc", meta, outDir);
    }

    public static ReportInput analyse(LandmarkSeries s, GaitSettings gs, String fileName, String kind, SessionMetadata meta,
            Path outDir) {
        List<String> warnings = new ArrayList<>();
        SessionAnalysis.Provenance p = new SessionAnalysis.Provenance(Path.of(fileName), "0".repeat(64), kind, Map.of());
        SessionAnalysis.Result r = SessionAnalysis.run(s, gs, p, meta, outDir, warnings);
        ReportInputs.InputFacts facts = new ReportInputs.InputFacts(fileName, kind, "virtual left side camera (sagittal)",
                SessionReports.sampleRate(s), "motion capture markers, projected (" + kind + ")",
                SessionReports.meanConfidence(s, r.gait().passes()));
        return ReportInputs.of(r.gait(), r.assessment(), meta, facts, VERSION, warnings, List.of())
                .withDeviation(HealthyComparison.of(r.deviation()));
    }

    public static SessionMetadata meta(String patient, String date, String label) {
        return new SessionMetadata(patient, LocalDate.parse(date), label);
    }
}
