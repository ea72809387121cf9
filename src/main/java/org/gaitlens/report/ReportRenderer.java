package org.gaitlens.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes a report model and its renderings into a folder: {@code <name>.json} (the model),
 * {@code <name>.html} (self-contained) and {@code <name>.pdf}.
 */
public final class ReportRenderer {
    /** Base name of session report files. */
    public static final String SESSION_NAME = "report";
    /** Base name of comparison report files. */
    public static final String COMPARISON_NAME = "comparison";

    /** The files written. */
    public record Written(Path json, Path html, Path pdf) {
    }

    private ReportRenderer() {
    }

    /** {@link #writeSession(SessionReport, Path, RenderOptions)} with A4 and key frames relative to {@code dir}. */
    public static Written writeSession(SessionReport report, Path dir) throws IOException {
        return writeSession(report, dir, RenderOptions.defaults().withAssetDir(dir));
    }

    /**
     * Writes report.json, report.html and report.pdf into {@code dir} (created if needed). The charts are rendered
     * once for both documents.
     */
    public static Written writeSession(SessionReport report, Path dir, RenderOptions options) throws IOException {
        Objects.requireNonNull(report, "report");
        Files.createDirectories(dir);
        Written w = paths(dir, SESSION_NAME);
        ReportJson.write(report, w.json());
        List<ChartImage> charts = SessionCharts.render(report,
                (options == null ? RenderOptions.defaults() : options).chartScale());
        Files.writeString(w.html(), new HtmlRenderer(options).render(report, charts), StandardCharsets.UTF_8);
        Files.write(w.pdf(), new PdfRenderer(options).render(report, charts));
        return w;
    }

    /** {@link #writeComparison(ComparisonReport, Path, RenderOptions)} with A4. */
    public static Written writeComparison(ComparisonReport report, Path dir) throws IOException {
        return writeComparison(report, dir, RenderOptions.defaults().withAssetDir(dir));
    }

    /** Writes comparison.json, comparison.html and comparison.pdf into {@code dir} (created if needed). */
    public static Written writeComparison(ComparisonReport report, Path dir, RenderOptions options) throws IOException {
        Objects.requireNonNull(report, "report");
        Files.createDirectories(dir);
        Written w = paths(dir, COMPARISON_NAME);
        ReportJson.write(report, w.json());
        Files.writeString(w.html(), new HtmlRenderer(options).render(report), StandardCharsets.UTF_8);
        Files.write(w.pdf(), new PdfRenderer(options).render(report));
        return w;
    }

    private static Written paths(Path dir, String name) {
        return new Written(dir.resolve(name + ".json"), dir.resolve(name + ".html"), dir.resolve(name + ".pdf"));
    }
}
