package org.gaitlens.cli;

import java.nio.file.Path;
import java.util.Locale;

/** Default locations: the output root is the repository's {@code reports/} folder. */
final class CliPaths {
    private CliPaths() {
    }

    /** The gaitlens installation folder (set by the launcher), else the working directory. */
    static Path home() {
        String home = System.getProperty("gaitlens.home");
        return home != null ? Path.of(home) : Path.of("").toAbsolutePath();
    }

    /** The default output and data root: {@code <home>/reports}. */
    static Path reportsRoot() {
        return home().resolve("reports");
    }

    /** The pose cache of {@code analyze}: {@code <home>/reports/.cache/pose} (delete it to clear the cache). */
    static Path poseCache() {
        return reportsRoot().resolve(".cache").resolve("pose");
    }

    /** The models folder (system property {@code gaitlens.models.dir}, else {@code <home>/models}). */
    static Path modelsDir() {
        String dir = System.getProperty("gaitlens.models.dir");
        return dir != null ? Path.of(dir) : home().resolve("models");
    }

    /** A folder name derived from an input file: its name without extension, safe characters only. */
    static String sessionName(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
        return safe.isEmpty() ? "session" : safe;
    }
}
