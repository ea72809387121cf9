package org.gaitlens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.Side;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.ParameterStats;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pipeline.SessionAnalysis;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.ArtifactRef;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunResults;
import org.gaitlens.store.StrideValue;
import org.gaitlens.store.StudyStore;

/**
 * The web app's own executor until the batch runner's is available: {@link Analysis#run} into
 * {@code DATA/runs/run-ID-aATTEMPT/}, then the per-side means and per-stride values of every stride parameter,
 * the summary document and every file of the folder stored with the run in one transaction.
 */
final class PipelineExecutor implements AnalysisExecutor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StudyStore store;
    private final Path modelsDir;

    PipelineExecutor(StudyStore store, Path modelsDir) {
        this.store = store;
        this.modelsDir = modelsDir;
    }

    /** The settings JSON the web app queues runs with. */
    static String settingsJson(double heightCm) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("source", "web");
        m.put("model", "full");
        m.put("event_method", "zeni");
        m.put("overlay_video", true);
        m.put("height_cm", Double.isNaN(heightCm) ? null : heightCm);
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(AnalysisRun claimed, ProgressListener progress) throws IOException {
        Recording rec = store.recordings().get(claimed.recordingId());
        Path input = store.dataDir().resolve(rec.path());
        JsonNode s = JSON.readTree(claimed.settingsJson());
        double heightCm = s.path("height_cm").isNumber() ? s.path("height_cm").asDouble() : Double.NaN;
        Analysis.Settings settings = new Analysis.Settings(heightCm,
                PoseModel.valueOf(s.path("model").asText("full").toUpperCase(Locale.ROOT)), 1,
                s.path("overlay_video").asBoolean(true), false, EventMethod.ZENI, false, CameraView.LEFT_SIDE,
                modelsDir);
        String relDir = "runs/run-" + claimed.id() + "-a" + claimed.attempts();
        Path outDir = store.dataDir().resolve(relDir);
        Analysis.Result result = Analysis.run(input, outDir, settings, progress);
        progress.update("report", 0, 1);
        List<ArtifactRef> artifacts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(outDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = relDir + "/" + outDir.relativize(f).toString().replace('\\', '/');
                artifacts.add(new ArtifactRef(artifactKind(f.getFileName().toString()), rel, Checksums.sha256(f)));
            }
        }
        String summary = Files.readString(outDir.resolve(SessionAnalysis.SUMMARY_JSON));
        GaitResult gait = result.session().gait();
        List<MetricValue> metrics = new ArrayList<>();
        List<StrideValue> strides = new ArrayList<>();
        for (Side side : Side.values()) {
            Map<StrideParameter, ParameterStats> sums = gait.summaries().getOrDefault(side, Map.of());
            for (StrideParameter p : StrideParameter.values()) {
                ParameterStats st = sums.get(p);
                if (st != null && st.n() > 0) {
                    metrics.add(new MetricValue("summary", Optional.of(side), p.column(), st.mean(), unit(p.column())));
                }
            }
            List<Stride> list = gait.strides().getOrDefault(side, List.of());
            for (int i = 0; i < list.size(); i++) {
                for (StrideParameter p : StrideParameter.values()) {
                    strides.add(new StrideValue(side, i, p.column(), p.of(list.get(i)), unit(p.column())));
                }
            }
        }
        store.runs().complete(claimed, new RunResults(summary, metrics, strides, artifacts));
        progress.update("report", 1, 1);
    }

    /** Artifact kind from a file name: {@code overlay.mp4 -> overlay-mp4}, {@code report.pdf -> report-pdf}. */
    static String artifactKind(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The unit a column name ends in. */
    static String unit(String column) {
        if (column.endsWith("_steps_per_min")) {
            return "steps/min";
        } else if (column.endsWith("_m_per_s")) {
            return "m/s";
        } else if (column.endsWith("_leg_per_s")) {
            return "leg/s";
        } else if (column.endsWith("_pct")) {
            return "%";
        } else if (column.endsWith("_deg")) {
            return "deg";
        } else if (column.endsWith("_leg")) {
            return "leg";
        } else if (column.endsWith("_m")) {
            return "m";
        } else if (column.endsWith("_s")) {
            return "s";
        }
        return "";
    }
}
