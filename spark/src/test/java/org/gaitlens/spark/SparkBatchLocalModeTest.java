package org.gaitlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.ItemOutcome;
import org.gaitlens.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2,3]} (two cores, three attempts per task) on landmark files from the bundled samples
 * and a corrupt video: an injected crash of one task's first attempt is retried and leaves one result, the corrupt
 * clip becomes a failed row while the others are done, the results equal the local batch's, and a rerun skips
 * everything.
 */
class SparkBatchLocalModeTest {
    @TempDir
    Path tmp;

    @Test
    void crashRetriedCorruptClipFailsResultsEqualLocalBatchRerunSkips() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("P01/2024-03-01_baseline", "series_patientA_s1.landmarks.csv");
        files.put("P01/2024-04-01_followup", "series_patientA_s3.landmarks.csv");
        files.put("P02/2024-03-02_baseline", "normal.landmarks.csv");
        files.put("P03/2024-03-03_baseline", "broken.mp4=this is not a video");
        Path study = SparkTestStudies.study(tmp.resolve("study"), files);
        StoreConfig local = StoreConfig.embedded(tmp.resolve("local"));
        StoreConfig spark = StoreConfig.embedded(tmp.resolve("spark"));

        BatchReport l = SparkTestStudies.local(study.toString(), local);
        assertEquals(3, SparkTestStudies.count(l, ItemOutcome.Status.DONE), l.outcomes().toString());

        AtomicInteger failedTasks = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        BatchReport s = withSession(failedTasks, tasks, () -> SparkTestStudies.batch(new SparkBatchEngine(),
                study.toString(), spark, Optional.of("local[2,3]"),
                Map.of(ClipAnalysis.CRASH_ONCE_CONF, "normal.landmarks.csv")));
        assertEquals(3, SparkTestStudies.count(s, ItemOutcome.Status.DONE), s.outcomes().toString());
        ItemOutcome broken = s.outcomes().stream().filter(o -> o.status() == ItemOutcome.Status.FAILED).findFirst()
                .orElseThrow();
        assertEquals("broken.mp4", broken.item().video().getFileName().toString());
        assertTrue(!broken.detail().isBlank(), "the failure's reason");
        assertEquals(1, failedTasks.get(), "the injected crash: one failed attempt");
        assertEquals(5, tasks.get(), "four clips, one of them twice");

        // One result per clip in the job's tables, however many attempts ran.
        Path out = tmp.resolve("spark/spark");
        SparkSession check = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .getOrCreate();
        try {
            List<Row> runs = check.read().parquet(out.resolve("runs").toString())
                    .select(ResultTables.RUN_KEY, "status").collectAsList();
            assertEquals(4, runs.size(), runs.toString());
            assertEquals(4, runs.stream().map(r -> r.getAs(ResultTables.RUN_KEY)).distinct().count());
            List<Row> failures = check.read().parquet(out.resolve("failures").toString())
                    .select("recording_path", "error").collectAsList();
            assertEquals(1, failures.size());
            assertTrue(failures.get(0).<String>getAs("recording_path").endsWith("broken.mp4"));
            assertEquals(3, check.read().parquet(out.resolve("strides").toString())
                    .select(ResultTables.RUN_KEY).distinct().count());
        } finally {
            check.stop();
        }

        assertEquals(3, SparkTestStudies.assertSameResults(local, spark));

        tasks.set(0);
        BatchReport again = withSession(failedTasks, tasks, () -> SparkTestStudies.batch(new SparkBatchEngine(),
                study.toString(), spark, Optional.of("local[2,3]"), Map.of()));
        assertEquals(3, SparkTestStudies.count(again, ItemOutcome.Status.SKIPPED), again.outcomes().toString());
        assertEquals(1, again.outcomes().stream().filter(o -> o.detail().startsWith("failed in an earlier batch"))
                .count());
        assertEquals(0, tasks.get(), "a rerun analyses nothing");
    }

    /** Runs {@code batch} in a session whose task ends are counted (the job uses the session it finds). */
    static BatchReport withSession(AtomicInteger failedTasks, AtomicInteger tasks,
            java.util.function.Supplier<BatchReport> batch) {
        SparkSession s = SparkSession.builder().master("local[2,3]").config("spark.ui.enabled", "false")
                .getOrCreate();
        s.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.stageId() == 0) { // the job's first stage: one task per clip
                    tasks.incrementAndGet();
                    if (!(end.reason() instanceof Success$)) {
                        failedTasks.incrementAndGet();
                    }
                }
            }
        });
        return batch.get();
    }
}
