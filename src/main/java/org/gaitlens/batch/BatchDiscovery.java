package org.gaitlens.batch;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.pipeline.InputKind;

/**
 * Finds the recordings of a batch, in a folder or a manifest. Problems with single folders, files or manifest rows
 * are reported and the rest goes on; only an input that cannot be read at all is an error.
 *
 * <p>Folder convention ({@code docs/batch.md}):
 * <pre>
 * ROOT/
 *   gaitlens.properties              optional, applies to everything below
 *   PATIENT/                         pseudonymous id: letters, digits, . _ -
 *     gaitlens.properties            optional, overrides ROOT's
 *     YYYY-MM-DD_label/              one session; "_label" optional (label "session")
 *       gaitlens.properties          optional, overrides PATIENT's
 *       *.mp4 *.mov *.mkv ... *.trc *.c3d
 * </pre>
 * Settings files are Java properties with the keys of {@link RunSettings#OVERRIDE_KEYS}; a child folder's file
 * overrides its parent's key by key. A folder whose name breaks the convention is reported when it holds
 * recordings (and silently passed over otherwise); hidden files and folders are ignored.
 *
 * <p>Manifest: a CSV file (comma separated, header row, RFC 4180 quoting) with the columns {@code patient},
 * {@code session_date} ({@code YYYY-MM-DD}) and {@code video} (relative paths are taken from the manifest's
 * folder), and optionally {@code label}, {@code view}, {@code height_cm} and the other keys of
 * {@link RunSettings#OVERRIDE_KEYS}. Empty cells mean "not given".
 *
 * <p>The files are read through {@link InputFiles}: this machine's, or (for the Spark engine) a Hadoop file system.
 */
