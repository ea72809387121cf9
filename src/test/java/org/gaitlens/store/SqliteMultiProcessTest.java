package org.gaitlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gaitlens processes on one SQLite study (the batch runner and the web app, or two batch runners): each run
 * is claimed by exactly one of them and all results arrive. File locking between processes is what SQLite
 * really has to get right, so this starts real JVMs rather than threads.
 */
class SqliteMultiProcessTest {
    static final int RUNS = 40;

    @TempDir
    Path dir;

    /** Entry point of a child process: claims and completes runs until none is queued. */
    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        String name = args[1];
        List<String> lines = new ArrayList<>();
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dataDir))) {
            Optional<AnalysisRun> run;
            while ((run = store.runs().claimNext(name)).isPresent()) {
                store.runs().complete(run.get(), StoreConcurrencyTest.resultsFor(run.get().id()));
                lines.add(Long.toString(run.get().id()));
            }
        }
        Files.write(dataDir.resolve(name + ".claimed"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void twoProcessesShareTheQueueWithoutLosingOrRepeatingWork() throws Exception {
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir))) {
            for (int i = 0; i < RUNS; i++) {
                long rec = store.recordings().add(OptionalLong.empty(), Path.of("/v/" + i + ".mp4"),
                        StoreConcurrencyTest.sha(i), "{}", "sagittal").id();
                store.runs().enqueue(rec, "{}", "s", "test");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (String name : List.of("proc-a", "proc-b")) {
            children.add(new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    SqliteMultiProcessTest.class.getName(), dir.toString(), name)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start());
        }
        for (Process p : children) {
            // A safety net against a hung child, not a timing assertion: the work takes a few seconds.
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child process finished");
        }
        for (int i = 0; i < children.size(); i++) {
            String name = i == 0 ? "proc-a" : "proc-b";
            assertEquals(0, children.get(i).exitValue(), () -> name + " failed:\n" + readLog(name));
        }
        List<String> a = Files.readAllLines(dir.resolve("proc-a.claimed"));
        List<String> b = Files.readAllLines(dir.resolve("proc-b.claimed"));
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        assertEquals(RUNS, a.size() + b.size(), "claims: " + a.size() + " + " + b.size());
        assertEquals(RUNS, union.size(), "no run claimed by both processes");
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir))) {
            assertEquals(RUNS, store.runs().countByStatus().get(RunStatus.DONE));
            for (AnalysisRun run : store.runs().list(RunStatus.DONE)) {
                List<StrideValue> expected = new ArrayList<>(StoreConcurrencyTest.resultsFor(run.id()).strides());
                expected.sort(Comparator.comparing(StrideValue::side).thenComparingInt(StrideValue::strideIndex)
                        .thenComparing(StrideValue::metric));
                assertEquals(expected, store.results().strides(run.id()), "run " + run.id() + " has its own strides");
            }
        }
    }

    private String readLog(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
