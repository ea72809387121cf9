package org.gaitlens.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes result files so that a reader never sees half a file: the text goes to a sibling {@code NAME.partial}
 * first (with the folder's default permissions, like any file gaitlens writes) and is then moved over {@code NAME}
 * in one step where the file system allows it. A leftover {@code .partial} file is never taken for a result.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * Writes {@code text} (UTF-8) to {@code file}, creating its folder.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static Path writeAtomically(Path file, CharSequence text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
