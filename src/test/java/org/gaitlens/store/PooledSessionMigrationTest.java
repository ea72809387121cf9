package org.gaitlens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import org.flywaydb.core.Flyway;
import org.gaitlens.store.TestDatabase.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Schema version 3 (pooled sessions) on a store written before it: its sessions stay one-recording sessions with
 * their runs and results, and new runs may cover several recordings and supersede old ones.
 */
class PooledSessionMigrationTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String SHA_C = "c".repeat(64);
    private static final String T = "2024-03-01T10:00:00.000Z";

    @TempDir
    Path dir;

    private TestDatabase database;

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anOldStoreKeepsItsSessionsAsOneRecordingSessions(Backend backend) throws Exception {
        database = TestDatabase.create(backend, dir);
        StoreConfig config = database.config();
        Dialect dialect = Dialect.of(config.effectiveJdbcUrl());
        Files.createDirectories(dir);
        // A store as gaitlens wrote it before schema version 3: two sessions, each one recording with a done run.
        Flyway.configure(StudyStore.class.getClassLoader()).dataSource(config.effectiveJdbcUrl(), null, null)
                .locations("classpath:org/gaitlens/store/migration").placeholders(dialect.placeholders())
                .target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(config.effectiveJdbcUrl()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO patient (id, pseudonym, notes, created_at) VALUES (7, 'P01', '', '" + T + "')");
            st.execute("INSERT INTO gait_session (id, patient_id, session_date, label, created_at) VALUES "
                    + "(3, 7, '2024-03-01', 'baseline', '" + T + "'), (4, 7, '2024-04-01', 'followup', '" + T + "')");
            st.execute("INSERT INTO recording (id, session_id, file_path, sha256, video_info_json, view, added_at) "
                    + "VALUES (11, 3, 'in/a.mp4', '" + SHA_A + "', '{}', 'sagittal', '" + T + "'), "
                    + "(12, 4, 'in/b.mp4', '" + SHA_B + "', '{}', 'sagittal', '" + T + "')");
            st.execute("INSERT INTO analysis_run (id, recording_id, settings_hash, settings_json, software_version, "
                    + "status, attempts, created_at, finished_at) VALUES "
                    + "(21, 11, 'h', '{}', '0.9', 'DONE', 1, '" + T + "', '" + T + "'), "
                    + "(22, 12, 'h', '{}', '0.9', 'FAILED', 1, '" + T + "', '" + T + "')");
            st.execute("INSERT INTO run_summary (run_id, summary_json, stored_at) VALUES (21, '{\"x\":1}', '" + T + "')");
            st.execute("INSERT INTO stride_metric (run_id, side, stride_index, metric, value, unit) VALUES "
                    + "(21, 'LEFT', 0, 'stride_time_s', 1.1, 's')");
            if (dialect == Dialect.POSTGRESQL) {
                // Explicit ids do not move PostgreSQL's identity counters; new rows must come after these.
                for (String table : List.of("patient", "gait_session", "recording", "analysis_run")) {
                    st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), 100)");
                }
            }
        }

        try (StudyStore store = database.open()) {
            assertEquals("3", store.schemaVersion());
            assertEquals(List.of(11L), store.runs().recordingIds(21));
            assertEquals(List.of(12L), store.runs().recordingIds(22));
            AnalysisRun old = store.runs().get(21);
            assertEquals(RunStatus.DONE, old.status());
            assertFalse(old.superseded(), "a migrated run is current");
            assertEquals(List.of(old), store.runs().listBySession(3));
            assertEquals(List.of(old), store.runs().listByRecording(11));
            assertEquals("{\"x\":1}", store.results().summaryJson(21).orElseThrow(), "results survive");
            assertEquals(1, store.results().strides(21).size());

            // A clip is added to the baseline session: the pooled run covers both, the old one is kept superseded.
            long added = store.recordings().add(OptionalLong.of(3), Path.of("/in/c.mp4"), SHA_C, "{}", "sagittal").id();
            AnalysisRun pooled = store.runs().enqueue(List.of(11L, added), "{}", "h+" + SHA_A + SHA_C, "1.0");
            assertNotEquals(old.id(), pooled.id(), "another set of recordings is another run");
            assertEquals(11, pooled.recordingId(), "the first recording of the set");
            assertEquals(List.of(11L, added), store.runs().recordingIds(pooled.id()));
            assertEquals(pooled, store.runs().enqueue(List.of(11L, added), "{}", "h+" + SHA_A + SHA_C, "1.1"),
                    "the same set and settings: the same run");
            AnalysisRun finished = store.runs().complete(store.runs().claim(pooled.id(), "w").orElseThrow(),
                    new RunResults("{}", List.of(), List.of(), List.of()));
            AnalysisRun superseded = store.runs().get(old.id());
            assertEquals(OptionalLong.of(pooled.id()), superseded.supersededBy(), "finishing the pooled run "
                    + "supersedes the run of its first recording alone");
            assertEquals(RunStatus.DONE, superseded.status(), "a superseded run keeps its status");
            assertEquals("{\"x\":1}", store.results().summaryJson(21).orElseThrow(), "and its results");
            assertFalse(store.runs().get(22).superseded(), "a run of another session stays current");
            assertEquals(superseded, store.runs().supersede(old.id(), pooled.id()), "superseding again changes nothing");
            assertEquals(List.of(superseded, finished), store.runs().listBySession(3));
            assertEquals(List.of(finished), store.runs().listByRecording(added));
            assertThrows(IllegalArgumentException.class, () -> store.runs().supersede(pooled.id(), pooled.id()));
            assertThrows(IllegalArgumentException.class,
                    () -> store.runs().enqueue(List.of(11L, 11L), "{}", "x", "1.0"), "a recording twice");
        }
        try (StudyStore store = database.open()) {
            assertTrue(store.runs().get(21).superseded(), "re-opening changes nothing");
        }
    }
}
