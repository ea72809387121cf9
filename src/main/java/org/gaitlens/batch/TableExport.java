package org.gaitlens.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.gaitlens.store.ExportQueries;
import org.gaitlens.store.TidyTable;

/**
 * Writes tidy tables for researchers as CSV or Parquet, each file atomically (a temporary sibling renamed over the
 * target, so a reader never sees half a file).
 *
 * <p>Parquet is written by DuckDB's embedded engine ({@code COPY ... TO ... (FORMAT PARQUET)}), which needs no
 * Hadoop stack. Column types: {@code session_date} DATE; ids, {@code stride_index} and {@code recordings} BIGINT;
 * other context columns ({@code recording} included) VARCHAR; metric columns DOUBLE (missing values, NaN included, are NULL).
 */
public final class TableExport {
    /** Output formats. */
    public enum Format {
        CSV("csv"),
        PARQUET("parquet");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** Parses {@code csv} or {@code parquet} in any case. */
        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be csv or parquet, was '" + s + "'");
        }
    }

    private static final Map<String, String> CONTEXT_TYPES = Map.ofEntries(
            Map.entry("patient", "VARCHAR"), Map.entry("session_date", "DATE"), Map.entry("session_label", "VARCHAR"),
            Map.entry("recording_id", "BIGINT"), Map.entry("recording_path", "VARCHAR"), Map.entry("view", "VARCHAR"),
            Map.entry("run_id", "BIGINT"), Map.entry("settings_hash", "VARCHAR"),
            Map.entry("software_version", "VARCHAR"), Map.entry("side", "VARCHAR"), Map.entry("stride_index", "BIGINT"),
            Map.entry(ExportQueries.RECORDING, "VARCHAR"), Map.entry(ExportQueries.RECORDINGS, "BIGINT"));

    private TableExport() {
    }

    /** Writes {@code table} to {@code file} in {@code format}. */
    public static Path write(TidyTable table, Path file, Format format) {
        return format == Format.CSV ? writeCsv(table, file) : writeParquet(table, file);
    }

    /** Writes CSV as {@link TidyTable#writeCsv} (RFC 4180, {@code .} decimal point, missing = empty). */
    public static Path writeCsv(TidyTable table, Path file) {
        Path tmp = temp(file);
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                table.writeCsv(w);
            }
            return replace(tmp, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes Parquet through an in-memory DuckDB database. */
    public static Path writeParquet(TidyTable table, Path file) {
        Path tmp = temp(file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String> cols = table.columns();
            StringBuilder create = new StringBuilder("CREATE TABLE t (");
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES (");
            for (int i = 0; i < cols.size(); i++) {
                create.append(i > 0 ? ", " : "").append(quote(cols.get(i))).append(' ').append(type(cols.get(i)));
                insert.append(i > 0 ? ", " : "").append(type(cols.get(i)).equals("DATE") ? "CAST(? AS DATE)" : "?");
            }
            try (Statement st = c.createStatement()) {
                st.execute(create.append(')').toString());
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insert.append(')').toString())) {
                for (List<Object> row : table.rows()) {
                    for (int i = 0; i < cols.size(); i++) {
                        bind(ps, i + 1, type(cols.get(i)), row.get(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            Files.deleteIfExists(tmp);
            try (Statement st = c.createStatement()) {
                st.execute("COPY t TO '" + tmp.toString().replace("'", "''") + "' (FORMAT PARQUET)");
            }
            return replace(tmp, file);
        } catch (SQLException | IOException e) {
            deleteQuietly(tmp);
            throw new IllegalStateException("cannot write Parquet file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, int i, String type, Object cell) throws SQLException {
        if (cell == null || (cell instanceof Double d && d.isNaN())) {
            ps.setNull(i, switch (type) {
                case "DOUBLE" -> Types.DOUBLE;
                case "BIGINT" -> Types.BIGINT;
                default -> Types.VARCHAR;
            });
            return;
        }
        switch (type) {
            case "DOUBLE" -> ps.setDouble(i, ((Number) cell).doubleValue());
            case "BIGINT" -> ps.setLong(i, ((Number) cell).longValue());
            default -> ps.setString(i, cell.toString());
        }
    }

    /**
     * A column's SQL type in the exported tables: {@code DATE} for {@code session_date}, {@code BIGINT} for ids and
     * {@code stride_index}, {@code VARCHAR} for the other context columns, {@code DOUBLE} for metrics.
     */
    public static String type(String column) {
        return CONTEXT_TYPES.getOrDefault(column, "DOUBLE");
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Path temp(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + abs.getParent(), e);
        }
        return abs.resolveSibling("." + abs.getFileName() + ".tmp");
    }

    private static Path replace(Path tmp, Path file) throws IOException {
        return Files.move(tmp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do: the temporary file is hidden and replaced on the next export
        }
    }
}
