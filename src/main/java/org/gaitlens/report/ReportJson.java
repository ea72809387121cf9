package org.gaitlens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * JSON form of the report models ({@link SessionReport}, {@link ComparisonReport}).
 *
 * <p>The output is stable so golden files diff well: record components in declaration order, then the
 * derived read-only flags; two-space indentation with {@code \n} line ends; number arrays on one line;
 * dates as ISO {@code yyyy-MM-dd}; per-side maps in LEFT, RIGHT order; {@code byte[]} as base64.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = createMapper();

    private ReportJson() {
    }

    /** The configured mapper (shared, thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises a report model (any record of this package) to JSON text ending in a newline. */
    public static String write(Object model) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(model) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #write(Object)} to a UTF-8 file. */
    public static void write(Object model, Path file) throws IOException {
        Files.writeString(file, write(model), StandardCharsets.UTF_8);
    }

    /**
     * Reads a model back.
     *
     * @throws IllegalArgumentException if the JSON does not describe a valid {@code type}
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + " JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a model from a UTF-8 file. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), type);
    }

    private static ObjectMapper createMapper() {
        SimpleModule dates = new SimpleModule("gaitlens-report-dates");
        dates.addSerializer(LocalDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        dates.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return LocalDate.parse(p.getValueAsString());
            }
        });
        return JsonMapper.builder()
                .addModule(dates)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
