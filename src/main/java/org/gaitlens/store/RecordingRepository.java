package org.gaitlens.store;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recordings, one per file content (SHA-256). Paths inside the data directory are stored relative to it, so a
 * study folder can be moved; paths outside it are stored absolute.
 */
public final class RecordingRepository {
    private static final String COLUMNS = "id, session_id, file_path, sha256, video_info_json, view, added_at";

    private final Database db;
    private final Path dataDir;

    RecordingRepository(Database db, Path dataDir) {
        this.db = db;
        this.dataDir = dataDir;
    }

    /**
     * Adds a recording.
     *
     * @param sessionId     the session it belongs to, or empty
     * @param file          the file (relative paths are taken as relative to the working directory)
     * @param sha256        SHA-256 of its content
     * @param videoInfoJson container facts as JSON text ({@code {}} when unknown)
     * @param view          camera view name ({@code unknown} when not known)
     * @throws DuplicateRecordException when a recording with this content is already stored
     */
    public Recording add(OptionalLong sessionId, Path file, String sha256, String videoInfoJson, String view) {
        return insert(sessionId, storedPath(file), sha256, videoInfoJson, view);
    }

    /**
     * Adds a recording named by a URI: a {@code file:} URI as {@link #add(OptionalLong, Path, String, String, String)}
     * does its path; another file system's ({@code hdfs://...}, {@code s3a://...}, read by the Spark engine) as the
     * URI itself, which {@link #resolve} cannot open on this machine.
     *
     * @throws DuplicateRecordException when a recording with this content is already stored
     */
    public Recording add(OptionalLong sessionId, URI location, String sha256, String videoInfoJson, String view) {
        String stored = "file".equalsIgnoreCase(location.getScheme()) ? storedPath(Path.of(location))
                : location.toString();
        return insert(sessionId, stored, sha256, videoInfoJson, view);
    }

    private Recording insert(OptionalLong sessionId, String stored, String sha256, String videoInfoJson, String view) {
        Checks.sha256("sha256", sha256);
        Checks.notBlank("videoInfoJson", videoInfoJson);
        Checks.notBlank("view", view);
        Instant now = Instant.now();
        try {
            long id = db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO recording "
                        + "(session_id, file_path, sha256, video_info_json, view, added_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "RETURNING id")) {
                    Database.setOptionalLong(ps, 1, sessionId);
                    ps.setString(2, stored);
                    ps.setString(3, sha256);
                    ps.setString(4, videoInfoJson);
                    ps.setString(5, view);
                    ps.setString(6, Database.timestamp(now));
                    return Database.insertReturningId(ps);
                }
            });
            return get(id);
        } catch (DuplicateRecordException e) {
            throw new DuplicateRecordException("a recording with content " + sha256 + " is already stored (as "
                    + findBySha256(sha256).map(Recording::path).orElse("?") + ")", e);
        }
    }

    /** The recording with this database id. */
    public Recording get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM recording WHERE id = ?")) {
                ps.setLong(1, id);
                return one(ps);
            }
        }).orElseThrow(() -> new RecordNotFoundException("no recording with id " + id));
    }

    /** The recording with this content, if any. */
    public Optional<Recording> findBySha256(String sha256) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM recording WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                return one(ps);
            }
        });
    }

    /** A session's recordings, in the order they were added. */
    public List<Recording> listBySession(long sessionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM recording WHERE session_id = ? ORDER BY id")) {
                ps.setLong(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Recording> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * Puts a recording into a session (or takes it out with an empty id).
     *
     * @throws RecordNotFoundException when the recording does not exist
     */
    public Recording assignSession(long recordingId, OptionalLong sessionId) {
        int n = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE recording SET session_id = ? WHERE id = ?")) {
                Database.setOptionalLong(ps, 1, sessionId);
                ps.setLong(2, recordingId);
                return ps.executeUpdate();
            }
        });
        if (n != 1) {
            throw new RecordNotFoundException("no recording with id " + recordingId);
        }
        return get(recordingId);
    }

    /** Where a stored recording path points: relative paths are resolved against the data directory. */
    public Path resolve(Recording recording) {
        Path p = Path.of(recording.path());
        return p.isAbsolute() ? p : dataDir.resolve(p);
    }

    private String storedPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(dataDir) && !abs.equals(dataDir)) {
            return dataDir.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
        }
        return abs.toString();
    }

    private static Optional<Recording> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static Recording map(ResultSet rs) throws SQLException {
        return new Recording(
                rs.getLong("id"),
                Database.optionalLong(rs, "session_id"),
                rs.getString("file_path"),
                rs.getString("sha256"),
                rs.getString("video_info_json"),
                rs.getString("view"),
                Database.instant(rs.getString("added_at")));
    }
}
