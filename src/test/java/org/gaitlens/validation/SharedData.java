package org.gaitlens.validation;

import java.nio.file.Files;
import java.nio.file.Path;

/** Location of the shared validation data ({@code gaitlens.shared.dir}, set by surefire). */
public final class SharedData {

    private SharedData() {
    }

    /** The {@code validation} folder of the shared data; fails loudly when it is missing. */
    public static Path validationDir() {
        String dir = System.getProperty("gaitlens.shared.dir", "../shared");
        Path p = Path.of(dir).resolve("validation").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("validation data not found at " + p
                    + " (set -Dgaitlens.shared.dir to the shared folder)");
        }
        return p;
    }

    /** A file under {@code validation/mocap}. */
    public static Path mocap(String relative) {
        return validationDir().resolve("mocap").resolve(relative);
    }
}
