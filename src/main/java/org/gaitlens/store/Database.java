package org.gaitlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections and transactions for the repositories. Every operation takes its own connection from the data
 * source (SQLite: a new one, cheap; PostgreSQL: from a pool) and gives it back, so one {@link StudyStore} serves
 * any number of threads. Write transactions are
 * retried when the database reports lock contention (SQLite {@code SQLITE_BUSY} after the busy timeout,
 * PostgreSQL serialization failures and deadlocks); the work passed in must therefore only touch the database.
 */
final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Whole-transaction retries after a transient failure; each waits a little longer (see backoff). */
    private static final int MAX_ATTEMPTS = 20;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String description;

    Database(DataSource dataSource, Dialect dialect, String description) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
    }

    Dialect dialect() {
        return dialect;
    }

    private volatile boolean closed;

    void close() {
        closed = true;
        if (dataSource instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.warn("closing the connections of {} failed: {}", description, e.toString());
            }
        }
    }

    Connection connection() throws SQLException {
        if (closed) {
            throw new StoreException("the study store " + description + " is closed");
        }
        return dataSource.getConnection();
    }

    /** Runs read-only work on an auto-commit connection. */
    <T> T read(SqlWork<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work in one transaction: all of it is committed, or none of it. */
    <T> T write(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                if (dialect.isTransient(e) && attempt < MAX_ATTEMPTS) {
                    LOG.debug("transient database failure (attempt {}), retrying: {}", attempt, e.getMessage());
                    backoff(attempt);
                    continue;
                }
                throw failure(e);
            }
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void backoff(int attempt) {
        try {
            // Grows to about 0.5 s; jitter spreads out workers that collided.
            long ms = Math.min(500, 5L << Math.min(attempt, 7)) + (long) (Math.random() * 10);
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", ie);
        }
    }

    /** Translates a JDBC failure into a store exception that names the database. */
    StoreException failure(SQLException e) {
        if (dialect.isUniqueViolation(e)) {
            return new DuplicateRecordException("already in the store: " + e.getMessage(), e);
        }
        if (dialect.isTransient(e)) {
            return new StoreException("the database " + description + " stayed busy: " + e.getMessage()
                    + "; another gaitlens may be holding it", e);
        }
        return new StoreException("database error in " + description + ": " + e.getMessage(), e);
    }

    // ---- column helpers shared by the repositories ----

    static String timestamp(Instant t) {
        return TIMESTAMP.format(t);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs.getString(column)));
    }

    static void setNullableDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static void setOptionalDouble(PreparedStatement ps, int index, OptionalDouble value) throws SQLException {
        setNullableDouble(ps, index, value.orElse(Double.NaN));
    }

    static void setOptionalLong(PreparedStatement ps, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.getAsLong());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** Reads a nullable floating-point column: SQL NULL is NaN. */
    static double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Reads the id that an {@code INSERT ... RETURNING id} statement produced. */
    static long insertReturningId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("INSERT ... RETURNING id returned no row");
            }
            return rs.getLong(1);
        }
    }
}
