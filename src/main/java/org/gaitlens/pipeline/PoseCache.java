package org.gaitlens.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.Json;
import org.gaitlens.pose.LandmarkPoint;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.pose.PoseModels;
import org.gaitlens.pose.PoseOptions;
import org.gaitlens.pose.TrackingReport;
import org.gaitlens.video.VideoInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pose results of videos kept between analyses, so that re-running a session (for example with one clip added)
 * does not run the pose model again on the clips it has seen. One entry per video content and pose settings:
 * {@code <root>/<video sha256>-<settings hash>/} holding {@value #POSES_FILE} (every frame's 33 landmarks as exact
 * doubles, gzip; the analysis of a cached video then gives the same numbers as a fresh run, which the rounded
 * {@code landmarks.csv} would not) and {@value #ENTRY_FILE} (the key in words, the video's facts, how tracking went,
 * the wall time of the original run).
 *
 * <p>The key covers everything that changes the landmarks: the video's bytes (SHA-256), the landmark model and the
 * person detector (SHA-256 of the model files), the tracking options ({@link PoseOptions} except the thread count,
 * see below), and {@link PoseCodeFingerprint} (the pose and video-decoding code and the native libraries), so a
 * changed model, setting or program never gives a stale hit. Not in the key: the inference thread count (XNNPACK
 * splits a layer's outputs between threads, not its sums, so 1 and 2 threads give the same landmarks; checked on a
 * rendered sample, docs/outputs.md), the overlay video and face blurring (drawn after the pose).
 *
 * <p>Entries are written under a temporary name and renamed into place, so a crashed or concurrent run never leaves
 * a half entry that looks complete; an unreadable entry is ignored (logged) and recomputed. Clear the cache by
 * deleting its folder ({@code reports/.cache/pose/} for the command line).
 */
public final class PoseCache {
    /** File of an entry holding the frames. */
    public static final String POSES_FILE = "poses.bin.gz";
    /** File of an entry holding the key, video facts and tracking. */
    public static final String ENTRY_FILE = "entry.json";
    /** A cache that never hits and stores nothing. */
    public static final PoseCache NONE = new PoseCache(null);

    private static final Logger LOG = LoggerFactory.getLogger(PoseCache.class);
    private static final int FORMAT = 1;
    private static final int MAGIC = 0x67_6c_70_63; // "glpc"
    private static final Map<String, String> MODEL_DIGESTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path root;

    private PoseCache(Path root) {
        this.root = root;
    }

