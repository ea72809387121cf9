package org.gaitlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.Json;
import org.gaitlens.validation.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code analyze} with session metadata, {@code report} and {@code compare}, run as the user would, output captured. */
class ReportCommandsTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = GaitlensCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path analyse(String trial, String dir, String... meta) {
        Path out = tmp.resolve(dir);
        String[] args = new String[4 + meta.length];
        args[0] = "analyze";
        args[1] = SharedData.mocap(trial).toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(meta, 0, args, 4, meta.length);
        Run r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report.pdf"), r.out());
        return out;
    }

    @Test
    void analyzeWritesReportAndMetadata() throws IOException {
        Path dir = analyse("btk/PiG_Motion-FlatFoot-Full.c3d", "a", "--patient", "P-9", "--date", "2024-01-10",
                "--label", "baseline");
        for (String f : new String[] {"summary.json", "report-input.json", "report.json", "report.html", "report.pdf"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        JsonNode session = Json.mapper().readTree(dir.resolve("summary.json").toFile()).get("session");
        assertEquals("P-9", session.get("patient_id").asText());
        assertEquals("2024-01-10", session.get("date").asText());
        assertEquals("baseline", session.get("label").asText());
        // the file's two force plates: right then left foot (ForcePlateValidationTest), onsets on the gaitlens clock
        JsonNode plates = Json.mapper().readTree(dir.resolve("summary.json").toFile()).findValue("force_plate_contacts");
        assertEquals(2, plates.size(), plates.toString());
        assertEquals("R", plates.get(0).get("side").asText());
        assertEquals(1.081, plates.get(0).get("onset_s").asDouble(), 1e-9);
        assertEquals("L", plates.get(1).get("side").asText());
        // key order is fixed (users diff summary.json files; an unordered map shuffled keys between runs)
        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(List.of("file", "sha256", "kind"), fieldNames(summary.get("input")));
        assertEquals(List.of("strides", "parameters"), fieldNames(summary.get("per_side").get("left")));

        Path rebuilt = tmp.resolve("rebuilt");
        Run r = run("report", dir.toString(), "--out", rebuilt.toString(), "--page-size", "letter");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(dir.resolve("report.json")), Files.readString(rebuilt.resolve("report.json")),
                "the rebuilt model equals the one analyze wrote");
        assertTrue(Files.size(rebuilt.resolve("report.pdf")) > 0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void compareSortsSessionsByDate() {
        Path a = analyse("btk/PiG_Motion-FlatFoot-Full.c3d", "a", "--patient", "P-9", "--date", "2024-03-01");
        Path b = analyse("btk/FunctionalWalk.c3d", "b", "--patient", "P-9", "--date", "2024-01-15", "--label", "baseline");
        Run r = run("compare", a.toString(), b.toString(), "--out", tmp.resolve("cmp").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("patient P-9, 2 session(s):"), r.out());
        assertTrue(r.out().indexOf("#1 2024-01-15 baseline (b)") < r.out().indexOf("#2 2024-03-01 session (a)"), r.out());
        assertTrue(Files.exists(tmp.resolve("cmp").resolve("comparison.pdf")));
    }

    @Test
    void errorsAreMessages() {
        Run bad = run("analyze", SharedData.mocap("btk/PiG_Motion-FlatFoot-Full.c3d").toString(), "--out",
                tmp.resolve("x").toString(), "--date", "10.01.2024");
        assertTrue(bad.code() != 0);
        assertTrue(bad.err().contains("invalid date '10.01.2024': use YYYY-MM-DD"), bad.err());
        Run noSession = run("report", tmp.toString());
        assertTrue(noSession.code() != 0);
        assertTrue(noSession.err().contains("no report-input.json"), noSession.err());
        Run page = run("report", tmp.toString(), "--page-size", "a3");
        assertTrue(page.err().contains("unknown page size 'a3': use a4 or letter"), page.err());
    }
}
