package org.gaitlens.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table for export: named columns, one list of cells per row. Cells are {@link String}, {@link Long},
 * {@link Double} (NaN for a missing value) or {@code null} (no value).
 *
 * @param columns column names, unique
 * @param rows    rows, each as long as {@code columns}
 */
public record TidyTable(List<String> columns, List<List<Object>> rows) {

    public TidyTable {
        columns = List.copyOf(columns);
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("column names must be unique, were " + columns);
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + i + " has " + row.size() + " cells, expected " + columns.size());
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** Index of a column. */
    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return i;
    }

    /** One cell by row index and column name. */
    public Object cell(int row, String column) {
        return rows.get(row).get(column(column));
    }

    /**
     * Writes the table as CSV (RFC 4180: comma separated, fields with comma, quote or line break quoted).
     * Numbers are written with {@code .} as decimal point; NaN and null as empty fields.
     */
    public void writeCsv(Appendable out) {
        try {
            writeRow(out, new ArrayList<>(columns));
            for (List<Object> row : rows) {
                writeRow(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Appendable out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvField(cells.get(i)));
        }
        out.append('\n');
    }

    private static String csvField(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return d.isNaN() ? "" : String.format(Locale.ROOT, "%s", d);
        }
        String s = cell.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
