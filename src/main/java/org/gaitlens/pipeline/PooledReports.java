package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.assess.Assessment;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.PooledStride;
import org.gaitlens.gait.Rejection;
import org.gaitlens.motion.Scale;
import org.gaitlens.motion.WalkingDirection;
import org.gaitlens.motion.WalkingPass;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.report.KeyFrame;
import org.gaitlens.reference.Deviation;
import org.gaitlens.reporting.HealthyComparison;
import org.gaitlens.reporting.ReportInput;

/**
 * The report step of a session pooled from several recordings ({@link PooledAnalysis}): the snapshot
 * {@link ReportInput} with the recordings laid one after the other on a session timeline (each recording's times
 * shifted by its offset, passes numbered through the session, a gap of {@value #GAP_S} s between recordings so that
 * no phase bar or stride series joins two of them), key frames per video recording (in its own folder, times on its
 * own clock), and the rendered report. Failures become warnings, as in {@link SessionReports}.
 */
final class PooledReports {
    /** Gap between two recordings on the session timeline, s. */
    static final double GAP_S = 1.0;

    private PooledReports() {
    }

    /** Writes snapshot, key frames and report; returns the files written. */
    static List<Path> write(Path outDir, Analysis.Settings settings, SessionMetadata meta,
            List<SessionRecording> recordings, List<PooledAnalysis.Clip> clips, PooledGait pooled,
            Assessment assessment, Deviation deviation, List<String> warnings) {
        List<Path> files = new ArrayList<>();
        ReportInput in;
        try {
            in = snapshot(settings, meta, recordings, clips, pooled, assessment, warnings);
            if (deviation != null) {
                in = in.withDeviation(HealthyComparison.of(deviation));
            }
        } catch (RuntimeException e) {
            SessionReports.fail("the report input could not be assembled", e, warnings);
            return files;
        }
        List<KeyFrame> frames = new ArrayList<>();
        for (PooledAnalysis.Clip c : clips) {
            if (c.loaded().pose().isEmpty() || c.folder() == null) {
                continue;
            }
            try {
                List<PoseFrame> walker = c.loaded().pose().get().walkerFrames();
                List<KeyFrames.Pick> picks = KeyFrames.choose(ReportInputs.strides(c.gait()), walker);
                String prefix = outDir.relativize(c.folder()).toString().replace('\\', '/') + "/";
                for (KeyFrame k : KeyFrames.write(c.loaded().provenance().inputFile(), walker, picks, c.folder(), true)) {
                    KeyFrame moved = k.fromRecording(c.name(), prefix + k.imagePath());
                    frames.add(moved);
                    files.add(outDir.resolve(moved.imagePath()));
                }
            } catch (RuntimeException e) {
                SessionReports.fail(c.name() + ": key frames could not be written", e, warnings);
            }
        }
        SessionReports.writeAndRender(in.withKeyFrames(frames), outDir, warnings, files);
        return files;
    }

