package org.gaitlens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.gaitlens.batch.BatchDiscovery;
import org.gaitlens.batch.BatchItem;
import org.gaitlens.batch.BatchListener;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.BatchRunner;
import org.gaitlens.batch.ItemOutcome;
import org.gaitlens.batch.RunExecutor;
import org.gaitlens.batch.RunFolders;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.core.SoftwareVersion;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.pose.BlazePoseEstimator;
import org.gaitlens.pose.PoseModel;
import org.gaitlens.pose.PoseOptions;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;
import org.gaitlens.video.FfmpegVideoSource;
import org.gaitlens.video.VideoFrame;

/**
 * Batch throughput as a multiple of single-video pose-only throughput, both measured in one run on the same videos
 * so that the ratio does not compare numbers taken under different machine load:
 * <ol>
 *   <li><b>pose only</b>: per video, its frames are decoded into memory first, then one estimator (the batch's
 *       model, one inference thread, opened before the clock starts) estimates every frame; frames per second is
 *       the sum of frames over the sum of the timed seconds. This is what one inference thread does when it never
 *       waits for anything.</li>
 *   <li><b>batch</b>: the real {@link BatchRunner} with a {@link RunExecutor} on a fresh embedded store in a
 *       temporary data folder, with the batch defaults a user gets ({@link RunSettings#defaults()}, which writes
 *       the overlay video, one inference thread per worker), then the same with the overlay video off
 *       ({@code --no-video}). Every item runs the whole analysis: pose, landmarks, gait, report, key frames, store
 *       transaction.</li>
 * </ol>
 * The pose-only step runs first, so the batches run in a JVM whose pose code is compiled already; model loading
 * and JIT warm-up of the analysis and report code are inside the batch numbers, as in a real batch.
 */
public final class BatchBenchmark {
    /** Data folders of the batch runs under the scratch folder. */
    static final String DEFAULT_DIR = "batch-default";
    static final String NO_VIDEO_DIR = "batch-no-video";

