package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.report.ComparisonReport;
import org.gaitlens.report.HtmlRenderer;
import org.gaitlens.report.PdfRenderer;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.reporting.ComparisonReportBuilder;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.store.Patient;
import org.gaitlens.store.RunStatus;

/**
 * Comparing finished sessions of one patient ({@code ?run=A&run=B...}): the key numbers side by side and the
 * GPS-2D trend ({@link CompareDeviation}) ({@code GET /patients/{pid}/compare}, up to 8 sessions) and the full comparison report, the same as
 * {@code gaitlens compare} ({@code GET /patients/{pid}/compare/report}, up to 25; HTML, or PDF with
 * {@code format=pdf}). Every run must be a finished run of that patient; fewer than two answer the patient page
 * with a message (400).
 */
final class CompareController {
    private static final String PICK_TWO = "Pick two or more finished sessions to compare.";

    private final Access access;
    private final Pages pages;
    private final AuditTrail audit;
    private final PatientController patients;
    private final RunFiles files;
    private final KeyNumbers keyNumbers;

    CompareController(Access access, Pages pages, AuditTrail audit, PatientController patients, RunFiles files,
            KeyNumbers keyNumbers) {
        this.access = access;
        this.pages = pages;
        this.audit = audit;
        this.patients = patients;
        this.files = files;
        this.keyNumbers = keyNumbers;
    }

    /** One column of the comparison: a session and its key values. */
    public record CompareColumn(String date, String label, List<String> values) {
    }

    /** {@code GET /patients/{pid}/compare}. */
    void comparePage(Context ctx) {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        List<String> ids = ctx.queryParams("run");
        if (ids.size() < 2) {
            patients.showPatient(ctx.status(HttpStatus.BAD_REQUEST), p, PICK_TWO);
            return;
        }
        List<CompareColumn> cols = new ArrayList<>();
        List<String> names = KeyNumbers.names();
        for (String id : ids.stream().distinct().limit(8).toList()) {
            Access.RunContext rc = finishedRun(ctx, p, id);
            Map<String, KeyNumbers.MetricRow> rows = keyNumbers.rows(rc.run().id()).stream()
                    .collect(Collectors.toMap(KeyNumbers.MetricRow::name, Function.identity()));
            List<String> vals = new ArrayList<>();
            for (String n : names) {
                KeyNumbers.MetricRow row = rows.get(n);
                vals.add(row == null ? "–" : row.left() + " / " + row.right() + " " + row.unit());
            }
            cols.add(new CompareColumn(rc.session().date().toString(), rc.session().label(), vals));
        }
        cols.sort(Comparator.comparing(CompareColumn::date));
        Optional<CompareDeviation> deviation = snapshots(ctx, p, ids.stream().distinct().limit(8).toList())
                .flatMap(CompareDeviation::of);
        audit.record(ctx, "view-comparison", access.pid(p), String.join(",", ids));
        Map<String, Object> m = pages.model(ctx, "Comparison, " + p.pseudonym());
        m.put("patient", p);
        m.put("pid", access.pid(p));
        m.put("names", names);
        m.put("columns", cols);
        m.put("runQuery", ids.stream().distinct().limit(8).map(i -> "run=" + i).collect(Collectors.joining("&")));
        m.put("deviation", deviation.orElse(null));
        pages.render(ctx, "compare", m);
    }

    /**
     * {@code GET /patients/{pid}/compare/report}: the comparison report of the chosen finished sessions, built
     * from their stored report snapshots.
     */
    void compareReport(Context ctx) throws IOException {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        List<String> ids = ctx.queryParams("run").stream().distinct().limit(25).toList();
        if (ids.size() < 2) {
            patients.showPatient(ctx.status(HttpStatus.BAD_REQUEST), p, PICK_TWO);
            return;
        }
        List<ComparisonReportBuilder.Session> sessions = new ArrayList<>();
        for (String id : ids) {
            sessions.add(session(finishedRun(ctx, p, id)));
        }
        ComparisonReport report = ComparisonReportBuilder.build(sessions);
        boolean pdf = "pdf".equals(ctx.queryParam("format"));
        audit.record(ctx, pdf ? "download-comparison" : "view-comparison-report", access.pid(p), String.join(",", ids));
        if (pdf) {
            byte[] bytes = new PdfRenderer(RenderOptions.defaults()).render(report);
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\""
                    + (p.pseudonym() + "_comparison.pdf").replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            ctx.result(bytes);
        } else {
            ctx.header("Content-Security-Policy", SecurityFilter.REPORT_CSP);
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(new HtmlRenderer(RenderOptions.defaults()).render(report));
        }
    }

    /** A finished run's stored report snapshot. @throws NotFound if the run has none */
    private ComparisonReportBuilder.Session session(Access.RunContext rc) {
        Path snapshot = files.file(rc.run().id(), "report-input-json");
        return new ComparisonReportBuilder.Session(rc.session().date() + " " + rc.session().label(),
                ReportInput.read(snapshot.getParent()));
    }

    /**
     * The runs' report snapshots for the page's GPS-2D trend; empty when a run has no readable snapshot (an analysis
     * stored without one), so the page shows the key numbers alone.
     */
    private Optional<List<ComparisonReportBuilder.Session>> snapshots(Context ctx, Patient p, List<String> ids) {
        List<ComparisonReportBuilder.Session> out = new ArrayList<>();
        try {
            for (String id : ids) {
                out.add(session(finishedRun(ctx, p, id)));
            }
        } catch (NotFound | InvalidInputException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** The run, if it is a finished run of this patient the user may see; {@link NotFound} otherwise. */
    private Access.RunContext finishedRun(Context ctx, Patient p, String publicId) {
        Access.RunContext rc = access.run(ctx, publicId);
        if (rc.patient().id() != p.id() || rc.run().status() != RunStatus.DONE) {
            throw new NotFound();
        }
        return rc;
    }
}
