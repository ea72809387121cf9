package org.gaitlens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.gaitlens.batch.RunFolders;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.video.VideoProbe;

/**
 * {@code gaitlens bench --batch FOLDER --engine NAME}: the local batch and another engine (Spark in local mode) over
 * the same videos in one process, each into a fresh study, with {@code --no-video}: throughput (videos per minute),
 * cost (CPU seconds of this process per minute of video, every thread counted: in local mode Spark's executors run
 * here) and the engine's phases, among them its fixed start-up (docs/spark.md).
 */
public final class EngineBenchmark {
    /**
     * One engine's run.
     *
     * @param engine            the engine's name
     * @param workers           recordings analysed at once
     * @param items             videos given
     * @param done              videos analysed
     * @param wallS             wall seconds of the run, the engine's start-up included
     * @param cpuS              CPU seconds of this process during the run
     * @param videosPerMinute   done / wall minutes
     * @param cpuSPerVideoMinute cpuS / minutes of video analysed
     * @param phasesS           the engine's phases in seconds (Spark: start, queue, analyse, write, ingest)
     */
    public record EngineLine(String engine, int workers, int items, int done, double wallS, double cpuS,
            double videosPerMinute, double cpuSPerVideoMinute, Map<String, Double> phasesS) {
    }

    /**
     * The whole measurement.
     *
     * @param software         gaitlens version
     * @param folder           the folder measured
     * @param videoMinutes     minutes of video over all items
     * @param cores            processors available to the JVM
     * @param loadAverageStart the 1-minute load average before (other work on the machine when well above 0)
     * @param lines            the local batch, then the engine
     */
    public record Report(String software, String folder, double videoMinutes, int cores, double loadAverageStart,
            List<EngineLine> lines) {
        public Report {
            lines = List.copyOf(lines);
        }
    }

    private EngineBenchmark() {
    }

    /** Runs the local batch, then {@code engine} (master {@code master}, or its default) over {@code items}. */
    public static Report run(Path folder, List<BatchItem> items, String engine, Optional<String> master, int workers,
            Path modelsDir, Path scratch, ProgressListener progress) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double minutes = 0;
        for (BatchItem i : items) {
            try {
                minutes += VideoProbe.probe(i.video()).durationS() / 60;
            } catch (GaitlensException e) {
                // a video that cannot be read fails in both runs alike; it adds no minutes
            }
        }
        RunSettings d = RunSettings.defaults();
        RunSettings noVideo = new RunSettings(d.softwareVersion(), d.model(), d.heightCm(), d.eventMethod(),
                d.treadmill(), d.cameraView(), false, d.blurFaces());
        List<EngineLine> lines = new ArrayList<>();
        for (String name : List.of(LocalBatchEngine.NAME, engine)) {
            Path data = scratch.resolve("engine-" + name);
            try {
                RunFolders.deleteTree(data);
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + data, e);
            }
            BatchEngine.Request r = new BatchEngine.Request(folder.toString(), StoreConfig.embedded(data), modelsDir, 1,
                    workers, false, name.equals(LocalBatchEngine.NAME) ? Optional.empty() : master, Optional.empty(),
                    Map.of());
            long c0 = BatchBenchmark.processCpuNanos();
            long t0 = System.nanoTime();
            BatchReport rep;
            Map<String, Double> phases;
            try (BatchJob job = BatchEngine.named(name).open(r)) {
                java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
                rep = job.run(items, noVideo, new BatchListener() {
                    @Override
                    public void itemFinished(ItemOutcome o) {
                        progress.update(name, finished.incrementAndGet(), items.size());
                    }
                });
                phases = job.phaseSeconds();
            }
            double wallS = (System.nanoTime() - t0) / 1e9;
            double cpuS = (BatchBenchmark.processCpuNanos() - c0) / 1e9;
            int done = rep.counts().get(ItemOutcome.Status.DONE);
            lines.add(new EngineLine(name, workers, items.size(), done, wallS, cpuS, done / (wallS / 60),
                    minutes > 0 ? cpuS / minutes : Double.NaN, phases));
        }
        return new Report(SoftwareVersion.get(), folder.toString(), minutes,
                Runtime.getRuntime().availableProcessors(), load, lines);
    }
}
