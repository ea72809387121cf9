package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gaitlens.core.Side;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.TidyTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deviation from healthy walking in the batch tables and the export: a side view (a bundled landmark file,
 * analysed in seconds) gets the {@code deviation} rows with the values of its {@code summary.json} and units from
 * the metric table; a frontal view (the bundled trunk-list landmarks) has none, so its rows of the per-session
 * export leave the columns empty (CSV) or NULL (Parquet).
 */
class BatchDeviationExportTest {
    /** The deviation columns of the per-session export, documented in docs/batch.md. */
    static final List<String> COLUMNS = List.of("gps2d_deg", "gps2d_ci95_low_deg", "gps2d_ci95_high_deg",
            "gps2d_healthy_mean_deg", "gps2d_healthy_p95_deg", "gps2d_side_deg", "gps2d_side_ci95_low_deg",
            "gps2d_side_ci95_high_deg", "gvs_hip_deg", "gvs_knee_deg", "gvs_ankle_deg");

    @TempDir
    Path dir;

    private BatchItem item(String patient, String sample, String view) throws Exception {
        Path f = dir.resolve("in").resolve(patient).resolve("2024-03-01_baseline").resolve(sample);
        Files.createDirectories(f.getParent());
        Files.copy(Path.of("sample-videos", sample), f);
        return new BatchItem(patient, LocalDate.of(2024, 3, 1), "baseline", f, view, OptionalDouble.of(175), Map.of(),
                f.getParent().toString());
    }

    @Test
    void sideViewHasDeviationColumnsAndFrontalLeavesThemEmpty() throws Exception {
        List<BatchItem> items = List.of(item("P01", "series_patientA_s1.landmarks.csv", "sagittal"),
                item("P02", "trunk_list.landmarks.csv", "frontal"));
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir.resolve("data")));
                RunExecutor executor = new RunExecutor(store,
                        new RunExecutor.Options(Path.of("models"), 1, Duration.ofSeconds(10)))) {
            BatchReport report = new BatchRunner(executor, BatchRunner.Options.of(1))
                    .run(items, RunSettings.defaults(), BatchListener.NONE);
            List<ItemOutcome> o = report.outcomes();
            assertEquals(ItemOutcome.Status.DONE, o.get(0).status(), o.toString());
            assertEquals(ItemOutcome.Status.DONE, o.get(1).status(), o.toString());
            long side = o.get(0).runId().orElseThrow();
            long frontal = o.get(1).runId().orElseThrow();

            // Store rows: the summary's values (rounded there to 0.01 deg), unit from the metric table.
            JsonNode d = new ObjectMapper().readTree(store.results().summaryJson(side).orElseThrow()).path("deviation");
            List<MetricValue> rows = store.results().metrics(side).stream()
                    .filter(m -> m.category().equals("deviation")).toList();
            assertEquals(5 + 2 * 6, rows.size(), "five side-less values, six per side");
            rows.forEach(m -> assertEquals("deg", m.unit(), m.metric()));
            assertEquals(d.path("gps2d").path("overall").path("value").asDouble(),
                    value(rows, Optional.empty(), "gps2d_deg"), 0.005);
            assertEquals(d.path("healthy").path("gps2d_p95").asDouble(),
                    value(rows, Optional.empty(), "gps2d_healthy_p95_deg"), 0.005);
            assertEquals(d.path("gvs").path("right").path("knee").asDouble(),
                    value(rows, Optional.of(Side.RIGHT), "gvs_knee_deg"), 0.005);
            assertEquals(d.path("gps2d").path("left").path("value").asDouble(),
                    value(rows, Optional.of(Side.LEFT), "gps2d_side_deg"), 0.005);
            assertTrue(store.results().metrics(frontal).stream().noneMatch(m -> m.category().equals("deviation")),
                    "a frontal view has no sagittal deviation");

            TidyTable t = store.exports().sessionSideTable(Optional.empty());
            assertTrue(t.columns().containsAll(COLUMNS), t.columns().toString());
            Path csv = TableExport.write(t, dir.resolve("out/sessions.csv"), TableExport.Format.CSV);
            Path pq = TableExport.write(t, dir.resolve("out/sessions.parquet"), TableExport.Format.PARQUET);
            List<String> lines = Files.readAllLines(csv);
            List<String> header = List.of(lines.get(0).split(",", -1));
            int gps = header.indexOf("gps2d_deg");
            int knee = header.indexOf("gvs_knee_deg");
            int patients = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells[0].equals("P01")) {
                    assertFalse(cells[gps].isEmpty() || cells[knee].isEmpty(), "side view: " + line);
                    assertEquals(value(rows, Optional.empty(), "gps2d_deg"), Double.parseDouble(cells[gps]), 0.0,
                            "the overall GPS-2D repeats on both sides' rows");
                } else {
                    assertEquals("P02", cells[0]);
                    assertTrue(cells[gps].isEmpty() && cells[knee].isEmpty(), "frontal view: " + line);
                }
                patients |= cells[0].equals("P01") ? 1 : 2;
            }
            assertEquals(3, patients, "rows of both runs");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT patient, side, gps2d_deg, gvs_ankle_deg, gps2d_side_deg "
                            + "FROM read_parquet('" + pq + "') ORDER BY patient, side")) {
                List<String> seen = new ArrayList<>();
                while (rs.next()) {
                    seen.add(rs.getString(1) + " " + rs.getString(2));
                    boolean sideView = rs.getString(1).equals("P01");
                    for (int col = 3; col <= 5; col++) {
                        Object v = rs.getObject(col);
                        if (sideView) {
                            assertNotNull(v, seen + " column " + col);
                        } else {
                            assertNull(v, seen + " column " + col);
                        }
                    }
                }
                assertEquals(List.of("P01 LEFT", "P01 RIGHT"), seen.subList(0, 2));
                assertTrue(seen.size() > 2, "the frontal run's rows: " + seen);
            }
        }
    }

    private static double value(List<MetricValue> rows, Optional<Side> side, String metric) {
        return rows.stream().filter(m -> m.metric().equals(metric) && m.side().equals(side)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " " + side)).value();
    }
}
