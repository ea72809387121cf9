package org.gaitlens.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.indicator.LumbarIndicators;
import org.gaitlens.core.AnalysisException;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.ModelMissingException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SessionMetadata;
import org.gaitlens.core.Side;
import org.gaitlens.gait.FrontalResult;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.Rejection;
import org.gaitlens.gait.io.GaitCsvWriter;
import org.gaitlens.motion.ViewDetection;
import org.gaitlens.motion.ViewDetector;
import org.gaitlens.pose.PoseEstimatorSource;
import org.gaitlens.reference.Deviation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code analyze} job for one session filmed as one or more recordings (clips): each recording is read and
 * analysed on its own (its pose, clock, frame rate, resolution, rotation, passes and px-to-m scale), then the
 * accepted strides of every pass of every recording are pooled ({@link PooledGait}) into one assessment (per-side
 * statistics, asymmetry with confidence intervals, curves, indicators, quality verdict on the pooled stride counts)
 * and one deviation from healthy walking, written into one session folder.
 *
 * <p>One recording gives exactly what {@link Analysis#run} gives (same files, byte for byte). Several give the same
 * files with provenance ({@link GaitCsvWriter}: a {@code recording} column; {@code summary.json}: a
 * {@code recordings} list, {@link PooledSummary}) and each video's own files (landmarks, {@code video.json},
 * overlay, key frames) in {@code recordings/<name>/}. Honest counting and bad input:
 * <ul>
 *   <li>a file given twice, or a landmarks file of a video also given, is analysed once: the repeat is listed with
 *       {@code duplicate_of} and its strides are not counted;</li>
 *   <li>a recording that cannot be analysed (nobody found, no walking pass, unreadable or corrupt file) is listed
 *       with its {@code error}, and the session is analysed from the others; with none left the analysis fails;</li>
 *   <li>recordings that cannot be pooled stop the analysis with an error naming the recording: a frontal view among
 *       side views, motion capture mixed with video, or a walker whose body proportions differ clearly from the
 *       first recording's ({@link WalkerCheck}; a hint of another person, not proof).</li>
 * </ul>
 */
public final class PooledAnalysis {
    /** Folder of the session folder holding each recording's own files. */
    public static final String RECORDINGS_DIR = "recordings";
    private static final Logger LOG = LoggerFactory.getLogger(PooledAnalysis.class);

    private PooledAnalysis() {
    }

    /**
     * What the session's analysis produced.
     *
     * @param recordings every recording given, in the order given, with its provenance and outcome
     * @param gait       the pooled gait of the analysed recordings, or {@code null} for a one-recording frontal view
     * @param frontal    the frontal result of a one-recording frontal view, else {@code null}
     * @param assessment the session's assessment
     * @param deviation  deviation from healthy walking (side view), else {@code null}
     * @param files      files written, in order
     * @param warnings   warnings for the user
     */
    public record Result(List<SessionRecording> recordings, PooledGait gait, FrontalResult frontal,
            Assessment assessment, Deviation deviation, List<Path> files, List<String> warnings) {
        public Result {
            recordings = List.copyOf(recordings);
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }

        /** Whether the session was given as several recordings (then its files carry provenance). */
        public boolean pooled() {
            return recordings.size() > 1;
        }
    }

    /** One analysed recording: how it was read, and what the gait engine found. */
    record Clip(String name, Path folder, Analysis.Loaded loaded, ViewDetection view, GaitResult gait,
            List<String> warnings) {
    }

