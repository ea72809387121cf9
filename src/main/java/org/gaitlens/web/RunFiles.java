package org.gaitlens.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gaitlens.store.Artifact;
import org.gaitlens.store.StudyStore;

/**
 * The files of a run as the store records them: the download list of the run page, and the file of one kind.
 * Files are found only through the run's stored artifacts, never from a path in the request, and only inside the
 * data folder. The report builders' own inputs ({@link #INTERNAL}) are neither listed nor downloadable: they are
 * for gaitlens, not for people. A run without a stored overlay video (web analyses make none) lists the overlay made
 * on request instead.
 */
final class RunFiles {
    private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "csv",
            "text/csv; charset=utf-8", "json", "application/json", "mp4", "video/mp4", "html", "text/html; charset=utf-8",
            "png", "image/png");
    /** Kinds the report builders read: {@code report-input.json} and the report model {@code report.json}. */
    static final List<String> INTERNAL = List.of("report-input-json", "report-json");
    /** The kind of a stored overlay video. */
    static final String OVERLAY = "overlay-mp4";
    /** What a therapist wants first: the report, the video, the tables; then everything else by name. */
    private static final List<String> FIRST = List.of("report-pdf", "report-html", "overlay-mp4", "strides-csv",
            "events-csv", "curves-csv", "summary-json");

    private final StudyStore store;

    RunFiles(StudyStore store) {
        this.store = store;
    }

    /** A downloadable file of a run. */
    public record FileLink(String kind, String label, String url) {
    }

    /**
     * The run's files as download links, most wanted first; the overlay video made on request when the run stored
     * none.
     *
     * @param videoInput whether the run analysed a video (only then is there an overlay to make)
     */
    List<FileLink> links(String rid, long runId, boolean videoInput) {
        List<FileLink> out = new ArrayList<>();
        for (Artifact a : store.results().artifacts(runId)) {
            String kind = a.ref().kind();
            if (INTERNAL.contains(kind)) {
                continue;
            }
            String name = a.ref().relativePath().substring(a.ref().relativePath().lastIndexOf('/') + 1);
            String label = switch (kind) {
                case "report-pdf" -> "Report (PDF)";
                case "report-html" -> "Report (HTML)";
                case "overlay-mp4" -> "Overlay video (MP4)";
                case "strides-csv" -> "Strides (CSV)";
                case "events-csv" -> "Gait events (CSV)";
                case "curves-csv" -> "Angle curves (CSV)";
                case "landmarks-csv" -> "Landmarks (CSV)";
                case "summary-json" -> "Summary (JSON)";
                case "video-json" -> "Video facts (JSON)";
                default -> kind.endsWith("-png") && a.ref().relativePath().contains("/keyframes/")
                        ? "Key frame: " + name.substring(0, name.length() - 4).replace('_', ' ') + " (PNG)" : name;
            };
            out.add(new FileLink(kind, label, "/runs/" + rid + "/files/" + kind));
        }
        if (videoInput && out.stream().noneMatch(f -> f.kind().equals(OVERLAY))) {
            out.add(new FileLink(OVERLAY, "Overlay video (MP4, made when asked for)", "/runs/" + rid + "/overlay"));
        }
        out.sort(Comparator.comparingInt((FileLink f) -> FIRST.contains(f.kind()) ? FIRST.indexOf(f.kind())
                : FIRST.size()).thenComparing(FileLink::label));
        return out;
    }

    /**
     * The run's file of this kind.
     *
     * @throws NotFound when the run has none, or its stored path leaves the data folder or is not a file
     */
    Path file(long runId, String kind) {
        return stored(runId, kind).orElseThrow(NotFound::new);
    }

    /**
     * The run's file of this kind, if it has one.
     *
     * @throws NotFound when its stored path leaves the data folder or is not a file
     */
    java.util.Optional<Path> stored(long runId, String kind) {
        for (Artifact a : store.results().artifacts(runId)) {
            if (a.ref().kind().equals(kind)) {
                Path f = store.resolve(a.ref()).normalize();
                if (!f.startsWith(store.dataDir()) || !Files.isRegularFile(f)) {
                    throw new NotFound();
                }
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The {@code landmarks.csv} of one recording of the run: the run's only one, or in a session pooled from several
     * recordings the one whose {@code video.json} beside it names the recording's content ({@code input_sha256});
     * the first when none does.
     *
     * @throws NotFound when the run has none, or a stored path leaves the data folder
     */
    Path landmarksOf(long runId, String recordingSha256) {
        Path first = null;
        for (Artifact a : store.results().artifacts(runId)) {
            if (!a.ref().kind().equals("landmarks-csv")) {
                continue;
            }
            Path f = store.resolve(a.ref()).normalize();
            if (!f.startsWith(store.dataDir()) || !Files.isRegularFile(f)) {
                throw new NotFound();
            }
            first = first == null ? f : first;
            Path videoJson = f.resolveSibling("video.json");
            try {
                if (Files.isRegularFile(videoJson) && Files.readString(videoJson).contains(recordingSha256)) {
                    return f;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + videoJson, e);
            }
        }
        if (first == null) {
            throw new NotFound();
        }
        return first;
    }

    /** The content type of a file with this extension; {@code application/octet-stream} when unknown. */
    static String contentType(String ext) {
        return CONTENT_TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
