package org.gaitlens.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A study: patients, sessions, recordings, analysis runs and their results in a database, artifacts as files in
 * the data directory. Opening it creates the database when missing and brings its schema up to date (Flyway
 * migrations in {@code org/gaitlens/store/migration}); opening an up-to-date store changes nothing.
 *
 * <p>Databases. The default is an embedded SQLite file {@code DATA/gaitlens.db}: nothing to install, one file
 * per study, safe for several processes on one machine (write-ahead log, a busy timeout, and write
 * transactions that take the write lock when they begin, so concurrent writers wait instead of failing).
 * Clinics with several users point {@link StoreConfig#jdbcUrl()} at PostgreSQL; the same code and the same
 * migration script run on both.
 *
 * <p>Threads. A store may be shared by any number of threads: every operation uses its own connection.
 */
public final class StudyStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudyStore.class);
    /** How long an SQLite writer waits for another one before the transaction is retried. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    /** Server connections one store keeps at most (a batch uses one per worker thread, the web app a few). */
    static final int POSTGRES_POOL_SIZE = 8;
    /** How long an operation waits for a PostgreSQL connection before failing. */
    static final int POSTGRES_CONNECT_TIMEOUT_MS = 15_000;
    private static final String MIGRATIONS = "classpath:org/gaitlens/store/migration";
    /** Serialises migrations of one SQLite file inside this JVM (file locks are per process). */
    private static final Map<Path, ReentrantLock> MIGRATION_LOCKS = new ConcurrentHashMap<>();

    private final StoreConfig config;
    private final Database db;
    private final String schemaVersion;
    private final PatientRepository patients;
    private final SessionRepository sessions;
    private final RecordingRepository recordings;
    private final ResultRepository results;
    private final RunRepository runs;
    private final ExportQueries exports;
    private final UserRepository users;
    private final WebSessionRepository webSessions;
    private final PublicRefRepository publicRefs;
    private final AuditLog audit;

    private StudyStore(StoreConfig config, Database db, String schemaVersion) {
        this.config = config;
        this.db = db;
        this.schemaVersion = schemaVersion;
        this.patients = new PatientRepository(db);
        this.sessions = new SessionRepository(db);
        this.recordings = new RecordingRepository(db, config.dataDir());
        this.results = new ResultRepository(db);
        this.runs = new RunRepository(db, results);
        this.exports = new ExportQueries(db);
        this.users = new UserRepository(db);
        this.webSessions = new WebSessionRepository(db, users);
        this.publicRefs = new PublicRefRepository(db);
        this.audit = new AuditLog(db);
    }

    /**
     * Opens (and creates or migrates) the study store.
     *
     * @throws StoreException when the folder cannot be created, the database cannot be reached or is locked, or
     *                        it was written by a newer gaitlens
     */
    public static StudyStore open(StoreConfig config) {
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot open store at " + dir + ": cannot create the folder (" + e + ")", e);
        }
        String url = config.effectiveJdbcUrl();
        Dialect dialect = Dialect.of(url);
        DataSource dataSource = dialect == Dialect.SQLITE ? sqlite(url) : postgres(config);
        String where = config.jdbcUrl().isPresent() ? config.describe() : dir.toString();
        Database db = new Database(dataSource, dialect, where);
        try {
            String version = dialect == Dialect.SQLITE
                    ? withFileLock(url, dir, () -> migrate(dataSource, dialect, where))
                    : migrate(dataSource, dialect, where);
            LOG.debug("opened study store {} (schema version {})", where, version);
            return new StudyStore(config, db, version);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static DataSource sqlite(String url) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a committed transaction survives the process being killed; only a power cut
        // can lose the last ones, never corrupt the file.
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.enforceForeignKeys(true);
        // BEGIN IMMEDIATE: a write transaction takes the write lock when it starts, so two writers never both
        // read and then fail to upgrade (SQLITE_BUSY that no busy timeout can resolve).
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl(url);
        return ds;
    }

    /** A small pool of server connections; opening one per operation would cost tens of milliseconds each. */
    private static HikariDataSource postgres(StoreConfig config) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(config.jdbcUrl().orElseThrow());
        config.user().ifPresent(pg::setUser);
        config.password().ifPresent(pg::setPassword);
        pg.setApplicationName("gaitlens");
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(pg);
        hc.setPoolName("gaitlens-store");
        hc.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        hc.setMinimumIdle(0);
        hc.setConnectionTimeout(POSTGRES_CONNECT_TIMEOUT_MS);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open store at " + config.describe() + ": " + rootMessage(e)
                    + "; is the PostgreSQL server running and the URL right?", e);
        }
    }

    private interface Migration {
        String run();
    }

    /** Holds a lock file beside the SQLite database while migrating, so two processes never migrate at once. */
    private static String withFileLock(String url, Path dataDir, Migration migration) {
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) {
            file = file.substring(0, q);
        }
        Path db = file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")
                ? dataDir.resolve(StoreConfig.EMBEDDED_DB_FILE) : Path.of(file).toAbsolutePath().normalize();
        Path lockFile = db.resolveSibling(db.getFileName() + ".migrate-lock");
        ReentrantLock local = MIGRATION_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = ch.lock();
            try {
                return migration.run();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new StoreException("cannot open store at " + dataDir + ": cannot lock " + lockFile + " (" + e
                    + "); another gaitlens may be holding it", e);
        } finally {
            local.unlock();
        }
    }

    private static String migrate(DataSource dataSource, Dialect dialect, String where) {
        try {
            Flyway flyway = Flyway.configure(StudyStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .placeholders(dialect.placeholders())
                    .failOnMissingLocations(true)
                    .load();
            for (MigrationInfo info : flyway.info().all()) {
                if (info.getState() == MigrationState.FUTURE_SUCCESS) {
                    throw new StoreException("cannot open store at " + where + ": it was written by a newer gaitlens "
                            + "(schema version " + info.getVersion() + "); update gaitlens to use it");
                }
            }
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("study store {}: applied {} schema migration(s), now at version {}", where,
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
            MigrationInfo current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreException("cannot open store at " + where + ": " + rootMessage(e)
                    + (where.contains("postgresql") ? "; is the PostgreSQL server running and the URL right?"
                            : "; another gaitlens may be holding it"), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    /** The configuration the store was opened with. */
    public StoreConfig config() {
        return config;
    }

    /** The study's folder: artifacts live here, referenced by paths relative to it. */
    public Path dataDir() {
        return config.dataDir();
    }

    /** Whether this is the embedded SQLite database (else PostgreSQL). */
    public boolean isEmbedded() {
        return db.dialect() == Dialect.SQLITE;
    }

    /** The database schema version after migration, e.g. {@code 1}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    public PatientRepository patients() {
        return patients;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public RecordingRepository recordings() {
        return recordings;
    }

    public RunRepository runs() {
        return runs;
    }

    public ResultRepository results() {
        return results;
    }

    public ExportQueries exports() {
        return exports;
    }

    /** Web app accounts and patient access. */
    public UserRepository users() {
        return users;
    }

    /** Signed-in web app sessions. */
    public WebSessionRepository webSessions() {
        return webSessions;
    }

    /** Unguessable ids for web app URLs. */
    public PublicRefRepository publicRefs() {
        return publicRefs;
    }

    /** The web app's audit log. */
    public AuditLog audit() {
        return audit;
    }

    /** Where an artifact's file is. */
    public Path resolve(ArtifactRef artifact) {
        return dataDir().resolve(artifact.relativePath());
    }

    /** Functional writer of an artifact's bytes. */
    @FunctionalInterface
    public interface ArtifactWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes an artifact file atomically: the bytes go to a temporary file beside the target, are flushed to
     * disk, and the file is then renamed over the target in one step. A process killed at any moment leaves
     * either the old file or the complete new one (and at worst a stray {@code .tmp} file), never a half-written
     * artifact.
     *
     * @param kind         artifact kind
     * @param relativePath where to write, relative to the data directory ({@code /} separators)
     * @param writer       writes the content
     * @return the reference to store with the run's results (its SHA-256 computed while writing)
     * @throws StoreException when the file cannot be written
     */
    public ArtifactRef writeArtifact(String kind, String relativePath, ArtifactWriter writer) {
        ArtifactRef.checkRelativePath(relativePath);
        Path target = dataDir().resolve(relativePath).normalize();
        if (!target.startsWith(dataDir())) {
            throw new IllegalArgumentException("relativePath must stay inside the data directory, was " + relativePath);
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(ch), sha)) {
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return new ArtifactRef(kind, relativePath, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new StoreException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    LOG.debug("could not delete temporary file {}", tmp);
                }
            }
        }
    }

    /** Checks that the database answers (for health checks of the web app). */
    public void ping() {
        db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                rs.next();
                return null;
            }
        });
    }

    /** Opens a raw connection (package-private: tests inspect the schema through it). */
    Connection connection() throws SQLException {
        return db.connection();
    }

    /** Releases the database connections (PostgreSQL pool); the store cannot be used afterwards. */
    @Override
    public void close() {
        db.close();
    }
}
