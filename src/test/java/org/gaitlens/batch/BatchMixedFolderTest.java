package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gaitlens.cli.GaitlensCommand;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StrideValue;
import org.gaitlens.store.StudyStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gaitlens batch} over a folder mixing a good walking video with a corrupt file, an empty file, a text file
 * named .mp4, a video with nobody in it and a misnamed folder: the good one is analysed and stored, each bad one is
 * recorded as failed with its reason, and the exit code says something failed. A second batch skips the good one;
 * the export's per-stride table holds exactly the strides of {@code strides.csv}.
 */
@Tag("integration")
class BatchMixedFolderTest {
    @TempDir
    Path dir;

    private record Cli(int exitCode, String out) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = GaitlensCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute(args);
        return new Cli(code, out.toString());
    }

    @Test
    void goodVideosCompleteBadOnesFailWithReasonsAndTheExitCodeSaysSo() throws Exception {
        Path root = dir.resolve("study");
        Path good = root.resolve("P01/2024-03-01_baseline/walk.mp4");
        // One walking pass (1.2-4.9 s in the clip): enough for strides on both sides.
        BatchVideos.cut(BatchVideos.sharedVideo(BatchVideos.INDOOR), good, 0.0, 5.6);
        Files.writeString(root.resolve("P01/gaitlens.properties"), "height_cm = 175\n");
        BatchVideos.corrupt(good, root.resolve("P01/2024-03-01_baseline/corrupt.mp4"), 7);
        Path bad = root.resolve("P02/2024-03-02_followup");
        BatchVideos.empty(bad.resolve("empty.mp4"));
        BatchVideos.textRenamedMp4(bad.resolve("notes.mp4"));
        BatchVideos.noPerson(bad.resolve("empty_room.mp4"), 45, 11);
        BatchVideos.empty(root.resolve("P03/March/walk.mp4"));
        Path data = dir.resolve("data");

        Cli first = cli("batch", root.toString(), "--data", data.toString(), "--workers", "2", "--no-video");
        assertEquals(1, first.exitCode(), first.out());
        assertTrue(first.out().contains("passed over: " + root.resolve("P03/March")), first.out());

        Map<String, AnalysisRun> runs = new HashMap<>();
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data))) {
            for (String name : List.of("walk.mp4", "corrupt.mp4", "empty.mp4", "notes.mp4", "empty_room.mp4")) {
                Recording rec = store.recordings().listBySession(sessionOf(store, name)).stream()
                        .filter(r -> r.path().endsWith(name)).findFirst().orElseThrow();
                List<AnalysisRun> rr = store.runs().listByRecording(rec.id());
                assertEquals(1, rr.size(), name + " has one run");
                runs.put(name, rr.get(0));
            }
            AnalysisRun done = runs.get("walk.mp4");
            assertEquals(RunStatus.DONE, done.status(), done.errorMessage().orElse(""));
            assertTrue(done.settingsJson().contains("\"height_cm\":175.0"), "folder settings applied: " + done.settingsJson());
            Path folder = data.resolve(store.results().artifacts(done.id()).get(0).ref().relativePath()).getParent();
            assertStoredStridesMatchCsv(store.results().strides(done.id()), folder.resolve("strides.csv"));

            assertFailed(runs.get("corrupt.mp4"), "corrupt.mp4");
            assertFailed(runs.get("empty.mp4"), "empty");
            assertFailed(runs.get("notes.mp4"), "Export the recording as MP4");
            assertFailed(runs.get("empty_room.mp4"), "no person found");
        }
        assertFalse(hasEntries(data.resolve(RunFolders.TEMP_DIR)), "no temporary folders left");

        // Again, without retrying the failures: the good video is skipped as unchanged.
        Cli second = cli("batch", root.toString(), "--data", data.toString(), "--workers", "2", "--skip-failed");
        assertEquals(1, second.exitCode(), second.out());
        assertTrue(second.out().contains("Done 0, skipped 1 (unchanged), failed 4"), second.out());
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data))) {
            assertEquals(1, store.runs().countByStatus().get(RunStatus.DONE));
            assertEquals(4, store.runs().countByStatus().get(RunStatus.FAILED));
        }

        // Export: one Parquet row per stride, the same strides and values as strides.csv.
        Path out = dir.resolve("export");
        Cli export = cli("export", "--data", data.toString(), "--format", "parquet", "--out", out.toString());
        assertEquals(0, export.exitCode(), export.out());
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(data))) {
            AnalysisRun done = runs.get("walk.mp4");
            Path folder = data.resolve(store.results().artifacts(done.id()).get(0).ref().relativePath()).getParent();
            List<String> csv = Files.readAllLines(folder.resolve("strides.csv"));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT patient, session_label, side, stride_index, stride_time_s "
                            + "FROM read_parquet('" + out.resolve("strides.parquet") + "') ORDER BY side, stride_index")) {
                int rows = 0;
                while (rs.next()) {
                    assertEquals("P01", rs.getString(1));
                    assertEquals("baseline", rs.getString(2));
                    rows++;
                }
                assertEquals(csv.size() - 1, rows, "one row per stride of strides.csv");
            }
        }
    }

    private static long sessionOf(StudyStore store, String videoName) {
        String patient = List.of("walk.mp4", "corrupt.mp4").contains(videoName) ? "P01" : "P02";
        return store.sessions().listByPatient(store.patients().require(patient).id()).get(0).id();
    }

    private static void assertFailed(AnalysisRun run, String reasonPart) {
        assertEquals(RunStatus.FAILED, run.status());
        String reason = run.errorMessage().orElse("");
        assertTrue(reason.contains(reasonPart), "reason mentions '" + reasonPart + "': " + reason);
    }

    private static boolean hasEntries(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    /**
     * The stored per-stride rows are exactly {@code strides.csv}: same strides per side, and every column's value.
     * strides.csv holds 6 decimals, so values agree to 5e-7 (half the last digit).
     */
    static void assertStoredStridesMatchCsv(List<StrideValue> stored, Path stridesCsv) throws Exception {
        List<String> lines = Files.readAllLines(stridesCsv);
        String[] header = lines.get(0).split(",", -1);
        Map<String, Double> byKey = new HashMap<>();
        for (StrideValue v : stored) {
            byKey.put(v.side().code() + "/" + v.strideIndex() + "/" + v.metric(), v.value());
        }
        int cells = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String side = f[0];
            String stride = f[2];
            for (int i = 1; i < header.length; i++) {
                if (header[i].equals("stride")) {
                    continue;
                }
                String key = side + "/" + stride + "/" + header[i];
                assertTrue(byKey.containsKey(key), "stored: " + key);
                double stored1 = byKey.get(key);
                if (f[i].isEmpty()) {
                    assertTrue(Double.isNaN(stored1), key + " missing in both");
                } else {
                    assertEquals(Double.parseDouble(f[i]), stored1, 5e-7, key);
                }
                cells++;
            }
        }
        assertEquals(cells, stored.size(), "no stored value beyond strides.csv");
        assertFalse(new ArrayList<>(lines).isEmpty());
    }
}
