package org.gaitlens.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a study lives.
 *
 * <p>{@code dataDir} always holds the artifacts (CSV, reports, overlay videos), referenced from the database by
 * paths relative to it. Without {@code jdbcUrl} it also holds the embedded database {@code gaitlens.db}
 * (SQLite); with one ({@code jdbc:postgresql://host:port/db?...} or {@code jdbc:sqlite:FILE}) the database is
 * there instead, so that several users of a clinic share one study.
 *
 * @param dataDir  the study's folder (created when missing)
 * @param jdbcUrl  a JDBC URL of the database, empty for the embedded database in {@code dataDir}
 * @param user     database user, empty to use the URL's (or none)
 * @param password database password, empty to use the URL's (or none)
 */
public record StoreConfig(Path dataDir, Optional<String> jdbcUrl, Optional<String> user, Optional<String> password) {

    /** File name of the embedded database inside the data directory. */
    public static final String EMBEDDED_DB_FILE = "gaitlens.db";

    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        dataDir = dataDir.toAbsolutePath().normalize();
        if (jdbcUrl.isPresent() && !jdbcUrl.get().startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:, was " + jdbcUrl.get());
        }
    }

    /**
     * The study folder used when none is given: {@code reports/} in the gaitlens installation (system property
     * {@code gaitlens.home}, set by the launcher), else {@code reports/} in the working directory.
     */
    public static Path defaultDataDir() {
        String home = System.getProperty("gaitlens.home");
        return (home == null || home.isBlank() ? Path.of("reports") : Path.of(home, "reports")).toAbsolutePath();
    }

    /** The embedded SQLite database in {@code dataDir}. */
    public static StoreConfig embedded(Path dataDir) {
        return new StoreConfig(dataDir, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A database named by a JDBC URL (credentials in the URL or none), artifacts in {@code dataDir}. */
    public static StoreConfig jdbc(Path dataDir, String jdbcUrl) {
        return new StoreConfig(dataDir, Optional.of(jdbcUrl), Optional.empty(), Optional.empty());
    }

    /** The JDBC URL actually used: the given one, or the embedded database's. */
    public String effectiveJdbcUrl() {
        return jdbcUrl.orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve(EMBEDDED_DB_FILE));
    }

    /** The URL with any password parameter masked, for messages and logs. */
    public String describe() {
        return effectiveJdbcUrl().replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreConfig[dataDir=" + dataDir + ", jdbcUrl=" + describe() + ", user=" + user.orElse("") + "]";
    }
}
