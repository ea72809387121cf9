package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitlens.store.TidyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and Parquet files of a hand-made table, the Parquet read back with DuckDB: types, values, missing cells. */
class TableExportTest {
    @TempDir
    Path dir;

    private static TidyTable table() {
        List<String> cols = List.of("patient", "session_date", "session_label", "run_id", "side", "stride_index",
                "stride_time_s", "knee_flex_ic_deg");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("P01", "2024-03-01", "baseline, first", 7L, "LEFT", 0L, 1.05, 4.5));
        rows.add(Arrays.asList("P01", "2024-03-01", "baseline, first", 7L, "LEFT", 1L, 1.10, Double.NaN));
        rows.add(Arrays.asList(null, null, null, 9L, "RIGHT", 0L, 0.98, null));
        return new TidyTable(cols, rows);
    }

    @Test
    void parquetReadsBackWithTypesAndNulls() throws Exception {
        Path file = TableExport.write(table(), dir.resolve("out/strides.parquet"), TableExport.Format.PARQUET);
        assertTrue(Files.isRegularFile(file));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + file + "'))")) {
                List<String> types = new ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1) + " " + rs.getString(2));
                }
                assertEquals(List.of("patient VARCHAR", "session_date DATE", "session_label VARCHAR", "run_id BIGINT",
                        "side VARCHAR", "stride_index BIGINT", "stride_time_s DOUBLE", "knee_flex_ic_deg DOUBLE"), types);
            }
            try (ResultSet rs = st.executeQuery("SELECT patient, CAST(session_date AS VARCHAR), session_label, run_id, "
                    + "side, stride_index, stride_time_s, knee_flex_ic_deg FROM read_parquet('" + file + "') "
                    + "ORDER BY run_id, side, stride_index")) {
                assertTrue(rs.next());
                assertEquals("P01", rs.getString(1));
                assertEquals("2024-03-01", rs.getString(2));
                assertEquals("baseline, first", rs.getString(3));
                assertEquals(7L, rs.getLong(4));
                assertEquals(1.05, rs.getDouble(7), 0.0, "DOUBLE stored exactly");
                assertEquals(4.5, rs.getDouble(8), 0.0);
                assertTrue(rs.next());
                rs.getDouble(8);
                assertTrue(rs.wasNull(), "NaN is written as NULL");
                assertTrue(rs.next());
                assertEquals(null, rs.getString(1));
                assertEquals(0.98, rs.getDouble(7), 0.0);
                assertFalse(rs.next());
            }
        }
        try (var s = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(file), s.toList(), "no temporary file left");
        }
    }

    @Test
    void csvIsTheTablesCsv() throws Exception {
        Path file = TableExport.write(table(), dir.resolve("strides.csv"), TableExport.Format.CSV);
        assertEquals(List.of(
                "patient,session_date,session_label,run_id,side,stride_index,stride_time_s,knee_flex_ic_deg",
                "P01,2024-03-01,\"baseline, first\",7,LEFT,0,1.05,4.5",
                "P01,2024-03-01,\"baseline, first\",7,LEFT,1,1.1,",
                ",,,9,RIGHT,0,0.98,"), Files.readAllLines(file));
    }
}
