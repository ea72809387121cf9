package org.gaitlens.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.gaitlens.batch.InputFiles;
import org.gaitlens.core.Checksums;

/**
 * A Hadoop file system ({@code hdfs://}, {@code s3a://}, {@code file://}) as {@link InputFiles}: its files are named
 * by their absolute paths within it, {@link #uri} gives a file's full URI back.
 */
final class HadoopInputFiles implements InputFiles {
    private final FileSystem fs;

    /** The file system of {@code root} (scheme and authority; its path is not used). */
    HadoopInputFiles(URI root, Configuration conf) throws IOException {
        this.fs = FileSystem.get(Objects.requireNonNull(root, "root"), conf);
    }

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return new org.apache.hadoop.fs.Path(p.toString());
    }

    /** The full URI of a path of this file system. */
    URI uri(Path path) {
        return fs.makeQualified(hadoop(path)).toUri();
    }

    @Override
    public boolean isDirectory(Path path) {
        try {
            return fs.getFileStatus(hadoop(path)).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri(path), e);
        }
    }

    @Override
    public boolean isRegularFile(Path path) {
        try {
            return fs.getFileStatus(hadoop(path)).isFile();
        } catch (FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri(path), e);
        }
    }

    @Override
    public List<Path> list(Path dir) {
        try {
            List<Path> out = new ArrayList<>();
            for (FileStatus s : fs.listStatus(hadoop(dir))) {
                out.add(dir.resolve(s.getPath().getName()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + uri(dir), e);
        }
    }

    @Override
    public String readString(Path file) throws IOException {
        try (InputStream in = fs.open(hadoop(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** SHA-256 of a file's content, read through the file system. */
    String sha256(Path file) throws IOException {
        try (InputStream in = fs.open(hadoop(file))) {
            return Checksums.sha256(in);
        }
    }
}
