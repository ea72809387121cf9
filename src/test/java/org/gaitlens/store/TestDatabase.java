package org.gaitlens.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test, on either backend. SQLite: a new data folder. PostgreSQL: a new schema
 * in the server named by {@code GAITLENS_TEST_PG_URL} (started by {@code .ci/postgres.sh}), dropped on close.
 * Without that variable the PostgreSQL variant is skipped on a developer machine, and fails when {@code CI=true}:
 * CI must never skip it silently.
 */
final class TestDatabase implements AutoCloseable {
    static final String PG_URL_VARIABLE = "GAITLENS_TEST_PG_URL";

    enum Backend {
        SQLITE,
        POSTGRESQL
    }

    private final StoreConfig config;
    private final String pgAdminUrl;
    private final String schema;

    private TestDatabase(StoreConfig config, String pgAdminUrl, String schema) {
        this.config = config;
        this.pgAdminUrl = pgAdminUrl;
        this.schema = schema;
    }

    static TestDatabase create(Backend backend, Path dataDir) {
        if (backend == Backend.SQLITE) {
            return new TestDatabase(StoreConfig.embedded(dataDir), null, null);
        }
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(PG_URL_VARIABLE + " is not set but CI=true: .ci/run must start PostgreSQL (.ci/postgres.sh)"
                        + " so the store tests run against it");
            }
            Assumptions.abort(PG_URL_VARIABLE + " not set: PostgreSQL variant skipped (run eval \"$(.ci/postgres.sh start)\")");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + PG_URL_VARIABLE + ": " + e.getMessage(), e);
        }
        String storeUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(StoreConfig.jdbc(dataDir, storeUrl), url, schema);
    }

    StoreConfig config() {
        return config;
    }

    StudyStore open() {
        return StudyStore.open(config);
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(pgAdminUrl); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
