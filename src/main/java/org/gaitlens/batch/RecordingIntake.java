package org.gaitlens.batch;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.gaitlens.core.Checksums;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.Recording;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;

/**
 * The one way a recording enters a study, shared by the batch runner and the web upload.
 *
 * <p>The rule (the same words are in {@code docs/batch.md} and {@code docs/web.md}): a recording is identified by
 * the SHA-256 of its file's content, and the same content for the same patient is one recording: it is never added
 * twice, whatever the file is called and whichever session it is filed under. {@link #register} computes the
 * checksum and answers
 * <ul>
 *   <li>{@link Kind#ADDED}: the study did not hold the content; it is now a recording of the requested session
 *       (created when missing);</li>
 *   <li>{@link Kind#KNOWN}: the patient already has this recording; it is returned unchanged, with the session it
 *       was filed under (which may differ from the requested one);</li>
 *   <li>{@link Kind#OTHER_PATIENT}: another patient holds this content; nothing is changed. The store keeps one
 *       recording per content (a video shows one person), so the caller refuses the file; what it may tell the
 *       user about that other patient is the caller's decision (the web app tells nothing to a therapist who
 *       may not see that patient).</li>
 * </ul>
 * A stored recording of this content that belongs to no session (older stores) is put into the requested session
 * and counts as added. Safe when several workers register the same file at once: the store's uniqueness of the
 * content decides, and the loser sees the winner's recording.
 */
public final class RecordingIntake {

    /** What {@link #register} found. */
    public enum Kind {
        /** New for this patient: now a recording of the requested session. */
        ADDED,
        /** Already a recording of this patient; nothing added. */
        KNOWN,
        /** Held by another patient; nothing added or changed. */
        OTHER_PATIENT
    }

    /**
     * The outcome of registering a file.
     *
     * @param kind      what was found
     * @param recording the recording: the added one, or the stored one with the same content
     * @param session   the session the recording is filed under: the requested one when {@link Kind#ADDED}, else
     *                  the stored one (for {@link Kind#OTHER_PATIENT} a session of another patient)
     */
    public record Result(Kind kind, Recording recording, SessionRecord session) {
        public Result {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(recording, "recording");
            Objects.requireNonNull(session, "session");
        }

        /** Whether the recording is filed under this date and label. */
        public boolean isFiledUnder(LocalDate date, String label) {
            return session.date().equals(date) && session.label().equals(label);
        }
    }

    private final StudyStore store;

    public RecordingIntake(StudyStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Registers a file as a recording of a patient (see the class comment for the rule).
     *
     * @param file          the file; stored under this path when added
     * @param patientId     the patient it is for
     * @param sessionDate   the session it is filed under when added
     * @param label         that session's label
     * @param view          camera view name ({@code unknown} when not known)
     * @param videoInfoJson the container facts as JSON text, asked for only when the recording is added
     * @throws java.io.UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException     when the label or view is blank
     */
    public Result register(Path file, long patientId, LocalDate sessionDate, String label, String view,
            Supplier<String> videoInfoJson) {
        return register(file.toUri(), Checksums.sha256(file), patientId, sessionDate, label, view, videoInfoJson);
    }

    /**
     * As {@link #register(Path, long, LocalDate, String, String, Supplier)} for a file whose content hash is known
     * (computed where the file was read: the Spark engine's executors).
     *
     * @param location where the file is: a {@code file:} URI (stored as its path) or another file system's URI
     *                 ({@code hdfs://...}, stored as it is)
     * @param sha      SHA-256 of the file's content
     */
    public Result register(URI location, String sha, long patientId, LocalDate sessionDate, String label, String view,
            Supplier<String> videoInfoJson) {
        Optional<Result> known = lookUp(sha, patientId);
        if (known.isPresent()) {
            return known.get();
        }
        SessionRecord session = store.sessions().findOrCreate(patientId, sessionDate, label, "");
        Optional<Recording> orphan = store.recordings().findBySha256(sha);
        if (orphan.isPresent()) {
            Recording adopted = store.recordings().assignSession(orphan.get().id(), OptionalLong.of(session.id()));
            return new Result(Kind.ADDED, adopted, session);
        }
        try {
            Recording rec = store.recordings().add(OptionalLong.of(session.id()), location, sha, videoInfoJson.get(),
                    view);
            return new Result(Kind.ADDED, rec, session);
        } catch (DuplicateRecordException e) {
            // Another worker added the same content meanwhile.
            return lookUp(sha, patientId).orElseThrow(() -> e);
        }
    }

    /** The stored recording with this content, classified for this patient; empty when none or without session. */
    private Optional<Result> lookUp(String sha, long patientId) {
        Optional<Recording> found = store.recordings().findBySha256(sha);
        if (found.isEmpty() || found.get().sessionId().isEmpty()) {
            return Optional.empty();
        }
        SessionRecord session = store.sessions().get(found.get().sessionId().getAsLong());
        Kind kind = session.patientId() == patientId ? Kind.KNOWN : Kind.OTHER_PATIENT;
        return Optional.of(new Result(kind, found.get(), session));
    }
}
