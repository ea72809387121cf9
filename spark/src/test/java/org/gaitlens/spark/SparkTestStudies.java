package org.gaitlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.batch.BatchEngine;
import org.gaitlens.batch.BatchItem;
import org.gaitlens.batch.BatchJob;
import org.gaitlens.batch.BatchListener;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.ItemOutcome;
import org.gaitlens.batch.LocalBatchEngine;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;

/** Study folders from the bundled samples, batches on either engine, and the comparison of two studies' results. */
final class SparkTestStudies {
    static final Path SAMPLES = Path.of("sample-videos");

    private SparkTestStudies() {
    }

    /**
     * A study as a manifest ({@code study.csv}) beside copies of the given files: by {@code PATIENT/DATE_label}, a
     * sample's name, or {@code name=text} for a made-up file. A manifest, because folders queue only videos and
     * motion capture, and the landmark files of the samples are the quick inputs.
     */
    static Path study(Path root, Map<String, String> fileBySession) throws IOException {
        StringBuilder csv = new StringBuilder("patient,session_date,label,video\n");
        for (Map.Entry<String, String> e : fileBySession.entrySet()) {
            Path dir = Files.createDirectories(root.resolve(e.getKey()));
            String f = e.getValue();
            String name = f.contains("=") ? f.substring(0, f.indexOf('=')) : f;
            if (f.contains("=")) {
                Files.writeString(dir.resolve(name), f.substring(f.indexOf('=') + 1));
            } else {
                Files.copy(SAMPLES.resolve(f), dir.resolve(name));
            }
            String[] ps = e.getKey().split("/");
            String[] dl = ps[1].split("_", 2);
            csv.append(ps[0]).append(',').append(dl[0]).append(',').append(dl[1]).append(',').append(e.getKey())
                    .append('/').append(name).append('\n');
        }
        Path manifest = root.resolve("study.csv");
        Files.writeString(manifest, csv);
        return manifest;
    }

    /** The batch's settings: the samples' height, no overlay video (as {@code --no-video}). */
    static RunSettings settings() {
        RunSettings d = RunSettings.defaults().withHeightCm(175);
        return new RunSettings(d.softwareVersion(), d.model(), d.heightCm(), d.eventMethod(), d.treadmill(),
                d.cameraView(), false, d.blurFaces());
    }

    static Path models() {
        return Path.of(System.getProperty("gaitlens.models.dir", "models"));
    }

    /** Discovers and runs a batch of {@code input} on an engine. */
    static BatchReport batch(BatchEngine engine, String input, StoreConfig store, Optional<String> master,
            Map<String, String> conf) {
        BatchEngine.Request r = new BatchEngine.Request(input, store, models(), 1, 2, false, master, Optional.empty(),
                conf);
        try (BatchJob job = engine.open(r)) {
            List<BatchItem> items = job.discover().items();
            return job.run(items, settings(), BatchListener.NONE);
        }
    }

    static BatchReport local(String input, StoreConfig store) {
        return batch(new LocalBatchEngine(), input, store, Optional.empty(), Map.of());
    }

    static long count(BatchReport r, ItemOutcome.Status s) {
        return r.outcomes().stream().filter(o -> o.status() == s).count();
    }

    /**
     * Asserts that every done run of {@code a} has a done run of the same content in {@code b} with equal per-stride
     * values and metrics (exactly: the same code on the same input) and the same events, strides and summary files.
     *
     * @return how many runs were compared
     */
    static int assertSameResults(StoreConfig a, StoreConfig b) throws IOException {
        try (StudyStore sa = StudyStore.open(a); StudyStore sb = StudyStore.open(b)) {
            Map<String, AnalysisRun> bBySha = new HashMap<>();
            for (AnalysisRun r : sb.runs().list(RunStatus.DONE)) {
                bBySha.put(sb.recordings().get(r.recordingId()).sha256(), r);
            }
            int n = 0;
            for (AnalysisRun ra : sa.runs().list(RunStatus.DONE)) {
                String sha = sa.recordings().get(ra.recordingId()).sha256();
                AnalysisRun rb = bBySha.get(sha);
                assertTrue(rb != null, "no done run in the Spark study for " + sa.recordings().get(ra.recordingId()));
                assertEquals(ra.settingsHash(), rb.settingsHash());
                assertEquals(sorted(sa.results().strides(ra.id())), sorted(sb.results().strides(rb.id())),
                        "per-stride values of " + sha);
                assertEquals(sorted(sa.results().metrics(ra.id())), sorted(sb.results().metrics(rb.id())),
                        "metrics (summaries, indicators) of " + sha);
                Path da = resultDir(sa, ra);
                Path db = resultDir(sb, rb);
                for (String f : List.of("events.csv", "strides.csv", "metrics.csv")) {
                    if (Files.exists(da.resolve(f))) {
                        assertEquals(Files.readString(da.resolve(f)), Files.readString(db.resolve(f)), f + " of " + sha);
                    }
                }
                assertTrue(Files.exists(da.resolve("events.csv")), "events.csv in " + da);
                n++;
            }
            return n;
        }
    }

    private static Path resultDir(StudyStore s, AnalysisRun r) throws IOException {
        try (var files = Files.walk(s.dataDir().resolve("results"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".run" + r.id()) && Files.isDirectory(p))
                    .findFirst().orElseThrow(() -> new AssertionError("no result folder of run " + r.id()));
        }
    }

    private static <T> List<T> sorted(List<T> values) {
        return values.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
