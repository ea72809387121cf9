package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.gaitlens.core.Checksums;
import org.gaitlens.store.Recording;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StoreConfig;
import org.gaitlens.store.StoreInspection;
import org.gaitlens.store.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule of {@link RecordingIntake}: new content becomes a recording of the requested session; the same content
 * again for the same patient (another file name, another session) is the stored recording, nothing added; the same
 * content for another patient is reported as that patient's and changes nothing. Files are a few bytes written
 * here: the intake looks only at their content.
 */
class RecordingIntakeTest {
    private static final LocalDate BASELINE = LocalDate.of(2024, 3, 1);
    private static final LocalDate FOLLOW_UP = LocalDate.of(2024, 4, 1);

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** Video facts that count how often they were asked for. */
    private static Supplier<String> facts(AtomicInteger asked) {
        return () -> {
            asked.incrementAndGet();
            return "{\"frame_rate_hz\":30}";
        };
    }

    @Test
    void newKnownAndOtherPatient() throws Exception {
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir.resolve("study")))) {
            long p1 = store.patients().create("P1", OptionalDouble.empty(), Optional.empty(), "").id();
            long p2 = store.patients().create("P2", OptionalDouble.empty(), Optional.empty(), "").id();
            RecordingIntake intake = new RecordingIntake(store);
            AtomicInteger asked = new AtomicInteger();
            Path walk = file("walk.mp4", "walk one");

            RecordingIntake.Result added = intake.register(walk, p1, BASELINE, "baseline", "sagittal", facts(asked));
            assertEquals(RecordingIntake.Kind.ADDED, added.kind());
            assertEquals(Checksums.sha256(walk), added.recording().sha256());
            assertEquals(OptionalLong.of(added.session().id()), added.recording().sessionId());
            assertEquals(List.of(BASELINE), dates(store, p1));
            assertEquals("{\"frame_rate_hz\":30}", added.recording().videoInfoJson());
            assertEquals(1, asked.get());

            // The same bytes under another name, for another session of the same patient: the stored recording,
            // filed under its first session; no session, recording or video facts added.
            Path copy = file("copy-of-walk.mov", "walk one");
            RecordingIntake.Result known = intake.register(copy, p1, FOLLOW_UP, "follow-up", "frontal", facts(asked));
            assertEquals(RecordingIntake.Kind.KNOWN, known.kind());
            assertEquals(added.recording(), known.recording());
            assertEquals(added.session(), known.session());
            assertTrue(known.isFiledUnder(BASELINE, "baseline"));
            assertEquals(List.of(BASELINE), dates(store, p1));
            assertEquals(1, StoreInspection.count(store, "recording"));
            assertEquals(1, asked.get());

            // The same bytes for another patient: P1's recording is reported and nothing changes for either.
            RecordingIntake.Result other = intake.register(copy, p2, FOLLOW_UP, "baseline", "sagittal", facts(asked));
            assertEquals(RecordingIntake.Kind.OTHER_PATIENT, other.kind());
            assertEquals(added.recording(), other.recording());
            assertEquals(p1, other.session().patientId());
            assertEquals(List.of(), dates(store, p2));
            assertEquals(1, StoreInspection.count(store, "recording"));

            // Different bytes for the same patient and session: a second recording.
            RecordingIntake.Result second = intake.register(file("walk2.mp4", "walk two"), p1, BASELINE, "baseline",
                    "sagittal", facts(asked));
            assertEquals(RecordingIntake.Kind.ADDED, second.kind());
            assertEquals(added.session(), second.session());
            assertEquals(2, StoreInspection.count(store, "recording"));
        }
    }

    @Test
    void aStoredRecordingWithoutSessionIsFiledUnderTheRequestedOne() throws Exception {
        try (StudyStore store = StudyStore.open(StoreConfig.embedded(dir.resolve("study")))) {
            long p = store.patients().create("P1", OptionalDouble.empty(), Optional.empty(), "").id();
            Path walk = file("walk.mp4", "walk");
            Recording orphan = store.recordings().add(OptionalLong.empty(), walk, Checksums.sha256(walk), "{}", "unknown");
            AtomicInteger asked = new AtomicInteger();

            RecordingIntake.Result r = new RecordingIntake(store).register(walk, p, BASELINE, "baseline", "sagittal",
                    facts(asked));
            assertEquals(RecordingIntake.Kind.ADDED, r.kind());
            assertEquals(orphan.id(), r.recording().id());
            assertEquals(OptionalLong.of(r.session().id()), r.recording().sessionId());
            assertEquals(0, asked.get(), "the stored recording keeps its facts");
            assertEquals(1, StoreInspection.count(store, "recording"));
        }
    }

    private static List<LocalDate> dates(StudyStore store, long patientId) {
        return store.sessions().listByPatient(patientId).stream().map(SessionRecord::date).toList();
    }
}