    /**
     * Analyses a session's recordings into {@code outDir}.
     *
     * @param inputs   the recordings (videos, landmarks files, motion capture), in session order
     * @param metadata patient, date and label; {@code null} for the defaults (the first recording's date)
     * @param cache    where video poses are kept between runs ({@link PoseCache#NONE} for none)
     * @throws InvalidInputException if a file is missing or of an unknown kind, or the recordings cannot be pooled
     * @throws AnalysisException     if no recording could be analysed or none has a complete stride
     */
    public static Result run(List<Path> inputs, Path outDir, Analysis.Settings settings, SessionMetadata metadata,
            PoseEstimatorSource estimators, PoseCache cache, ProgressListener progress) {
        if (inputs.isEmpty()) {
            throw new InvalidInputException("no recording given");
        }
        for (Path in : inputs) {
            if (!Files.isRegularFile(in)) {
                throw new InvalidInputException(in + ": file not found");
            }
            InputKind.of(in);
        }
        SessionMetadata meta = metadata != null ? metadata
                : SessionMetadata.withDefaults(null, null, null, inputs.get(0));
        if (inputs.size() == 1) {
            return single(inputs.get(0), outDir, settings, meta, estimators, cache, progress);
        }
        checkKinds(inputs);
        List<String> names = names(inputs);
        List<String> warnings = new ArrayList<>();
        List<SessionRecording> recordings = new ArrayList<>();
        List<Clip> clips = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Set<String> folders = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path in = inputs.get(i);
            String name = names.get(i);
            String sha = Checksums.sha256(in);
            String original = Optional.ofNullable(seen.get(sha)).orElseGet(() -> videoOfLandmarks(in)
                    .map(seen::get).orElse(null));
            if (original != null) {
                recordings.add(RecordingFacts.unread(name, in, sha).asDuplicateOf(original));
                warnings.add(name + ": the same recording as " + original + " (same content); analysed once, its "
                        + "strides counted once");
                continue;
            }
            seen.put(sha, name);
            videoOfLandmarks(in).ifPresent(v -> seen.putIfAbsent(v, name));
            Path folder = outDir.resolve(RECORDINGS_DIR).resolve(folderName(name, folders));
            try {
                Clip c = analyse(in, sha, name, folder, settings, estimators, cache, progress);
                clips.add(c);
                recordings.add(null); // filled in once the pool is known
            } catch (ModelMissingException | NotPoolable e) {
                throw e;
            } catch (GaitlensException | IllegalArgumentException | java.io.UncheckedIOException e) {
                LOG.info("{}: not analysed: {}", name, e.getMessage());
                recordings.add(RecordingFacts.failed(name, in, sha, e.getMessage()));
                warnings.add(name + ": not analysed: " + e.getMessage());
            }
        }
        if (clips.isEmpty()) {
            throw new AnalysisException("no recording of the session could be analysed: " + String.join("; ",
                    recordings.stream().map(r -> r.name() + ": " + (r.error() != null ? r.error()
                            : "same content as " + r.duplicateOf())).toList()));
        }
        WalkerCheck.check(clips);
        PooledGait pooled = PooledGait.of(clips.stream().map(c -> new PooledGait.Recording(c.name(), c.gait()))
                .toList());
        if (pooled.strideCount(Side.LEFT) + pooled.strideCount(Side.RIGHT) == 0) {
            throw new AnalysisException("no complete stride found in the " + clips.size() + " analysed recording(s) ("
                    + pooled.passCount() + " walking pass(es), " + pooled.rejectionCount() + " candidate strides "
                    + "rejected). Record longer walks: at least 3 full strides per side over all passes.");
        }
        int k = 0;
        for (int i = 0; i < recordings.size(); i++) {
            if (recordings.get(i) == null) {
                Clip c = clips.get(k++);
                recordings.set(i, RecordingFacts.analysed(c, outDir));
                c.warnings().forEach(w -> warnings.add(c.name() + ": " + w));
            }
        }
        progress.update("analysis", 0, 1);
        List<AssessmentInputs.Source> sources = clips.stream().map(c -> new AssessmentInputs.Source(
                c.loaded().series(), SessionAnalysis.fromPoseModel(c.loaded().provenance()))).toList();
        Assessment assessment = LumbarIndicators.assessor().assess(AssessmentInputs.from(pooled, sources, warnings, true));
        Deviation deviation = Deviations.of(pooled, settings.treadmill());
        List<Path> files;
        try {
            files = new ArrayList<>(new GaitCsvWriter().writeAll(pooled, outDir));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write results to " + outDir, e);
        }
        files.add(PooledSummary.write(outDir, settings, meta, recordings, clips, pooled, assessment, deviation));
        progress.update("analysis", 1, 1);
        progress.update("report", 0, 1);
        files.addAll(PooledReports.write(outDir, settings, meta, recordings, clips, pooled, assessment, deviation,
                warnings));
        progress.update("report", 1, 1);
        return new Result(recordings, pooled, null, assessment, deviation, files, warnings);
    }

    /** One recording: {@link Analysis#run}, described as a session of one. */
    private static Result single(Path input, Path outDir, Analysis.Settings settings, SessionMetadata meta,
            PoseEstimatorSource estimators, PoseCache cache, ProgressListener progress) {
        Analysis.Result r = Analysis.run(input, outDir, settings, meta, estimators, cache, progress);
        String name = input.getFileName().toString();
        SessionRecording rec = RecordingFacts.single(name, r);
        SessionAnalysis.Result s = r.session();
        return new Result(List.of(rec), s.gait() == null ? null : PooledGait.of(name, s.gait()), s.frontal(),
                s.assessment(), s.deviation(), s.files(), r.warnings());
    }

    /** Reads and analyses one recording; a frontal view stops the session. */
    private static Clip analyse(Path in, String sha, String name, Path folder, Analysis.Settings settings,
            PoseEstimatorSource estimators, PoseCache cache, ProgressListener progress) {
        List<String> warnings = new ArrayList<>();
        ProgressListener mine = (stage, done, total) -> progress.update(name + " " + stage, done, total);
        Analysis.Loaded loaded = Analysis.load(in, sha, folder, settings, estimators, cache, mine, warnings);
        ViewDetection view = ViewDetector.detect(loaded.series());
        LOG.info("{}: {}", name, view.description());
        if (view.kind().isFrontal()) {
            throw new NotPoolable(name + ": " + view.description() + ". A session pooled from several recordings "
                    + "needs side views (the walker crossing the image); analyse a frontal clip on its own for the "
                    + "trunk-list check.");
        }
        GaitResult gait = SessionAnalysis.sideGait(loaded.series(), settings.gaitSettings(loaded.kind()), in, view);
        return new Clip(name, loaded.pose().isPresent() ? folder : null, loaded, view, gait, warnings);
    }

    /** Recordings that cannot be pooled: not a fault of one recording, so never caught as one. */
    static final class NotPoolable extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        NotPoolable(String message) {
            super(message);
        }
    }

    /** Motion capture is not pooled with video: its markers and the pose model's landmarks differ in kind. */
    private static void checkKinds(List<Path> inputs) {
        Path mocap = null;
        Path video = null;
        for (Path in : inputs) {
            InputKind k = InputKind.of(in);
            if (k == InputKind.TRC || k == InputKind.C3D) {
                mocap = mocap == null ? in : mocap;
            } else {
                video = video == null ? in : video;
            }
        }
        if (mocap != null && video != null) {
            throw new InvalidInputException(mocap.getFileName() + ": motion capture cannot be pooled with video or "
                    + "landmarks (" + video.getFileName() + "): their markers and the pose model's landmarks measure "
                    + "differently; analyse them as separate sessions.");
        }
    }

    /**
     * Unique recording names: the file name, or {@code folder/file} when two files share a name, with {@code #k}
     * appended if that is still not unique.
     */
    static List<String> names(List<Path> inputs) {
        Map<String, Integer> count = new HashMap<>();
        inputs.forEach(p -> count.merge(p.getFileName().toString(), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path p : inputs) {
            String file = p.getFileName().toString();
            Path parent = p.toAbsolutePath().normalize().getParent();
            String name = count.get(file) > 1 && parent != null && parent.getFileName() != null
                    ? parent.getFileName() + "/" + file : file;
            String unique = name;
            for (int k = 2; !used.add(unique); k++) {
                unique = name + "#" + k;
            }
            out.add(unique);
        }
        return out;
    }

    /** A file-system-safe folder name for a recording, unique among {@code used}. */
    static String folderName(String name, Set<String> used) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        safe = safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
        String unique = safe;
        for (int k = 2; !used.add(unique.toLowerCase(Locale.ROOT)); k++) {
            unique = safe + "-" + k;
        }
        return unique;
    }

    /**
     * For a landmarks file written by {@code gaitlens pose}: the SHA-256 of the video it came from, from the
     * {@code video.json} beside it; empty otherwise.
     */
    static Optional<String> videoOfLandmarks(Path input) {
        if (InputKind.of(input) != InputKind.LANDMARKS) {
            return Optional.empty();
        }
        Path videoJson = input.toAbsolutePath().resolveSibling(PoseRun.VIDEO_JSON);
        if (!Files.isRegularFile(videoJson)) {
            return Optional.empty();
        }
        try {
            String sha = org.gaitlens.core.Json.mapper().readTree(videoJson.toFile()).path("input_sha256").asText("");
            return sha.isEmpty() ? Optional.empty() : Optional.of(sha);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Rejections of a recording per side. */
    static Map<Side, Integer> rejectedPerSide(GaitResult gait) {
        Map<Side, Integer> out = new EnumMap<>(Side.class);
        for (Rejection r : gait.rejections()) {
            out.merge(r.side(), 1, Integer::sum);
        }
        return out;
    }
}
