package org.gaitlens.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.gaitlens.core.SoftwareVersion;

/**
 * A fingerprint of the code that turns a video into landmarks, for {@link PoseCache} keys: the SHA-256 (first 16 hex
 * digits) over the gaitlens version, the compiled classes of the pose and video packages and of {@link PoseStage},
 * and the file names (with their versions) of the native-library jars that decode video and run the network
 * (FFmpeg, OpenCV, TensorFlow Lite, JavaCPP). Any change to that code or those libraries changes the fingerprint, so
 * a cached pose computed by other code is never used. Computed once per process (a few milliseconds).
 */
final class PoseCodeFingerprint {
    /** Class-file folders whose code decides the landmarks. */
    private static final List<String> PACKAGES = List.of("org/gaitlens/pose/", "org/gaitlens/video/");
    /** Classes outside those folders that do too (the prefix matches their nested classes). */
    private static final List<String> CLASSES = List.of("org/gaitlens/pipeline/PoseStage");
    /** Library classes whose jar names carry the native libraries' versions. */
    private static final List<String> LIBRARIES = List.of("org.bytedeco.ffmpeg.global.avcodec",
            "org.bytedeco.opencv.global.opencv_core", "org.bytedeco.tensorflowlite.global.tensorflowlite",
            "org.bytedeco.javacpp.Loader");

    private static final String VALUE = compute();

    private PoseCodeFingerprint() {
    }

    /** The fingerprint, 16 hex digits. */
    static String get() {
        return VALUE;
    }

    private static String compute() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(SoftwareVersion.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (var e : classFiles().entrySet()) {
                md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(e.getValue());
            }
            for (String lib : LIBRARIES) {
                md.update(location(lib).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gaitlens's own classes", e);
        }
    }

    /** The relevant class files by name, from the classes folder or the jar gaitlens runs from. */
    private static TreeMap<String, byte[]> classFiles() throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        Path source = codeSource(PoseStage.class);
        if (Files.isDirectory(source)) {
            List<Path> files = new ArrayList<>();
            for (String pkg : PACKAGES) {
                Path dir = source.resolve(pkg);
                if (Files.isDirectory(dir)) {
                    try (var walk = Files.walk(dir)) {
                        walk.filter(Files::isRegularFile).forEach(files::add);
                    }
                }
            }
            Path pipeline = source.resolve("org/gaitlens/pipeline/");
            try (var list = Files.list(pipeline)) {
                list.filter(p -> relevant(source.relativize(p).toString().replace('\\', '/'))).forEach(files::add);
            }
            for (Path f : files) {
                out.put(source.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (JarEntry e : java.util.Collections.list(jar.entries())) {
                    if (!e.isDirectory() && relevant(e.getName())) {
                        try (InputStream in = jar.getInputStream(e)) {
                            out.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean relevant(String name) {
        return name.endsWith(".class") && (PACKAGES.stream().anyMatch(name::startsWith)
                || CLASSES.stream().anyMatch(c -> name.equals(c + ".class") || name.startsWith(c + "$")));
    }

    /** The jar (file name) or folder a class is loaded from; the class is not initialised (no native loading). */
    private static String location(String className) {
        try {
            Class<?> c = Class.forName(className, false, PoseCodeFingerprint.class.getClassLoader());
            return codeSource(c).getFileName().toString();
        } catch (ClassNotFoundException e) {
            return className + " missing";
        }
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the code of " + c.getName(), e);
        }
    }
}
