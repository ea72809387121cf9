package org.gaitlens.store;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A video (or motion-capture file), identified by the SHA-256 of its content.
 *
 * @param id            database id
 * @param sessionId     the session it belongs to, empty when not yet assigned
 * @param path          where it was found: relative to the data directory when inside it, else absolute
 * @param sha256        SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param videoInfoJson what the container says (size, frame rate, rotation, codec), as JSON text
 * @param view          camera view as the caller names it (e.g. {@code sagittal}, {@code frontal},
 *                      {@code unknown})
 * @param addedAt       when it was added
 */
public record Recording(
        long id,
        OptionalLong sessionId,
        String path,
        String sha256,
        String videoInfoJson,
        String view,
        Instant addedAt) {

    public Recording {
        Checks.positiveId("id", id);
        Objects.requireNonNull(sessionId, "sessionId");
        Checks.notBlank("path", path);
        Checks.sha256("sha256", sha256);
        Checks.notBlank("videoInfoJson", videoInfoJson);
        Checks.notBlank("view", view);
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
