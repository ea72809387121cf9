package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gaitlens.core.Side;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.ComparisonReport;
import org.gaitlens.report.HtmlRenderer;
import org.gaitlens.report.PdfRenderer;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.reporting.ComparisonReportBuilder;
import org.gaitlens.store.Patient;
import org.gaitlens.store.StudyStore;

/**
 * Comparing finished sessions of one patient ({@code ?run=A&run=B...}, two or more different ones):
 * <ul>
 *   <li>{@code GET /patients/{pid}/compare}: the change verdicts (the comparison report's pattern sentences and
 *       per-metric verdicts, when the sessions have report snapshots), the GPS-2D trend ({@link CompareDeviation}),
 *       two sessions' videos side by side in step with the gait cycle, and the key numbers side by side (up to 8
 *       sessions);</li>
 *   <li>{@code GET /patients/{pid}/compare/sync?a=RUN&b=RUN&side=left}: the side-by-side data ({@link SideBySide});</li>
 *   <li>{@code GET /patients/{pid}/compare/report}: the full comparison report, the same as {@code gaitlens compare}
 *       (up to 25 sessions), in a page with a way back; {@code format=pdf} downloads it;
 *       {@code /compare/document} is the report itself, for that page's frame.</li>
 * </ul>
 * Every run must be a finished run of that patient; the same run twice counts once, and fewer than two different
 * runs answer the patient page with a message (400).
 */
final class CompareController {
    private final Access access;
    private final Pages pages;
    private final AuditTrail audit;
    private final PatientController patients;
    private final KeyNumbers keyNumbers;
    private final RunFiles files;
    private final Snapshots snapshots;
    private final SideBySide sideBySide;

    CompareController(StudyStore store, Access access, Pages pages, AuditTrail audit, PatientController patients,
            RunFiles files, KeyNumbers keyNumbers, RunReview reviews) {
        this.access = access;
        this.pages = pages;
        this.audit = audit;
        this.patients = patients;
        this.keyNumbers = keyNumbers;
        this.files = files;
        this.snapshots = new Snapshots(access, files);
        this.sideBySide = new SideBySide(store, access, files, reviews);
    }

    /** One column of the comparison: a session and its key values. */
    public record CompareColumn(String date, String label, List<String> values) {
    }

    /** A session that can be shown side by side (it has a video analysis). */
    public record VideoSession(String rid, String title) {
    }

    /** A change verdict: the metric, its sentence, and the verdict's name (a CSS class). */
    public record Verdict(String label, String sentence, String verdict) {
    }

    /** {@code GET /patients/{pid}/compare}. */
    void comparePage(Context ctx) {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        List<Access.RunContext> runs;
        try {
            runs = new ArrayList<>(snapshots.runs(ctx, p, 2, 8));
        } catch (Refused e) {
            patients.showPatient(ctx.status(e.status), p, e.getMessage());
            return;
        }
        runs.sort(Comparator.comparing((Access.RunContext rc) -> rc.session().date())
                .thenComparing(rc -> rc.session().label()));
        List<CompareColumn> cols = new ArrayList<>();
        List<String> names = KeyNumbers.names();
        List<VideoSession> videos = new ArrayList<>();
        for (Access.RunContext rc : runs) {
            Map<String, KeyNumbers.MetricRow> rows = keyNumbers.rows(rc.run().id()).stream()
                    .collect(Collectors.toMap(KeyNumbers.MetricRow::name, Function.identity()));
            List<String> vals = new ArrayList<>();
            for (String n : names) {
                KeyNumbers.MetricRow row = rows.get(n);
                vals.add(row == null ? "–" : row.left().mean() + " / " + row.right().mean() + " " + row.unit());
            }
            cols.add(new CompareColumn(rc.session().date().toString(), rc.session().label(), vals));
            if (files.stored(rc.run().id(), "landmarks-csv").isPresent()
                    && files.stored(rc.run().id(), "curves-csv").isPresent()) {
                videos.add(new VideoSession(access.rid(rc.run()), rc.session().date() + " " + rc.session().label()));
            }
        }
        String runQuery = runs.stream().map(rc -> "run=" + access.rid(rc.run())).collect(Collectors.joining("&"));
        audit.record(ctx, "view-comparison", access.pid(p), runQuery);
        Map<String, Object> m = pages.model(ctx, "Comparison, " + p.pseudonym());
        m.put("patient", p);
        m.put("pid", access.pid(p));
        m.put("names", names);
        m.put("columns", cols);
        m.put("runQuery", runQuery);
        m.put("videos", videos);
        Optional<List<ComparisonReportBuilder.Session>> sessions = reportSessions(runs);
        m.put("verdicts", sessions.map(CompareController::verdicts).orElse(List.of()));
        m.put("deviation", sessions.flatMap(CompareDeviation::of).orElse(null));
        pages.render(ctx, "compare", m);
    }

