package org.gaitlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.gaitlens.core.Side;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.RunResults;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gaitlens patients} and {@code gaitlens sessions}, run through the real command line. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = GaitlensCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpDescribesTheStoreOptions() {
        Result r = run("patients", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--data=DIR"), r.out());
        assertTrue(r.out().contains("--jdbc-url=URL"), r.out());
        assertTrue(r.out().contains("add"), r.out());
        Result s = run("sessions", "--help");
        assertEquals(0, s.exitCode());
        assertTrue(s.out().contains("PATIENT"), s.out());
        assertTrue(run("patients", "add", "--help").out().contains("--affected-side=SIDE"));
    }

    @Test
    void addAndListPatients() {
        String data = dir.toString();
        Result empty = run("patients", "--data", data);
        assertEquals(0, empty.exitCode(), empty.err());
        assertTrue(empty.out().startsWith("No patients in " + data), empty.out());

        Result added = run("patients", "add", "P017", "--height-cm", "172.5", "--affected-side", "Left",
                "--notes", "L5 suspected", "--data", data);
        assertEquals(0, added.exitCode(), added.err());
        assertEquals("Added patient P017 (height 172.5 cm, affected side left) to " + data + "\n", added.out());
        // --data before the subcommand works as well.
        assertEquals(0, run("patients", "--data", data, "add", "P003").exitCode());

        Result list = run("patients", "--data", data);
        assertEquals(0, list.exitCode(), list.err());
        assertEquals(String.join("\n",
                "PATIENT          HEIGHT_CM AFFECTED SESSIONS  NOTES",
                "P003                     - -               0  ",
                "P017                 172.5 left            0  L5 suspected",
                ""), list.out());

        Result dup = run("patients", "add", "P017", "--data", data);
        assertEquals(2, dup.exitCode(), "duplicate id is bad input");
        assertTrue(dup.err().contains("patient P017 already exists"), dup.err());
        Result badSide = run("patients", "add", "P018", "--affected-side", "up", "--data", data);
        assertEquals(2, badSide.exitCode());
        assertTrue(badSide.err().contains("expected left or right"), badSide.err());
        Result badHeight = run("patients", "add", "P019", "--height-cm", "1.72", "--data", data);
        assertEquals(2, badHeight.exitCode());
        assertTrue(badHeight.err().contains("heightCm must be between"), badHeight.err());
    }

    @Test
    void sessionsShowStatusAndHeadlineMetrics() {
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir))) {
            long p = store.patients().create("P001", OptionalDouble.of(180), Optional.of(Side.RIGHT), "").id();
            long follow = store.sessions().create(p, LocalDate.of(2025, 3, 1), "follow-up", "").id();
            long base = store.sessions().create(p, LocalDate.of(2025, 1, 15), "baseline", "").id();
            long r1 = store.recordings().add(OptionalLong.of(base), dir.resolve("a.mp4"), "a".repeat(64), "{}", "sagittal").id();
            long r2 = store.recordings().add(OptionalLong.of(base), dir.resolve("b.mp4"), "b".repeat(64), "{}", "sagittal").id();
            store.recordings().add(OptionalLong.of(follow), dir.resolve("c.mp4"), "c".repeat(64), "{}", "sagittal");
            AnalysisRun done = store.runs().claim(store.runs().enqueue(r1, "{}", "h", "t").id(), "w").orElseThrow();
            store.runs().complete(done, new RunResults("{}", List.of(
                    MetricValue.of("summary", Side.LEFT, "strideTimeS", 1.0625, "s"),
                    MetricValue.of("summary", Side.RIGHT, "strideTimeS", 1.125, "s"),
                    MetricValue.sideless("summary", "gaitSpeedMPerS", 1.2, "m/s"),
                    MetricValue.sideless("asymmetry", "notAHeadline", 3, "%")), List.of(), List.of()));
            AnalysisRun failed = store.runs().claim(store.runs().enqueue(r2, "{}", "h", "t").id(), "w").orElseThrow();
            store.runs().fail(failed, "no person found");
        }
        Result r = run("sessions", "P001", "--data", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(String.join("\n",
                "Patient P001: height 180.0 cm, affected side right, 2 session(s)",
                "DATE        LABEL                RECORDINGS  ANALYSES",
                "2025-01-15  baseline                      2  done 1, failed 1",
                "    gaitSpeedMPerS       1.20 m/s   (run 1)",
                "    strideTimeS          L 1.06 s  R 1.13 s   (run 1)",
                "    failed run 2: no person found",
                "2025-03-01  follow-up                     1  none",
                ""), r.out());

        Result chosen = run("sessions", "P001", "--metric", "notAHeadline", "--data", dir.toString());
        assertTrue(chosen.out().contains("    notAHeadline         3.00 %   (run 1)"), chosen.out());
        assertTrue(!chosen.out().contains("strideTimeS"), chosen.out());

        Result missing = run("sessions", "P404", "--data", dir.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no patient P404"), missing.err());
    }
}
