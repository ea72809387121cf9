package org.gaitlens.spark;

import java.net.URI;
import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * Where a job's results live under its output folder (any Hadoop file system):
 * <pre>
 * OUT/artifacts/run_key=KEY/     the session folder of each done run (report, CSV files, summary.json, ...)
 * OUT/TABLE/run_key=KEY/*.parquet  the rows of each run, one table per folder (ResultTables)
 * OUT/_temporary/...             a task's artefact folder before it is renamed into place
 * </pre>
 * A run's key names its content and settings: {@code <first 16 hex digits of the content's SHA-256>-<first 16 of
 * the settings hash>}; the full hashes are in the rows ({@code content_sha256}, {@code settings_hash}).
 */
final class ResultLayout {
    static final String ARTIFACTS = "artifacts";
    static final String TEMPORARY = "_temporary";
    private static final int KEY_HEX_DIGITS = 16;

    private final URI out;

    ResultLayout(URI out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A run's key from its content hash and settings hash. */
    static String key(String contentSha256, String settingsHash) {
        return contentSha256.substring(0, KEY_HEX_DIGITS) + "-" + settingsHash.substring(0, KEY_HEX_DIGITS);
    }

    URI uri() {
        return out;
    }

    /** The folder of a table. */
    Path table(String name) {
        return new Path(new Path(out), name);
    }

    /** A run's partition of a table. */
    Path partition(String table, String key) {
        return new Path(table(table), ResultTables.RUN_KEY + "=" + key);
    }

    /** The published session folder of a run. */
    Path artifacts(String key) {
        return partition(ARTIFACTS, key);
    }

    /** The folder a task attempt fills before renaming it to {@link #artifacts}. */
    Path temporaryArtifacts(String key, long taskAttemptId) {
        return new Path(new Path(new Path(out), TEMPORARY), ARTIFACTS + "-" + key + "-" + taskAttemptId);
    }
}
