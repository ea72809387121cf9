package org.gaitlens.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gaitlens.core.InvalidInputException;

/**
 * The items of a batch manifest: a CSV file (RFC 4180, read with Apache Commons CSV: quoted fields may hold
 * commas, quotes and line breaks; a byte-order mark is skipped) with a header row naming the columns
 * {@value #REQUIRED_TEXT} and optionally {@code label}, {@code session} and any
 * {@link RunSettings#OVERRIDE_KEYS override key}. Video paths are relative to the manifest's folder. A bad row is a
 * {@link BatchDiscovery.Problem} naming its line; the other rows are still queued.
 *
 * <p>Rows with the same {@code patient} and the same non-empty {@code session} value are the clips of one session,
 * pooled into one analysis ({@link BatchItem#videos()} in row order). They must agree on the session's date,
 * label, view, height and settings; when they do not, the session is not queued and the problem names the lines
 * and the values. Layout and examples: {@code docs/batch.md}.
 */
final class BatchManifest {
    /** Columns a manifest may have besides the override keys. */
    static final List<String> COLUMNS = List.of("patient", "session_date", "label", "session", "video");
    private static final List<String> REQUIRED = List.of("patient", "session_date", "video");
    private static final String REQUIRED_TEXT = "patient, session_date, video";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private BatchManifest() {
    }

    /** One record with the 1-based line it starts on. */
    record Row(int line, List<String> cells) {
    }

