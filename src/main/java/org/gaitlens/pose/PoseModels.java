package org.gaitlens.pose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gaitlens.core.ModelMissingException;

/**
 * Locates and verifies the BlazePose model files (Bazarevsky et al. 2020, arXiv:2006.10204) in a
 * models directory.
 *
 * <p>The directory is the system property {@code gaitlens.models.dir} when set, else {@code ./models}.
 * Every file is checked against its SHA-256 before use: from {@code SHA256SUMS} in the same directory
 * when that file lists it, else against the digest pinned in this class / {@link PoseModel}. A missing,
 * truncated or corrupt file raises {@link ModelMissingException} telling the user how to install the
 * models. Verified files are remembered (by path, size and modification time) so that a batch of many
 * videos hashes each model once per process.
 */
public final class PoseModels {
    /** File name of the person detector. */
    public static final String DETECTOR_FILE = "pose_detection.tflite";
    /** SHA-256 of the pinned person detector. */
    public static final String DETECTOR_SHA256 = "a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85";
    /** System property naming the models directory. */
    public static final String DIR_PROPERTY = "gaitlens.models.dir";
    /** What the user should do when a model is missing. */
    public static final String INSTALL_HINT = "run models/fetch.sh (or ./gaitlens, which installs them)";

    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private final Path dir;

    /** Models in the given directory (nothing is read until a file is asked for). */
    public PoseModels(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("models dir must not be null");
        }
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Models in {@link #defaultDir()}. */
    public static PoseModels fromDefaultDir() {
        return new PoseModels(defaultDir());
    }

    /** The system property {@code gaitlens.models.dir} when set and not blank, else {@code ./models}. */
    public static Path defaultDir() {
        String p = System.getProperty(DIR_PROPERTY);
        return p == null || p.isBlank() ? Path.of("models") : Path.of(p);
    }

    /** The models directory. */
    public Path dir() {
        return dir;
    }

    /**
     * The verified person-detector file.
     *
     * @throws ModelMissingException if it is missing or does not match its checksum
     */
    public Path detectorFile() {
        return verified(DETECTOR_FILE, DETECTOR_SHA256);
    }

    /**
     * The verified landmark-model file.
     *
     * @throws ModelMissingException if it is missing or does not match its checksum
     */
    public Path landmarkFile(PoseModel model) {
        return verified(model.fileName(), model.sha256());
    }

    private Path verified(String fileName, String pinnedSha256) {
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new ModelMissingException("pose model " + file + " is missing; " + INSTALL_HINT);
        }
        String expected = sumsFileDigest(fileName).orElse(pinnedSha256);
        String key;
        try {
            key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() + "|" + expected;
        } catch (IOException e) {
            throw new ModelMissingException("pose model " + file + " cannot be read (" + e.getMessage() + "); "
                    + INSTALL_HINT);
        }
        if (VERIFIED.containsKey(key)) {
            return file;
        }
        String actual = sha256(file);
        if (!actual.equals(expected)) {
            throw new ModelMissingException("pose model " + file + " is damaged or of another version (SHA-256 "
                    + actual + ", expected " + expected + "); " + INSTALL_HINT.replace("run models/fetch.sh",
                    "run models/fetch.sh --force"));
        }
        VERIFIED.put(key, Boolean.TRUE);
        return file;
    }

    private Optional<String> sumsFileDigest(String fileName) {
        Path sums = dir.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sums)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
            Map<String, String> byName = new HashMap<>();
            for (String line : lines) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                if (parts.length == 2) {
                    byName.put(parts[1].trim(), parts[0].toLowerCase(java.util.Locale.ROOT));
                }
            }
            return Optional.ofNullable(byName.get(fileName));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new ModelMissingException("pose model " + file + " cannot be read (" + e.getMessage() + "); "
                    + INSTALL_HINT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
