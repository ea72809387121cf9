package org.gaitlens.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.GaitlensException;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Json;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.Patient;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStateException;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StudyStore;
import org.gaitlens.video.VideoProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts batch items into a study's queue and decides what becomes of each before anything is analysed: the steps
 * every batch engine (this machine's workers, the Spark job) takes alike (docs/batch.md, "What a batch does").
 *
 * <p>{@link #prepare} creates the patient when missing (with the item's height), registers the file through the
 * {@link RecordingIntake} (one recording per content) and queues the run of the item's settings, or finds the run
 * that exists. {@link #decide} then skips a run that is done, reports a failed one (or re-queues it for a retry),
 * and leaves a queued one to be claimed and one held by another worker to be waited for.
 */
public final class RunQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);

    /**
     * The recordings of an item in the store and their run with the requested settings.
     *
     * @param item    the batch item
     * @param intakes what the intake found for each distinct recording, in session order: the recording (added, or
     *                the patient's stored one with the same content) and its session
     * @param run     their run: queued when new, else as it stands (done, failed, running, queued)
     * @param notes   what the user should know: files of the item given twice (one recording, counted once)
     */
    public record Prepared(BatchItem item, List<RecordingIntake.Result> intakes, AnalysisRun run, List<String> notes) {
        public Prepared {
            Objects.requireNonNull(item, "item");
            intakes = List.copyOf(intakes);
            Objects.requireNonNull(run, "run");
            notes = List.copyOf(notes);
            if (intakes.isEmpty()) {
                throw new IllegalArgumentException("no recording");
            }
        }

        /** What the intake found for the (first) recording. */
        public RecordingIntake.Result intake() {
            return intakes.get(0);
        }

        /** The (first) recording analysed. */
        public Recording recording() {
            return intake().recording();
        }

        /**
         * The note the item's status line carries, if any: files given twice, and content the patient already had
         * filed under another session ({@code same video as the patient's recording of DATE LABEL, stored once},
         * prefixed with the file for a session of several).
         */
        public Optional<String> sameContentNote() {
            List<String> said = new ArrayList<>(notes);
            for (RecordingIntake.Result in : intakes) {
                if (in.kind() == RecordingIntake.Kind.KNOWN && !in.isFiledUnder(item.sessionDate(), item.label())) {
                    said.add((item.pooled() ? in.recording().path() + ": " : "") + "same video as the patient's "
                            + "recording of " + in.session().date() + " " + in.session().label() + ", stored once");
                }
            }
            return said.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", said));
        }
    }

    /**
     * What to do with a prepared item.
     *
     * @param run     the run as it stands now (a failed run to be retried is queued again)
     * @param outcome the item's outcome when nothing is to be analysed (done: skipped; failed and not retried:
     *                failed); empty when the run is to be claimed ({@link RunStatus#QUEUED}) or waited for (held
     *                by another worker)
     */
    public record Decision(AnalysisRun run, Optional<ItemOutcome> outcome) {
    }

    private final StudyStore store;
    private final RecordingIntake intake;

    public RunQueue(StudyStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.intake = new RecordingIntake(store);
    }

    /**
     * Puts an item's local files into the store (see the class comment) and queues their run (one recording, or
     * the clips of a session pooled), or finds the run that exists. A file whose content the patient already has is
     * not added again: its stored recording is used ({@link Prepared#intakes} say in which session); a file given
     * twice in the item is one recording ({@link Prepared#notes}).
     *
     * @throws InvalidInputException    when a file does not exist, or another patient holds its content
     * @throws IllegalArgumentException when the item's settings are invalid
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public Prepared prepare(BatchItem item, RunSettings base) {
        for (Path file : item.videos()) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": file not found");
            }
        }
        RunSettings settings = item.settings(base).resolvedFor(InputKind.of(item.video()));
        Patient patient = patient(item);
        List<RecordingIntake.Result> intakes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path file : item.videos()) {
            RecordingIntake.Result in = register(item, patient, file, file.toUri(), Checksums.sha256(file),
                    () -> videoInfoJson(file));
            Optional<RecordingIntake.Result> same = intakes.stream()
                    .filter(r -> r.recording().id() == in.recording().id()).findFirst();
            if (same.isPresent()) {
                notes.add(file.getFileName() + " is the same recording as " + Path.of(same.get().recording().path())
                        .getFileName() + " (same content): one recording, its strides counted once");
                continue;
            }
            intakes.add(in);
        }
        AnalysisRun run = store.runs().enqueue(intakes.stream().map(r -> r.recording().id()).toList(),
                settings.toJson(), settings.hash(intakes.stream().map(r -> r.recording().sha256()).toList()),
                settings.softwareVersion());
        return new Prepared(item, intakes, run, notes);
    }

    /**
     * As {@link #prepare(BatchItem, RunSettings)} for a file read elsewhere (by the Spark engine's executors): its
     * location, content hash and container facts are given.
     *
     * @param location      where the file is: a {@code file:} URI (stored as a path, as by a local batch) or
     *                      another file system's ({@code hdfs://...}, stored as the URI)
     * @param sha256        SHA-256 of the file's content
     * @param videoInfoJson the container facts as JSON text ({@code {}} when unknown), asked for only when the
     *                      recording is new
     * @throws InvalidInputException    when another patient holds the content
     * @throws IllegalArgumentException when the item's settings are invalid
     */
    public Prepared prepare(BatchItem item, RunSettings base, URI location, String sha256,
            Supplier<String> videoInfoJson) {
        return enqueue(item, item.settings(base), location, sha256, videoInfoJson);
    }

    private Prepared enqueue(BatchItem item, RunSettings itemSettings, URI location, String sha256,
            Supplier<String> videoInfoJson) {
        if (item.pooled()) {
            throw new InvalidInputException(item.displayName() + ": a session of several files is read from local "
                    + "files only");
        }
        RunSettings settings = itemSettings.resolvedFor(InputKind.of(item.video()));
        RecordingIntake.Result in = register(item, patient(item), item.video(), location, sha256, videoInfoJson);
        AnalysisRun run = store.runs().enqueue(in.recording().id(), settings.toJson(), settings.hash(),
                settings.softwareVersion());
        return new Prepared(item, List.of(in), run, List.of());
    }

    /** The item's patient, created (with the item's height) when missing. */
    private Patient patient(BatchItem item) {
        return store.patients().find(item.patient()).orElseGet(() -> {
            try {
                return store.patients().create(item.patient(), item.heightCm(), Optional.empty(), "");
            } catch (DuplicateRecordException e) {
                return store.patients().require(item.patient());
            }
        });
    }

    /** One file through the intake; refused when another patient holds its content. */
    private RecordingIntake.Result register(BatchItem item, Patient patient, Path file, URI location, String sha256,
            Supplier<String> videoInfoJson) {
        RecordingIntake.Result in = intake.register(location, sha256, patient.id(), item.sessionDate(), item.label(),
                item.view(), videoInfoJson);
        if (in.kind() == RecordingIntake.Kind.OTHER_PATIENT) {
            throw new InvalidInputException(file + ": the same content is already stored for patient "
                    + store.patients().get(in.session().patientId()).pseudonym() + " (" + in.session().date() + " "
                    + in.session().label() + "); a recording belongs to one patient, so it is not added to "
                    + patient.pseudonym() + ". Check the file, or move it to that patient's folder.");
        }
        return in;
    }

    /**
     * Decides what becomes of a prepared item (see {@link Decision}): a done run is skipped as unchanged; a failed
     * run is reported as failed when {@code retryFailed} is false, else queued again.
     */
    public Decision decide(Prepared p, boolean retryFailed) {
        AnalysisRun run = p.run();
        OptionalLong id = OptionalLong.of(run.id());
        if (run.status() == RunStatus.FAILED) {
            if (!retryFailed) {
                return new Decision(run, Optional.of(new ItemOutcome(p.item(), ItemOutcome.Status.FAILED, id,
                        "failed in an earlier batch: " + run.errorMessage().orElse("?"), 0, 0)));
            }
            try {
                run = store.runs().requeueFailed(run.id());
            } catch (RunStateException e) {
                run = store.runs().get(run.id()); // another worker re-queued or claimed it meanwhile
            }
        }
        if (run.status() == RunStatus.DONE) {
            return new Decision(run, Optional.of(new ItemOutcome(p.item(), ItemOutcome.Status.SKIPPED, id,
                    "unchanged: analysed in run " + run.id(), 0, 0)));
        }
        return new Decision(run, Optional.empty());
    }

    /** What the container says about a video, as compact JSON; {@code {}} for other files and unreadable videos. */
    public static String videoInfoJson(Path file) {
        try {
            if (InputKind.of(file) != InputKind.VIDEO) {
                return "{}";
            }
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(VideoProbe.probe(file));
        } catch (GaitlensException | JsonProcessingException e) {
            // The run will fail with the decoder's message; the recording is still worth recording.
            LOG.debug("{}: no container facts ({})", file, e.getMessage());
            return "{}";
        }
    }
}
