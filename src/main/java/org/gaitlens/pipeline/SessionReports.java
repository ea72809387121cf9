package org.gaitlens.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.gait.FrontalResult;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.LandmarkTrack;
import org.gaitlens.motion.ViewKind;
import org.gaitlens.motion.WalkingPass;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.report.KeyFrame;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.report.ReportRenderer;
import org.gaitlens.report.SessionReport;
import org.gaitlens.reporting.HealthyComparison;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.reporting.SessionReportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report step of an analysis, and the rebuild of a report from a session folder.
 *
 * <p>Files in the session folder: {@value ReportInput#FILE_NAME} (the builder's input snapshot),
 * {@code keyframes/*.png} (video input), {@code report.json} (the report model), {@code report.html},
 * {@code report.pdf}.
 */
public final class SessionReports {
    private static final Logger LOG = LoggerFactory.getLogger(SessionReports.class);

    private SessionReports() {
    }

    /**
     * Writes the snapshot, key frames and the session report after an analysis. Never throws for a report
     * problem: failures are logged and added to {@code warnings}, so the analysis results are kept.
     *
     * @return the files written
     */
    static List<Path> write(Path input, InputKind kind, Analysis.Settings settings, SessionMetadata meta,
            LandmarkSeries series, Optional<PoseRun.Result> pose, SessionAnalysis.Result session, List<String> warnings,
            Path outDir) {
        List<Path> files = new ArrayList<>();
        ReportInput in;
        try {
            if (session.isFrontal()) {
                FrontalResult f = session.frontal();
                ReportInputs.InputFacts facts = facts(input, kind, settings, series, pose, f.motion().passes(),
                        frontalView(f.view().kind()));
                in = ReportInputs.of(f, FrontalSessionAnalysis.contacts(f), session.assessment(), meta, facts,
                        SoftwareVersion.get(), warnings);
            } else {
                ReportInputs.InputFacts facts = facts(input, kind, settings, series, pose, session.gait().passes(),
                        null);
                in = ReportInputs.of(session.gait(), session.assessment(), meta, facts, SoftwareVersion.get(),
                        warnings, List.of());
                if (session.deviation() != null) {
                    in = in.withDeviation(HealthyComparison.of(session.deviation()));
                }
            }
        } catch (RuntimeException e) {
            fail("the report input could not be assembled", e, warnings);
            return files;
        }
        if (pose.isPresent() && !session.isFrontal()) {
            try {
                List<PoseFrame> walker = pose.get().walkerFrames();
                List<KeyFrames.Pick> picks = KeyFrames.choose(in.strides(), walker);
                List<KeyFrame> frames = KeyFrames.write(input, walker, picks, outDir, true);
                in = in.withKeyFrames(frames);
                frames.forEach(k -> files.add(outDir.resolve(k.imagePath())));
            } catch (RuntimeException e) {
                fail("key frames could not be written", e, warnings);
            }
        }
        writeAndRender(in, outDir, warnings, files);
        return files;
    }

    /**
     * Writes the snapshot and the rendered report into {@code outDir}, adding the files to {@code files}; a failure
     * is logged and added to {@code warnings}.
     */
    static void writeAndRender(ReportInput in, Path outDir, List<String> warnings, List<Path> files) {
        try {
            files.add(in.write(outDir));
        } catch (RuntimeException e) {
            fail(ReportInput.FILE_NAME + " could not be written ('gaitlens report' cannot rebuild this session)", e,
                    warnings);
        }
        try {
            ReportRenderer.Written w = render(in, outDir, RenderOptions.defaults().withAssetDir(outDir));
            files.add(w.json());
            files.add(w.html());
            files.add(w.pdf());
        } catch (IOException | RuntimeException e) {
            fail("the session report could not be written", e, warnings);
        }
    }

    /** Builds the report model and writes report.json/html/pdf into {@code outDir}. */
    public static ReportRenderer.Written render(ReportInput in, Path outDir, RenderOptions options) throws IOException {
        SessionReport report = SessionReportBuilder.build(in);
        return ReportRenderer.writeSession(report, outDir, options);
    }

    /**
     * Rebuilds the session report from a session folder's {@value ReportInput#FILE_NAME}.
     *
     * @param sessionDir the session folder
     * @param outDir     where to write report.json/html/pdf (the session folder itself when {@code null})
     * @param pageSize   PDF page size
     * @throws org.gaitlens.core.InvalidInputException if the folder holds no readable snapshot
     */
    public static ReportRenderer.Written rebuild(Path sessionDir, Path outDir, RenderOptions.PageSize pageSize) {
        ReportInput in = ReportInput.read(sessionDir);
        Path dir = outDir != null ? outDir : sessionDir;
        try {
            Files.createDirectories(dir);
            return render(in, dir, RenderOptions.defaults().withPageSize(pageSize).withAssetDir(sessionDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
    }

    static void fail(String what, Exception e, List<String> warnings) {
        LOG.warn("{}: {}", what, e.toString(), e);
        warnings.add(what + ": " + e.getMessage());
    }

    /** The camera view in words for a frontal session. */
    static String frontalView(ViewKind kind) {
        return kind == ViewKind.FRONTAL_BACK ? "frontal (from behind, walking away; detected automatically)"
                : "frontal (from the front, walking toward the camera; detected automatically)";
    }

    /**
     * @param frontalView the camera view in words for a frontal session ({@link #frontalView}), or {@code null} for
     *                    a side view
     */
    static ReportInputs.InputFacts facts(Path input, InputKind kind, Analysis.Settings settings, LandmarkSeries series,
            Optional<PoseRun.Result> pose, List<WalkingPass> passes, String frontalView) {
        String view;
        String model;
        Double rateHz;
        switch (kind) {
            case VIDEO -> {
                view = "side view (sagittal)";
                model = "BlazePose " + settings.model().name().toLowerCase(Locale.ROOT);
                rateHz = pose.map(p -> p.pose().info().frameRateHz()).filter(r -> r > 0).orElse(null);
            }
            case LANDMARKS -> {
                view = "side view (sagittal)";
                model = "landmarks file";
                rateHz = sampleRate(series);
            }
            default -> {
                view = "virtual " + settings.cameraView().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " camera (sagittal)";
                model = "motion capture markers, projected (" + kind.name().toLowerCase(Locale.ROOT) + ")";
                rateHz = sampleRate(series);
            }
        }
        if (frontalView != null) {
            view = kind == InputKind.TRC || kind == InputKind.C3D ? "virtual " + settings.cameraView().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + " camera, " + frontalView : frontalView;
        }
        return new ReportInputs.InputFacts(input.getFileName().toString(), kind.name().toLowerCase(Locale.ROOT), view,
                rateHz, model, meanConfidence(series, passes));
    }

    /** Median sample rate of a series, rounded to 0.01 Hz, or {@code null}. */
    static Double sampleRate(LandmarkSeries s) {
        double[] t = s.timeS();
        if (t.length < 2) {
            return null;
        }
        double[] dt = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            dt[i - 1] = t[i] - t[i - 1];
        }
        java.util.Arrays.sort(dt);
        double median = dt[dt.length / 2];
        return median > 0 ? Decimals.round(1 / median, 2) : null;
    }

    /**
     * Mean confidence of the leg landmarks (hip, knee, ankle, heel, foot tip of both sides) over the samples
     * inside the walking passes, rounded to 0.001; {@code null} when the source gives no confidences.
     */
    static Double meanConfidence(LandmarkSeries s, List<WalkingPass> passes) {
        double[] sums = confidenceSums(s, passes);
        return sums[1] == 0 ? null : Decimals.round(sums[0] / sums[1], 3);
    }

    /** The sum and the number of the leg landmarks' confidences inside the passes ({@link #meanConfidence}). */
    static double[] confidenceSums(LandmarkSeries s, List<WalkingPass> passes) {
        double sum = 0;
        long n = 0;
        double[] t = s.timeS();
        for (Side side : Side.values()) {
            for (BodyPart part : BodyPart.LEG) {
                BodyLandmark lm = BodyLandmark.of(side, part);
                if (!s.has(lm)) {
                    continue;
                }
                LandmarkTrack tr = s.track(lm);
                for (int i = 0; i < t.length; i++) {
                    final double ti = t[i];
                    double c = tr.confidence()[i];
                    if (Double.isFinite(c) && passes.stream().anyMatch(p -> ti >= p.startTimeS() && ti <= p.endTimeS())) {
                        sum += Math.max(0, Math.min(1, c));
                        n++;
                    }
                }
            }
        }
        return new double[] {sum, n};
    }
}