    /** The snapshot of the pooled session (key frames added later). */
    static ReportInput snapshot(Analysis.Settings settings, SessionMetadata meta, List<SessionRecording> recordings,
            List<PooledAnalysis.Clip> clips, PooledGait pooled, Assessment assessment, List<String> warnings) {
        Map<String, Integer> recordingIndex = new HashMap<>();
        for (int i = 0; i < recordings.size(); i++) {
            recordingIndex.put(recordings.get(i).name(), i);
        }
        List<ReportInput.Pass> passes = new ArrayList<>();
        List<GaitEvent> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Double> offsets = new HashMap<>();
        Map<String, Map<Integer, Integer>> sessionPass = new HashMap<>();
        Map<String, List<ReportInput.RecordingPass>> recordingPasses = new HashMap<>();
        double cursor = 0;
        for (PooledAnalysis.Clip c : clips) {
            double[] t = c.loaded().series().timeS();
            double offset = t.length == 0 ? cursor : cursor - t[0];
            offsets.put(c.name(), offset);
            cursor = (t.length == 0 ? cursor : t[t.length - 1] + offset) + GAP_S;
            Map<Integer, Integer> numbers = new HashMap<>();
            List<ReportInput.RecordingPass> rp = new ArrayList<>();
            GaitResult g = c.gait();
            for (WalkingPass p : g.passes()) {
                int n = passes.size();
                numbers.put(p.index(), n);
                passes.add(new ReportInput.Pass(n, p.startTimeS() + offset, p.endTimeS() + offset,
                        recordingIndex.get(c.name())));
            }
            for (SessionRecording.Pass p : SessionRecording.passes(g)) {
                rp.add(new ReportInput.RecordingPass(numbers.get(p.index()), direction(p.direction()), p.backward(),
                        p.nearSide(), p.steps(), Double.isFinite(p.cadenceStepsPerMin())
                                ? Decimals.round(p.cadenceStepsPerMin(), 2) : null));
            }
            sessionPass.put(c.name(), numbers);
            recordingPasses.put(c.name(), rp);
            for (GaitEvent e : g.events()) {
                events.add(new GaitEvent(e.side(), e.type(), e.timeS() + offset, e.frameIndex(),
                        numbers.get(e.passIndex())));
            }
            for (Rejection r : g.rejections()) {
                rejections.add(new Rejection(r.side(), r.timeS() + offset, numbers.get(r.passIndex()), r.reason(),
                        c.name() + ": " + r.detail()));
            }
        }
        List<ReportInput.StrideValues> strides = new ArrayList<>();
        for (Side side : Side.values()) {
            for (PooledStride s : pooled.strides().getOrDefault(side, List.of())) {
                String name = pooled.recordings().get(s.recording()).name();
                strides.add(ReportInputs.strideValues(s.stride(), sessionPass.get(name).get(s.stride().passIndex()),
                        offsets.get(name)));
            }
        }
        List<ReportInput.Recording> table = new ArrayList<>();
        for (SessionRecording r : recordings) {
            table.add(new ReportInput.Recording(r.name(), r.kind().name().toLowerCase(Locale.ROOT),
                    finite(r.durationS(), 2), finite(r.frameRateHz(), 2),
                    r.widthPx() > 0 && r.heightPx() > 0 ? r.widthPx() + "x" + r.heightPx() : null,
                    r.kind() == InputKind.VIDEO ? r.rotationDeg() : null, offsets.getOrDefault(r.name(), 0.0),
                    recordingPasses.getOrDefault(r.name(), List.of()), r.scale() == null ? null : scale(r.scale()),
                    r.stridesUsed(), r.stridesRejected(), r.error() != null ? "not analysed: " + r.error()
                            : r.duplicateOf() != null ? "same content as " + r.duplicateOf() + ": not counted twice"
                            : null));
        }
        List<ReportInputs.InputFacts> facts = new ArrayList<>();
        double confSum = 0;
        double confN = 0;
        for (PooledAnalysis.Clip c : clips) {
            facts.add(SessionReports.facts(c.loaded().provenance().inputFile(), c.loaded().kind(), settings,
                    c.loaded().series(), c.loaded().pose(), c.gait().passes(), null));
            double[] sums = SessionReports.confidenceSums(c.loaded().series(), c.gait().passes());
            confSum += sums[0];
            confN += sums[1];
        }
        List<Double> rates = facts.stream().map(ReportInputs.InputFacts::frameRateHz).distinct().toList();
        List<String> kinds = recordings.stream().map(r -> r.kind().name().toLowerCase(Locale.ROOT)).distinct().toList();
        return new ReportInput(ReportInput.SCHEMA, meta.patientId(), meta.sessionDate(), meta.label(),
                String.join(", ", recordings.stream().map(SessionRecording::name).toList()),
                kinds.size() == 1 ? kinds.get(0) : "mixed", joined(facts, ReportInputs.InputFacts::cameraView),
                rates.size() == 1 ? rates.get(0) : null, joined(facts, ReportInputs.InputFacts::poseModel),
                "each recording's own (see Recordings)", SoftwareVersion.get(),
                confN == 0 ? null : Decimals.round(confSum / confN, 3), passes, events, strides, rejections,
                assessment, warnings, List.of(), null, table, null);
    }

    private static String joined(List<ReportInputs.InputFacts> facts,
            java.util.function.Function<ReportInputs.InputFacts, String> f) {
        return String.join("; ", facts.stream().map(f).distinct().toList());
    }

    /** "197.5 px/m (patient height)", "given by the source", or "none (leg lengths)". */
    static String scale(Scale s) {
        if (!s.known()) {
            return "none (lengths in leg lengths)";
        }
        String source = switch (s.source()) {
            case CALIBRATION -> "calibration";
            case PATIENT_HEIGHT_NOSE_HEEL, PATIENT_HEIGHT_LEG -> "patient height";
            case NONE -> "none";
        };
        return Decimals.format(s.pixelsPerMetre(), 1) + " px/m (" + source + ")";
    }

    static String direction(WalkingDirection d) {
        return d == WalkingDirection.POSITIVE_X ? "left to right" : "right to left";
    }

    private static Double finite(double v, int decimals) {
        return Double.isFinite(v) ? Decimals.round(v, decimals) : null;
    }
}
