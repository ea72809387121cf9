package org.gaitlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gaitlens.core.Side;
import org.gaitlens.store.TestDatabase.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrent writers: every queued run is claimed by exactly one worker, no write is lost, and no worker sees
 * "database is locked", on SQLite (busy timeout, immediate transactions, retries) and PostgreSQL (row locks).
 */
class StoreConcurrencyTest {
    static final int RUNS = 60;
    static final int WORKERS = 4;
    static final int STRIDES_PER_SIDE = 5;

    @TempDir
    Path dir;

    private TestDatabase database;

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    static String sha(int i) {
        return String.format("%064x", 1_000_003L * (i + 1));
    }

    /** Results whose values encode the run, so a mix-up between runs would show. */
    static RunResults resultsFor(long runId) {
        List<MetricValue> metrics = new ArrayList<>();
        // In the order ResultRepository.metrics returns them: side-less first, then LEFT, RIGHT.
        metrics.add(MetricValue.sideless("asymmetry", "strideTimeSymmetryIndexPct", runId, "%"));
        List<StrideValue> strides = new ArrayList<>();
        for (Side side : Side.values()) {
            metrics.add(MetricValue.of("summary", side, "strideTimeS", runId + side.ordinal() / 10.0, "s"));
            for (int k = 0; k < STRIDES_PER_SIDE; k++) {
                strides.add(new StrideValue(side, k, "strideTimeS", runId * 100.0 + k, "s"));
                strides.add(new StrideValue(side, k, "stancePct", 60 + k, "%"));
            }
        }
        return new RunResults("{\"run\":" + runId + "}", metrics, strides, List.of());
    }

    /** One worker: enqueue its share of videos in its own order, claiming and finishing runs as it goes. */
    static Callable<List<Long>> worker(StudyStore store, String name, long seed) {
        return () -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            List<Long> claimed = new ArrayList<>();
            for (int i : order) {
                Recording r = recording(store, i);
                store.runs().enqueue(r.id(), "{\"model\":\"full\"}", "settings-1", "test");
                claimOne(store, name, claimed);
            }
            while (claimOne(store, name, claimed)) {
                // drain the queue
            }
            return claimed;
        };
    }

    /** Video i's recording, added by whichever worker comes first (the other one finds it). */
    private static Recording recording(StudyStore store, int i) {
        Optional<Recording> found = store.recordings().findBySha256(sha(i));
        if (found.isPresent()) {
            return found.get();
        }
        try {
            return store.recordings().add(OptionalLong.empty(), Path.of("/videos/" + i + ".mp4"), sha(i), "{}",
                    "sagittal");
        } catch (DuplicateRecordException e) {
            return store.recordings().findBySha256(sha(i)).orElseThrow(() -> e);
        }
    }

    private static boolean claimOne(StudyStore store, String name, List<Long> claimed) {
        Optional<AnalysisRun> run = store.runs().claimNext(name);
        if (run.isEmpty()) {
            return false;
        }
        claimed.add(run.get().id());
        AnalysisRun alive = store.runs().heartbeat(run.get());
        store.runs().complete(alive, resultsFor(alive.id()));
        return true;
    }

    private void runWorkers(List<StudyStore> stores) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                futures.add(pool.submit(worker(stores.get(w % stores.size()), "worker-" + w, 42 + w)));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get()); // rethrows any worker failure, e.g. "database is locked"
            }
            checkEveryRunDoneOnce(stores.get(0), all);
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
    }

    private static void checkEveryRunDoneOnce(StudyStore store, List<Long> claimedByAll) {
        Set<Long> unique = new HashSet<>(claimedByAll);
        assertEquals(claimedByAll.size(), unique.size(), "no run was claimed twice");
        assertEquals(RUNS, unique.size(), "every run was claimed");
        assertEquals(Map.of(RunStatus.QUEUED, 0, RunStatus.RUNNING, 0, RunStatus.DONE, RUNS, RunStatus.FAILED, 0),
                store.runs().countByStatus());
        for (AnalysisRun run : store.runs().list(RunStatus.DONE)) {
            assertEquals(1, run.attempts(), "claimed once");
            assertEquals(resultsFor(run.id()).metrics(), store.results().metrics(run.id()), "no lost or mixed writes");
            assertEquals(2 * STRIDES_PER_SIDE * 2, store.results().strides(run.id()).size());
            assertEquals(Optional.of("{\"run\":" + run.id() + "}"), store.results().summaryJson(run.id()));
        }
        assertEquals(RUNS * 2 * STRIDES_PER_SIDE, store.exports().strideTable(Optional.empty()).rows().size());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void threadsSharingOneStoreClaimEveryRunExactlyOnce(Backend backend) throws Exception {
        database = TestDatabase.create(backend, dir);
        try (StudyStore store = database.open()) {
            runWorkers(List.of(store));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void separateStoresOpenedAtOnceOnOneDatabaseClaimEveryRunExactlyOnce(Backend backend) throws Exception {
        database = TestDatabase.create(backend, dir);
        // Opened concurrently on an empty database: the migration runs once, the others wait for it.
        ExecutorService openers = Executors.newFixedThreadPool(3);
        List<StudyStore> stores = new ArrayList<>();
        try {
            List<Future<StudyStore>> opened = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opened.add(openers.submit(database::open));
            }
            for (Future<StudyStore> f : opened) {
                stores.add(f.get());
            }
            for (StudyStore s : stores) {
                assertEquals(StudyStoreTest.LATEST_SCHEMA, s.schemaVersion());
            }
            runWorkers(stores);
        } finally {
            openers.shutdown();
            for (StudyStore s : stores) {
                s.close();
            }
        }
    }
}
