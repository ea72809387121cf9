package org.gaitlens.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gaitlens.batch.RunExecutor;
import org.gaitlens.core.AnalysisException;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pose.LandmarksCsv;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.StudyStore;

/**
 * The web app's production executor ({@link RunExecutor} over {@link Analysis#run}) with the pose model replaced by
 * the bundled samples' exact landmarks ({@link ScriptedPoseEstimator}): an uploaded {@code sample-videos/NAME.mp4}
 * is analysed from {@code NAME.landmarks.csv}. A video made from a sample (another codec, say) is registered with
 * {@link #register}. Everything else about the run is real: folders, files, report, stored results.
 */
final class SampleVideoAnalysis implements AnalysisExecutor, AutoCloseable {
    static final Path SAMPLES = Path.of("sample-videos");

    private final Map<String, String> sampleBySha256 = new ConcurrentHashMap<>();
    private final RunExecutor executor;

    SampleVideoAnalysis(StudyStore store) {
        for (String name : List.of("normal", "antalgic", "series_patientA_s1", "series_patientA_s2", "series_patientA_s3",
                "foot_drop", "knee_pattern")) {
            register(SAMPLES.resolve(name + ".mp4"), name);
        }
        this.executor = new RunExecutor(store, new RunExecutor.Options(Path.of("models"), 1, Duration.ofMillis(200)),
                (input, outDir, settings, metadata, progress) -> Analysis.run(input, outDir, settings, metadata,
                        (modelsDir, options) -> new ScriptedPoseEstimator(poses(input)), progress),
                (inputs, outDir, settings, metadata, progress) -> {
                    throw new IllegalStateException("these tests upload one video per session");
                });
    }

    /** Analyses the video's content with the landmarks of sample {@code name}. */
    void register(Path video, String name) {
        sampleBySha256.put(Checksums.sha256(video), name);
    }

    /** The sample landmarks of a sample video. */
    static List<PoseFrame> sampleLandmarks(String name) {
        return LandmarksCsv.read(SAMPLES.resolve(name + ".landmarks.csv"));
    }

    private List<PoseFrame> poses(Path input) {
        String name = sampleBySha256.get(Checksums.sha256(input));
        if (name == null) {
            throw new AnalysisException(input + ": not a sample video of this test");
        }
        return sampleLandmarks(name);
    }

    @Override
    public void execute(AnalysisRun claimed, ProgressListener progress) {
        executor.execute(claimed, progress);
    }

    @Override
    public void close() {
        executor.close();
    }
}
