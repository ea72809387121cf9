package org.gaitlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.ProgressListener;
import org.gaitlens.pipeline.VideoCopies;
import org.gaitlens.pose.LandmarksCsv;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Recording;
import org.gaitlens.store.StudyStore;
import org.gaitlens.video.VideoProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The videos the web app plays and hands out for a run, all under {@code DATA/video-copies/}:
 * <ul>
 *   <li>the recording itself when a browser can play it, else its H.264 copy {@code recording-<ID>.mp4}, made once
 *       when the recording is analysed ({@link #prepare}; HEVC phone videos, AVI, MKV ...);</li>
 *   <li>the skeleton overlay video {@code overlay-run-<ID>.mp4}, made the first time someone asks for it
 *       ({@link #overlay}): web analyses do not encode it, since the page draws the skeleton itself.</li>
 * </ul>
 * Only files inside the data folder are served; names come from database ids, never from a request.
 */
final class VideoFiles {
    private static final Logger LOG = LoggerFactory.getLogger(VideoFiles.class);
    static final String FOLDER = "video-copies";

    private final StudyStore store;
    private final RunFiles files;
    private final Path folder;
    private final Map<Long, Object> overlayLocks = new ConcurrentHashMap<>();

    VideoFiles(StudyStore store, RunFiles files) {
        this.store = store;
        this.files = files;
        this.folder = store.dataDir().resolve(FOLDER);
    }

    private Path copyOf(Recording rec) {
        return folder.resolve("recording-" + rec.id() + ".mp4");
    }

    /**
     * Before a run's analysis: makes the browser copy of its recording when a browser cannot play the recording
     * and there is no copy yet. A recording that cannot be read is left to the analysis, which reports it.
     */
    void prepare(AnalysisRun run, ProgressListener progress) {
        Recording rec = store.recordings().get(run.recordingId());
        Path input = store.recordings().resolve(rec);
        Path copy = copyOf(rec);
        if (Files.isRegularFile(copy) || !Files.isRegularFile(input)) {
            return;
        }
        try {
            if (VideoCopies.browserPlayable(VideoProbe.probe(input))) {
                return;
            }
            progress.update("decoding", 0, 0);
            Files.createDirectories(folder);
            int frames = VideoCopies.browserCopy(input, copy);
            LOG.info("recording {}: browser copy of {} frames made", rec.id(), frames);
        } catch (GaitlensException | UncheckedIOException | IOException e) {
            LOG.warn("recording {}: no browser copy ({}); the analysis goes on", rec.id(), e.getMessage());
        }
    }

    /** The video a browser plays for the recording: its copy, else the recording when inside the data folder. */
    Optional<Path> playable(Recording rec) {
        Path copy = copyOf(rec);
        if (Files.isRegularFile(copy)) {
            return Optional.of(copy);
        }
        Path input = store.recordings().resolve(rec).toAbsolutePath().normalize();
        return input.startsWith(store.dataDir()) && Files.isRegularFile(input) ? Optional.of(input) : Optional.empty();
    }

    /**
     * The run's overlay video: the stored one of an analysis that encoded it, else the one made on request (made
     * now if it does not exist yet; one at a time per run).
     *
     * @throws NotFound when the run has no landmarks or its recording is not in the data folder
     */
    Path overlay(AnalysisRun run, Recording rec) {
        Optional<Path> stored = files.stored(run.id(), RunFiles.OVERLAY);
        if (stored.isPresent()) {
            return stored.get();
        }
        Path landmarks = files.file(run.id(), "landmarks-csv");
        Path input = store.recordings().resolve(rec).toAbsolutePath().normalize();
        if (!input.startsWith(store.dataDir()) || !Files.isRegularFile(input)) {
            throw new NotFound();
        }
        Path out = folder.resolve("overlay-run-" + run.id() + ".mp4");
        synchronized (overlayLocks.computeIfAbsent(run.id(), k -> new Object())) {
            if (!Files.isRegularFile(out)) {
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create " + folder, e);
                }
                int frames = VideoCopies.overlay(input, LandmarksCsv.read(landmarks),
                        RunSettings.fromJson(run.settingsJson()).blurFaces(), out);
                LOG.info("run {}: overlay video of {} frames made on request", run.id(), frames);
            }
        }
        return out;
    }

    /** The content type of a video file by its extension. */
    static String contentType(Path video) {
        String name = video.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".webm") ? "video/webm" : "video/mp4";
    }
}
