package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StoreInspection;
import org.gaitlens.store.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch holding the same recording three times (a bundled landmark file: analysed in seconds, no pose model):
 * once in the patient's baseline, once copied into the patient's follow-up, once copied into another patient's
 * folder. The content is stored and analysed once; the follow-up copy is that recording and its status line says
 * so; the other patient's copy fails with a message naming the patient who has it. Run again, the batch resumes
 * with the same outcomes and nothing new.
 */
class BatchReuseTest {
    private static final Path SAMPLE = Path.of("sample-videos", "series_patientA_s1.landmarks.csv");

    @TempDir
    Path dir;

    private BatchItem item(String patient, LocalDate date, String label, String name) throws Exception {
        Path f = dir.resolve("in").resolve(patient).resolve(date + "_" + label).resolve(name);
        Files.createDirectories(f.getParent());
        Files.copy(SAMPLE, f);
        return new BatchItem(patient, date, label, f, "sagittal", OptionalDouble.of(175), Map.of(), f.getParent().toString());
    }

    @Test
    void theSameContentIsOneRecordingAndABatchSaysSo() throws Exception {
        LocalDate baseline = LocalDate.of(2024, 3, 1);
        LocalDate followUp = LocalDate.of(2024, 4, 1);
        List<BatchItem> items = List.of(item("P01", baseline, "baseline", "walk.landmarks.csv"),
                item("P01", followUp, "followup", "copy.landmarks.csv"),
                item("P02", baseline, "baseline", "walk.landmarks.csv"));
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir.resolve("data")));
                RunExecutor executor = new RunExecutor(store,
                        new RunExecutor.Options(Path.of("models"), 1, Duration.ofSeconds(10)))) {
            for (int round = 1; round <= 2; round++) {
                BatchReport report = new BatchRunner(executor, BatchRunner.Options.of(1))
                        .run(items, RunSettings.defaults(), BatchListener.NONE);
                List<ItemOutcome> o = report.outcomes();
                String all = o.toString();
                assertEquals(round == 1 ? ItemOutcome.Status.DONE : ItemOutcome.Status.SKIPPED, o.get(0).status(), all);
                assertTrue(!o.get(0).detail().contains("same video"), all);
                assertEquals(ItemOutcome.Status.SKIPPED, o.get(1).status(), all);
                long runId = o.get(0).runId().orElseThrow();
                assertEquals("unchanged: analysed in run " + runId
                        + " (same video as the patient's recording of 2024-03-01 baseline, stored once)", o.get(1).detail());
                assertEquals(ItemOutcome.Status.FAILED, o.get(2).status(), all);
                assertTrue(o.get(2).detail().contains("the same content is already stored for patient P01 (2024-03-01 "
                        + "baseline); a recording belongs to one patient, so it is not added to P02"), o.get(2).detail());
                // One recording, one run, and no session made for the copies.
                assertEquals(1, StoreInspection.count(store, "recording"));
                assertEquals(1, StoreInspection.count(store, "analysis_run"));
                assertEquals(List.of("baseline"), labels(store, "P01"));
                assertEquals(List.of(), labels(store, "P02"));
            }
        }
    }

    private static List<String> labels(StudyStore store, String patient) {
        return store.sessions().listByPatient(store.patients().require(patient).id()).stream()
                .map(SessionRecord::label).toList();
    }
}
