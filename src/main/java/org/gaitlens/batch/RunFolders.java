package org.gaitlens.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gaitlens.core.Checksums;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.ArtifactRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a study's run results live on disk, and how a finished run's folder is published in one step:
 * <ul>
 *   <li>{@code DATA/.tmp-runs/run<ID>.a<ATTEMPT>/}: the private folder an attempt writes into;</li>
 *   <li>{@code DATA/results/PATIENT/DATE_label/NAME.run<ID>/} (or {@code results/unassigned/...}): the finished
 *       folder, made by renaming the temporary one atomically ({@link #publish}).</li>
 * </ul>
 * Names taken from users (patient pseudonym, session label, file name) keep only {@code A-Z a-z 0-9 . _ -}.
 */
public final class RunFolders {
    private static final Logger LOG = LoggerFactory.getLogger(RunFolders.class);
    /** Folder of finished results under the data directory. */
    public static final String RESULTS_DIR = "results";
    /** Folder of runs in progress under the data directory. */
    public static final String TEMP_DIR = ".tmp-runs";
    private static final Pattern TEMP_NAME = Pattern.compile("run(\\d+)\\.a(\\d+)");

    private final Path dataDir;

    RunFolders(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The temporary folder of a run's current attempt. */
    Path tempDir(AnalysisRun run) {
        return dataDir.resolve(TEMP_DIR).resolve("run" + run.id() + ".a" + run.attempts());
    }

    /**
     * The finished folder's path relative to the data directory: {@code results/PATIENT/DATE_label/NAME.run<ID>},
     * or {@code results/unassigned/NAME.run<ID>} when {@code patient} is null.
     */
    static String resultPath(String patient, LocalDate date, String label, String recordingPath, long runId) {
        String name = safe(stem(Path.of(recordingPath).getFileName().toString())) + ".run" + runId;
        if (patient == null) {
            return RESULTS_DIR + "/unassigned/" + name;
        }
        return RESULTS_DIR + "/" + safe(patient) + "/" + date + "_" + safe(label) + "/" + name;
    }

    /**
     * Renames a finished temporary folder to {@code DATA/rel} in one step; a folder already there (left by an
     * attempt killed between the rename and the store's commit, which no finished run refers to) is replaced.
     *
     * @return the published folder
     * @throws IOException when the rename cannot be atomic (different file systems) or fails
     */
    Path publish(Path tmp, String rel) throws IOException {
        Path finalDir = dataDir.resolve(rel);
        Files.createDirectories(finalDir.getParent());
        deleteTree(finalDir);
        try {
            Files.move(tmp, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + tmp + " to " + finalDir + " in one step (different file systems?)",
                    e);
        }
        return finalDir;
    }

    /** Removes temporary folders of earlier attempts of a run this worker now holds. */
    void removeAttempts(long runId) throws IOException {
        Path dir = dataDir.resolve(TEMP_DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = TEMP_NAME.matcher(p.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) == runId) {
                    deleteTree(p);
                }
            }
        }
    }

    /**
     * Removes the temporary folders whose attempt no worker is executing.
     *
     * @param liveAttempt a run id to the attempt number its worker executes now, empty when the run is not running
     * @return how many were removed
     */
    int sweep(LongFunction<Optional<Integer>> liveAttempt) {
        Path dir = dataDir.resolve(TEMP_DIR);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = TEMP_NAME.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                int attempt = Integer.parseInt(m.group(2));
                boolean live = liveAttempt.apply(Long.parseLong(m.group(1))).map(a -> a == attempt).orElse(false);
                if (!live) {
                    deleteTree(p);
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
        return n;
    }

    /** Every file of a finished folder, kind = file name with {@code .} as {@code -} (e.g. {@code strides-csv}). */
    static List<ArtifactRef> artifacts(Path dir, String rel) throws IOException {
        List<ArtifactRef> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".partial") || name.endsWith(".tmp")) {
                    continue;
                }
                String relPath = rel + "/" + dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                out.add(new ArtifactRef(name.toLowerCase(Locale.ROOT).replace('.', '-'), relPath, Checksums.sha256(f)));
            }
        }
        return out;
    }

    /** Deletes a folder and everything in it; a missing folder or file is not an error. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #deleteTree}, logging instead of throwing. */
    public static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove temporary folder {}: {}", dir, e.getMessage());
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String safe(String s) {
        String out = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return out.isEmpty() || out.startsWith(".") ? "_" + out : out;
    }
}
