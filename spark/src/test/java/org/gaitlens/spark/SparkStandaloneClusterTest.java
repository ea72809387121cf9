package org.gaitlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.ItemOutcome;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StudyStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job on a real standalone cluster on 127.0.0.1 (a master and two one-core workers, separate JVMs) over the
 * bundled samples (every landmark file and one video), ingesting into PostgreSQL ({@code GAITLENS_TEST_PG_URL}, as
 * the store tests: skipped on a developer machine without it, a failure under {@code CI=true}); then a rerun that
 * skips everything.
 */
class SparkStandaloneClusterTest {
    private static final String[] SAMPLES = {"antalgic", "foot_drop", "knee_pattern", "knee_pattern_both", "normal",
        "series_patientA_s1", "series_patientA_s2", "series_patientA_s3", "trunk_list", "weak_push_off"};

    @TempDir
    Path tmp;

    @Test
    void bundledSamplesOnTwoWorkersIntoPostgresqlThenRerunSkips() throws Exception {
        String url = System.getenv("GAITLENS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("GAITLENS_TEST_PG_URL is not set but CI=true: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("GAITLENS_TEST_PG_URL not set: the cluster test needs PostgreSQL");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < SAMPLES.length; i++) {
            files.put(String.format("S%02d/2024-05-%02d_lab", i + 1, i + 1), SAMPLES[i] + ".landmarks.csv");
        }
        files.put("V01/2024-06-01_lab", "normal.mp4");
        Path manifest = SparkTestStudies.study(tmp.resolve("study"), files);
        String schema = "spark_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        StoreConfig store = StoreConfig.jdbc(tmp.resolve("data"), url + (url.contains("?") ? "&" : "?")
                + "currentSchema=" + schema);
        try (StandaloneCluster cluster = new StandaloneCluster(tmp.resolve("cluster"), 2, 1280)) {
            BatchReport first = SparkTestStudies.batch(new SparkBatchEngine(), manifest.toString(), store,
                    Optional.of(cluster.masterUrl()), cluster.driverConf(2));
            assertEquals(files.size(), SparkTestStudies.count(first, ItemOutcome.Status.DONE),
                    first.outcomes() + "\n" + cluster.logTails());
            try (StudyStore s = StudyStore.open(store)) {
                assertEquals(files.size(), s.runs().list(RunStatus.DONE).size());
                assertEquals(files.size(), s.patients().list().size());
            }
            BatchReport again = SparkTestStudies.batch(new SparkBatchEngine(), manifest.toString(), store,
                    Optional.of(cluster.masterUrl()), cluster.driverConf(2));
            assertEquals(files.size(), SparkTestStudies.count(again, ItemOutcome.Status.SKIPPED),
                    again.outcomes().toString());
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