    /** A cache in {@code root} (created when first written). */
    public static PoseCache at(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("root must be given (PoseCache.NONE for no cache)");
        }
        return new PoseCache(root.toAbsolutePath().normalize());
    }

    /** Whether this cache stores anything. */
    public boolean enabled() {
        return root != null;
    }

    /**
     * A cached pose: what {@link PoseStage} produced for the video.
     *
     * @param key      the entry's key
     * @param info     the video's facts ({@code file} is the file the entry was computed from)
     * @param frames   one pose per decoded frame
     * @param tracking how tracking went
     * @param wallS    wall time of the original pose run, s
     */
    public record Entry(String key, VideoInfo info, List<PoseFrame> frames, TrackingReport tracking, double wallS) {
        public Entry {
            frames = List.copyOf(frames);
        }
    }

    /**
     * The key of a video's pose under the given options, {@code <video sha256>-<16 hex of the settings hash>}.
     *
     * @throws org.gaitlens.core.ModelMissingException if a model file cannot be read
     */
    public static String key(String videoSha256, PoseOptions options, Path modelsDir) {
        return videoSha256 + "-" + sha256(settingsText(options, modelsDir)).substring(0, 16);
    }

    /** Everything of the key besides the video, in words (also written into the entry). */
    static String settingsText(PoseOptions o, Path modelsDir) {
        return "format=" + FORMAT + "; model=" + o.model().name().toLowerCase(Locale.ROOT) + " sha256="
                + modelDigest(modelsDir.resolve(o.model().fileName())) + "; detector sha256="
                + modelDigest(modelsDir.resolve(PoseModels.DETECTOR_FILE)) + "; minDetectionScore="
                + o.minDetectionScore() + "; minPresence=" + o.minPresence() + "; preferWalker=" + o.preferWalker()
                + "; reacquireHoldS=" + o.reacquireHoldS() + "; idleProbeIntervalS=" + o.idleProbeIntervalS()
                + "; mirrorAverage=" + o.mirrorAverage()
                + "; code=" + PoseCodeFingerprint.get();
    }

    /** The cached pose of {@code key}, if there is a readable entry. */
    public Optional<Entry> lookup(String key) {
        if (root == null) {
            return Optional.empty();
        }
        Path dir = root.resolve(key);
        if (!Files.isRegularFile(dir.resolve(ENTRY_FILE)) || !Files.isRegularFile(dir.resolve(POSES_FILE))) {
            return Optional.empty();
        }
        try {
            JsonNode e = Json.mapper().readTree(dir.resolve(ENTRY_FILE).toFile());
            if (e.path("format").asInt() != FORMAT || !key.equals(e.path("key").asText())) {
                return Optional.empty();
            }
            VideoInfo info = Json.mapper().treeToValue(e.path("video"), VideoFacts.class).toInfo();
            TrackingReport tracking = Json.mapper().treeToValue(e.path("tracking"), TrackingReport.class);
            return Optional.of(new Entry(key, info, readFrames(dir.resolve(POSES_FILE)), tracking,
                    e.path("wall_s").asDouble(Double.NaN)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("pose cache entry {} unreadable, computing the pose again: {}", dir, e.toString());
            return Optional.empty();
        }
    }

    /** Stores a pose under {@code key}; a failure to write is logged, never thrown (the analysis goes on). */
    public void store(String key, String settingsText, PoseStage.Result pose) {
        if (root == null) {
            return;
        }
        Path dir = root.resolve(key);
        Path tmp = root.resolve(key + ".partial-" + java.util.UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            writeFrames(tmp.resolve(POSES_FILE), pose.frames());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", FORMAT);
            m.put("key", key);
            m.put("settings", settingsText);
            m.put("video", VideoFacts.of(pose.info()));
            m.put("tracking", pose.tracking());
            m.put("wall_s", pose.wallS());
            Json.write(tmp.resolve(ENTRY_FILE), m);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another run stored the same key first (same content), or the file system cannot rename folders
                // atomically: keep what is there
                deleteTree(tmp);
            } catch (IOException e) {
                if (Files.isDirectory(dir)) {
                    deleteTree(tmp); // a concurrent run won the rename
                } else {
                    throw e;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not store the pose of {} in the cache {}: {}", key, root, e.toString());
            deleteTree(tmp);
        }
    }

    /**
     * The video facts as stored (a {@link VideoInfo} with the file as a plain string).
     *
     * @param file               the file the entry was computed from
     * @param widthPx            width as displayed
     * @param heightPx           height as displayed
     * @param frameRateHz        average frame rate
     * @param durationS          duration, s
     * @param rotationDeg        display rotation applied
     * @param codec              codec name
     * @param container          container name
     * @param frameCountEstimate frame count of the container
     */
    record VideoFacts(String file, int widthPx, int heightPx, double frameRateHz, double durationS, int rotationDeg,
            String codec, String container, long frameCountEstimate) {
        static VideoFacts of(VideoInfo i) {
            return new VideoFacts(i.file() == null ? null : i.file().toString(), i.widthPx(), i.heightPx(),
                    i.frameRateHz(), i.durationS(), i.rotationDeg(), i.codec(), i.container(), i.frameCountEstimate());
        }

        VideoInfo toInfo() {
            return new VideoInfo(file == null ? null : Path.of(file), widthPx, heightPx, frameRateHz, durationS,
                    rotationDeg, codec, container, frameCountEstimate);
        }
    }

    static void writeFrames(Path file, List<PoseFrame> frames) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(
                Files.newOutputStream(file))))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(frames.size());
            for (PoseFrame f : frames) {
                out.writeInt(f.frameIndex());
                out.writeDouble(f.timeS());
                out.writeDouble(f.poseScore());
                out.writeBoolean(f.present());
                for (LandmarkPoint p : f.landmarks()) {
                    for (double v : new double[] {p.xPx(), p.yPx(), p.z(), p.visibility(), p.presence(), p.worldXM(),
                        p.worldYM(), p.worldZM()}) {
                        out.writeDouble(v);
                    }
                }
            }
        }
    }

    static List<PoseFrame> readFrames(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(
                Files.newInputStream(file))))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException(file + ": not a pose cache file of format " + FORMAT);
            }
            int n = in.readInt();
            List<PoseFrame> frames = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int index = in.readInt();
                double timeS = in.readDouble();
                double score = in.readDouble();
                List<LandmarkPoint> points = new ArrayList<>(BodyLandmark.COUNT);
                if (in.readBoolean()) {
                    for (int i = 0; i < BodyLandmark.COUNT; i++) {
                        points.add(new LandmarkPoint(in.readDouble(), in.readDouble(), in.readDouble(),
                                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
                    }
                }
                frames.add(new PoseFrame(index, timeS, points, score));
            }
            return frames;
        }
    }

    /** SHA-256 of a model file, remembered per path, size and modification time. */
    private static String modelDigest(Path file) {
        String id;
        try {
            id = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new org.gaitlens.core.ModelMissingException("pose model " + file + " cannot be read ("
                    + e.getMessage() + "); " + PoseModels.INSTALL_HINT);
        }
        return MODEL_DIGESTS.computeIfAbsent(id, k -> Checksums.sha256(file));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
