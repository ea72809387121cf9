package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.gaitlens.core.InvalidInputException;

/** What kind of file the user gave to {@code analyze}, judged by its extension. */
public enum InputKind {
    /** A walking video: pose estimation runs first. */
    VIDEO,
    /** A {@code landmarks.csv} written by {@code gaitlens pose}. */
    LANDMARKS,
    /** Motion-capture markers in an OpenSim / Motion Analysis {@code .trc} file. */
    TRC,
    /** Motion-capture markers in a {@code .c3d} file. */
    C3D;

    private static final Set<String> VIDEO_EXTENSIONS =
            Set.of("mp4", "m4v", "mov", "mkv", "avi", "webm", "mpg", "mpeg", "wmv", "3gp", "mts");

    /**
     * The kind of {@code file}.
     *
     * @throws InvalidInputException for an extension gaitlens does not read
     */
    public static InputKind of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (VIDEO_EXTENSIONS.contains(ext)) {
            return VIDEO;
        }
        return switch (ext) {
            case "csv" -> LANDMARKS;
            case "trc" -> TRC;
            case "c3d" -> C3D;
            default -> throw new InvalidInputException(file + ": unknown file type '." + ext + "'. gaitlens reads "
                    + "videos (mp4, mov, mkv, avi, webm), landmarks.csv from 'gaitlens pose', and motion capture "
                    + "(.trc, .c3d).");
        };
    }
}