public final class BatchDiscovery {
    /** Name of a per-folder settings file. */
    public static final String SETTINGS_FILE = "gaitlens.properties";
    /** Session label when a session folder or manifest row names none. */
    public static final String DEFAULT_LABEL = "session";
    static final Pattern SESSION_FOLDER = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[_ ](.+))?");
    static final Pattern PATIENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> VIEWS = Set.of("sagittal", "frontal", "unknown");
    /** How deep under a misnamed folder to look for recordings before reporting it. */
    private static final int PROBLEM_SEARCH_DEPTH = 3;

    /**
     * A folder, file or manifest row that was not turned into an item.
     *
     * @param where   the path, or {@code manifest.csv line N}
     * @param message what is wrong and what to do
     */
    public record Problem(String where, String message) {
    }

    /**
     * What discovery found.
     *
     * @param items    recordings to analyse, sorted by patient, date, label and file name
     * @param problems what was passed over, with reasons
     */
    public record Result(List<BatchItem> items, List<Problem> problems) {
        public Result {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }
    }

    private final InputFiles files;

    private BatchDiscovery(InputFiles files) {
        this.files = files;
    }

    /**
     * Discovers the items of a local folder (folder convention) or {@code .csv} manifest.
     *
     * @throws InvalidInputException when {@code input} is neither, or cannot be read
     */
    public static Result discover(Path input) {
        return discover(InputFiles.LOCAL, input);
    }

    /**
     * Discovers the items of a folder (folder convention) or a {@code .csv} manifest in {@code files}.
     *
     * @throws InvalidInputException when {@code input} is neither, or cannot be read
     */
    public static Result discover(InputFiles files, Path input) {
        if (files.isDirectory(input)) {
            return new BatchDiscovery(files).folder(input);
        }
        if (files.isRegularFile(input) && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return BatchManifest.read(files, input);
        }
        throw new InvalidInputException(input + ": not a folder or a .csv manifest (see docs/batch.md for both)");
    }

    /** Canonical view name: {@code sagittal} (also {@code side}), {@code frontal} (also {@code front}, {@code back}), {@code unknown}. */
    static String normaliseView(String view) {
        if (view == null || view.isBlank()) {
            return "unknown";
        }
        String v = view.trim().toLowerCase(Locale.ROOT);
        v = switch (v) {
            case "side", "lateral" -> "sagittal";
            case "front", "back", "coronal" -> "frontal";
            default -> v;
        };
        if (!VIEWS.contains(v)) {
            throw new IllegalArgumentException("view must be sagittal, frontal or unknown, was '" + view + "'");
        }
        return v;
    }

    // ---------------------------------------------------------------- folder convention

    /** Items of a local folder laid out as {@code ROOT/PATIENT/YYYY-MM-DD_label/recordings}. */
    public static Result fromFolder(Path root) {
        return new BatchDiscovery(InputFiles.LOCAL).folder(root);
    }

    private Result folder(Path root) {
        List<BatchItem> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> rootSettings;
        try {
            rootSettings = readSettings(root, Map.of());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(root.resolve(SETTINGS_FILE).toString(), e.getMessage()
                    + "; nothing in " + root + " was queued"));
            return new Result(items, problems);
        }
        for (Path entry : list(root)) {
            if (!files.isDirectory(entry)) {
                if (isRecording(entry)) {
                    problems.add(new Problem(entry.toString(), "recording outside a PATIENT/YYYY-MM-DD_label "
                            + "folder: not queued; move it into a session folder"));
                }
                continue;
            }
            String patient = entry.getFileName().toString();
            if (!PATIENT.matcher(patient).matches()) {
                reportIfHoldsRecordings(entry, "folder name '" + patient + "' is not a patient id (1-64 letters, "
                        + "digits, '.', '_' or '-'): its recordings were not queued", problems);
                continue;
            }
            Map<String, String> patientSettings;
            try {
                patientSettings = readSettings(entry, rootSettings);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(entry.resolve(SETTINGS_FILE).toString(), e.getMessage()
                        + "; recordings of patient " + patient + " were not queued"));
                continue;
            }
            for (Path sessionDir : list(entry)) {
                if (!files.isDirectory(sessionDir)) {
                    if (isRecording(sessionDir)) {
                        problems.add(new Problem(sessionDir.toString(), "recording directly in the patient folder: "
                                + "not queued; move it into a YYYY-MM-DD_label session folder"));
                    }
                    continue;
                }
                addSession(patient, sessionDir, patientSettings, items, problems);
            }
        }
        items.sort(ORDER);
        return new Result(items, problems);
    }

    private void addSession(String patient, Path sessionDir, Map<String, String> inherited,
            List<BatchItem> items, List<Problem> problems) {
        String name = sessionDir.getFileName().toString();
        Matcher m = SESSION_FOLDER.matcher(name);
        LocalDate date = null;
        if (m.matches()) {
            try {
                date = LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null) {
            reportIfHoldsRecordings(sessionDir, "folder name '" + name + "' is not YYYY-MM-DD or YYYY-MM-DD_label "
                    + "(a valid date): its recordings were not queued", problems);
            return;
        }
        String label = m.group(2) == null || m.group(2).isBlank() ? DEFAULT_LABEL : m.group(2).trim();
        Map<String, String> settings;
        try {
            settings = readSettings(sessionDir, inherited);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(sessionDir.resolve(SETTINGS_FILE).toString(), e.getMessage()
                    + "; recordings of this session were not queued"));
            return;
        }
        for (Path file : list(sessionDir)) {
            if (files.isDirectory(file)) {
                reportIfHoldsRecordings(file, "sub-folder of a session folder: its recordings were not queued "
                        + "(put them directly in the session folder)", problems);
                continue;
            }
            if (!isRecording(file)) {
                continue;
            }
            try {
                items.add(item(patient, date, label, file, settings, sessionDir.toString()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file.toString(), e.getMessage()));
            }
        }
    }

    static BatchItem item(String patient, LocalDate date, String label, Path file, Map<String, String> settings,
            String origin) {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        String view = overrides.remove("view");
        String height = overrides.remove("height_cm");
        OptionalDouble heightCm = height == null ? OptionalDouble.empty()
                : OptionalDouble.of(RunSettings.parseHeight(height));
        BatchItem item = new BatchItem(patient, date, label, file, view, heightCm, overrides, origin);
        // Fails here, at discovery, rather than when the run starts: a typo in a value is reported with its source.
        item.settings(RunSettings.defaults());
        return item;
    }

    /** The folder's settings file applied over {@code inherited}; unknown keys and bad values are errors. */
    private Map<String, String> readSettings(Path folder, Map<String, String> inherited) {
        Map<String, String> out = new LinkedHashMap<>(inherited);
        Path file = folder.resolve(SETTINGS_FILE);
        if (!files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (StringReader r = new StringReader(files.readString(file))) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read settings file: " + e.getMessage(), e);
        }
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (!RunSettings.OVERRIDE_KEYS.containsKey(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "' (known: "
                        + String.join(", ", RunSettings.OVERRIDE_KEYS.keySet()) + ")");
            }
            validate(key, value);
            out.put(key, value);
        }
        return out;
    }

    static void validate(String key, String value) {
        if (key.equals("view")) {
            normaliseView(value);
        } else if (key.equals("height_cm")) {
            RunSettings.parseHeight(value);
        } else {
            RunSettings.defaults().withOverrides(Map.of(key, value));
        }
    }

    private boolean isRecording(Path file) {
        if (!files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return false; // landmarks.csv and any table: only videos and motion capture are queued from folders
        }
        try {
            return InputKind.of(file) != null;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private void reportIfHoldsRecordings(Path dir, String message, List<Problem> problems) {
        try {
            if (holdsRecording(dir, PROBLEM_SEARCH_DEPTH)) {
                problems.add(new Problem(dir.toString(), message));
            }
        } catch (UncheckedIOException e) {
            problems.add(new Problem(dir.toString(), "cannot read folder: " + e.getCause().getMessage()));
        }
    }

    /** Whether a recording lies in {@code dir} or its sub-folders down to {@code depth} levels, hidden ones aside. */
    private boolean holdsRecording(Path dir, int depth) {
        for (Path p : files.list(dir)) {
            if (p.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (isRecording(p) || depth > 1 && files.isDirectory(p) && holdsRecording(p, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Entries of a folder by name, without hidden ones and settings files. */
    private List<Path> list(Path dir) {
        return files.list(dir).stream()
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(p -> !p.getFileName().toString().equals(SETTINGS_FILE))
                .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                .toList();
    }

    private static final Comparator<BatchItem> ORDER = Comparator.comparing(BatchItem::patient)
            .thenComparing(BatchItem::sessionDate).thenComparing(BatchItem::label)
            .thenComparing(i -> i.video().getFileName().toString());
}
