package org.gaitlens.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The JSON settings gaitlens writes with: indented, paths as plain strings, atomic file replacement. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule().addSerializer(Path.class, new ToStringSerializer()));

    private Json() {
    }

    /** The shared mapper (thread-safe once configured). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes text to {@code file} (UTF-8) through a temporary file and an atomic move ({@link TextFiles}). */
    public static void writeText(Path file, String text) {
        TextFiles.writeAtomically(file, text);
    }

    /** Writes {@code value} as JSON to {@code file} through a temporary file and an atomic move. */
    public static void write(Path file, Object value) {
        try {
            TextFiles.writeAtomically(file, MAPPER.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
