package org.gaitlens.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file system a batch is discovered in, as far as {@link BatchDiscovery} reads it: {@link #LOCAL} for this
 * machine's files; the Spark engine gives a Hadoop file system ({@code hdfs://}, {@code s3a://}), whose files it
 * names by their absolute paths within that file system.
 */
public interface InputFiles {
    /** This machine's file system. */
    InputFiles LOCAL = new InputFiles() {
        @Override
        public boolean isDirectory(Path path) {
            return Files.isDirectory(path);
        }

        @Override
        public boolean isRegularFile(Path path) {
            return Files.isRegularFile(path);
        }

        @Override
        public List<Path> list(Path dir) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }

        @Override
        public String readString(Path file) throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    };

    /** Whether {@code path} is a folder. */
    boolean isDirectory(Path path);

    /** Whether {@code path} is a file (not a folder). */
    boolean isRegularFile(Path path);

    /**
     * The entries of a folder, in no particular order.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    List<Path> list(Path dir);

    /** The whole content of a text file, decoded as UTF-8 (malformed input is an error). */
    String readString(Path file) throws IOException;
}
