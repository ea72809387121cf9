package org.gaitlens.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.InvalidInputException;

/**
 * The recordings of one session as the user named them: files as given, and for a folder every recording directly
 * in it, sorted by file name: videos, motion capture ({@code .trc}, {@code .c3d}) and landmarks files (a {@code .csv}
 * whose header is that of {@link org.gaitlens.pose.LandmarksCsv}; other tables, such as a session folder's {@code events.csv}, are skipped).
 * Hidden files and sub-folders are not read.
 */
public final class RecordingDiscovery {

    private RecordingDiscovery() {
    }

    /**
     * What was found.
     *
     * @param recordings the recordings, folders expanded in place
     * @param notes      for each folder, what was taken and what skipped, in words
     */
    public record Found(List<Path> recordings, List<String> notes) {
        public Found {
            recordings = List.copyOf(recordings);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Expands the given files and folders.
     *
     * @throws InvalidInputException if a path does not exist, or a folder holds no recording
     */
    public static Found find(List<Path> given) {
        List<Path> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path p : given) {
            if (!Files.isDirectory(p)) {
                if (!Files.exists(p)) {
                    throw new InvalidInputException(p + ": file not found");
                }
                out.add(p);
                continue;
            }
            List<Path> taken = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            try (Stream<Path> list = Files.list(p)) {
                for (Path f : list.sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                    String name = f.getFileName().toString();
                    if (name.startsWith(".") || !Files.isRegularFile(f)) {
                        continue;
                    }
                    if (isRecording(f)) {
                        taken.add(f);
                    } else {
                        skipped.add(name);
                    }
                }
            } catch (IOException e) {
                throw new InvalidInputException(p + ": cannot list the folder: " + e.getMessage(), e);
            }
            if (taken.isEmpty()) {
                throw new InvalidInputException(p + ": no recording in the folder (videos, landmarks.csv, .trc, .c3d)"
                        + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped)));
            }
            notes.add(p + ": taking " + String.join(", ", taken.stream().map(f -> f.getFileName().toString())
                    .toList()) + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped)));
            out.addAll(taken);
        }
        return new Found(out, notes);
    }

    /** Whether a file in a folder is a recording gaitlens reads. */
    static boolean isRecording(Path f) {
        InputKind kind;
        try {
            kind = InputKind.of(f);
        } catch (GaitlensException e) {
            return false;
        }
        if (kind != InputKind.LANDMARKS) {
            return true;
        }
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            return header != null && header.trim().startsWith("frame,time_s,landmark,x_px,y_px");
        } catch (IOException e) {
            return false;
        }
    }
}