    /**
     * Reads a manifest.
     *
     * @throws InvalidInputException when the file cannot be read, is empty, lacks a required column or has a
     *                               quoted field that is never closed
     */
    static BatchDiscovery.Result read(InputFiles files, Path manifest) {
        String text;
        try {
            text = files.readString(manifest);
        } catch (IOException e) {
            throw new InvalidInputException(manifest + ": cannot read the manifest (" + e.getMessage() + ")", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // byte-order mark written by spreadsheet programs
        }
        List<Row> rows = rows(manifest, text);
        if (rows.isEmpty()) {
            throw new InvalidInputException(manifest + ": the manifest is empty; it needs a header row with "
                    + "patient,session_date,video");
        }
        List<String> header = rows.get(0).cells().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                throw new InvalidInputException(manifest + ": the header has no '" + required + "' column (it has "
                        + header + "); required: " + REQUIRED_TEXT);
            }
        }
        List<BatchDiscovery.Problem> problems = new ArrayList<>();
        for (String h : header) {
            if (!COLUMNS.contains(h) && !RunSettings.OVERRIDE_KEYS.containsKey(h)) {
                problems.add(new BatchDiscovery.Problem(manifest.getFileName() + " line " + rows.get(0).line(),
                        "unknown column '" + h + "' ignored (known: " + String.join(", ", COLUMNS) + ", "
                                + String.join(", ", RunSettings.OVERRIDE_KEYS.keySet()) + ")"));
            }
        }
        Path base = manifest.toAbsolutePath().getParent();
        List<Clip> clips = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            String where = manifest.getFileName() + " line " + row.line();
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.cells().size() != header.size()) {
                problems.add(new BatchDiscovery.Problem(where, "has " + row.cells().size() + " cells, the header "
                        + header.size() + ": row not queued"));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String v = row.cells().get(i).trim();
                if (!v.isEmpty()) {
                    cells.put(header.get(i), v);
                }
            }
            String session = cells.remove("session");
            try {
                clips.add(new Clip(item(cells, base, where), session, row.line()));
            } catch (IllegalArgumentException e) {
                problems.add(new BatchDiscovery.Problem(where, e.getMessage() + ": row not queued"));
            }
        }
        return new BatchDiscovery.Result(sessions(manifest.getFileName().toString(), clips, problems), problems);
    }

    /** A valid row: its item, its {@code session} value (null when empty) and its line. */
    private record Clip(BatchItem item, String session, int line) {
    }

    /** The rows' items, those of one patient and {@code session} value joined into one item of several clips. */
    private static List<BatchItem> sessions(String manifestName, List<Clip> clips,
            List<BatchDiscovery.Problem> problems) {
        Map<List<String>, List<Clip>> groups = new LinkedHashMap<>();
        for (Clip c : clips) {
            List<String> key = c.session() == null ? List.of("line", String.valueOf(c.line()))
                    : List.of("session", c.item().patient(), c.session());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<BatchItem> items = new ArrayList<>();
        for (List<Clip> group : groups.values()) {
            BatchItem first = group.get(0).item();
            if (group.size() == 1) {
                items.add(first);
                continue;
            }
            String lines = manifestName + " lines " + group.stream().map(c -> String.valueOf(c.line()))
                    .collect(Collectors.joining(", "));
            Optional<String> conflict = conflict(group);
            if (conflict.isPresent()) {
                problems.add(new BatchDiscovery.Problem(lines, "the rows of session '" + group.get(0).session()
                        + "' of patient " + first.patient() + " disagree on " + conflict.get()
                        + ": session not queued; give its clips the same values"));
                continue;
            }
            items.add(new BatchItem(first.patient(), first.sessionDate(), first.label(),
                    group.stream().map(c -> c.item().video()).toList(), first.view(), first.heightCm(),
                    first.overrides(), lines));
        }
        return items;
    }

    /** What the rows of one session disagree on (the first such column, with its values per line), if anything. */
    private static Optional<String> conflict(List<Clip> group) {
        Map<String, Function<BatchItem, Object>> columns = new LinkedHashMap<>();
        columns.put("session_date", BatchItem::sessionDate);
        columns.put("label", BatchItem::label);
        columns.put("view", BatchItem::view);
        columns.put("height_cm", i -> i.heightCm().isPresent() ? i.heightCm().getAsDouble() : "(none)");
        columns.put("settings", BatchItem::overrides);
        for (Map.Entry<String, Function<BatchItem, Object>> col : columns.entrySet()) {
            if (group.stream().map(c -> col.getValue().apply(c.item())).distinct().count() > 1) {
                return Optional.of(col.getKey() + " (" + group.stream().map(c -> "line " + c.line() + ": "
                        + col.getValue().apply(c.item())).collect(Collectors.joining(", ")) + ")");
            }
        }
        return Optional.empty();
    }

    /** The records of a manifest's text, each with the line it starts on. */
    static List<Row> rows(Path manifest, String text) {
        List<Row> rows = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        try (CSVParser p = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord r : p) {
                rows.add(new Row(lineOf(lineStarts, firstCharacter(text, r.getCharacterPosition())), r.toList()));
            }
        } catch (UncheckedIOException | IOException e) {
            throw new InvalidInputException(manifest + ": not a valid CSV file (" + rootMessage(e)
                    + "); a quoted field must be closed with a double quote, and a quote inside it written as \"\"", e);
        }
        return rows;
    }

    private static BatchItem item(Map<String, String> cells, Path base, String where) {
        String patient = Optional.ofNullable(cells.remove("patient"))
                .orElseThrow(() -> new IllegalArgumentException("no patient"));
        String dateText = Optional.ofNullable(cells.remove("session_date"))
                .orElseThrow(() -> new IllegalArgumentException("no session_date"));
        String videoText = Optional.ofNullable(cells.remove("video"))
                .orElseThrow(() -> new IllegalArgumentException("no video"));
        String label = Optional.ofNullable(cells.remove("label")).orElse(BatchDiscovery.DEFAULT_LABEL);
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("session_date '" + dateText + "' is not a YYYY-MM-DD date", e);
        }
        if (!BatchDiscovery.PATIENT.matcher(patient).matches()) {
            throw new IllegalArgumentException("patient '" + patient + "' is not a pseudonymous id (1-64 letters, "
                    + "digits, '.', '_' or '-')");
        }
        Path video = base.resolve(videoText).normalize();
        Map<String, String> settings = new LinkedHashMap<>();
        cells.forEach((k, v) -> {
            if (RunSettings.OVERRIDE_KEYS.containsKey(k)) {
                BatchDiscovery.validate(k, v);
                settings.put(k, v);
            }
        });
        return BatchDiscovery.item(patient, date, label, video, settings, where);
    }

    /** Character offsets where each line starts (line 1 at offset 0). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The record's first character: its position, past the empty lines the parser skipped before it. */
    private static long firstCharacter(String text, long position) {
        int i = (int) position;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** The 1-based line holding a character offset. */
    private static int lineOf(int[] lineStarts, long offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
