package org.gaitlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitlens.pipeline.PooledSessionTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze FOLDER} as the user runs it on a folder of clips: which files are taken, the pooled console, and
 * {@code report} rebuilding the pooled session's report exactly.
 */
class AnalyzeSessionCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderOfClipsIsOneSessionAndItsReportRebuilds() throws IOException {
        Path sample = Path.of("sample-videos", "knee_pattern_both.landmarks.csv");
        Path in = Files.createDirectories(tmp.resolve("clinic"));
        PooledSessionTest.cut(sample, 199, PooledSessionTest.frames(sample), in.resolve("2_back.landmarks.csv"));
        PooledSessionTest.cut(sample, 0, 199, in.resolve("1_there.landmarks.csv"));
        Files.writeString(in.resolve("notes.txt"), "walkway 5 m");
        Files.writeString(in.resolve("events.csv"), "side,event,time_s,frame,pass\n");
        Path out = tmp.resolve("session");
        ReportCommandsTest.Run r = ReportCommandsTest.run("analyze", in.toString(), "--out", out.toString(),
                "--height-cm", "175", "--date", "2024-05-02");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("taking 1_there.landmarks.csv, 2_back.landmarks.csv; skipped events.csv, notes.txt"),
                r.out());
        assertTrue(r.out().contains("session of 2 recordings, 2 analysed and pooled"), r.out());
        assertTrue(r.out().contains("pooled: 2 walking pass(es), strides L 8 / R 8"), r.out());
        assertTrue(r.out().contains("1_there.landmarks.csv pass 1: moving left"), r.out());

        Path rebuilt = tmp.resolve("rebuilt");
        ReportCommandsTest.Run rep = ReportCommandsTest.run("report", out.toString(), "--out", rebuilt.toString());
        assertEquals(0, rep.code(), rep.err());
        assertEquals(Files.readString(out.resolve("report.json")), Files.readString(rebuilt.resolve("report.json")));
    }
}
