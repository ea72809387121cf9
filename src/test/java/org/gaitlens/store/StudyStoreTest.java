package org.gaitlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.gaitlens.core.Side;
import org.gaitlens.store.TestDatabase.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips of every entity, migrations and run transitions, on SQLite and on PostgreSQL. */
class StudyStoreTest {
    static final String SHA_A = "a".repeat(64);
    static final String SHA_B = "b".repeat(64);
    static final String SHA_C = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    private TestDatabase database;

    private StudyStore open(Backend backend) {
        if (database == null) {
            database = TestDatabase.create(backend, dir);
        }
        return database.open();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    static final List<String> TABLES = List.of("patient", "gait_session", "recording", "analysis_run",
            "run_recording", "run_summary", "run_metric", "stride_metric", "artifact");

    /** The newest schema version and how many migration scripts lead to it (V1 store, V2 web app, V3 pooled). */
    static final String LATEST_SCHEMA = "3";
    static final int MIGRATIONS = 3;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migratesFromEmptyAndReopeningChangesNothing(Backend backend) throws Exception {
        try (StudyStore store = open(backend)) {
            assertEquals(LATEST_SCHEMA, store.schemaVersion());
            assertEquals(backend == Backend.SQLITE, store.isEmbedded());
            try (Connection c = store.connection(); Statement st = c.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        assertEquals(0, rs.getInt(1), table);
                    }
                }
            }
            store.patients().create("P001", OptionalDouble.of(172.5), Optional.of(Side.LEFT), "");
        }
        if (backend == Backend.SQLITE) {
            assertTrue(Files.isRegularFile(dir.resolve("gaitlens.db")));
        }
        try (StudyStore store = open(backend)) {
            assertEquals(LATEST_SCHEMA, store.schemaVersion());
            assertEquals(1, store.patients().list().size(), "data survives re-opening");
            try (Connection c = store.connection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = "
                            + (backend == Backend.SQLITE ? "1" : "TRUE"))) {
                rs.next();
                assertEquals(MIGRATIONS, rs.getInt(1), "each migration applied once, not again on re-opening");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void patientsRoundTrip(Backend backend) {
        try (StudyStore store = open(backend)) {
            Patient b = store.patients().create("P002", OptionalDouble.empty(), Optional.empty(), "");
            Patient a = store.patients().create("P001", OptionalDouble.of(181.25), Optional.of(Side.RIGHT),
                    "L5 radiculopathy, \"quoted\", ünïcode");
            assertEquals(a, store.patients().get(a.id()));
            assertEquals(Optional.of(a), store.patients().find("P001"));
            assertEquals(181.25, a.heightCm().getAsDouble(), 0.0, "height is stored exactly");
            assertEquals(Optional.of(Side.RIGHT), a.affectedSide());
            assertEquals("L5 radiculopathy, \"quoted\", ünïcode", a.notes());
            assertEquals(b, store.patients().require("P002"));
            assertTrue(b.heightCm().isEmpty());
            assertTrue(b.affectedSide().isEmpty());
            assertEquals(List.of(a, b), store.patients().list(), "listed by pseudonym");

            Patient changed = store.patients().update(b.withDetails(OptionalDouble.of(160), Optional.of(Side.LEFT), "now known"));
            assertEquals(OptionalDouble.of(160), changed.heightCm());
            assertEquals(Optional.of(Side.LEFT), changed.affectedSide());
            assertEquals("now known", changed.notes());
            assertEquals(b.createdAt(), changed.createdAt());

            assertThrows(DuplicateRecordException.class,
                    () -> store.patients().create("P001", OptionalDouble.empty(), Optional.empty(), ""));
            assertThrows(RecordNotFoundException.class, () -> store.patients().require("P999"));
            assertTrue(store.patients().find("P999").isEmpty());
            assertThrows(IllegalArgumentException.class,
                    () -> store.patients().create("Jane Doe", OptionalDouble.empty(), Optional.empty(), ""));
            assertThrows(IllegalArgumentException.class,
                    () -> store.patients().create("P003", OptionalDouble.of(1.75), Optional.empty(), ""),
                    "a height in metres is refused");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionsRoundTripInDateOrder(Backend backend) {
        try (StudyStore store = open(backend)) {
            long p = store.patients().create("P001", OptionalDouble.empty(), Optional.empty(), "").id();
            long other = store.patients().create("P002", OptionalDouble.empty(), Optional.empty(), "").id();
            SessionRecord followUp = store.sessions().create(p, LocalDate.of(2025, 3, 1), "follow-up", "after 6 weeks");
            SessionRecord baseline = store.sessions().create(p, LocalDate.of(2025, 1, 15), "baseline", "");
            SessionRecord mid = store.sessions().create(p, LocalDate.of(2025, 2, 1), "mid", "PT twice a week");
            store.sessions().create(other, LocalDate.of(2024, 12, 1), "baseline", "");

            assertEquals(List.of(baseline, mid, followUp), store.sessions().listByPatient(p));
            assertEquals(followUp, store.sessions().get(followUp.id()));
            assertEquals("after 6 weeks", followUp.treatmentNotes());
            assertEquals(LocalDate.of(2025, 3, 1), followUp.date());

            assertEquals(mid, store.sessions().findOrCreate(p, LocalDate.of(2025, 2, 1), "mid", "ignored"));
            assertThrows(DuplicateRecordException.class,
                    () -> store.sessions().create(p, LocalDate.of(2025, 2, 1), "mid", ""));
            assertEquals(3, store.sessions().listByPatient(p).size(), "findOrCreate found, did not add");
            assertThrows(StoreException.class,
                    () -> store.sessions().create(9999, LocalDate.of(2025, 2, 1), "x", ""), "unknown patient");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void recordingsRoundTrip(Backend backend) throws Exception {
        try (StudyStore store = open(backend)) {
            long p = store.patients().create("P001", OptionalDouble.empty(), Optional.empty(), "").id();
            long s = store.sessions().create(p, LocalDate.of(2025, 1, 15), "baseline", "").id();
            Path inside = store.dataDir().resolve("videos/walk 1.mp4");
            Path outside = Path.of("/srv/clinic/videos/walk2.mov");
            String info = "{\"widthPx\":1280,\"heightPx\":720,\"frameRateHz\":30.0}";
            Recording r1 = store.recordings().add(OptionalLong.of(s), inside, SHA_A, info, "sagittal");
            Recording r2 = store.recordings().add(OptionalLong.empty(), outside, SHA_B, "{}", "unknown");

            assertEquals("videos/walk 1.mp4", r1.path(), "inside the data folder: stored relative");
            assertEquals(inside, store.recordings().resolve(r1));
            assertEquals(outside.toString(), r2.path(), "outside: stored absolute");
            assertEquals(r1, store.recordings().get(r1.id()));
            assertEquals(info, r1.videoInfoJson());
            assertEquals(OptionalLong.of(s), r1.sessionId());
            assertEquals(Optional.of(r2), store.recordings().findBySha256(SHA_B));
            assertEquals(List.of(r1), store.recordings().listBySession(s));

            assertThrows(DuplicateRecordException.class,
                    () -> store.recordings().add(OptionalLong.empty(), outside, SHA_A, "{}", "unknown"));

            Recording moved = store.recordings().assignSession(r2.id(), OptionalLong.of(s));
            assertEquals(OptionalLong.of(s), moved.sessionId());
            assertEquals(List.of(r1, moved), store.recordings().listBySession(s));
        }
    }

    static RunResults sampleResults(ArtifactRef... artifacts) {
        return new RunResults("{\"strides\":{\"LEFT\":2,\"RIGHT\":2},\"note\":\"ü\"}",
                List.of(MetricValue.of("summary", Side.LEFT, "strideTimeS", 1.0625, "s"),
                        MetricValue.of("summary", Side.RIGHT, "strideTimeS", 1.125, "s"),
                        MetricValue.of("summary", Side.LEFT, "stepLengthM", Double.NaN, "m"),
                        MetricValue.sideless("asymmetry", "stanceTimeSymmetryIndexPct", -7.5, "%"),
                        MetricValue.sideless("indicator", "antalgicRight", 1, "")),
                List.of(new StrideValue(Side.LEFT, 0, "strideTimeS", 1.05, "s"),
                        new StrideValue(Side.LEFT, 0, "stancePct", 61.5, "%"),
                        new StrideValue(Side.LEFT, 1, "strideTimeS", 1.075, "s"),
                        new StrideValue(Side.LEFT, 1, "stancePct", Double.NaN, "%"),
                        new StrideValue(Side.RIGHT, 0, "strideTimeS", 1.1, "s"),
                        new StrideValue(Side.RIGHT, 1, "strideTimeS", 1.15, "s")),
                List.of(artifacts));
    }

    private static long recording(StudyStore store, String sha) {
        return store.recordings().add(OptionalLong.empty(), Path.of("/v/" + sha.substring(0, 6) + ".mp4"), sha, "{}",
                "sagittal").id();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void runLifecycleAndResultsRoundTrip(Backend backend) {
        try (StudyStore store = open(backend)) {
            long rec = recording(store, SHA_A);
            Instant before = Instant.now().minusSeconds(1);
            AnalysisRun queued = store.runs().enqueue(rec, "{\"model\":\"full\"}", "hash1", "0.1.0");
            assertEquals(RunStatus.QUEUED, queued.status());
            assertEquals(0, queued.attempts());
            assertTrue(queued.createdAt().isAfter(before));
            assertEquals(queued, store.runs().enqueue(rec, "{\"model\":\"full\"}", "hash1", "0.2.0"),
                    "same recording and settings: the same run");
            AnalysisRun other = store.runs().enqueue(rec, "{\"model\":\"heavy\"}", "hash2", "0.1.0");
            assertNotEquals(queued.id(), other.id(), "other settings: another run");
            assertTrue(store.runs().findDone(SHA_A, "hash1").isEmpty());

            AnalysisRun claimed = store.runs().claim(queued.id(), "worker-1").orElseThrow();
            assertEquals(RunStatus.RUNNING, claimed.status());
            assertEquals(Optional.of("worker-1"), claimed.worker());
            assertEquals(1, claimed.attempts());
            assertTrue(claimed.startedAt().isPresent() && claimed.heartbeatAt().isPresent());
            assertTrue(store.runs().claim(queued.id(), "worker-2").isEmpty(), "a running run cannot be claimed");
            assertEquals(RunStatus.RUNNING, store.runs().heartbeat(claimed).status());

            Path csv = store.dataDir().resolve("runs/1/strides.csv");
            ArtifactRef artifact = store.writeArtifact("strides-csv", "runs/1/strides.csv",
                    out -> out.write("side,stride\nL,0\n".getBytes(StandardCharsets.UTF_8)));
            // SHA-256 of "side,stride\nL,0\n", computed with sha256sum.
            assertEquals("66498985f2c4e87a8db34179c9fec9bc7be9c13b1ab37fb766f2caa7853002da", artifact.sha256());
            assertTrue(Files.isRegularFile(csv));
            assertEquals(csv, store.resolve(artifact));
            RunResults results = sampleResults(artifact);
            AnalysisRun done = store.runs().complete(claimed, results);
            assertEquals(RunStatus.DONE, done.status());
            assertTrue(done.finishedAt().isPresent());
            assertEquals(Optional.of(done), store.runs().findDone(SHA_A, "hash1"));
            assertTrue(store.runs().findDone(SHA_A, "hash2").isEmpty(), "hash2 is still queued");
            assertTrue(store.runs().findDone(SHA_B, "hash1").isEmpty());

            assertEquals(Optional.of(results.summaryJson()), store.results().summaryJson(done.id()));
            List<MetricValue> metrics = store.results().metrics(done.id());
            assertEquals(List.of(results.metrics().get(4), results.metrics().get(3), results.metrics().get(2),
                    results.metrics().get(0), results.metrics().get(1)), metrics,
                    "side-less first, then LEFT, RIGHT, each by name; NaN comes back as NaN");
            assertEquals(List.of(results.strides().get(1), results.strides().get(0), results.strides().get(3),
                    results.strides().get(2), results.strides().get(4), results.strides().get(5)),
                    store.results().strides(done.id()));
            List<Artifact> artifacts = store.results().artifacts(done.id());
            assertEquals(1, artifacts.size());
            assertEquals(artifact, artifacts.get(0).ref());

            assertTrue(store.runs().claim(done.id(), "worker-2").isEmpty(), "a done run is not claimed again");
            assertThrows(RunStateException.class, () -> store.runs().complete(claimed, results), "already done");
            assertEquals(List.of(done, store.runs().get(other.id())), store.runs().listByRecording(rec));
            assertEquals(1, store.runs().countByStatus().get(RunStatus.DONE));
            assertEquals(1, store.runs().countByStatus().get(RunStatus.QUEUED));
            assertEquals(0, store.runs().countByStatus().get(RunStatus.FAILED));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void failedRunKeepsItsReasonAndCanBeRetried(Backend backend) {
        try (StudyStore store = open(backend)) {
            long rec = recording(store, SHA_A);
            AnalysisRun run = store.runs().enqueue(rec, "{}", "h", "0.1.0");
            AnalysisRun claimed = store.runs().claimNext("w").orElseThrow();
            assertEquals(run.id(), claimed.id());
            assertTrue(store.runs().claimNext("w").isEmpty(), "nothing else queued");
            AnalysisRun failed = store.runs().fail(claimed, "no person found in the video; film the whole body");
            assertEquals(RunStatus.FAILED, failed.status());
            assertEquals(Optional.of("no person found in the video; film the whole body"), failed.errorMessage());
            assertEquals(List.of(failed), store.runs().list(RunStatus.FAILED));
            assertTrue(store.results().summaryJson(run.id()).isEmpty());

            assertThrows(RunStateException.class, () -> store.runs().requeueFailed(store.runs().enqueue(
                    recording(store, SHA_B), "{}", "h", "0.1.0").id()), "a queued run is not failed");
            assertEquals(RunStatus.QUEUED, store.runs().requeueFailed(run.id()).status());
            AnalysisRun again = store.runs().claim(run.id(), "w2").orElseThrow();
            assertEquals(2, again.attempts());
            assertTrue(again.errorMessage().isEmpty());
            assertEquals(RunStatus.DONE, store.runs().complete(again, sampleResults()).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void staleClaimIsRequeuedAndTheOldWorkerIsFencedOff(Backend backend) {
        try (StudyStore store = open(backend)) {
            long rec = recording(store, SHA_A);
            store.runs().enqueue(rec, "{}", "h", "0.1.0");
            AnalysisRun first = store.runs().claimNext("killed-worker").orElseThrow();
            assertEquals(0, store.runs().requeueStale(first.heartbeatAt().orElseThrow()),
                    "heartbeat not older than the cutoff: left alone");
            assertEquals(1, store.runs().requeueStale(Instant.now().plusSeconds(1)));
            AnalysisRun second = store.runs().claimNext("new-worker").orElseThrow();
            assertEquals(first.id(), second.id());
            assertEquals(2, second.attempts());

            RunStateException e = assertThrows(RunStateException.class, () -> store.runs().complete(first, sampleResults()));
            assertTrue(e.getMessage().contains("no longer held"), e.getMessage());
            assertThrows(RunStateException.class, () -> store.runs().heartbeat(first));
            assertThrows(RunStateException.class, () -> store.runs().fail(first, "late"));
            assertTrue(store.results().metrics(first.id()).isEmpty(), "the fenced-off worker wrote nothing");

            store.runs().complete(second, sampleResults());
            assertEquals(RunStatus.DONE, store.runs().get(first.id()).status());
            assertEquals(0, store.runs().requeueStale(Instant.now().plusSeconds(60)), "done runs are never stale");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void failureMidwayThroughStoringResultsLeavesNothing(Backend backend) {
        try (StudyStore store = open(backend)) {
            long rec = recording(store, SHA_A);
            store.runs().enqueue(rec, "{}", "h", "0.1.0");
            AnalysisRun claimed = store.runs().claimNext("w").orElseThrow();
            ArtifactRef artifact = new ArtifactRef("report-pdf", "runs/1/report.pdf", SHA_C);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.runs().complete(claimed,
                    sampleResults(artifact), () -> {
                        throw new IllegalStateException("simulated crash after all rows were inserted");
                    }));
            assertEquals("simulated crash after all rows were inserted", e.getMessage());
            AnalysisRun after = store.runs().get(claimed.id());
            assertEquals(RunStatus.RUNNING, after.status(), "status change rolled back with the rows");
            assertTrue(store.results().summaryJson(claimed.id()).isEmpty());
            assertTrue(store.results().metrics(claimed.id()).isEmpty());
            assertTrue(store.results().strides(claimed.id()).isEmpty());
            assertTrue(store.results().artifacts(claimed.id()).isEmpty());
            assertTrue(store.exports().strideTable(Optional.empty()).rows().isEmpty());

            store.runs().complete(claimed, sampleResults(artifact));
            assertEquals(6, store.results().strides(claimed.id()).size(), "the retry stores everything once");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void exportsPivotStridesAndSessionSides(Backend backend) {
        try (StudyStore store = open(backend)) {
            long p2 = store.patients().create("P002", OptionalDouble.empty(), Optional.empty(), "").id();
            long p1 = store.patients().create("P001", OptionalDouble.empty(), Optional.empty(), "").id();
            long s1 = store.sessions().create(p1, LocalDate.of(2025, 1, 15), "baseline", "").id();
            long s2 = store.sessions().create(p2, LocalDate.of(2025, 1, 10), "baseline", "").id();
            long recA = store.recordings().add(OptionalLong.of(s2), Path.of("/v/a.mp4"), SHA_A, "{}", "sagittal").id();
            long recB = store.recordings().add(OptionalLong.of(s1), Path.of("/v/b.mp4"), SHA_B, "{}", "sagittal").id();
            long runA = store.runs().enqueue(recA, "{}", "h", "0.1.0").id();
            long runB = store.runs().enqueue(recB, "{}", "h", "0.1.0").id();
            store.runs().enqueue(store.recordings().add(OptionalLong.of(s1), Path.of("/v/c.mp4"), SHA_C, "{}", "frontal")
                    .id(), "{}", "h", "0.1.0");
            store.runs().complete(store.runs().claim(runA, "w").orElseThrow(), sampleResults());
            store.runs().complete(store.runs().claim(runB, "w").orElseThrow(), new RunResults("{}",
                    List.of(MetricValue.of("summary", Side.RIGHT, "cadenceStepsPerMin", 104.5, "1/min")),
                    List.of(new StrideValue(Side.RIGHT, 0, "strideTimeS", 1.2, "s"),
                            new StrideValue(Side.RIGHT, 0, "kneeFlexionPeakDeg", 58.25, "deg")),
                    List.of()));

            TidyTable strides = store.exports().strideTable(Optional.empty());
            assertEquals(List.of("patient", "session_date", "session_label", "recording_id", "recording_path", "view",
                    "run_id", "settings_hash", "software_version", "side", "stride_index", "recording",
                    "kneeFlexionPeakDeg", "stancePct", "strideTimeS"), strides.columns());
            // P001's one stride first (patients in order), then P002's 2 + 2 strides; the queued run adds nothing.
            assertEquals(5, strides.rows().size());
            assertEquals(List.of("P001", "2025-01-15", "baseline", recB, "/v/b.mp4", "sagittal", runB, "h", "0.1.0",
                    "RIGHT", 0L, "b.mp4"), strides.rows().get(0).subList(0, 12));
            assertEquals(58.25, strides.cell(0, "kneeFlexionPeakDeg"));
            assertEquals(1.2, strides.cell(0, "strideTimeS"));
            assertEquals(null, strides.cell(0, "stancePct"), "metric this run does not have");
            assertEquals("P002", strides.cell(1, "patient"));
            assertEquals("LEFT", strides.cell(1, "side"));
            assertEquals(0L, strides.cell(1, "stride_index"));
            assertEquals(61.5, strides.cell(1, "stancePct"));
            assertEquals(1L, strides.cell(2, "stride_index"));
            assertTrue(((Double) strides.cell(2, "stancePct")).isNaN(), "NaN stays NaN");
            assertEquals(1.075, strides.cell(2, "strideTimeS"));
            assertEquals("RIGHT", strides.cell(4, "side"));
            assertEquals(1.15, strides.cell(4, "strideTimeS"));
            assertEquals(4, store.exports().strideTable(Optional.of("P002")).rows().size(),
                    "filter by patient: P002's 4 strides");

            TidyTable sides = store.exports().sessionSideTable(Optional.of("P002"));
            assertEquals(List.of("antalgicRight", "stanceTimeSymmetryIndexPct", "stepLengthM", "strideTimeS"),
                    sides.columns().subList(ExportQueries.CONTEXT_COLUMNS.size() + 1, sides.columns().size()));
            assertEquals(1L, sides.cell(0, "recordings"), "one recording per run");
            assertEquals(2, sides.rows().size(), "one row per side");
            assertEquals("LEFT", sides.cell(0, "side"));
            assertEquals(1.0625, sides.cell(0, "strideTimeS"));
            assertTrue(((Double) sides.cell(0, "stepLengthM")).isNaN());
            assertEquals(-7.5, sides.cell(0, "stanceTimeSymmetryIndexPct"), "side-less value on each side's row");
            assertEquals("RIGHT", sides.cell(1, "side"));
            assertEquals(1.125, sides.cell(1, "strideTimeS"));
            assertEquals(null, sides.cell(1, "stepLengthM"));
            assertEquals(-7.5, sides.cell(1, "stanceTimeSymmetryIndexPct"));
            assertEquals(1.0, sides.cell(1, "antalgicRight"));

            StringBuilder csv = new StringBuilder();
            store.exports().sessionSideTable(Optional.of("P001")).writeCsv(csv);
            assertEquals("patient,session_date,session_label,recording_id,recording_path,view,run_id,settings_hash,"
                    + "software_version,side,recordings,cadenceStepsPerMin\n"
                    + "P001,2025-01-15,baseline," + recB + ",/v/b.mp4,sagittal," + runB + ",h,0.1.0,RIGHT,1,104.5\n",
                    csv.toString());
            assertFalse(store.exports().sessionSideTable(Optional.of("P404")).rows().iterator().hasNext());
        }
    }
}
