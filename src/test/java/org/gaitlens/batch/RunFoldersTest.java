package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk layout of run results: names, atomic publication, sweeping dead attempts. */
class RunFoldersTest {
    @TempDir
    Path data;

    @Test
    void resultPathKeepsOnlySafeCharacters() {
        assertEquals("results/P_01/2024-03-01_follow_up_2/walk_1.run7", RunFolders.resultPath("P/01",
                LocalDate.of(2024, 3, 1), "follow up 2", "uploads/walk 1.mp4", 7));
        assertEquals("results/unassigned/_.hidden.run3", RunFolders.resultPath(null, null, null, ".hidden", 3),
                "a name starting with a dot is not hidden");
    }

    @Test
    void publishReplacesAFolderLeftByAKilledAttempt() throws IOException {
        RunFolders f = new RunFolders(data);
        Path tmp = Files.createDirectories(data.resolve(RunFolders.TEMP_DIR).resolve("run4.a2"));
        Files.writeString(tmp.resolve("summary.json"), "{}");
        Path left = Files.createDirectories(data.resolve("results/P/x.run4"));
        Files.writeString(left.resolve("stale.txt"), "from attempt 1");
        Path done = f.publish(tmp, "results/P/x.run4");
        assertTrue(Files.isRegularFile(done.resolve("summary.json")));
        assertFalse(Files.exists(done.resolve("stale.txt")));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void sweepRemovesOnlyAttemptsNoWorkerRuns() throws IOException {
        Path tmp = Files.createDirectories(data.resolve(RunFolders.TEMP_DIR));
        for (String n : new String[] {"run1.a1", "run1.a2", "run2.a1", "other"}) {
            Files.createDirectories(tmp.resolve(n));
        }
        Map<Long, Integer> running = Map.of(1L, 2); // run 1 runs its second attempt; run 2 is not running
        int removed = new RunFolders(data).sweep(id -> Optional.ofNullable(running.get(id)));
        assertEquals(2, removed);
        assertTrue(Files.isDirectory(tmp.resolve("run1.a2")));
        assertTrue(Files.isDirectory(tmp.resolve("other")), "folders not named like attempts are not touched");
        assertFalse(Files.exists(tmp.resolve("run1.a1")));
        assertFalse(Files.exists(tmp.resolve("run2.a1")));
    }
}