    /**
     * Settings.
     *
     * @param workers          batch workers, >= 1 (the CLI's default is {@link BatchRunner#defaultWorkers()})
     * @param maxFramesPerVideo frames per video held in memory and timed in the pose-only step (~2.7 MB per 720p
     *                          frame); a longer video's pose-only rate is taken over its first frames
     * @param modelsDir        folder with the BlazePose models
     * @param scratchDir       folder for the batches' data folders (emptied first)
     */
    public record Settings(int workers, int maxFramesPerVideo, Path modelsDir, Path scratchDir) {
        public Settings {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + workers);
            }
            if (maxFramesPerVideo < 1) {
                throw new IllegalArgumentException("maxFramesPerVideo must be >= 1, was " + maxFramesPerVideo);
            }
            Objects.requireNonNull(modelsDir, "modelsDir");
            Objects.requireNonNull(scratchDir, "scratchDir");
        }
    }

    /**
     * The pose-only measurement.
     *
     * @param model           landmark model
     * @param threads         inference threads (1, as a batch worker)
     * @param videos          videos measured
     * @param frames          frames estimated
     * @param wallS           timed seconds (estimation only; decoding and model loading excluded)
     * @param cpuS            CPU seconds of the process during the timed loops
     * @param framesPerSecond frames / wallS
     */
    public record PoseOnly(String model, int threads, int videos, int frames, double wallS, double cpuS,
            double framesPerSecond) {
    }

    /**
     * One batch run.
     *
     * @param name                  what was run
     * @param overlayVideo          whether overlay videos were written
     * @param workers               workers used
     * @param items                 items given
     * @param done                  items analysed
     * @param failed                items that failed (a bench over videos that cannot be analysed says so)
     * @param frames                video frames analysed
     * @param wallS                 wall seconds of the whole batch
     * @param cpuS                  CPU seconds of the process during the batch
     * @param videosPerMinute       done / wall minutes
     * @param framesPerSecond       frames / wallS
     * @param ratioToPoseOnly       framesPerSecond / pose-only frames per second
     * @param cpuBoundRatio         the ratio an otherwise idle machine would reach if the batch kept
     *                              min(workers, cores) cores busy: min(workers, cores) x (pose-only CPU seconds per
     *                              frame) / (batch CPU seconds per frame). Less sensitive to other load than the
     *                              measured ratio (CPU seconds are what the work costs, wall seconds include waiting
     *                              for a core), and an upper bound of it on an idle machine
     * @param meanItemWallS         mean seconds a worker spent on one done item
     * @param itemWallBeyondPoseS   per done item: worker seconds beyond what pose-only inference needs for its
     *                              frames ({@code (sum of item seconds - frames / pose-only fps) / done}); with
     *                              several workers this includes waiting for a core
     */
    public record BatchLine(String name, boolean overlayVideo, int workers, int items, int done, int failed,
            long frames, double wallS, double cpuS, double videosPerMinute, double framesPerSecond,
            double ratioToPoseOnly, double cpuBoundRatio, double meanItemWallS, double itemWallBeyondPoseS) {
    }

    /**
     * The whole measurement.
     *
     * @param software          gaitlens version
     * @param folder            the folder measured
     * @param videos            the videos, in item order
     * @param cores             processors available to the JVM
     * @param loadAverageStart  the system's 1-minute load average before (negative when unknown): a value well
     *                          above 0 means other work shared the machine and the numbers are not an idle
     *                          machine's
     * @param loadAverageEnd    the same after
     * @param poseOnly          the pose-only reference
     * @param batches           the batch runs (defaults, then {@code --no-video})
     */
    public record Report(String software, String folder, List<String> videos, int cores, double loadAverageStart,
            double loadAverageEnd, PoseOnly poseOnly, List<BatchLine> batches) {
        public Report {
            videos = List.copyOf(videos);
            batches = List.copyOf(batches);
        }
    }

    private BatchBenchmark() {
    }

    /**
     * The recordings of a bench folder: the videos lying directly in it (each its own item of patient
     * {@code bench}), or, when there are none, what {@link BatchDiscovery#discover} finds (the batch folder
     * convention or a manifest).
     *
     * @throws InvalidInputException when there is no video
     */
    public static List<BatchItem> items(Path folder) {
        if (!Files.exists(folder)) {
            throw new InvalidInputException(folder + ": not found");
        }
        List<BatchItem> items = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                List<Path> videos = s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(BatchBenchmark::isVideo).sorted().toList();
                for (Path v : videos) {
                    items.add(new BatchItem("bench", LocalDate.of(2000, 1, 1), "bench", v, "unknown",
                            OptionalDouble.empty(), Map.of(), folder.toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        if (items.isEmpty()) {
            items.addAll(BatchDiscovery.discover(folder).items());
        }
        items.removeIf(i -> !isVideo(i.video()));
        if (items.isEmpty()) {
            throw new InvalidInputException(folder + ": no video found (videos directly in the folder, or the batch "
                    + "folder layout of docs/batch.md)");
        }
        return items;
    }

    /** Measures pose-only, then the batch with defaults, then with {@code --no-video}, over {@code items}. */
    public static Report run(Path folder, List<BatchItem> items, Settings settings, ProgressListener progress) {
        double loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        RunSettings defaults = RunSettings.defaults();
        PoseOnly poseOnly = poseOnly(items, defaults.model(), settings, progress);
        List<BatchLine> lines = new ArrayList<>();
        lines.add(batch("batch, defaults (overlay video)", DEFAULT_DIR, items, defaults, settings, poseOnly, progress));
        RunSettings noVideo = new RunSettings(defaults.softwareVersion(), defaults.model(), defaults.heightCm(),
                defaults.eventMethod(), defaults.treadmill(), defaults.cameraView(), false, defaults.blurFaces());
        lines.add(batch("batch, --no-video", NO_VIDEO_DIR, items, noVideo, settings, poseOnly, progress));
        double loadEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Report(SoftwareVersion.get(), folder.toString(),
                items.stream().map(i -> i.video().getFileName().toString()).toList(),
                Runtime.getRuntime().availableProcessors(), loadStart, loadEnd, poseOnly, lines);
    }

    private static PoseOnly poseOnly(List<BatchItem> items, PoseModel model, Settings settings,
            ProgressListener progress) {
        PoseOptions options = PoseOptions.defaults().withModel(model).withThreads(1);
        int frames = 0;
        long nanos = 0;
        long cpuNanos = 0;
        int v = 0;
        for (BatchItem item : items) {
            v++;
            List<VideoFrame> held = new ArrayList<>();
            try {
                try (FfmpegVideoSource src = FfmpegVideoSource.open(item.video())) {
                    Optional<VideoFrame> f;
                    while (held.size() < settings.maxFramesPerVideo() && (f = src.next()).isPresent()) {
                        held.add(f.get());
                    }
                }
                try (BlazePoseEstimator est = BlazePoseEstimator.open(settings.modelsDir(), options)) {
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    int decided = 0;
                    for (VideoFrame f : held) {
                        decided += est.push(f).size();
                    }
                    decided += est.finish().size();
                    if (decided != held.size()) {
                        throw new IllegalStateException("estimator decided " + decided + " of " + held.size()
                                + " frames");
                    }
                    nanos += System.nanoTime() - t0;
                    cpuNanos += processCpuNanos() - c0;
                    frames += held.size();
                }
            } finally {
                held.forEach(VideoFrame::close);
            }
            progress.update("pose only", v, items.size());
        }
        double wallS = nanos / 1e9;
        return new PoseOnly(model.name().toLowerCase(Locale.ROOT), 1, items.size(), frames, wallS, cpuNanos / 1e9,
                wallS > 0 ? frames / wallS : 0);
    }

    private static BatchLine batch(String name, String dirName, List<BatchItem> items, RunSettings base,
            Settings settings, PoseOnly poseOnly, ProgressListener progress) {
        Path data = settings.scratchDir().resolve(dirName);
        try {
            RunFolders.deleteTree(data);
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + data, e);
        }
        BatchReport r;
        long c0 = processCpuNanos();
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data));
                RunExecutor executor = new RunExecutor(store,
                        new RunExecutor.Options(settings.modelsDir(), 1, java.time.Duration.ofSeconds(10)))) {
            BatchRunner runner = new BatchRunner(executor, BatchRunner.Options.of(settings.workers()));
            java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
            r = runner.run(items, base, new BatchListener() {
                @Override
                public void itemFinished(ItemOutcome o) {
                    progress.update(name, finished.incrementAndGet(), items.size());
                }
            });
        }
        double cpuS = (processCpuNanos() - c0) / 1e9;
        int done = r.counts().get(ItemOutcome.Status.DONE);
        int failed = r.counts().get(ItemOutcome.Status.FAILED);
        double itemWall = r.outcomes().stream().filter(o -> o.status() == ItemOutcome.Status.DONE)
                .mapToDouble(ItemOutcome::wallS).sum();
        long frames = r.framesAnalysed();
        double beyond = done == 0 ? Double.NaN : (itemWall - frames / poseOnly.framesPerSecond()) / done;
        int busyCores = Math.min(r.workers(), Runtime.getRuntime().availableProcessors());
        double cpuBound = frames == 0 || cpuS <= 0 ? Double.NaN
                : busyCores * (poseOnly.cpuS() / poseOnly.frames()) / (cpuS / frames);
        return new BatchLine(name, base.writeVideo(), r.workers(), items.size(), done, failed, frames, r.wallS(), cpuS,
                r.videosPerMinute(), r.framesPerSecond(), r.framesPerSecond() / poseOnly.framesPerSecond(), cpuBound,
                done == 0 ? Double.NaN : itemWall / done, beyond);
    }

    private static boolean isVideo(Path p) {
        try {
            return InputKind.of(p) == InputKind.VIDEO;
        } catch (InvalidInputException e) {
            return false; // README.md, truth files and the like
        }
    }

    /** CPU time of this process, ns; 0 when the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