    /** The runs' report snapshots, or empty when a run has none (the page then shows the key numbers alone). */
    private Optional<List<ComparisonReportBuilder.Session>> reportSessions(List<Access.RunContext> runs) {
        List<ComparisonReportBuilder.Session> sessions = new ArrayList<>();
        for (Access.RunContext rc : runs) {
            Optional<ComparisonReportBuilder.Session> s = snapshots.session(rc);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            sessions.add(s.get());
        }
        return Optional.of(sessions);
    }

    /** The comparison report's pattern sentences, then every metric's verdict. */
    private static List<Verdict> verdicts(List<ComparisonReportBuilder.Session> sessions) {
        ComparisonReport report = ComparisonReportBuilder.build(sessions);
        List<Verdict> out = new ArrayList<>();
        report.patternSentences().forEach(s -> out.add(new Verdict(s.pattern(), s.sentence(), s.verdict().name())));
        for (ChangeRow row : report.changes()) {
            out.add(new Verdict(row.label(), ComparisonReportBuilder.sentence(row), row.overallVerdict().name()));
        }
        return out;
    }

    /** {@code GET /patients/{pid}/compare/sync}: the side-by-side data of runs {@code a} and {@code b}. */
    void sideBySide(Context ctx) {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        Access.RunContext a = snapshots.finished(ctx, p, Optional.ofNullable(ctx.queryParam("a")).orElse(""));
        Access.RunContext b = snapshots.finished(ctx, p, Optional.ofNullable(ctx.queryParam("b")).orElse(""));
        Side side = "right".equals(ctx.queryParam("side")) ? Side.RIGHT : Side.LEFT;
        ctx.json(sideBySide.of(a, b, side));
    }

    /**
     * {@code GET /patients/{pid}/compare/report}: the comparison report in a page with the way back to the
     * comparison, or as PDF with {@code format=pdf}.
     */
    void compareReport(Context ctx) throws IOException {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        List<Access.RunContext> runs = reportRuns(ctx, p);
        if (runs == null) {
            return;
        }
        String runQuery = runs.stream().map(rc -> "run=" + access.rid(rc.run())).collect(Collectors.joining("&"));
        if ("pdf".equals(ctx.queryParam("format"))) {
            ComparisonReport report = ComparisonReportBuilder.build(snapshots.sessions(runs));
            audit.record(ctx, "download-comparison", access.pid(p), runQuery);
            byte[] bytes = new PdfRenderer(RenderOptions.defaults()).render(report);
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\""
                    + (p.pseudonym() + "_comparison.pdf").replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            ctx.result(bytes);
            return;
        }
        Map<String, Object> m = pages.model(ctx, "Comparison report, " + p.pseudonym());
        m.put("patient", p);
        m.put("pid", access.pid(p));
        m.put("runQuery", runQuery);
        pages.render(ctx, "compare-report", m);
    }

    /** {@code GET /patients/{pid}/compare/document}: the comparison report's HTML, for the report page's frame. */
    void compareDocument(Context ctx) {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        List<Access.RunContext> runs = reportRuns(ctx, p);
        if (runs == null) {
            return;
        }
        ComparisonReport report = ComparisonReportBuilder.build(snapshots.sessions(runs));
        audit.record(ctx, "view-comparison-report", access.pid(p),
                runs.stream().map(rc -> access.rid(rc.run())).collect(Collectors.joining(",")));
        ctx.header("Content-Security-Policy", SecurityFilter.EMBEDDED_REPORT_CSP);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(new HtmlRenderer(RenderOptions.defaults()).render(report));
    }

    /** The report's runs (up to 25); null after answering the patient page (400) when fewer than two. */
    private List<Access.RunContext> reportRuns(Context ctx, Patient p) {
        try {
            return snapshots.runs(ctx, p, 2, 25);
        } catch (Refused e) {
            patients.showPatient(ctx.status(HttpStatus.BAD_REQUEST), p, e.getMessage());
            return null;
        }
    }
}
